package dev.noema.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeAnalysisTest {

  @Test
  void two_triangles_have_their_known_shape() {
    ShapeResult s = new Topology(SmallGraphs.twoTriangles()).shape();
    assertEquals(6, s.vertices());
    assertEquals(7, s.edges());
    assertEquals(1, s.components());
    assertEquals(2, s.cycleRank());
    assertEquals(3, s.diameter());
    assertTrue(s.diameterExact());
    // a, b, e, f have clustering 1; c and d have 1 of 3 neighbour pairs linked.
    assertEquals((4 + 2.0 / 3) / 6, s.averageClustering(), 1e-12);
    assertEquals(2, s.degeneracy());
    assertEquals(List.of(new ShapeResult.Core(1, 6), new ShapeResult.Core(2, 6)), s.coreProfile());
    assertEquals(2, s.clusters().clusters().size());
  }

  @Test
  void path_graph_is_a_tree_with_diameter_four() {
    ShapeResult s = new Topology(SmallGraphs.path()).shape();
    assertEquals(0, s.cycleRank());
    assertEquals(4, s.diameter());
    assertEquals(0.0, s.averageClustering());
    assertEquals(List.of(new ShapeResult.Core(1, 5)), s.coreProfile());
  }

  @Test
  void counts_components_and_keeps_ten_centres() {
    String[] names = new String[14];
    for (int i = 0; i < names.length; i++) {
      names[i] = "v" + i;
    }
    ShapeResult s = new Topology(SmallGraphs.graph(names, "v0", "v1", "v2", "v3")).shape();
    assertEquals(12, s.components());
    assertEquals(10, s.centres().centres().size());
    assertEquals(1, s.diameter());
  }

  @Test
  void empty_graph_has_an_empty_shape() {
    ShapeResult s = new Topology(SmallGraphs.empty()).shape();
    assertEquals(List.of(0, 0, 0, 0, 0), List.of(s.vertices(), s.edges(), s.components(), s.cycleRank(), s.diameter()));
    assertEquals(List.of(), s.coreProfile());
  }
}
