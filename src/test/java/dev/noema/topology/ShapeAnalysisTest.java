package dev.noema.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.alg.scoring.ClusteringCoefficient;
import org.jgrapht.alg.scoring.Coreness;
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
    assertEquals(
        List.of(0, 0, 0, 0, 0),
        List.of(s.vertices(), s.edges(), s.components(), s.cycleRank(), s.diameter()));
    assertEquals(List.of(), s.coreProfile());
  }

  @Test
  void clustering_and_cores_agree_with_jgrapht_on_random_graphs() {
    for (MeaningGraph g :
        List.of(
            SmallGraphs.random(60, 400, 1L),
            SmallGraphs.random(300, 900, 2L),
            SmallGraphs.twoTriangles())) {
      IndexedGraph indexed = g.indexed();
      assertEquals(
          new ClusteringCoefficient<>(g.graph()).getAverageClusteringCoefficient(),
          ShapeAnalysis.averageClustering(indexed),
          1e-12);
      Map<String, Integer> cores = new HashMap<>();
      int[] numbers = ShapeAnalysis.coreNumbers(indexed);
      for (int v = 0; v < numbers.length; v++) {
        cores.put(indexed.iri(v), numbers[v]);
      }
      assertEquals(new Coreness<>(g.graph()).getScores(), cores);
    }
  }

  @Test
  void above_the_exact_limit_the_diameter_is_a_double_sweep_bound() {
    int n = ShapeAnalysis.EXACT_DIAMETER_LIMIT + 500;
    String[] names = new String[n];
    String[] edges = new String[2 * (n - 1)];
    for (int i = 0; i < n; i++) {
      names[i] = String.format("v%05d", i);
    }
    for (int i = 0; i + 1 < n; i++) {
      edges[2 * i] = names[i];
      edges[2 * i + 1] = names[i + 1];
    }
    ShapeResult s = new Topology(SmallGraphs.graph(names, edges)).shape();
    // On a tree the double sweep is exact: a path of n vertices has diameter n - 1.
    assertEquals(n - 1, s.diameter());
    assertEquals(false, s.diameterExact());
    assertTrue(
        s.tables()
            .get(0)
            .rows()
            .contains(List.of("diameter (hops)", (n - 1) + " (lower bound, double sweep)")));
  }
}
