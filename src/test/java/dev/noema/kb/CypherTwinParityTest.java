package dev.noema.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.bench.NexusCorpusGenerator;
import dev.noema.neo4j.GraphMapping;
import dev.noema.neo4j.Neo4jConnection;
import dev.noema.neo4j.Neo4jSync;
import dev.noema.neo4j.Neo4jTarget;
import dev.noema.ontology.Noema;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parity of the canned queries: every Cypher twin in {@code queries/cypher/} returns the same
 * answers over the Neo4j projection as its SPARQL query over the store, on the sample dialogue and
 * on a generated corpus. One embedded Neo4j for the class.
 *
 * <p>Answers are compared as sorted rows of normalised values: literals as their text (language
 * tags dropped), numbers as numbers, date-times as instants, IRIs of the ontology as their local
 * name (a class IRI compares equal to its label); null for unbound.
 */
class CypherTwinParityTest {
  private static final Path SPARQL = Path.of("queries", "sparql");
  private static final Path CYPHER = Path.of("queries", "cypher");
  private static final Pattern CYPHER_PARAM = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");

  @TempDir static Path folder;

  private static Neo4jConnection neo4j;

  @BeforeAll
  static void start() {
    neo4j = Neo4jConnection.open(Neo4jTarget.embedded(folder.resolve("neo4j")));
  }

  @AfterAll
  static void stop() {
    if (neo4j != null) {
      neo4j.close();
    }
  }

  @Test
  void every_twin_answers_like_its_sparql_query_on_the_sample_dialogue() throws IOException {
    assertParity(
        folder.resolve("sample"), List.of(Path.of("import", "samples")), "модел", Set.of());
  }

  @Test
  void every_twin_answers_like_its_sparql_query_on_a_generated_corpus() throws IOException {
    Path notes = folder.resolve("notes");
    new NexusCorpusGenerator(7).write(notes, 6, 6);
    // The generator writes no analogies (no "like"/"аналогично" sentences). Its modules and
    // interpretations repeat
    // across conversations with other spellings, so one resource gathers several labels ("INSIGHT",
    // "Insight") and
    // statements: the lists allLabels and statement keep them all.
    assertParity(folder.resolve("generated"), List.of(notes), "latent space", Set.of("analogies"));
  }

  @Test
  void every_twin_has_a_sparql_query_a_description_and_the_same_parameters() throws IOException {
    List<Path> twins = twins();
    assertTrue(twins.size() >= 8, twins.toString());
    for (Path twin : twins) {
      String cypher = Files.readString(twin);
      Path sparql = SPARQL.resolve(name(twin) + ".rq");
      assertTrue(Files.isRegularFile(sparql), "no SPARQL query for " + twin);
      assertTrue(
          cypher.startsWith("// ") && cypher.lines().findFirst().orElseThrow().length() > 10,
          twin.toString());
      assertEquals(parameters(Files.readString(sparql)), cypherParameters(cypher), twin.toString());
    }
  }

