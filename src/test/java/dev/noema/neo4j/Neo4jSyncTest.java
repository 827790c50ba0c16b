package dev.noema.neo4j;

import static dev.noema.neo4j.SampleMeaning.ATTENTION;
import static dev.noema.neo4j.SampleMeaning.EMERGENCE;
import static dev.noema.neo4j.SampleMeaning.INTERPRETATION;
import static dev.noema.neo4j.SampleMeaning.KIRILL_VIEW;
import static dev.noema.neo4j.SampleMeaning.RECURSIA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.ontology.Iris;
import dev.noema.ontology.OntologyModel;
import dev.noema.store.GraphChange;
import dev.noema.store.GraphEntry;
import dev.noema.store.GraphStore;
import dev.noema.store.StoreStats;
import dev.noema.store.Tdb2GraphStore;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.system.StreamRDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The projection and its sync against one real embedded Neo4j, through the driver. */
class Neo4jSyncTest {
  @TempDir static Path folder;

  private static Neo4jConnection neo4j;
  private static GraphMapping mapping;
  private Tdb2GraphStore store;

  @BeforeAll
  static void start() {
    neo4j = Neo4jConnection.open(Neo4jTarget.embedded(folder.resolve("neo4j")));
    mapping = new GraphMapping(OntologyModel.loadDefault());
  }

  @AfterAll
  static void stop() {
    if (neo4j != null) {
      neo4j.close();
    }
  }

