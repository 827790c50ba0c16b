package dev.noema.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.alg.scoring.PageRank;

/**
 * Centres of gravity: three centralities side by side.
 *
 * <ul>
 *   <li>PageRank (Brin and Page 1998; JGraphT {@link PageRank}, damping 0.85, at most 100 power iterations, tolerance
 *       1e-4) on the <em>weighted</em> undirected graph: O(iterations (V + E)).
 *   <li>Betweenness (Brandes 2001, "A faster algorithm for betweenness centrality"; JGraphT
 *       {@link BetweennessCentrality}, normalised by the (V-1)(V-2)/2 pairs of other vertices, so in [0, 1]) on the <em>unweighted</em> graph, so that it counts
 *       shortest paths in hops: O(V E) time, O(V + E) space. JGraphT 1.5 has no sampled variant, so it is computed
 *       only when V x E is within {@link #DEFAULT_BETWEENNESS_BUDGET} (measured: 237 s for V = 2,006, E = 9,924 on
 *       this loaded 2-core machine, so the budget is kept small); above it betweenness is reported as not computed
 *       rather than estimated.
 *   <li>Degree: the number of distinct neighbours, O(V).
 * </ul>
 *
 * <p>Thread-safe; each measure is computed once, on first use.
 */
public final class CentralityAnalysis implements Analysis<CentresResult> {
  /** The largest V x E for which exact betweenness is computed. */
  public static final long DEFAULT_BETWEENNESS_BUDGET = 5_000_000L;

  private final MeaningGraph graph;
  private final long betweennessBudget;
  private final Memo<Map<String, Double>> pageRank;
  private final Memo<Map<String, Double>> betweenness;
  private final Memo<CentresResult> result;

  public CentralityAnalysis(MeaningGraph graph) {
    this(graph, DEFAULT_BETWEENNESS_BUDGET);
  }

  /** @param betweennessBudget the largest V x E for which betweenness is computed; 0 never computes it */
  public CentralityAnalysis(MeaningGraph graph, long betweennessBudget) {
    if (betweennessBudget < 0) {
      throw new IllegalArgumentException("betweenness budget must not be negative: " + betweennessBudget);
    }
    this.graph = graph;
    this.betweennessBudget = betweennessBudget;
    this.pageRank = new Memo<>(() -> new PageRank<>(graph.weightedGraph()).getScores());
    this.betweenness = new Memo<>(this::computeBetweenness);
    this.result = new Memo<>(this::compute);
  }

  /** PageRank of every entity (empty for an empty graph). Do not modify. */
  public Map<String, Double> pageRank() {
    return pageRank.get();
  }

  /** Normalised betweenness of every entity, or an empty map when the graph exceeds the budget. Do not modify. */
  public Map<String, Double> betweenness() {
    return betweenness.get();
  }

  /** Whether betweenness is computed for this graph. */
  public boolean computesBetweenness() {
    return (long) graph.vertexCount() * graph.edgeCount() <= betweennessBudget;
  }

  @Override
  public CentresResult result() {
    return result.get();
  }

  private Map<String, Double> computeBetweenness() {
    if (!computesBetweenness()) {
      return Map.of();
    }
    Graph<String, MeaningEdge> g = graph.graph();
    // JGraphT normalises by (n-1)(n-2) whatever the graph type; for an undirected graph the number of pairs is half
    // that, so normalise here to get scores in [0, 1] (1: the centre of a star), as NetworkX and igraph do.
    int n = g.vertexSet().size();
    double scale = n > 2 ? 2.0 / ((double) (n - 1) * (n - 2)) : 0;
    Map<String, Double> scores = new HashMap<>();
    new BetweennessCentrality<>(g, false).getScores().forEach((v, raw) -> scores.put(v, raw * scale));
    return Collections.unmodifiableMap(scores);
  }

  private CentresResult compute() {
    Map<String, Double> pr = pageRank();
    Map<String, Double> bc = betweenness();
    boolean withBetweenness = computesBetweenness();
    List<String> vertices = new ArrayList<>(graph.graph().vertexSet());
    Map<String, Integer> prRank = ranks(vertices, v -> pr.getOrDefault(v, 0.0));
    Map<String, Integer> bcRank = withBetweenness ? ranks(vertices, v -> bc.getOrDefault(v, 0.0)) : Map.of();
    Map<String, Integer> degRank = ranks(vertices, v -> graph.graph().degreeOf(v));
    vertices.sort(Comparator.<String>comparingDouble(v -> -pr.getOrDefault(v, 0.0)).thenComparing(v -> v));
    List<CentresResult.Centre> centres = new ArrayList<>(vertices.size());
    for (String v : vertices) {
      Entity e = graph.entity(v).orElseThrow();
      centres.add(new CentresResult.Centre(v, e.label(), e.typeName(), pr.getOrDefault(v, 0.0),
          withBetweenness ? bc.getOrDefault(v, 0.0) : null, graph.graph().degreeOf(v),
          prRank.get(v), withBetweenness ? bcRank.get(v) : null, degRank.get(v)));
    }
    String note = "PageRank (damping 0.85) on relation weights; degree = distinct neighbours; "
        + (withBetweenness ? "betweenness exact (Brandes), normalised, in hops."
        : "betweenness not computed: V x E = " + (long) graph.vertexCount() * graph.edgeCount()
            + " exceeds the exact-computation budget of " + betweennessBudget + ".");
    return new CentresResult(centres, withBetweenness, note);
  }

  /** 1-based competition ranks, highest score first (equal scores share a rank). */
  private static Map<String, Integer> ranks(List<String> vertices, ToDoubleFunction<String> score) {
    List<String> order = new ArrayList<>(vertices);
    order.sort(Comparator.comparingDouble(score).reversed());
    Map<String, Integer> ranks = new HashMap<>();
    double previous = Double.NaN;
    int rank = 0;
    for (int i = 0; i < order.size(); i++) {
      double s = score.applyAsDouble(order.get(i));
      if (i == 0 || Math.abs(s - previous) > 1e-12) {
        rank = i + 1;
        previous = s;
      }
      ranks.put(order.get(i), rank);
    }
    return ranks;
  }
}
