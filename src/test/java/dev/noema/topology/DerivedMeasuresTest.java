package dev.noema.topology;

import static dev.noema.topology.SmallGraphs.iri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.ontology.Iris;
import dev.noema.ontology.Noema;
import dev.noema.store.GraphChange;
import dev.noema.store.Tdb2GraphStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.Test;

class DerivedMeasuresTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  private static DerivedGraph derived() {
    return new DerivedMeasures(
            new Topology(SmallGraphs.twoTriangles()),
            TopologyFilter.NONE.withConversation("c1"),
            "0.1.0",
            CLOCK)
        .graph();
  }

  private static List<Node> objects(DerivedGraph g, Node subject, Node property) {
    return g.triples().stream()
        .filter(t -> t.getSubject().equals(subject) && t.getPredicate().equals(property))
        .map(Triple::getObject)
        .toList();
  }

  @Test
  void writes_every_measure_of_every_entity_into_the_topology_graph() {
    DerivedGraph g = derived();
    assertEquals(Iris.derivedGraph("topology"), g.name());
    Node c = NodeFactory.createURI(iri("c"));
    assertEquals("true", objects(g, c, Noema.isBridge).get(0).getLiteralLexicalForm());
    assertEquals(
        "false",
        objects(g, NodeFactory.createURI(iri("a")), Noema.isBridge).get(0).getLiteralLexicalForm());
    assertEquals("3", objects(g, c, Noema.degree).get(0).getLiteralLexicalForm());
    assertEquals(1, objects(g, c, Noema.pageRank).size());
    assertEquals(1, objects(g, c, Noema.betweenness).size());
    assertEquals(1, objects(g, c, Noema.cluster).size());
  }

  @Test
  void records_the_analysis_with_its_parameters_and_time() {
    DerivedGraph g = derived();
    Node activity = objects(g, g.name(), Noema.prov_wasGeneratedBy).get(0);
    assertEquals(
        List.of(Noema.AnalysisActivity),
        objects(g, activity, org.apache.jena.vocabulary.RDF.type.asNode()));
    assertEquals(
        "2026-01-02T03:04:05Z",
        objects(g, activity, Noema.prov_startedAtTime).get(0).getLiteralLexicalForm());
    List<String> parameters =
        objects(g, activity, Noema.parameter).stream().map(Node::getLiteralLexicalForm).toList();
    assertTrue(parameters.contains("leiden.resolution=1.0"), parameters.toString());
    assertTrue(parameters.contains("leiden.seed=42"), parameters.toString());
    assertTrue(parameters.contains("filter.conversation=c1"), parameters.toString());
  }

  @Test
  void canned_centres_query_reads_the_written_graph_back() throws Exception {
    try (Tdb2GraphStore store = Tdb2GraphStore.inMemory()) {
      store.apply(GraphChange.put(derived().content()));
      String query =
          java.nio.file.Files.readString(java.nio.file.Path.of("queries/sparql/centres.rq"));
      List<String> ranked =
          store.select(
              query,
              Map.of(),
              rows -> {
                List<String> entities = new java.util.ArrayList<>();
                while (rows.hasNext()) {
                  QuerySolution row = rows.next();
                  entities.add(row.getResource("entity").getURI());
                }
                return entities;
              });
      assertEquals(6, ranked.size());
      assertTrue(List.of(iri("c"), iri("d")).contains(ranked.get(0)), ranked.toString());
      String clusters =
          java.nio.file.Files.readString(java.nio.file.Path.of("queries/sparql/clusters.rq"));
      assertEquals(
          List.of(3, 3),
          store.select(
              clusters,
              Map.of(),
              rows -> {
                List<Integer> sizes = new java.util.ArrayList<>();
                rows.forEachRemaining(r -> sizes.add(r.getLiteral("size").getInt()));
                return sizes;
              }));
    }
  }
}
