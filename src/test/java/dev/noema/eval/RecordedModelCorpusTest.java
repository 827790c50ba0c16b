package dev.noema.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.kb.ImportListener;
import dev.noema.kb.ImportReport;
import dev.noema.kb.ImportRequest;
import dev.noema.kb.KnowledgeBase;
import dev.noema.kb.KnowledgeBaseConfig;
import dev.noema.llm.LlmProvider;
import dev.noema.llm.LlmSettings;
import dev.noema.llm.ProviderStub;
import dev.noema.llm.RecordedReplies;
import dev.noema.prompt.ContextRequest;
import dev.noema.prompt.EvalReport;
import dev.noema.prompt.Evaluator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The development corpus imported as a user with a model would import it: the structural extractor
 * and the LLM extractor, the model's answers being the replies a careful model gave in the lab
 * ({@code replies/corpus}, replayed by turns through the OpenAI protocol's stub, which refuses what
 * the real service refuses). The scores are held to {@code corpus-floors-model.properties}.
 */
class RecordedModelCorpusTest {
  private static final Path EXPORTS = Path.of("import/corpus/exports");
  private static final Path REPLIES = Path.of("src/test/resources/replies/corpus");

  @TempDir static Path dir;
  private static ProviderStub model;
  private static ImportReport imported;
  private static CorpusReport report;
  private static EvalReport retrieval;

  @BeforeAll
  static void importWithTheRecordedModelAndScore() throws Exception {
    model = new ProviderStub(ProviderStub.Protocol.OPENAI).replay(RecordedReplies.load(REPLIES));
    LlmSettings settings =
        new LlmSettings(LlmProvider.OPENAI, "gpt-4o-mini", model.baseUrl(), null, null, 2, 1, null);
    try (KnowledgeBase kb =
        KnowledgeBase.open(
            KnowledgeBaseConfig.folder(dir.resolve("kb")),
            settings,
            Map.of("OPENAI_API_KEY", "sk-recorded"))) {
      imported = kb.importLogs(ImportRequest.of(List.of(EXPORTS)), ImportListener.NONE);
      GoldCorpus gold = GoldCorpus.read(GoldCorpusTest.GOLD);
      report = kb.corpusEvaluation().score(gold);
      kb.embedLabels(); // scored as noema eval scores it: every label embedded
      retrieval =
          new Evaluator(kb.retrieval(), null, null)
              .run(
                  kb.corpusEvaluation().questions(gold).questions(),
                  ContextRequest.of("(each question)"));
    }
    System.out.println(report.table(true) + retrieval.table());
  }

  @AfterAll
  static void stop() {
    model.close();
  }

  @Test
  void
      every_chunk_of_the_corpus_has_a_recorded_reply_and_every_request_is_one_the_service_accepts() {
    assertEquals(8, imported.imported(), imported.toString());
    assertEquals(List.of(), model.unrecorded(), "chunks asked for without a recorded reply");
    assertEquals(List.of(), model.rejected(), "requests the real service would refuse");
    assertTrue(model.requests().size() >= 15, "both chunks of most conversations were asked");
  }

  @Test
  void a_careful_model_finds_four_gold_entities_in_five_and_grounds_what_it_keeps() {
    Scores overall = report.overall();
    assertTrue(
        overall.entityRecall() >= 0.8,
        "entity recall " + overall.entityRecall() + "\n" + report.table(true));
    assertTrue(overall.grounding() >= 0.95, "grounding " + overall.grounding());
  }

  @Test
  void the_corpus_scores_with_the_recorded_model_hold_their_floors() {
    new CorpusFloors("corpus-floors-model.properties").check(report, retrieval);
  }
}
