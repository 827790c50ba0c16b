package dev.noema.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.SystemMessage;
import dev.noema.conversation.Conversation;
import dev.noema.conversation.Role;
import dev.noema.meaning.MeaningLayers;
import dev.noema.ontology.Iris;
import dev.noema.ontology.OntologyModel;
import dev.noema.store.Tdb2GraphStore;
import dev.noema.text.TokenCounter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AskerTest {
  private static final String QUESTION = "Как Кирилл понимает внимание?";
  private static Tdb2GraphStore store;
  private static GraphRetrieval retrieval;

  @BeforeAll
  static void sample() {
    store = Tdb2GraphStore.inMemory();
    SampleGraph.writeTo(store);
    retrieval = new GraphRetrieval(MeaningLayers.of(store, OntologyModel.loadDefault()), null);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  /**
   * Answers with a citation when the prompt holds Kirill's quote, and without one when it does not.
   */
  private static ScriptedChatModel model() {
    return new ScriptedChatModel(
        messages ->
            ScriptedChatModel.text(messages).contains(SampleGraph.KIRILL_QUOTE)
                ? "Кирилл определяет внимание как оператор гравитации смысла [T1]; см. также [T9]."
                : "Внимание — механизм взвешивания токенов.",
        true);
  }

  @Test
  void the_prompt_holds_instructions_context_and_question_and_the_answer_resolves_citations() {
    ScriptedChatModel model = model();
    AskResult result = new Asker(retrieval, model).ask(ContextRequest.of(QUESTION), false);
    assertEquals(1, model.requests.size());
    assertTrue(model.requests.get(0).get(0) instanceof SystemMessage);
    String sent = ScriptedChatModel.text(model.requests.get(0));
    assertTrue(sent.contains("cite its key"), sent);
    assertTrue(sent.contains(SampleGraph.KIRILL_QUOTE), sent);
    assertTrue(sent.contains("Question: " + QUESTION), sent);
    Answer answer = result.answer();
    assertEquals(1, answer.citations().size());
    assertEquals(
        Iris.turn(SampleGraph.CONVERSATION, 0).getURI(), answer.citations().get(0).turn().iri());
    assertEquals(List.of("T9"), answer.unknownKeys());
    assertEquals(100 * 2, answer.inputTokens());
    assertEquals(7, answer.outputTokens());
    assertFalse(answer.tokensEstimated());
    assertNull(result.baseline());
  }

  @Test
  void baseline_asks_the_same_model_the_bare_question() {
    ScriptedChatModel scripted = model();
    AskResult result = new Asker(retrieval, scripted).ask(ContextRequest.of(QUESTION), true);
    assertEquals(2, scripted.requests.size());
    assertEquals(1, scripted.requests.get(1).size());
    assertEquals(QUESTION + "\n", ScriptedChatModel.text(scripted.requests.get(1)));
    assertEquals("Внимание — механизм взвешивания токенов.", result.baseline().text());
    assertTrue(result.baseline().citations().isEmpty());
    assertTrue(result.baseline().latency().compareTo(Duration.ZERO) >= 0);
    StringWriter printed = new StringWriter();
    AnswerPrinter.print(new PrintWriter(printed), result);
    assertTrue(
        printed.toString().contains("=== Without the knowledge graph (baseline) ==="),
        printed.toString());
    assertTrue(
        printed.toString().contains("[T1] «Архитектура смысла», turn 0, Kirill"),
        printed.toString());
    assertTrue(printed.toString().contains("tokens in"), printed.toString());
  }

  @Test
  void token_counts_are_estimated_when_the_provider_reports_none() {
    ScriptedChatModel silent = new ScriptedChatModel(messages -> "ok [T1]", false);
    Answer answer = new Asker(retrieval, silent).ask(ContextRequest.of(QUESTION), false).answer();
    assertTrue(answer.tokensEstimated());
    assertTrue(answer.inputTokens() > 50, "" + answer.inputTokens());
    assertEquals(new TokenCounter().count("ok [T1]"), answer.outputTokens());
  }

  @Test
  void with_no_model_the_complete_prompt_and_how_to_configure_are_returned() {
    AskResult result = new Asker(retrieval, null).ask(ContextRequest.of(QUESTION), true);
    assertTrue(result.promptOnly());
    assertTrue(
        result.prompt().text().startsWith(GraphAugmentedPrompt.INSTRUCTIONS),
        result.prompt().text());
    assertTrue(result.prompt().text().contains(SampleGraph.KIRILL_QUOTE));
    assertTrue(result.prompt().text().endsWith("Question: " + QUESTION));
    assertTrue(result.notice().contains("NOEMA_LLM=openai:gpt-4o-mini"), result.notice());
    StringWriter printed = new StringWriter();
    AnswerPrinter.print(new PrintWriter(printed), result);
    assertTrue(printed.toString().contains("OPENAI_API_KEY"));
    assertThrows(IllegalStateException.class, () -> result.toConversation(Instant.EPOCH));
  }

  @Test
  void record_gives_a_two_turn_conversation_of_question_and_answer() {
    Instant time = Instant.parse("2026-01-02T03:04:05Z");
    AskResult result = new Asker(retrieval, model()).ask(ContextRequest.of(QUESTION), false);
    Conversation conversation = result.toConversation(time);
    assertEquals(AskResult.FORMAT, conversation.format());
    assertEquals(2, conversation.turns().size());
    assertEquals(Role.USER, conversation.turns().get(0).role());
    assertEquals(QUESTION, conversation.turns().get(0).text());
    assertEquals(time, conversation.turns().get(0).time());
    assertEquals(Role.ASSISTANT, conversation.turns().get(1).role());
    assertEquals(result.answer().text(), conversation.turns().get(1).text());
    assertEquals("scripted", conversation.turns().get(1).model());
    assertEquals(QUESTION, conversation.title());
    assertEquals(conversation.id(), result.toConversation(time).id());
    // The pipeline can store it: its dialogue graph is written and found again.
    try (Tdb2GraphStore other = Tdb2GraphStore.inMemory()) {
      other.apply(
          dev.noema.store.GraphChange.put(
              new dev.noema.store.GraphContent(
                  Iris.conversationGraph(conversation.id()),
                  "h",
                  dev.noema.store.DialogueGraph.triples(conversation))));
      assertEquals(1, other.graphs().size());
    }
  }
}
