package dev.noema.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.bench.NexusCorpusGenerator;
import dev.noema.neo4j.Neo4jConnection;
import dev.noema.neo4j.Neo4jTarget;
import dev.noema.store.StoreStats;
import dev.noema.store.Tdb2GraphStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sync neo4j}, {@code query --cypher} and the automatic sync of {@code import}, through the
 * CLI as a user runs them, on the sample dialogue, with the embedded Neo4j (each command starts and
 * stops its own, as from a shell).
 */
class CypherCommandsTest {
  @TempDir static Path dir;

  static Path kb;

  @BeforeAll
  static void importSample() {
    kb = dir.resolve("kb");
    CliRun run = CliRun.of("import", "--data", kb.toString(), "--no-progress", "import/samples");
    assertEquals(0, run.exitCode(), run.toString());
    assertFalse(
        Files.exists(kb.resolve("neo4j")),
        "an import must not start Neo4j before the user has used it");
    // The shared knowledge base is projected once here and never changed afterwards, so that no
    // test's output depends on which test ran first.
    CliRun sync = CliRun.of("sync", "neo4j", "--data", kb.toString());
    assertEquals(0, sync.exitCode(), sync.toString());
  }

  private static CliRun noema(String... args) {
    return noemaOn(kb, args);
  }

  private static CliRun noemaOn(Path data, String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data";
    all[args.length + 1] = data.toString();
    return CliRun.of(all);
  }

  private static StoreStats stats() {
    try (Tdb2GraphStore store = Tdb2GraphStore.open(kb.resolve("tdb2"))) {
      return store.stats();
    }
  }

  @Test
  void cypher_after_import_lists_the_modules_then_imports_keep_neo4j_in_step() throws IOException {
    // A knowledge base of its own: this test grows it, the others read the shared one.
    Path growing = dir.resolve("kb-growing");
    CliRun sample =
        CliRun.of("import", "--data", growing.toString(), "--no-progress", "import/samples");
    assertEquals(0, sample.exitCode(), sample.toString());

    CliRun modules =
        noemaOn(
            growing,
            "query",
            "--cypher",
            "MATCH (m:CognitiveModule) RETURN m.label AS module ORDER BY module",
            "--format",
            "csv");

    assertEquals(0, modules.exitCode(), modules.toString());
    assertEquals("module\r\nINSIGHT\r\nOBSTRUCTIO\r\nRECURSIA\r\n", modules.out());

    Path notes = dir.resolve("notes");
    new NexusCorpusGenerator(3).write(notes, 1, 4);
    CliRun more = noemaOn(growing, "import", "--no-progress", notes.toString());

    assertEquals(0, more.exitCode(), more.toString());
    // Replaced: the identity graph of an entity the new notes name again (a new name or decision).
    assertTrue(
        more.out()
            .lines()
            .anyMatch(
                l -> l.matches("neo4j: [1-9]\\d* graphs added, \\d+ replaced, 0 removed, .*")),
        more.out());

    CliRun twin =
        noemaOn(
            growing,
            "query",
            "turns",
            "--cypher",
            "--param",
            "id=000_aecd9b8aaabbed65",
            "--format",
            "json");

    assertEquals(0, twin.exitCode(), twin.toString());
    assertTrue(
        twin.out().startsWith("[ {\n  \"index\" : 0,\n  \"speaker\" : \"User\","), twin.out());
    assertEquals("", twin.err(), "nothing left to sync");
  }

  @Test
  void cypher_syntax_error_is_one_line_and_leaves_the_store_as_it_was() {
    StoreStats before = stats();

    CliRun run = noema("query", "--cypher", "MATCH (m:CognitiveModule RETURN m");

    assertEquals(1, run.exitCode(), run.toString());
    assertEquals("", run.out());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(
        run.err().startsWith("noema: Cypher syntax error: Invalid input 'RETURN'"), run.err());
    assertEquals(before, stats());
  }

  @Test
  void unreachable_server_is_one_line_and_leaves_the_store_as_it_was() {
    StoreStats before = stats();

    CliRun sync = noema("sync", "neo4j", "--neo4j-uri", "bolt://127.0.0.1:1");
    CliRun query = noema("query", "modules", "--cypher", "--neo4j-uri", "bolt://127.0.0.1:1");

    for (CliRun run : new CliRun[] {sync, query}) {
      assertEquals(1, run.exitCode(), run.toString());
      assertTrue(
          run.err().startsWith("noema: cannot reach Neo4j at bolt://127.0.0.1:1: "), run.err());
      assertEquals(1, run.err().lines().count(), run.err());
    }
    assertEquals(before, stats());
  }

  @Test
  void another_neo4j_server_named_by_uri_works_the_same_and_nothing_embedded_starts() {
    Path other = dir.resolve("kb-other");
    assertEquals(
        0,
        CliRun.of("import", "--data", other.toString(), "--no-progress", "import/samples")
            .exitCode());
    // A Neo4j of its own, reached only through its Bolt URL, as a server elsewhere would be.
    try (Neo4jConnection server =
        Neo4jConnection.open(
            new Neo4jTarget.Embedded(
                dir.resolve("server-neo4j"), Neo4jTarget.Embedded.LOOPBACK, 0, null, 32))) {
      String uri = server.boltUrl();

      CliRun sync = CliRun.of("sync", "neo4j", "--data", other.toString(), "--neo4j-uri", uri);
      CliRun query =
          CliRun.of(
              "query",
              "--data",
              other.toString(),
              "--neo4j-uri",
              uri,
              "--cypher",
              "MATCH (m:CognitiveModule) RETURN m.label AS module ORDER BY module");

      assertEquals(0, sync.exitCode(), sync.toString());
      assertTrue(sync.out().contains(uri), sync.out());
      assertEquals(0, query.exitCode(), query.toString());
      assertTrue(
          query.out().contains("INSIGHT")
              && query.out().contains("OBSTRUCTIO")
              && query.out().contains("RECURSIA"),
          query.out());
      assertFalse(
          Files.exists(other.resolve("neo4j")),
          "nothing embedded may start when a server is named");
    }
  }

  @Test
  void cypher_parameters_are_typed_values() {
    Map<String, String> given = new LinkedHashMap<>();
    given.put("n", "42");
    given.put("x", "-4.5e1");
    given.put("flag", "true");
    given.put("quoted", "\"42\"");
    given.put("iri", "<https://w3id.org/noema/id/x>");
    given.put("$text", "latent space");

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("n", 42L);
    expected.put("x", -45.0);
    expected.put("flag", true);
    expected.put("quoted", "42");
    expected.put("iri", "https://w3id.org/noema/id/x");
    expected.put("text", "latent space");
    assertEquals(expected, QueryCommand.cypherParams(given));
  }
}
