package dev.noema.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NeighbourhoodAnalysisTest {

  @Test
  void stops_at_the_given_number_of_hops() {
    NeighbourhoodResult r = new NeighbourhoodAnalysis(SmallGraphs.path(), "c", 1).result();
    assertEquals(
        List.of("c", "b", "d"),
        r.neighbours().stream().map(NeighbourhoodResult.Neighbour::label).toList());
    assertEquals(
        List.of(0, 1, 1),
        r.neighbours().stream().map(NeighbourhoodResult.Neighbour::distance).toList());
    assertEquals(2, r.edges().size());
  }

  @Test
  void includes_every_edge_among_the_neighbours() {
    NeighbourhoodResult r = new NeighbourhoodAnalysis(SmallGraphs.twoTriangles(), "a", 1).result();
    assertEquals(3, r.neighbours().size());
    assertEquals(3, r.edges().size());
  }

  @Test
  void zero_hops_is_the_entity_alone() {
    NeighbourhoodResult r = new NeighbourhoodAnalysis(SmallGraphs.star(), "HUB", 0).result();
    assertEquals(1, r.neighbours().size());
    assertEquals(List.of(), r.edges());
  }
}
