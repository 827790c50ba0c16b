package dev.noema.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code noema extract}, {@code noema eval} and {@code noema ontology check} on the imported sample
 * dialogue.
 */
class ExtractCommandsTest {
  @TempDir Path dir;
  private String data;

  @BeforeEach
  void importSample() {
    data = dir.resolve("kb").toString();
    CliRun imported =
        CliRun.of(
            "import", "--data", data, "--no-progress", "import/samples/000_aecd9b8aaabbed65.txt");
    assertEquals(0, imported.exitCode(), imported.toString());
  }

  @Test
  void extract_prints_the_run_summary() {
    CliRun run = CliRun.of("extract", "--data", data, "--extractor", "structural");

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(
        run.out().contains("extracted 1 conversation(s) with structural: 1 written"), run.out());
    assertTrue(run.out().contains("kept: "), run.out());
  }

  @Test
  void stats_counts_the_meaning_classes_of_the_ontology_and_no_dialogue_class() {
    CliRun run = CliRun.of("stats", "--data", data);

    assertEquals(0, run.exitCode(), run.toString());
    String meaning = run.out().substring(run.out().indexOf("meaning layer:"));
    assertTrue(meaning.contains("CognitiveModule"), run.out());
    assertTrue(meaning.contains("Perspective"), run.out());
    assertFalse(meaning.contains("#Turn"), run.out());
    assertFalse(meaning.contains("#Conversation"), run.out());
  }

  @Test
  void extract_with_the_llm_but_no_provider_fails_in_one_line() {
    CliRun run = CliRun.of("extract", "--data", data, "--extractor", "llm");

    assertEquals(1, run.exitCode(), run.toString());
    assertTrue(run.err().startsWith("noema: no LLM provider configured"), run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
  }

  @Test
  void extract_rejects_an_unknown_provider_and_an_unknown_conversation() {
    CliRun provider = CliRun.of("extract", "--data", data, "--llm", "gemini:pro");
    CliRun conversation = CliRun.of("extract", "--data", data, "--conversation", "nope");

    assertEquals(
        "noema: --llm: unknown provider 'gemini' (known: openai, anthropic, ollama)",
        provider.err().strip());
    assertEquals(1, conversation.exitCode());
    assertTrue(conversation.err().startsWith("noema: no conversation 'nope'"), conversation.err());
  }

  @Test
  void eval_scores_gold_and_stability() {
    CliRun run =
        CliRun.of(
            "eval",
            "--data",
            data,
            "--extractor",
            "structural",
            "--gold",
            "src/test/resources/eval/sample-gold.tsv",
            "--stability");

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("gold: 24 triple(s)"), run.out());
    assertTrue(run.out().contains("recall 0.917"), run.out());
    assertTrue(run.out().contains("Jaccard 1.000"), run.out());
  }

  @Test
  void eval_of_gold_triples_over_a_knowledge_base_with_no_conversation_fails_in_one_line() {
    String empty = dir.resolve("empty").toString();
    CliRun run =
        CliRun.of("eval", "--data", empty, "--gold", "src/test/resources/eval/sample-gold.tsv");

    assertEquals(1, run.exitCode(), run.toString());
    assertTrue(run.err().startsWith("noema: no conversation in "), run.err());
    assertTrue(run.err().contains("import the logs the gold is about first"), run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertEquals("", run.out());
  }

  @Test
  void eval_names_a_malformed_gold_line() {
    CliRun run =
        CliRun.of("eval", "--data", data, "--gold", "src/test/resources/eval/../../../../pom.xml");

    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("pom.xml:1: expected three tab-separated fields"), run.err());
  }

  @Test
  void ontology_check_reports_the_reasoner_and_the_shapes() {
    CliRun run = CliRun.of("ontology", "check", "--data", data);

    assertTrue(run.out().contains("consistent, 0 unsatisfiable class(es)"), run.toString());
    boolean conforms = run.out().contains("conforms to the shapes");
    assertEquals(conforms ? 0 : 1, run.exitCode(), run.toString());
    assertFalse(run.out().contains("INCONSISTENT"));
  }
}