  @BeforeEach
  void emptyBoth() {
    neo4j.query("MATCH (n) DETACH DELETE n", Map.of(), false);
    store = Tdb2GraphStore.inMemory();
    store.apply(
        GraphChange.put(
            SampleMeaning.conversation("c1"),
            SampleMeaning.conversation("c2"),
            SampleMeaning.extraction("c1", true, true, 0.8, "llm"),
            SampleMeaning.extraction("c2", false, false, 0.6, "structural"),
            SampleMeaning.derived()));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private Neo4jSync sync() {
    return new Neo4jSync(neo4j, mapping);
  }

  private List<Object> column(String cypher, Map<String, Object> params) {
    return neo4j.query(cypher, params, true).rows().stream().map(r -> r.get(0)).toList();
  }

  private Object one(String cypher, Object... params) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < params.length; i += 2) {
      map.put((String) params[i], params[i + 1]);
    }
    List<Object> values = column(cypher, map);
    assertEquals(1, values.size(), cypher);
    return values.get(0);
  }

  @Test
  void projects_classes_with_superclasses_as_labels_and_literals_as_properties() {
    SyncSummary summary = sync().sync(store);

    assertEquals(5, summary.added());
    assertEquals(
        List.of("CognitiveModule", "Concept", "MeaningEntity", "Resource"), sortedLabels(RECURSIA));
    assertEquals(
        List.of("RECURSIA", "attention"),
        column("MATCH (c:Concept) RETURN c.label ORDER BY c.label", Map.of()));
    assertEquals(List.of("RECURSIA"), column("MATCH (m:CognitiveModule) RETURN m.label", Map.of()));
    assertEquals(
        "РЕКУРСИЯ", one("MATCH (n {iri: $iri}) RETURN n.label_ru", "iri", RECURSIA.getURI()));
    assertEquals(
        "recursia", one("MATCH (n {iri: $iri}) RETURN n.canonicalLabel", "iri", RECURSIA.getURI()));
    assertEquals(0.25, one("MATCH (n {iri: $iri}) RETURN n.pageRank", "iri", ATTENTION.getURI()));
    String t0 = SampleMeaning.turn("c1", 0).getURI();
    assertEquals(0L, one("MATCH (t:Turn {iri: $iri}) RETURN t.turnIndex", "iri", t0));
    assertInstanceOf(
        ZonedDateTime.class, one("MATCH (t:Turn {iri: $iri}) RETURN t.timestamp", "iri", t0));
    assertEquals(List.of("Concept", "MeaningEntity", "Resource"), sortedLabels(ATTENTION));
    assertEquals(List.of("Resource", "Turn"), sortedLabels(SampleMeaning.turn("c1", 1)));
  }

  private List<String> sortedLabels(Node resource) {
    @SuppressWarnings("unchecked")
    List<String> labels =
        new ArrayList<>(
            (List<String>)
                one("MATCH (n:Resource {iri: $iri}) RETURN labels(n)", "iri", resource.getURI()));
    labels.sort(null);
    return labels;
  }

  @Test
  void projects_dialogue_order_as_next_chain_and_turns_of_conversation() {
    sync().sync(store);

    assertEquals(
        List.of(0L, 1L),
        column(
            """
        MATCH (c:Conversation {iri: $c})-[:HAS_TURN]->(first:Turn) WHERE NOT ()-[:NEXT]->(first)
        MATCH (first)-[:NEXT*0..]->(t:Turn) RETURN t.turnIndex ORDER BY t.turnIndex
        """,
            Map.of("c", Iris.conversation("c1").getURI())));
    assertEquals(
        "AIAssistant",
        one(
            """
        MATCH (:Turn {iri: $t})-[:SPOKEN_BY]->(p:Participant) RETURN [l IN labels(p) WHERE l = 'AIAssistant'][0]
        """,
            "t",
            SampleMeaning.turn("c2", 1).getURI()));
  }

  @Test
  void folds_facts_and_groundings_onto_relationships() {
    sync().sync(store);

    @SuppressWarnings("unchecked")
    Map<String, Object> related =
        (Map<String, Object>)
            one(
                "MATCH (:Resource {iri: $s})-[r:RELATED_TO]->(:Resource {iri: $o}) RETURN r",
                "s",
                RECURSIA.getURI(),
                "o",
                ATTENTION.getURI());
    assertEquals(0.8, related.get("confidence"));
    assertEquals(
        List.of(SampleMeaning.turn("c1", 0).getURI(), SampleMeaning.turn("c2", 0).getURI()),
        sorted(related.get("turns")));
    assertEquals(
        List.of(Iris.conversation("c1").getURI(), Iris.conversation("c2").getURI()),
        sorted(related.get("conversations")));
    assertEquals(List.of("llm", "structural"), sorted(related.get("extractor")));
    assertEquals(
        0L,
        one(
            "MATCH (n) WHERE n:Fact OR n:Grounding OR n.iri IS NULL AND NOT n:SyncedGraph "
                + "RETURN count(n)"));
    assertEquals(
        List.of("Kirill's perspective"),
        column(
            """
        MATCH (i:Interpretation)-[:INTERPRETS]->(:Concept {label: 'attention'}),
              (i)-[:FROM_PERSPECTIVE]->(p:Perspective) RETURN p.label
        """,
            Map.of()));
    assertEquals(
        INTERPRETATION.getURI(),
        one(
            "CALL db.index.fulltext.queryNodes('noema_text', 'gravity') YIELD node RETURN node.iri"));
    assertEquals(
        KIRILL_VIEW.getURI(),
        one(
            "CALL db.index.fulltext.queryNodes('noema_text', 'perspective') YIELD node RETURN node.iri"));
  }

  private static List<String> sorted(Object list) {
    List<String> copy = new ArrayList<>();
    ((List<?>) list).forEach(v -> copy.add((String) v));
    copy.sort(null);
    return copy;
  }

  @Test
  void extracted_literals_are_lists_that_gather_every_graphs_values_and_lose_a_replaced_graphs() {
    // One graph per transaction: c2's values must join those c1 left in Neo4j, not only those of
    // its batch.
    new Neo4jSync(neo4j, mapping, 1).sync(store);

    assertEquals(
        List.of(SampleMeaning.statement("c1"), SampleMeaning.statement("c2")),
        one("MATCH (n {iri: $iri}) RETURN n.statement", "iri", INTERPRETATION.getURI()));
    assertEquals(
        List.of("RECURSIA", "РЕКУРСИЯ"),
        one("MATCH (n {iri: $iri}) RETURN n.allLabels", "iri", RECURSIA.getURI()));
    assertEquals(
        List.of("attention"),
        one("MATCH (n {iri: $iri}) RETURN n.allLabels", "iri", ATTENTION.getURI()));
    assertEquals(
        "recursia", one("MATCH (n {iri: $iri}) RETURN n.canonicalLabel", "iri", RECURSIA.getURI()));

    store.apply(GraphChange.put(SampleMeaning.reExtraction("c1")));
    new Neo4jSync(neo4j, mapping, 1).sync(store);

    assertEquals(
        List.of(SampleMeaning.statement("c2")),
        one("MATCH (n {iri: $iri}) RETURN n.statement", "iri", INTERPRETATION.getURI()));
    assertEquals(
        List.of("RECURSIA"),
        one("MATCH (n {iri: $iri}) RETURN n.allLabels", "iri", RECURSIA.getURI()));
    assertEquals(fromScratch(), fingerprint());
  }

  @Test
  void syncing_twice_changes_nothing() {
    sync().sync(store);
    String before = fingerprint();

    SyncSummary second = sync().sync(store);

    assertTrue(second.nothingChanged(), second.toString());
    assertEquals(0, second.nodesWritten());
    assertEquals(before, fingerprint());
  }

  @Test
  void replaced_graph_is_reprojected_and_survivors_lose_what_only_it_said() {
    sync().sync(store);
    store.apply(GraphChange.put(SampleMeaning.reExtraction("c1")));

    SyncSummary summary = sync().sync(store);

    assertEquals(1, summary.replaced());
    assertEquals(0, summary.added());
    // RECURSIA survives through c2's extraction, which says it is a plain concept with an English
    // label only.
    assertEquals(List.of("Concept", "MeaningEntity", "Resource"), sortedLabels(RECURSIA));
    assertEquals(null, one("MATCH (n {iri: $iri}) RETURN n.label_ru", "iri", RECURSIA.getURI()));
    assertEquals(
        List.of(SampleMeaning.turn("c2", 0).getURI()),
        one(
            "MATCH (:Resource {iri: $s})-[r:RELATED_TO]->(:Resource {iri: $o}) RETURN r.turns",
            "s",
            RECURSIA.getURI(),
            "o",
            ATTENTION.getURI()));
    assertEquals(
        0.6,
        one(
            "MATCH (:Resource {iri: $s})-[r:RELATED_TO]->() RETURN r.confidence",
            "s",
            RECURSIA.getURI()));
    assertEquals(
        0.9,
        one(
            "MATCH (:Resource {iri: $s})-[r:RELATED_TO]->() RETURN r.confidence",
            "s",
            EMERGENCE.getURI()));
    assertEquals(fromScratch(), fingerprint());
  }

  @Test
  void removed_graph_leaves_shared_entities_and_deletes_the_rest() {
    sync().sync(store);
    store.apply(
        new GraphChange(
            List.of(SampleMeaning.extractionGraph("c1"), Iris.derivedGraph("centrality")),
            List.of(),
            List.of()));

    SyncSummary summary = sync().sync(store);

    assertEquals(2, summary.removed());
    assertEquals(
        List.of("RECURSIA", "attention"),
        column("MATCH (c:Concept) RETURN c.label ORDER BY c.label", Map.of()));
    assertEquals(null, one("MATCH (n {iri: $iri}) RETURN n.pageRank", "iri", ATTENTION.getURI()));
    assertEquals(
        List.of("structural"),
        one(
            "MATCH (:Resource {iri: $s})-[r:RELATED_TO]->() RETURN r.extractor",
            "s",
            RECURSIA.getURI()));
    assertEquals(3L, one("MATCH (:SyncedGraph) RETURN count(*)"));

    store.apply(
        new GraphChange(List.of(SampleMeaning.extractionGraph("c2")), List.of(), List.of()));
    sync().sync(store);

    assertEquals(0L, one("MATCH (n:MeaningEntity) RETURN count(n)"));
    assertEquals(0L, one("MATCH ()-[r:MENTIONED_IN_TURN]->() RETURN count(r)"));
    assertEquals(fromScratch(), fingerprint());
  }

  @Test
  void graphs_projected_but_not_marked_are_completed_without_duplicates() {
    Neo4jSync sync = sync();
    sync.createSchema();
    List<GraphEntry> half = store.graphs().subList(0, 3);
    // As a crash between writing the rows and marking them synced would leave it.
    sync.project(store, half, false, new Neo4jSync.Run(false));

    SyncSummary summary = sync.sync(store);

    assertEquals(5, summary.added());
    assertEquals(fromScratch(), fingerprint());
  }

  @Test
  void sync_that_failed_midway_completes_on_the_next_run() {
    GraphStore failing = new FailingAfterReads(store, 2);
    Neo4jSync sync = new Neo4jSync(neo4j, mapping, 1);
    assertThrows(IllegalStateException.class, () -> sync.sync(failing));
    assertEquals(2L, one("MATCH (s:SyncedGraph) RETURN count(s)"));

    SyncSummary summary = sync.sync(store);

    assertEquals(3, summary.added());
    assertEquals(fromScratch(), fingerprint());
  }

  @Test
  void sync_only_reads_the_store() {
    GraphStore readOnly = new FailingAfterReads(store, Integer.MAX_VALUE);
    sync().sync(readOnly);
    store.apply(GraphChange.put(SampleMeaning.reExtraction("c1")));
    store.apply(new GraphChange(List.of(Iris.derivedGraph("centrality")), List.of(), List.of()));
    List<GraphEntry> before = store.graphs();

    SyncSummary summary = sync().sync(readOnly);

    assertEquals(1, summary.replaced());
    assertEquals(1, summary.removed());
    assertEquals(before, store.graphs());
  }

  @Test
  void cypher_parameters_are_passed_as_parameters_and_rows_come_back_as_java_values() {
    sync().sync(store);

    CypherResult result =
        neo4j.query(
            "MATCH (n:Resource {iri: $iri}) RETURN n.label AS label, n.canonicalLabel AS c",
            Map.of("iri", RECURSIA.getURI()),
            true);

    assertEquals(List.of("label", "c"), result.columns());
    assertEquals(List.of(List.of("RECURSIA", "recursia")), result.rows());
  }

  @Test
  void cypher_syntax_error_is_one_line_with_the_servers_message() {
    Neo4jException e =
        assertThrows(Neo4jException.class, () -> neo4j.query("MATCH (n RETURN n", Map.of(), true));

    assertTrue(e.getMessage().startsWith("Cypher syntax error: "), e.getMessage());
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void read_only_query_cannot_write() {
    Neo4jException e =
        assertThrows(Neo4jException.class, () -> neo4j.query("CREATE (:Intruder)", Map.of(), true));

    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertEquals(0L, one("MATCH (n:Intruder) RETURN count(n)"));
  }

  @Test
  void data_folder_in_use_gives_one_line() {
    Neo4jException e =
        assertThrows(
            Neo4jException.class,
            () -> Neo4jConnection.open(Neo4jTarget.embedded(folder.resolve("neo4j"))).close());

    assertTrue(e.getMessage().contains("in use by another process"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  /**
   * The whole projection: nodes and relationships with labels and properties, lists sorted, in a
   * stable order.
   */
  private String fingerprint() {
    List<String> lines = new ArrayList<>();
    for (List<Object> row :
        neo4j
            .query("MATCH (n:Resource) RETURN n.iri, labels(n), properties(n)", Map.of(), true)
            .rows()) {
      lines.add("node " + row.get(0) + " " + normalize(row.get(1)) + " " + normalize(row.get(2)));
    }
    for (List<Object> row :
        neo4j
            .query("MATCH (a)-[r]->(b) RETURN a.iri, type(r), b.iri, properties(r)", Map.of(), true)
            .rows()) {
      lines.add(
          "rel " + row.get(0) + " " + row.get(1) + " " + row.get(2) + " " + normalize(row.get(3)));
    }
    lines.sort(null);
    return String.join("\n", lines);
  }

  /**
   * Lists sorted (their order records sync history, not content), aligned per-graph lists left out.
   */
  private static Object normalize(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach(
          (k, v) -> {
            if (!String.valueOf(k).startsWith("_")) {
              sorted.put(String.valueOf(k), normalize(v));
            }
          });
      return sorted;
    }
    if (value instanceof List<?> list) {
      List<String> strings = new ArrayList<>();
      list.forEach(v -> strings.add(String.valueOf(v)));
      strings.sort(null);
      return strings;
    }
    return value;
  }

  /** The fingerprint of a sync of the current store into an empty Neo4j. */
  private String fromScratch() {
    neo4j.query("MATCH (n) DETACH DELETE n", Map.of(), false);
    sync().sync(store);
    return fingerprint();
  }

  /**
   * A test double: the real store, whose reads fail after the first {@code allowed} calls, like a
   * crash, and which refuses every write.
   */
  private static final class FailingAfterReads implements GraphStore {
    private final GraphStore delegate;
    private int allowed;

    FailingAfterReads(GraphStore delegate, int allowed) {
      this.delegate = delegate;
      this.allowed = allowed;
    }

    @Override
    public void read(Collection<Node> graphs, StreamRDF sink) {
      if (allowed-- <= 0) {
        throw new IllegalStateException("simulated crash");
      }
      delegate.read(graphs, sink);
    }

    @Override
    public Optional<String> contentHash(Node graph) {
      return delegate.contentHash(graph);
    }

    @Override
    public List<GraphEntry> graphs() {
      return delegate.graphs();
    }

    @Override
    public void apply(List<GraphChange> changes) {
      throw new AssertionError("the sync wrote to the store: " + changes);
    }

    @Override
    public <T> T select(String sparql, Map<String, Node> params, Function<ResultSet, T> handler) {
      return delegate.select(sparql, params, handler);
    }

    @Override
    public void construct(String sparql, Map<String, Node> params, StreamRDF sink) {
      delegate.construct(sparql, params, sink);
    }

    @Override
    public void readAll(StreamRDF sink) {
      delegate.readAll(sink);
    }

    @Override
    public StoreStats stats() {
      return delegate.stats();
    }

    @Override
    public String location() {
      return delegate.location();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
