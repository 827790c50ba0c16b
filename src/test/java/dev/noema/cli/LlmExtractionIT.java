package dev.noema.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LLM extractor against the real provider the environment names ({@code NOEMA_LLM}, e.g. {@code
 * openai:gpt-4o-mini}, with its key in {@code OPENAI_API_KEY} or {@code ANTHROPIC_API_KEY}),
 * through the CLI as a user runs it. Run by {@code mvn verify} (failsafe) when {@code NOEMA_LLM} is
 * set; skipped otherwise. It makes real, billed calls: a handful for the sample's two turns.
 */
@EnabledIfEnvironmentVariable(named = "NOEMA_LLM", matches = ".+")
class LlmExtractionIT {
  private static final String PREFIXES =
      "PREFIX noema: <https://w3id.org/noema/ontology#>\n"
          + "PREFIX oa: <http://www.w3.org/ns/oa#>\n";

  @TempDir Path dir;

  @Test
  void the_configured_provider_adds_grounded_facts_to_the_sample() {
    String kb = dir.resolve("kb").toString();
    CliRun imported =
        CliRun.of("import", "--data", kb, "--no-progress", "--no-sync", "import/samples");
    assertEquals(0, imported.exitCode(), imported.toString());

    CliRun facts =
        CliRun.of(
            "query",
            "--data",
            kb,
            "--format",
            "csv",
            "--sparql",
            PREFIXES
                + "SELECT (COUNT(?f) AS ?n) WHERE { ?f a noema:Fact ; noema:extractor \"llm\" }");
    assertEquals(0, facts.exitCode(), facts.toString());
    long llmFacts = Long.parseLong(facts.out().lines().skip(1).findFirst().orElseThrow().strip());
    assertTrue(llmFacts > 0, "the LLM extractor kept no fact: " + imported.out());

    CliRun ungrounded =
        CliRun.of(
            "query",
            "--data",
            kb,
            "--format",
            "csv",
            "--sparql",
            PREFIXES
                + "ASK { ?f a noema:Fact ; noema:extractor \"llm\" ."
                + " FILTER NOT EXISTS { ?g oa:hasBody ?f ; oa:hasTarget/oa:hasSelector/oa:exact ?q } }");
    assertEquals(0, ungrounded.exitCode(), ungrounded.toString());
    assertTrue(ungrounded.out().contains("false"), "every LLM fact quotes its turn");
  }
}
