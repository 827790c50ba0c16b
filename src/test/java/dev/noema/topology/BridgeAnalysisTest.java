package dev.noema.topology;

import static dev.noema.topology.SmallGraphs.iri;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BridgeAnalysisTest {

  @Test
  void two_triangles_are_held_together_by_one_bridge_and_its_ends() {
    BridgesResult r = new BridgeAnalysis(SmallGraphs.twoTriangles()).result();
    assertEquals(
        List.of(iri("c"), iri("d")),
        r.articulationPoints().stream().map(BridgesResult.Point::iri).toList());
    assertEquals(1, r.bridges().size());
    assertEquals(
        List.of("c", "d"),
        List.of(r.bridges().get(0).sourceLabel(), r.bridges().get(0).targetLabel()));
    assertEquals(List.of("c relatedTo d"), r.bridges().get(0).relations());
  }

  @Test
  void every_edge_of_a_path_is_a_bridge() {
    BridgesResult r = new BridgeAnalysis(SmallGraphs.path()).result();
    assertEquals(4, r.bridges().size());
    assertEquals(3, r.articulationPoints().size());
  }

  @Test
  void empty_graph_has_no_bridges() {
    BridgesResult r = new BridgeAnalysis(SmallGraphs.empty()).result();
    assertEquals(List.of(), r.bridges());
    assertEquals(List.of(), r.articulationPoints());
  }
}
