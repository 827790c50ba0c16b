package dev.noema.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.store.StoreStats;
import dev.noema.store.Tdb2GraphStore;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code noema query} with SPARQL, through the CLI as a user runs it, on the sample dialogue. */
class QueryCommandTest {
  private static final String NOEMA = "PREFIX noema: <https://w3id.org/noema/ontology#>\n";

  @TempDir static Path dir;

  static Path kb;

  @BeforeAll
  static void importSample() {
    kb = dir.resolve("kb");
    CliRun run =
        CliRun.of(
            "import", "--data", kb.toString(), "--no-progress", "--no-sync", "import/samples");
    assertEquals(0, run.exitCode(), run.toString());
  }

  private static CliRun query(String sparql) {
    return CliRun.of("query", "--data", kb.toString(), "--sparql", sparql);
  }

  @Test
  void a_construct_with_a_sub_select_gives_triples() {
    CliRun run =
        query(
            NOEMA
                + "CONSTRUCT { ?c noema:conversationId ?id } WHERE {"
                + " { SELECT ?c ?id WHERE { ?c a noema:Conversation ; noema:conversationId ?id } } }");

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("<https://w3id.org/noema/ontology#conversationId>"), run.out());
    assertTrue(run.out().contains("\"000_aecd9b8aaabbed65\""), run.out());
    assertTrue(!run.out().contains("| c "), "triples, not a table: " + run.out());
  }

  @Test
  void a_select_whose_text_says_construct_gives_a_table() {
    CliRun run =
        query(
            NOEMA
                + "SELECT ?id WHERE { ?c a noema:Conversation ; noema:conversationId ?id"
                + " FILTER(?id != \"CONSTRUCT\") }");

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("| id "), run.out());
    assertTrue(run.out().contains("000_aecd9b8aaabbed65"), run.out());
  }

  @Test
  void an_update_is_refused_in_one_line_and_changes_nothing() {
    StoreStats before = stats();

    CliRun run = query(NOEMA + "INSERT DATA { <urn:x:a> noema:text \"x\" }");

    assertEquals(1, run.exitCode(), run.toString());
    assertEquals(
        "noema: this is a SPARQL Update: noema query only reads (the store changes through import"
            + " and extract)\n",
        run.err());
    assertEquals(before, stats());
  }

  @Test
  void a_syntax_error_is_one_line() {
    CliRun run = query("SELECT ?x WHERE { ?x ");

    assertEquals(1, run.exitCode(), run.toString());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().startsWith("noema: SPARQL syntax error: "), run.err());
  }

  @Test
  void query_without_arguments_lists_the_bundled_queries_of_both_languages() {
    CliRun run = CliRun.of("query");

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(
        run.out()
            .lines()
            .anyMatch(l -> l.matches("\\s+modules\\s+sparql\\+cypher\\s+Cognitive modules.*")),
        run.out());
    assertTrue(
        run.out().lines().anyMatch(l -> l.matches("\\s+evidence\\s+sparql\\s+.*")), run.out());
  }

  @Test
  void a_named_query_that_does_not_exist_says_where_it_looked() {
    CliRun run = CliRun.of("query", "--data", kb.toString(), "no-such-query");

    assertEquals(1, run.exitCode(), run.toString());
    assertEquals(
        "noema: no sparql query named 'no-such-query' (bundled or in queries/sparql); run 'noema"
            + " query' to list them\n",
        run.err());
  }

  private static StoreStats stats() {
    try (Tdb2GraphStore store = Tdb2GraphStore.open(kb.resolve("tdb2"))) {
      return store.stats();
    }
  }
}
