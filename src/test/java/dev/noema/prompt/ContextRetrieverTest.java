package dev.noema.prompt;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.service.AiServices;
import dev.noema.meaning.MeaningLayers;
import dev.noema.ontology.OntologyModel;
import dev.noema.store.Tdb2GraphStore;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextRetrieverTest {

  /** An assistant as the README example declares it. */
  interface Assistant {
    String chat(String question);
  }

  /**
   * The README's Java example (its one {@code java} block), compiled as it is written there inside
   * a method, with the imports and the {@code Assistant} interface a reader would add; not run (it
   * needs a provider key). A README edit that breaks the example fails here.
   */
  @Test
  void the_readme_example_compiles_verbatim(@TempDir Path out) throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    Matcher block = Pattern.compile("(?s)```java\n(.*?)```").matcher(readme);
    assertTrue(block.find(), "README.md has a java block");
    String example = block.group(1);
    assertFalse(block.find(), "README.md has one java block: the one compiled here");
    String source =
        String.join(
            "\n",
            "import dev.langchain4j.model.openai.OpenAiChatModel;",
            "import dev.langchain4j.service.AiServices;",
            "import dev.noema.kb.KnowledgeBase;",
            "import dev.noema.kb.KnowledgeBaseConfig;",
            "import dev.noema.prompt.ContextRetriever;",
            "import java.nio.file.Path;",
            "",
            "class ReadmeExample {",
            "  interface Assistant {",
            "    String chat(String question);",
            "  }",
            "",
            "  static void example() {",
            example,
            "  }",
            "}");
    Path file = out.resolve("ReadmeExample.java");
    Files.writeString(file, source);
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, UTF_8)) {
      boolean compiled =
          javac
              .getTask(
                  diagnostics,
                  files,
                  null,
                  List.of("-classpath", classpath, "-d", out.toString(), "-proc:none"),
                  null,
                  files.getJavaFileObjects(file))
              .call();
      assertTrue(compiled, "the README example does not compile:\n" + diagnostics + "\n" + source);
    }
    assertTrue(Files.exists(out.resolve("ReadmeExample.class")));
  }

  @Test
  void retrieves_one_self_contained_content_per_fact_best_first() {
    try (Tdb2GraphStore store = Tdb2GraphStore.inMemory()) {
      SampleGraph.writeTo(store);
      ContextRetriever retriever =
          new ContextRetriever(
              new GraphRetrieval(MeaningLayers.of(store, OntologyModel.loadDefault()), null));
      List<Content> contents = retriever.retrieve(Query.from("Как Кирилл понимает внимание?"));
      String first = contents.get(0).textSegment().text();
      assertTrue(first.contains(SampleGraph.KIRILL_QUOTE), first);
      assertTrue(first.contains("\n[T1] «Архитектура смысла», turn 0, Kirill"), first);
      double previous = Double.MAX_VALUE;
      for (Content c : contents) {
        double score = (Double) c.metadata().get(ContentMetadata.SCORE);
        assertTrue(score <= previous);
        previous = score;
      }
      assertEquals(List.of(), retriever.retrieve(Query.from("zzzz qqqq")));
    }
  }

  @Test
  void an_ai_services_assistant_gets_the_graph_context() {
    try (Tdb2GraphStore store = Tdb2GraphStore.inMemory()) {
      SampleGraph.writeTo(store);
      GraphRetrieval retrieval =
          new GraphRetrieval(MeaningLayers.of(store, OntologyModel.loadDefault()), null);
      ScriptedChatModel model =
          new ScriptedChatModel(messages -> "Как оператор гравитации смысла [T1].", true);
      Assistant assistant =
          AiServices.builder(Assistant.class)
              .chatModel((ChatModel) model)
              .contentRetriever(new ContextRetriever(retrieval))
              .build();
      assertEquals(
          "Как оператор гравитации смысла [T1].", assistant.chat("Как Кирилл понимает внимание?"));
      UserMessage sent = (UserMessage) model.requests.get(0).get(model.requests.get(0).size() - 1);
      assertTrue(sent.singleText().contains("Как Кирилл понимает внимание?"), sent.singleText());
      assertTrue(sent.singleText().contains(SampleGraph.KIRILL_QUOTE), sent.singleText());
    }
  }
}
