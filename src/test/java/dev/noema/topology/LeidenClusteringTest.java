package dev.noema.topology;

import static dev.noema.topology.SmallGraphs.iri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeidenClusteringTest {

  private static ClustersResult leiden(MeaningGraph g, double resolution) {
    return new LeidenClustering(g, resolution, 42L, v -> (double) g.graph().degreeOf(v)).result();
  }

  @Test
  void finds_the_two_triangles_with_their_known_modularity() {
    ClustersResult r = leiden(SmallGraphs.twoTriangles(), 1.0);
    assertEquals(2, r.clusters().size());
    assertEquals(
        Set.of(iri("a"), iri("b"), iri("c")),
        Set.copyOf(r.clusters().get(r.membership().get(iri("a"))).members()));
    assertEquals(
        Set.of(iri("d"), iri("e"), iri("f")),
        Set.copyOf(r.clusters().get(r.membership().get(iri("f"))).members()));
    // Q = sum over clusters of (L_c / m - (d_c / 2m)^2) = 2 (3/7 - (7/14)^2) = 5/14.
    assertEquals(5.0 / 14.0, r.modularity(), 1e-9);
  }

  @Test
  void names_each_cluster_by_its_most_central_members() {
    ClustersResult r = leiden(SmallGraphs.twoTriangles(), 1.0);
    ClustersResult.Cluster first = r.clusters().get(r.membership().get(iri("c")));
    assertEquals(iri("c"), first.members().get(0));
    assertTrue(first.name().startsWith("c / "), first.name());
  }

  @Test
  void same_seed_gives_same_clusters() {
    MeaningGraph g = SmallGraphs.twoTriangles();
    assertEquals(leiden(g, 1.0).membership(), leiden(g, 1.0).membership());
  }

  @Test
  void a_high_resolution_splits_into_more_clusters() {
    assertTrue(leiden(SmallGraphs.twoTriangles(), 10.0).clusters().size() > 2);
  }

  @Test
  void graph_without_edges_gives_singletons_with_zero_modularity() {
    ClustersResult r = leiden(SmallGraphs.graph(new String[] {"x", "y"}), 1.0);
    assertEquals(List.of(1, 1), r.clusters().stream().map(ClustersResult.Cluster::size).toList());
    assertEquals(0.0, r.modularity());
    assertEquals(0, leiden(SmallGraphs.empty(), 1.0).clusters().size());
  }

  @Test
  void rejects_a_resolution_that_is_not_positive() {
    MeaningGraph g = SmallGraphs.path();
    assertThrows(IllegalArgumentException.class, () -> new LeidenClustering(g, 0, 1, v -> 0.0));
  }
}
