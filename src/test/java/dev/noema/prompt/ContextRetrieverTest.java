package dev.noema.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.service.AiServices;
import dev.noema.kb.KnowledgeBase;
import dev.noema.kb.KnowledgeBaseConfig;
import dev.noema.meaning.MeaningLayers;
import dev.noema.ontology.OntologyModel;
import dev.noema.store.Tdb2GraphStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextRetrieverTest {

  /** The assistant of the README example. */
  interface Assistant {
    String chat(String question);
  }

  /**
   * The README example, verbatim: compiled here so that it keeps compiling; not run (it needs a
   * provider key).
   */
  static void readmeExample() {
    try (KnowledgeBase kb = KnowledgeBase.open(KnowledgeBaseConfig.folder(Path.of("noema-data")))) {
      GraphRetrieval retrieval =
          new GraphRetrieval(
              MeaningLayers.of(kb.store(), kb.ontology()),
              new AllMiniLmL6V2QuantizedEmbeddingModel());
      Assistant assistant =
          AiServices.builder(Assistant.class)
              .chatModel(
                  OpenAiChatModel.builder()
                      .apiKey(System.getenv("OPENAI_API_KEY"))
                      .modelName("gpt-4o-mini")
                      .build())
              .contentRetriever(new ContextRetriever(retrieval))
              .build();
      System.out.println(assistant.chat("Как Кирилл понимает внимание?"));
    }
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
