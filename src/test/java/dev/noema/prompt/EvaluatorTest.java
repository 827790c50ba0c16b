package dev.noema.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.meaning.MeaningLayers;
import dev.noema.ontology.OntologyModel;
import dev.noema.store.Tdb2GraphStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTest {
  private static final Path QUESTIONS = Path.of("src/test/resources/eval/sample-questions.yaml");
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

  @Test
  void the_shipped_questions_are_all_answered_by_the_miniature_graph() {
    List<EvalQuestion> questions = EvalQuestions.read(QUESTIONS);
    assertEquals(10, questions.size());
    EvalReport report =
        new Evaluator(retrieval, null, null).run(questions, ContextRequest.of("unused"));
    assertEquals(1.0, report.meanRecall(), report.table());
    EvalResult done = report.results().get(0);
    assertEquals(1, done.firstHitRank(), report.table());
    assertTrue(report.meanReciprocalRank() > 0.8, report.table());
    assertNull(report.graphAccuracy());
    assertTrue(report.table().contains("mean recall@2000 1.000"), report.table());
  }

  @Test
  void a_small_budget_lowers_recall() {
    List<EvalQuestion> questions = EvalQuestions.read(QUESTIONS);
    EvalReport report =
        new Evaluator(retrieval, null, null)
            .run(questions, ContextRequest.of("unused").withBudget(90));
    assertTrue(report.meanRecall() < 1.0, report.table());
    report.results().forEach(r -> assertTrue(r.tokens() <= 90));
  }

  @Test
  void a_scripted_judge_grades_answers_with_and_without_the_graph() {
    ScriptedChatModel judgeAndAnswerer =
        new ScriptedChatModel(
            messages -> {
              String text = ScriptedChatModel.text(messages);
              if (text.contains(Evaluator.JUDGE_INSTRUCTIONS)) {
                return text.contains("Answer:\nграф")
                    ? "CORRECT"
                    : "INCORRECT, it misses the point";
              }
              return text.contains("Context:") ? "граф [T1]" : "без графа";
            },
            true);
    List<EvalQuestion> questions = EvalQuestions.read(QUESTIONS).subList(0, 2);
    EvalReport report =
        new Evaluator(retrieval, null, judgeAndAnswerer).run(questions, ContextRequest.of("x"));
    assertEquals(1.0, report.graphAccuracy());
    assertEquals(0.0, report.baselineAccuracy());
    assertTrue(report.table().contains("correct with graph 100%, without 0%"), report.table());
  }

  @Test
  void bad_question_files_name_the_file_and_line(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("q.yaml");
    Files.writeString(broken, "- question: ok\n  expected_facts: [a]\n- question: [unclosed\n");
    QuestionFileException e =
        assertThrows(QuestionFileException.class, () -> EvalQuestions.read(broken));
    assertTrue(e.getMessage().startsWith(broken + ":"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
    Path unknown = dir.resolve("q.json");
    Files.writeString(unknown, "[{\"question\": \"q\",\n \"expected\": [\"a\"]}]");
    e = assertThrows(QuestionFileException.class, () -> EvalQuestions.read(unknown));
    assertTrue(e.getMessage().startsWith(unknown + ":2: "), e.getMessage());
    Path empty = dir.resolve("e.yaml");
    Files.writeString(empty, "- question: ''\n  expected_facts: [a]\n");
    e = assertThrows(QuestionFileException.class, () -> EvalQuestions.read(empty));
    assertEquals(empty + ": question 1: the question text is missing", e.getMessage());
    e =
        assertThrows(
            QuestionFileException.class, () -> EvalQuestions.read(dir.resolve("none.yaml")));
    assertEquals(dir.resolve("none.yaml") + ": no such file", e.getMessage());
  }
}
