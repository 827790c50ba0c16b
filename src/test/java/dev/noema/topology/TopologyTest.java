package dev.noema.topology;

import static dev.noema.topology.SampleStore.e;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
    // Architecture is interpreted from both perspectives and related to the most other ideas.
    assertEquals(e("architecture"), centres.centres().get(0).iri(), centres.centres().toString());
  }

  @Test
  void every_command_answers_on_an_empty_graph() {
    Topology t = new Topology(SmallGraphs.empty());
    TableRenderer table = new TableRenderer();
    JsonRenderer json = new JsonRenderer();
    assertEquals(List.of("Centres (0)", "(none)"), titlesAndEmptyRows(table.render(t.centres())));
    assertEquals(List.of("Clusters (0)", "(none)"), titlesAndEmptyRows(table.render(t.clusters())));
    assertEquals(
        List.of("Articulation points (0)", "(none)", "Bridges (0)", "(none)"),
        titlesAndEmptyRows(table.render(t.bridges())));
    assertTrue(
        table.render(t.shape()).lines().anyMatch(l -> l.matches("entities\\s+0")),
        table.render(t.shape()));
    assertEquals(0, tree(json.render(t.centres())).at("/centres").size());
    assertEquals(0, tree(json.render(t.clusters())).at("/clusters").size());
    assertEquals(0, tree(json.render(t.bridges())).at("/articulationPoints").size());
    assertEquals(0, tree(json.render(t.bridges())).at("/bridges").size());
    assertEquals(0, tree(json.render(t.shape())).at("/vertices").asInt(-1));
    UnknownConceptException miss =
        assertThrows(UnknownConceptException.class, () -> t.path("a", "b", 1));
    assertEquals("unknown concept 'a' (the graph has no entities)", miss.getMessage());
    assertThrows(UnknownConceptException.class, () -> t.around("a", 1));
    assertThrows(TopologyException.class, () -> t.flow("c1"));
    StringWriter out = new StringWriter();
    t.export().write(GraphExport.Format.CYTOSCAPE_JSON, out);
    assertTrue(out.toString().contains("\"nodes\" : [ ]"), out.toString());
  }

  /** The title lines ("Centres (0)") and "(none)" lines of a rendered table, in order. */
  private static List<String> titlesAndEmptyRows(String table) {
    return table.lines().filter(l -> l.matches(".+ \\(\\d+\\)") || l.equals("(none)")).toList();
  }

  private static JsonNode tree(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
