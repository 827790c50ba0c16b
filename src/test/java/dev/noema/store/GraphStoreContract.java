package dev.noema.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link GraphStore} must have; each implementation runs it against a real store.
 */
abstract class GraphStoreContract {
  static final Node G1 = NodeFactory.createURI("https://w3id.org/noema/graph/test/one");
  static final Node G2 = NodeFactory.createURI("https://w3id.org/noema/graph/test/two");
  static final Node S = NodeFactory.createURI("https://example.org/s");
  static final Node P = NodeFactory.createURI("https://example.org/p");

  GraphStore store;

  abstract GraphStore openStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = openStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  static GraphContent graph(Node name, String hash, String... objects) {
    List<Triple> triples = new ArrayList<>();
    for (String o : objects) {
      triples.add(Triple.create(S, P, NodeFactory.createLiteralString(o)));
    }
    return new GraphContent(name, hash, triples);
  }

  long count(String sparql) {
    return store.select(
        sparql,
        Map.of(),
        rs -> {
          long n = 0;
          while (rs.hasNext()) {
            rs.next();
            n++;
          }
          return n;
        });
  }

  @Test
  void put_graphs_are_queryable_through_the_union_and_registered_with_their_hash() {
    store.apply(GraphChange.put(graph(G1, "h1", "a", "b"), graph(G2, "h2", "c")));
    assertEquals(
        3,
        count(
            "SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), 'https://w3id.org/noema/graph/test/')) }"));
    assertEquals(Optional.of("h1"), store.contentHash(G1));
    assertEquals(List.of(G1, G2), store.graphs().stream().map(GraphEntry::name).toList());
  }

  @Test
  void created_graphs_are_written_and_registered_like_put_ones() {
    store.apply(GraphChange.create(List.of(graph(G1, "h1", "a", "b"))));
    assertEquals(2, count("SELECT ?o WHERE { GRAPH <" + G1.getURI() + "> { ?s ?p ?o } }"));
    assertEquals(Optional.of("h1"), store.contentHash(G1));
    assertEquals(List.of(G1), store.graphs().stream().map(GraphEntry::name).toList());
  }

  @Test
  void the_registry_lists_graphs_in_iri_order_with_their_hash_and_time() {
    store.apply(GraphChange.put(graph(G2, "h2", "c")));
    store.apply(GraphChange.put(graph(G1, "h1", "a")));
    List<GraphEntry> entries = store.graphs();
    assertEquals(List.of(G1, G2), entries.stream().map(GraphEntry::name).toList());
    assertEquals(List.of("h1", "h2"), entries.stream().map(GraphEntry::contentHash).toList());
    assertTrue(entries.stream().allMatch(e -> e.modified() != null));
  }

  @Test
  void putting_a_graph_again_replaces_its_content() {
    store.apply(GraphChange.put(graph(G1, "h1", "a", "b")));
    store.apply(GraphChange.put(graph(G1, "h1b", "z")));
    assertEquals(1, count("SELECT ?o WHERE { GRAPH <" + G1.getURI() + "> { ?s ?p ?o } }"));
    assertEquals(Optional.of("h1b"), store.contentHash(G1));
  }

  @Test
  void removing_by_prefix_drops_every_matching_graph_and_its_registry_entry() {
    store.apply(GraphChange.put(graph(G1, "h1", "a"), graph(G2, "h2", "b")));
    store.apply(
        new GraphChange(List.of(), List.of("https://w3id.org/noema/graph/test/t"), List.of()));
    assertEquals(List.of(G1), store.graphs().stream().map(GraphEntry::name).toList());
    assertEquals(Optional.empty(), store.contentHash(G2));
  }

  @Test
  void parameters_are_bound_as_values_not_spliced_into_the_query_text() {
    store.apply(GraphChange.put(graph(G1, "h1", "a", "b")));
    Map<String, Node> hostile =
        Map.of("o", NodeFactory.createLiteralString("a\" } UNION { ?s ?p ?o"));
    long rows =
        store.select(
            "SELECT ?s WHERE { ?s ?p ?o }",
            hostile,
            rs -> {
              long n = 0;
              while (rs.hasNext()) {
                rs.next();
                n++;
              }
              return n;
            });
    assertEquals(0, rows);
    assertEquals(
        1L,
        (long)
            store.select(
                "SELECT ?s WHERE { ?s ?p ?o }",
                Map.of("o", NodeFactory.createLiteralString("a")),
                rs -> {
                  long n = 0;
                  while (rs.hasNext()) {
                    rs.next();
                    n++;
                  }
                  return n;
                }));
  }

  @Test
  void a_syntax_error_names_line_and_column() {
    QuerySyntaxException e =
        assertThrows(
            QuerySyntaxException.class,
            () -> store.select("SELECT ?s WHERE { ?s ?p }", Map.of(), rs -> 0));
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
  }

  @Test
  void ask_queries_answer_as_one_row() {
    store.apply(GraphChange.put(graph(G1, "h1", "a")));
    boolean yes =
        store.select("ASK { ?s ?p 'a' }", Map.of(), rs -> rs.next().getLiteral("ask").getBoolean());
    assertTrue(yes);
  }

  @Test
  void read_all_streams_named_graphs_without_the_registry() {
    store.apply(GraphChange.put(graph(G1, "h1", "a"), graph(G2, "h2", "b", "c")));
    DatasetGraph copy = DatasetGraphFactory.createTxnMem();
    store.readAll(StreamRDFLib.dataset(copy));
    assertEquals(3, copy.stream().count());
    assertEquals(new StoreStats(2, 3), store.stats());
  }
}