  /**
   * Imports the logs, syncs, and compares every twin pair; only the {@code mayBeEmpty} ones may
   * have no answers.
   */
  private static void assertParity(
      Path kbFolder, List<Path> logs, String searchText, Set<String> mayBeEmpty) {
    try (KnowledgeBase kb = KnowledgeBase.open(KnowledgeBaseConfig.folder(kbFolder))) {
      ImportReport report = kb.importLogs(ImportRequest.of(logs), ImportListener.NONE);
      assertFalse(report.hasProblems(), report.toString());
      neo4j.query("MATCH (n) DETACH DELETE n", Map.of(), false);
      new Neo4jSync(neo4j, new GraphMapping(kb.ontology())).sync(kb.store());
      String conversationId =
          kb.store()
              .select(
                  "PREFIX noema: <"
                      + Noema.NS
                      + "> SELECT ?id WHERE { "
                      + "?c noema:conversationId ?id } ORDER BY ?id LIMIT 1",
                  Map.of(),
                  rs -> rs.next().getLiteral("id").getString());
      Map<String, String> params = Map.of("id", conversationId, "text", searchText);

      List<String> failures = new ArrayList<>();
      for (Path twin : twins()) {
        String name = name(twin);
        String sparql = read(SPARQL.resolve(name + ".rq"));
        String cypher = read(twin);
        Map<String, Node> sparqlParams = new java.util.HashMap<>();
        Map<String, Object> cypherParams = new java.util.HashMap<>();
        for (String p : cypherParameters(cypher)) {
          sparqlParams.put(p, NodeFactory.createLiteralString(params.get(p)));
          cypherParams.put(p, params.get(p));
        }
        List<String> expected =
            kb.store()
                .select(
                    sparql,
                    sparqlParams,
                    rs -> {
                      List<String> rows = new ArrayList<>();
                      // Jena binds parameters as initial bindings, which then show as columns:
                      // leave them out.
                      List<String> vars =
                          rs.getResultVars().stream()
                              .filter(v -> !sparqlParams.containsKey(v))
                              .toList();
                      while (rs.hasNext()) {
                        QuerySolution row = rs.next();
                        rows.add(
                            String.join(
                                " | ", vars.stream().map(v -> normalise(row.get(v))).toList()));
                      }
                      return rows;
                    });
        List<String> actual = new ArrayList<>();
        for (List<Object> row : neo4j.query(cypher, cypherParams, true).rows()) {
          actual.add(
              String.join(" | ", row.stream().map(CypherTwinParityTest::normalise).toList()));
        }
        expected.sort(null);
        actual.sort(null);
        if (mayBeEmpty.contains(name) != expected.isEmpty()) {
          failures.add(name + ": " + expected.size() + " answers in SPARQL");
        } else if (!expected.equals(actual)) {
          List<String> onlySparql = new ArrayList<>(expected);
          actual.forEach(onlySparql::remove);
          List<String> onlyCypher = new ArrayList<>(actual);
          expected.forEach(onlyCypher::remove);
          failures.add(name + ": only in SPARQL " + onlySparql + ", only in Cypher " + onlyCypher);
        }
      }
      assertEquals(List.of(), failures, "twins that differ on " + logs);
    }
  }

  private static String normalise(RDFNode value) {
    if (value == null) {
      return "null";
    }
    if (value.isURIResource()) {
      String iri = value.asResource().getURI();
      return iri.startsWith(Noema.NS) ? iri.substring(Noema.NS.length()) : iri;
    }
    if (value.isLiteral()) {
      Object v = value.asLiteral().getValue();
      if (v instanceof Number n) {
        return number(n);
      }
      String lexical = value.asLiteral().getLexicalForm();
      if (value.asLiteral().getDatatypeURI().endsWith("#dateTime")) {
        return instant(
            lexical.matches(".*(Z|[+-]\\d\\d:\\d\\d)$")
                ? OffsetDateTime.parse(lexical)
                : LocalDateTime.parse(lexical));
      }
      return lexical;
    }
    return value.toString();
  }

  private static String normalise(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Number n) {
      return number(n);
    }
    if (value instanceof ZonedDateTime z) {
      return instant(z.toOffsetDateTime());
    }
    if (value instanceof OffsetDateTime || value instanceof LocalDateTime) {
      return instant(value);
    }
    return String.valueOf(value);
  }

  private static String number(Number n) {
    return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
  }

  private static String instant(Object time) {
    return time instanceof OffsetDateTime o ? o.toInstant().toString() : time.toString();
  }

  private static List<Path> twins() {
    try (Stream<Path> files = Files.list(CYPHER)) {
      return files.filter(f -> f.toString().endsWith(".cypher")).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String name(Path twin) {
    String file = twin.getFileName().toString();
    return file.substring(0, file.length() - ".cypher".length());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The required parameters a SPARQL query names in its description line ("Parameter: id."),
   * optional ones left out.
   */
  private static Set<String> parameters(String sparql) {
    Set<String> names = new TreeSet<>();
    Matcher m =
        Pattern.compile("Parameters?: ([a-z]+(?:, [a-z]+)*)\\b(?! \\([^)]*optional)")
            .matcher(sparql.lines().findFirst().orElse(""));
    if (m.find()) {
      for (String p : m.group(1).split(",\\s*")) {
        names.add(p.strip());
      }
    }
    return names;
  }

  private static Set<String> cypherParameters(String cypher) {
    Set<String> names = new TreeSet<>();
    Matcher m = CYPHER_PARAM.matcher(cypher);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
