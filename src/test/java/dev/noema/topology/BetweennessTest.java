package dev.noema.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.junit.jupiter.api.Test;

class BetweennessTest {

  @Test
  void exact_scores_agree_with_jgrapht() {
    for (MeaningGraph graph :
        List.of(
            SmallGraphs.random(60, 400, 1L),
            SmallGraphs.random(300, 500, 2L),
            SmallGraphs.path(),
            SmallGraphs.star(),
            SmallGraphs.twoTriangles())) {
      IndexedGraph g = graph.indexed();
      int n = g.vertexCount();
      double scale = 2.0 / ((double) (n - 1) * (n - 2));
      Map<String, Double> expected = new BetweennessCentrality<>(graph.graph(), false).getScores();
      double[] actual = Betweenness.exact(g);
      for (int v = 0; v < n; v++) {
        assertEquals(expected.get(g.iri(v)) * scale, actual[v], 1e-9, g.iri(v));
      }
    }
  }

  @Test
  void the_estimate_from_pivots_finds_the_same_top_vertices_and_is_repeatable() {
    MeaningGraph graph = SmallGraphs.random(1500, 3000, 3L);
    double[] exact = Betweenness.exact(graph.indexed());
    double[] estimate = Betweenness.sampled(graph.indexed(), 300);

    assertArrayEquals(estimate, Betweenness.sampled(graph.indexed(), 300));
    int[] topExact = top(exact, 10);
    List<Integer> topEstimate = Arrays.stream(top(estimate, 30)).boxed().toList();
    double relativeError = 0;
    for (int v : topExact) {
      assertTrue(
          topEstimate.contains(v), "exact top-10 vertex " + v + " not in the estimate's top 30");
      relativeError += Math.abs(estimate[v] - exact[v]) / exact[v] / topExact.length;
    }
    assertTrue(relativeError < 0.2, "mean relative error over the top 10: " + relativeError);
  }

  @Test
  void as_many_pivots_as_vertices_is_exact() {
    MeaningGraph graph = SmallGraphs.random(80, 200, 4L);
    assertArrayEquals(
        Betweenness.exact(graph.indexed()), Betweenness.sampled(graph.indexed(), 80), 1e-12);
  }

  @Test
  void centres_estimate_betweenness_above_the_budget_and_say_how() {
    MeaningGraph graph = SmallGraphs.random(1500, 3000, 3L);
    long budget = 100L * graph.edgeCount();
    CentresResult r = new CentralityAnalysis(graph, budget).result();

    assertEquals("estimated from 100 pivots", r.betweennessMethod());
    assertTrue(r.betweennessComputed());
    assertTrue(r.note().contains("estimated from 100 pivots"), r.note());
    assertTrue(r.centres().stream().allMatch(c -> c.betweenness() != null));
    assertEquals("exact", new CentralityAnalysis(SmallGraphs.star()).result().betweennessMethod());
  }

  private static int[] top(double[] scores, int k) {
    return java.util.stream.IntStream.range(0, scores.length)
        .boxed()
        .sorted((a, b) -> Double.compare(scores[b], scores[a]))
        .limit(k)
        .mapToInt(Integer::intValue)
        .toArray();
  }
}
