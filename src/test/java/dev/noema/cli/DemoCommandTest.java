package dev.noema.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code noema demo}, the quick start, as a user runs it: every section on the sample, with the
 * embedded Neo4j started in the background while the sections before its own run.
 */
class DemoCommandTest {

  @Test
  void shows_every_section_on_the_sample_with_the_neo4j_started_beside_the_import(
      @TempDir Path dir) {
    CliRun run = CliRun.of("demo", "--data", dir.resolve("kb").toString());

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("1 imported, 0 replaced"), run.out());
    assertTrue(
        run.out()
            .matches(
                "(?s).*[1-9]\\d* graphs added, 0 replaced, 0 removed, 0 unchanged; [1-9]\\d* nodes.*"),
        run.out());
    assertTrue(run.out().contains("| RECURSIA   |"), run.out());
    assertTrue(run.out().contains("оператор гравитации смысла"), run.out());
  }

  @Test
  void a_neo4j_that_cannot_be_reached_skips_its_section_in_one_line_and_the_rest_runs(
      @TempDir Path dir) {
    CliRun run =
        CliRun.of(
            "demo", "--data", dir.resolve("kb").toString(), "--neo4j-uri", "bolt://127.0.0.1:1");

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(
        run.out().contains("skipped: cannot reach Neo4j at bolt://127.0.0.1:1: "), run.out());
    assertTrue(run.out().contains("== 6. The topology of meaning"), run.out());
    assertTrue(run.out().contains("оператор гравитации смысла"), run.out());
    assertEquals("", run.err());
  }
}
