package dev.noema.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.llm.LlmException;
import dev.noema.llm.LlmProvider;
import dev.noema.llm.LlmSettings;
import dev.noema.llm.ProviderStub;
import dev.noema.store.GraphEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseExtractTest {
  static final Path SAMPLE = Path.of("import", "samples", "000_aecd9b8aaabbed65.txt");
  static final Path CHATGPT =
      Path.of("src", "test", "resources", "formats", "chatgpt-conversations.json");
  static final Path GOLD = Path.of("src", "test", "resources", "eval", "sample-gold.tsv");
  private static final String KEY = "sk-test-NEVER-LEAK-4711";

  @TempDir Path dir;

  private KnowledgeBase open(ProviderStub stub) {
    LlmSettings flags =
        stub == null
            ? LlmSettings.NONE
            : new LlmSettings(
                LlmProvider.OPENAI, "stub-model", stub.baseUrl(), null, null, 2, 2, null);
    Map<String, String> env = stub == null ? Map.of() : Map.of("OPENAI_API_KEY", KEY);
    return KnowledgeBase.open(KnowledgeBaseConfig.folder(dir), flags, env);
  }

  private static String dump(KnowledgeBase kb) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StreamRDF writer = StreamRDFWriter.getWriterStream(out, Lang.NQUADS);
    writer.start();
    kb.store().readAll(writer);
    writer.finish();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void structural_reextraction_replaces_each_turn_graph_from_the_stored_dialogue() {
    try (KnowledgeBase kb = open(null)) {
      kb.importLogs(ImportRequest.of(List.of(SAMPLE)), ImportListener.NONE);
      List<GraphEntry> before = kb.store().graphs();

      ExtractReport report = kb.extract(new ExtractRequest(null, "structural", false, 0, 0));

      assertEquals(List.of("structural"), report.extractors());
      assertEquals(1, report.conversations());
      assertEquals(1, report.written());
      assertTrue(report.relations() > 10, report.toString());
      assertEquals(List.of(), report.problems());
      assertEquals(
          before.stream().map(GraphEntry::name).toList(),
          kb.store().graphs().stream().map(GraphEntry::name).toList());
    }
  }

  @Test
  void beside_a_model_the_structural_extractor_keeps_only_what_the_structure_makes_sure_of()
      throws IOException {
    long alone;
    try (KnowledgeBase kb = open(null)) {
      kb.importLogs(
          ImportRequest.of(List.of(Path.of("import/corpus/exports/claude/conversations.json"))),
          ImportListener.NONE);
      alone = kb.extract(new ExtractRequest(null, "structural", false, 0, 0)).relations();
    }
    long besideAModel;
    try (ProviderStub stub = new ProviderStub(ProviderStub.Protocol.OPENAI);
        KnowledgeBase kb = open(stub)) {
      besideAModel = kb.extract(new ExtractRequest(null, "structural", false, 0, 0)).relations();
    }

    assertTrue(alone > 0, "the offline extractor alone finds relations");
    assertTrue(
        besideAModel < alone,
        "sure-only beside a model: " + besideAModel + " relations, alone " + alone);
  }

  @Test
  void asking_for_the_llm_without_a_provider_says_how_to_configure_one() {
    try (KnowledgeBase kb = open(null)) {
      LlmException e =
          assertThrows(
              LlmException.class, () -> kb.extract(new ExtractRequest(null, "llm", false, 0, 0)));
      assertTrue(e.getMessage().startsWith("no LLM provider configured"), e.getMessage());
      assertThrows(
          IllegalArgumentException.class,
          () -> kb.extract(new ExtractRequest("nope", null, false, 0, 0)));
    }
  }

  @Test
  void import_runs_the_configured_llm_rerun_hits_the_cache_and_the_key_never_leaks()
      throws IOException {
    try (ProviderStub stub = new ProviderStub(ProviderStub.Protocol.OPENAI);
        KnowledgeBase kb = open(stub)) {
      ImportReport imported = kb.importLogs(ImportRequest.of(List.of(SAMPLE)), ImportListener.NONE);
      int requests = stub.requests().size();

      ExtractReport rerun = kb.extract(new ExtractRequest(null, "llm", false, 0, 0));
      ExtractReport offline = kb.extract(new ExtractRequest(null, "llm", true, 0, 0));

      assertTrue(requests > 0);
      assertEquals(requests, stub.requests().size(), "a re-run on unchanged turns sends nothing");
      assertEquals(requests, rerun.llm().cacheHits());
      assertEquals(0, rerun.llm().calls());
      assertEquals(List.of(), offline.problems());
      assertEquals("Bearer " + KEY, stub.requests().get(0).headers().get("Authorization").get(0));
      String quads = dump(kb);
      assertTrue(quads.contains("\"openai\""), "the activity names its provider");
      assertTrue(quads.contains("\"stub-model\""), "the activity names its model");
      assertFalse(quads.contains(KEY));
      assertFalse(imported.toString().contains(KEY));
      assertFalse(rerun.toString().contains(KEY));
      assertFalse(kb.llm().orElseThrow().toString().contains(KEY));
      try (Stream<Path> files = Files.walk(kb.llmCacheFolder())) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          assertFalse(Files.readString(file).contains(KEY), file.toString());
        }
      }
    }
  }

  @Test
  void offline_reextraction_with_an_empty_cache_reports_the_conversation_and_keeps_its_graphs()
      throws IOException {
    try (ProviderStub stub = new ProviderStub(ProviderStub.Protocol.OPENAI);
        KnowledgeBase kb = open(stub)) {
      kb.importLogs(
          new ImportRequest(
              List.of(SAMPLE), null, null, false, false, ImportRequest.DEFAULT_MAX_TURN_CHARS),
          ImportListener.NONE);

      ExtractReport report = kb.extract(new ExtractRequest(null, "llm", true, 0, 0));

      assertEquals(0, stub.requests().size());
      assertEquals(0, report.written());
      assertEquals(1, report.problems().size());
      assertTrue(
          report.problems().get(0).contains("not in the LLM cache (offline)"),
          report.problems().get(0));
    }
  }

  @Test
  void a_refused_request_stops_the_reextraction_once_and_keeps_what_was_written()
      throws IOException {
    try (ProviderStub stub =
            new ProviderStub(ProviderStub.Protocol.OPENAI)
                .script(
                    ProviderStub.Reply.ok(
                        "{\"entities\":[],\"relations\":[],\"interpretations\":[]}"),
                    ProviderStub.Reply.error(400, "Invalid 'messages': too long"));
        KnowledgeBase kb = open(stub)) {
      kb.importLogs(
          new ImportRequest(
              List.of(SAMPLE, CHATGPT),
              null,
              null,
              false,
              false,
              ImportRequest.DEFAULT_MAX_TURN_CHARS),
          ImportListener.NONE);

      ExtractReport report = kb.extract(new ExtractRequest(null, "llm", false, 1, 0));

      assertEquals(2, stub.requests().size(), "one answered, one refused, none after");
      assertEquals(
          List.of(
              "llm: openai:stub-model refused the request (HTTP 400): Invalid 'messages': too"
                  + " long"),
          report.problems());
      assertEquals(1, report.written());
      assertEquals(1, report.llmConversations());
      assertEquals(2, report.unreached(), "the refused one and the one never started");
      assertEquals(report.problems().get(0).substring(5), report.llm().stopped());
    }
  }

  @Test
  void evaluation_scores_against_gold_and_structural_extraction_is_stable() {
    try (KnowledgeBase kb = open(null)) {
      kb.importLogs(ImportRequest.of(List.of(SAMPLE)), ImportListener.NONE);

      EvalReport report = kb.evaluate(new EvalRequest(null, "structural", false, GOLD, true));

      EvalReport.GoldScore g = report.gold();
      assertEquals(24, g.goldTriples());
      assertTrue(g.recall() > 0.5, g.toString());
      assertTrue(g.precision() > 0 && g.precision() <= 1, g.toString());
      assertEquals(1.0, g.groundingRate());
      assertEquals(1.0, report.stability().jaccard());
    }
  }
}
