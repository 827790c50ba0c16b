package dev.noema.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.noema.cli.CliRun;
import dev.noema.kb.ImportListener;
import dev.noema.kb.ImportReport;
import dev.noema.kb.ImportRequest;
import dev.noema.kb.KnowledgeBase;
import dev.noema.kb.KnowledgeBaseConfig;
import dev.noema.llm.LlmSettings;
import dev.noema.ontology.Iris;
import dev.noema.prompt.ContextRequest;
import dev.noema.prompt.EvalReport;
import dev.noema.prompt.Evaluator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluator end to end: the development corpus imported offline (structural extraction only,
 * deterministic) into a temporary knowledge base, scored against its gold, and the scores held to
 * the floors in {@code corpus-floors.properties}.
 */
class CorpusEvaluationTest {
  private static final Path EXPORTS = Path.of("import/corpus/exports");
  private static final String FLOORS = "corpus-floors.properties";

  @TempDir static Path dir;
  private static Path data;
  private static GoldCorpus gold;
  private static CorpusReport report;
  private static CorpusQuestions questions;
  private static EvalReport retrieval;

  private static KnowledgeBase open() {
    // No LLM whatever the environment says: the offline extractor is what the floors measure.
    return KnowledgeBase.open(KnowledgeBaseConfig.folder(data), LlmSettings.NONE, Map.of());
  }

  @BeforeAll
  static void importAndScore() {
    data = dir.resolve("kb");
    gold = GoldCorpus.read(GoldCorpusTest.GOLD);
    try (KnowledgeBase kb = open()) {
      ImportReport imported =
          kb.importLogs(ImportRequest.of(List.of(EXPORTS)), ImportListener.NONE);
      assertEquals(8, imported.imported(), "the corpus holds eight conversations");
      report = kb.corpusEvaluation().score(gold);
      questions = kb.corpusEvaluation().questions(gold);
      kb.embedLabels(); // scored as noema eval scores it: every label embedded
      retrieval =
          new Evaluator(kb.retrieval(), null, null)
              .run(questions.questions(), ContextRequest.of("(each question)"));
    }
  }

  @Test
  void every_gold_file_is_matched_to_its_conversation_and_its_quotes_are_in_the_stored_turns() {
    assertTrue(report.problems().isEmpty(), report.problems().toString());
    assertEquals(8, report.conversations().size());
    assertTrue(
        report.notes().stream().noneMatch(n -> n.contains("is not in stored turn")),
        "the import numbers turns as the gold does: " + report.notes());
    ConversationScore transcript =
        report.conversations().stream()
            .filter(c -> c.file().equals("transcript-pricing.yaml"))
            .findFirst()
            .orElseThrow();
    assertEquals("pricing-strategy.txt", transcript.conversationId(), "matched by file name");
  }

  @Test
  void the_overall_counts_are_the_sums_over_the_gold() {
    Scores overall = report.overall();

    assertEquals(120, overall.goldEntities());
    assertEquals(80, overall.centres(), "ten centres in each of eight conversations");
    assertEquals(42, overall.topics());
    assertEquals(80, overall.notEntities());
    assertEquals(58, overall.relations());
    assertEquals(
        report.conversations().stream().mapToInt(c -> c.scores().entitiesFound()).sum(),
        overall.entitiesFound());
    assertTrue(overall.quotes() > 0, "everything extracted quotes its turn");
  }

  @Test
  void scoring_twice_gives_the_same_report() {
    try (KnowledgeBase kb = open()) {
      assertEquals(report.json(), kb.corpusEvaluation().score(gold).json());
    }
  }

  @Test
  void explain_lists_per_conversation_what_was_matched_missed_and_made_wrongly() {
    String table = report.table(true);

    assertTrue(
        table.contains(
            "== Braising Beef Short Ribs  (chatgpt-short-ribs.yaml -> "
                + "67f7f91c-c227-8078-9832-a62ded8ace20)"),
        table);
    for (String section :
        List.of("entities found:", "entities missed (", "centres:", "topics:", "relations:")) {
      assertTrue(table.contains(section), section);
    }
    assertTrue(table.contains("overall (8 conversations)"), table);
  }

  @Test
  void the_json_report_holds_every_conversation_with_counts_and_ratios() throws IOException {
    JsonNode json = new ObjectMapper().readTree(report.json());

    assertEquals(8, json.get("conversations").size());
    assertEquals(120, json.get("overall").get("goldEntities").asInt());
    assertEquals(
        report.overall().entityRecall(), json.get("overall").get("entityRecall").asDouble());
    assertEquals(
        15, json.get("conversations").get(0).get("entities").size(), "each gold entity listed");
  }

  @Test
  void the_gold_questions_expect_the_answering_turn_of_the_matched_conversation() {
    assertTrue(questions.problems().isEmpty(), questions.problems().toString());
    assertEquals(24, questions.questions().size());
    assertEquals(
        "Why does my fetch_data coroutine hang with 0% CPU?",
        questions.questions().get(0).question());
    assertEquals(
        List.of(Iris.turn("67a0c1d6-ca0a-80d2-9ea0-bdff0347d84c", 1).getURI()),
        questions.questions().get(0).expectedTurns());
  }

  @Test
  void a_gold_conversation_missing_from_the_knowledge_base_is_a_problem() throws IOException {
    Path missing = dir.resolve("missing.yaml");
    Files.writeString(missing, "conversation: \"Never imported\"\nentities: []\n");
    try (KnowledgeBase kb = open()) {
      CorpusReport none = kb.corpusEvaluation().score(GoldCorpus.read(missing));

      assertTrue(none.conversations().isEmpty());
      assertEquals(1, none.problems().size());
      assertTrue(
          none.problems()
              .get(0)
              .startsWith("missing.yaml: no conversation titled or imported from"),
          none.problems().get(0));
    }
  }

  @Test
  void the_corpus_scores_hold_their_floors() {
    new CorpusFloors(FLOORS).check(report, retrieval);
  }

  @Test
  void the_eval_command_prints_the_table_and_refuses_re_extraction_options_on_corpus_gold() {
    CliRun table =
        CliRun.of("eval", "--data", data.toString(), "--gold", GoldCorpusTest.GOLD.toString());
    CliRun json =
        CliRun.of(
            "eval",
            "--data",
            data.toString(),
            "--gold",
            GoldCorpusTest.GOLD.resolve("nexus-emergence.yaml").toString(),
            "--format",
            "json");
    CliRun refused =
        CliRun.of(
            "eval",
            "--data",
            data.toString(),
            "--gold",
            GoldCorpusTest.GOLD.toString(),
            "--extractor",
            "structural");

    assertEquals(0, table.exitCode(), table.toString());
    assertTrue(table.out().startsWith("conversation "), table.out());
    assertTrue(table.out().contains("overall (8 conversations)"), table.out());
    assertEquals(0, json.exitCode(), json.toString());
    assertTrue(
        json.out().contains("\"conversation\" : \"Эмерджентность и самоорганизация\""), json.out());
    assertEquals(1, refused.exitCode(), refused.toString());
    assertTrue(
        refused.err().contains("--extractor and --conversation choose what to re-extract"),
        refused.err());
  }
}
