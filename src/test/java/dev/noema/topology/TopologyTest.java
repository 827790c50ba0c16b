package dev.noema.topology;

import static dev.noema.topology.SampleStore.e;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopologyTest {

  @Test
  void on_the_sample_the_modules_cluster_with_their_consensus() {
    ClustersResult clusters = new Topology(SampleStore.graph(TopologyFilter.NONE)).clusters();
    int consensus = clusters.membership().get(e("module-consensus"));
    Set<String> together =
        clusters.membership().entrySet().stream()
            .filter(x -> x.getValue() == consensus)
            .map(x -> x.getKey())
            .collect(Collectors.toSet());
    assertTrue(
        together.containsAll(
            Set.of(e("recursia"), e("obstructio"), e("insight"), e("module-consensus"))),
        together.toString());
    assertTrue(clusters.modularity() > 0.2, "modularity " + clusters.modularity());
  }

  @Test
  void on_the_sample_the_interpreted_concept_is_the_top_centre() {
    CentresResult centres = new Topology(SampleStore.graph(TopologyFilter.NONE)).centres();
    assertTrue(
        Set.of(e("architecture"), e("emergence")).contains(centres.centres().get(0).iri()),
        centres.centres().get(0).label());
  }

  @Test
  void every_command_answers_on_an_empty_graph() {
    Topology t = new Topology(SmallGraphs.empty());
    TableRenderer table = new TableRenderer();
    JsonRenderer json = new JsonRenderer();
    for (TopologyResult r : List.of(t.centres(), t.clusters(), t.bridges(), t.shape())) {
      assertTrue(
          table.render(r).contains("(none)") || table.render(r).contains("Shape"), table.render(r));
      assertTrue(json.render(r).startsWith("{"));
    }
    UnknownConceptException miss =
        assertThrows(UnknownConceptException.class, () -> t.path("a", "b", 1));
    assertEquals("unknown concept 'a' (the graph has no entities)", miss.getMessage());
    assertThrows(UnknownConceptException.class, () -> t.around("a", 1));
    assertThrows(TopologyException.class, () -> t.flow("c1"));
    StringWriter out = new StringWriter();
    t.export().write(GraphExport.Format.CYTOSCAPE_JSON, out);
    assertTrue(out.toString().contains("\"nodes\" : [ ]"), out.toString());
  }
}
