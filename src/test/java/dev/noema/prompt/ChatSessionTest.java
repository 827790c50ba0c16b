package dev.noema.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.meaning.MeaningLayers;
import dev.noema.ontology.OntologyModel;
import dev.noema.store.Tdb2GraphStore;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ChatSessionTest {

  @Test
  void each_question_gets_its_own_context_and_the_history() {
    try (Tdb2GraphStore store = Tdb2GraphStore.inMemory()) {
      SampleGraph.writeTo(store);
      GraphRetrieval retrieval =
          new GraphRetrieval(MeaningLayers.of(store, OntologyModel.loadDefault()), null);
      ScriptedChatModel model =
          new ScriptedChatModel(messages -> "answer " + messages.size() + " [T1]", true);
      StringWriter out = new StringWriter();
      int answered =
          new ChatSession(retrieval, model, ContextRequest.of("unused"))
              .run(
                  new BufferedReader(
                      new StringReader(
                          "Как Кирилл понимает внимание?\n\nКакие модули входят в консенсус?\n"
                              + "/exit\nnever asked\n")),
                  new PrintWriter(out));
      assertEquals(2, answered);
      assertEquals(2, model.requests.size());
      String first = ScriptedChatModel.text(model.requests.get(0));
      String second = ScriptedChatModel.text(model.requests.get(1));
      assertTrue(first.contains(SampleGraph.KIRILL_QUOTE), first);
      assertTrue(second.contains("RECURSIA"), second);
      // system + first question and its answer + the new question
      assertEquals(4, model.requests.get(1).size());
      assertTrue(second.contains("Как Кирилл понимает внимание?\nanswer 2 [T1]"), second);
      // Old contexts are not resent: the earlier user turn is the bare question.
      assertEquals(
          "Как Кирилл понимает внимание?\n",
          ScriptedChatModel.text(model.requests.get(1).subList(1, 2)));
      assertTrue(out.toString().contains("answer 2 [T1]"), out.toString());
      assertTrue(out.toString().contains("Cited:"), out.toString());
    }
  }

  @Test
  void end_of_input_ends_the_session() {
    try (Tdb2GraphStore store = Tdb2GraphStore.inMemory()) {
      GraphRetrieval retrieval =
          new GraphRetrieval(MeaningLayers.of(store, OntologyModel.loadDefault()), null);
      ScriptedChatModel model = new ScriptedChatModel(messages -> "nothing known", false);
      StringWriter out = new StringWriter();
      assertEquals(
          1,
          new ChatSession(retrieval, model, ContextRequest.of("unused"))
              .run(new BufferedReader(new StringReader("hello?")), new PrintWriter(out)));
      assertTrue(out.toString().contains("nothing known"));
    }
  }

  @Test
  void a_chat_needs_a_model() {
    try (Tdb2GraphStore store = Tdb2GraphStore.inMemory()) {
      GraphRetrieval retrieval =
          new GraphRetrieval(MeaningLayers.of(store, OntologyModel.loadDefault()), null);
      NullPointerException e =
          assertThrows(
              NullPointerException.class,
              () -> new ChatSession(retrieval, null, ContextRequest.of("unused")));
      assertTrue(e.getMessage().contains("NOEMA_LLM"), e.getMessage());
    }
  }
}
