package dev.noema.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.jgrapht.alg.scoring.PageRank;
import org.junit.jupiter.api.Test;

class IndexedGraphTest {

  @Test
  void numbers_vertices_in_iri_order_and_keeps_each_edge_once() {
    IndexedGraph g = SmallGraphs.twoTriangles().indexed();
    assertEquals(
        List.of("a", "b", "c", "d", "e", "f").stream().map(SmallGraphs::iri).toList(),
        g.vertexSet().stream().map(g::iri).toList());
    assertEquals(7, g.edgeSet().size());
    assertEquals(3, g.degreeOf(g.indexOf(SmallGraphs.iri("c"))));
    Integer bridge = g.getEdge(g.indexOf(SmallGraphs.iri("d")), g.indexOf(SmallGraphs.iri("c")));
    assertEquals(
        List.of(SmallGraphs.iri("c"), SmallGraphs.iri("d")),
        List.of(g.iri(g.getEdgeSource(bridge)), g.iri(g.getEdgeTarget(bridge))));
    assertNull(g.getEdge(g.indexOf(SmallGraphs.iri("a")), g.indexOf(SmallGraphs.iri("f"))));
    assertEquals(-1, g.indexOf("urn:x:nowhere"));
  }

  @Test
  void jgrapht_page_rank_on_it_equals_page_rank_on_the_weighted_string_graph() {
    MeaningGraph graph =
        SmallGraphs.graph(
            new String[] {"a", "b", "c", "d"}, "a", "b", "a", "b", "b", "c", "c", "d", "a", "c");
    IndexedGraph g = graph.indexed();
    Map<String, Double> expected = new PageRank<>(graph.weightedGraph()).getScores();
    new PageRank<>(g)
        .getScores()
        .forEach((v, score) -> assertEquals(expected.get(g.iri(v)), score, 1e-12));
    // a - b was stated twice: weight 2.
    assertEquals(
        2.0,
        g.getEdgeWeight(
            g.getEdge(g.indexOf(SmallGraphs.iri("a")), g.indexOf(SmallGraphs.iri("b")))));
  }

  @Test
  void is_read_only() {
    IndexedGraph g = SmallGraphs.path().indexed();
    assertThrows(UnsupportedOperationException.class, () -> g.addVertex(99));
    assertThrows(UnsupportedOperationException.class, () -> g.removeEdge(0));
  }
}
