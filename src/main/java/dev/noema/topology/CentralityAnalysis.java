package dev.noema.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Centres of gravity: three centralities side by side.
 *
 * <ul>
 *   <li>PageRank on the <em>weighted</em> undirected graph, its random jumps following each
 *       entity's {@link Salience} (turns that mention it, times how specific its name is;
 *       perspectives none): {@link PersonalisedPageRank}, damping 0.85, O(iterations (V + E)) on
 *       {@link MeaningGraph#indexed()}. Uniform jumps ranked whatever collected the most
 *       co-occurrences and the views that collect a holder's claims first; on the corpus gold the
 *       ten highest ideas hold more gold entities this way (README, quality).
 *   <li>Betweenness ({@link Betweenness}: Brandes over int arrays, normalised to [0, 1]) on the
 *       <em>unweighted</em> graph, so that it counts shortest paths in hops. Exact while V x E is
 *       within the budget ({@link #DEFAULT_BETWEENNESS_BUDGET}); above it estimated from budget / E
 *       pivot sources (Brandes and Pich 2007), so the work stays near the budget whatever the size;
 *       with fewer than {@link Betweenness#MIN_PIVOTS} pivots it is reported as not computed.
 *   <li>Degree: the number of distinct neighbours, O(V).
 * </ul>
 *
 * <p>Thread-safe; each measure is computed once, on first use.
 */
public final class CentralityAnalysis implements Analysis<CentresResult> {
  /**
   * Edge visits betweenness may take: exact while V x E is within it, else estimated from budget /
   * E pivots. A few seconds of CPU on this machine: 500 pivots on a 100k-edge graph, 50 on a
   * 1M-edge one.
   */
  public static final long DEFAULT_BETWEENNESS_BUDGET = 50_000_000L;

  private final MeaningGraph graph;
  private final long betweennessBudget;
  private final Memo<double[]> pageRankByIndex;
  private final Memo<Map<String, Double>> pageRank;
  private final Memo<double[]> betweennessByIndex;
  private final Memo<Map<String, Double>> betweenness;
  private final Memo<CentresResult> result;

  public CentralityAnalysis(MeaningGraph graph) {
    this(graph, DEFAULT_BETWEENNESS_BUDGET);
  }

  /**
   * @param betweennessBudget edge visits betweenness may take (see {@link
   *     #DEFAULT_BETWEENNESS_BUDGET}); 0 never computes it
   */
  public CentralityAnalysis(MeaningGraph graph, long betweennessBudget) {
    if (betweennessBudget < 0) {
      throw new IllegalArgumentException(
          "betweenness budget must not be negative: " + betweennessBudget);
    }
    this.graph = graph;
    this.betweennessBudget = betweennessBudget;
    this.pageRankByIndex = new Memo<>(this::computePageRank);
    this.pageRank = new Memo<>(() -> byIri(pageRankByIndex.get()));
    this.betweennessByIndex = new Memo<>(this::computeBetweenness);
    this.betweenness =
        new Memo<>(() -> computesBetweenness() ? byIri(betweennessByIndex.get()) : Map.of());
    this.result = new Memo<>(this::compute);
  }

  /** PageRank of every entity (empty for an empty graph). Do not modify. */
  public Map<String, Double> pageRank() {
    return pageRank.get();
  }

  /**
   * Normalised betweenness (exact or estimated) of every entity, or an empty map when not computed.
   * Do not modify.
   */
  public Map<String, Double> betweenness() {
    return betweenness.get();
  }

  /** Whether betweenness is computed (exactly or estimated) for this graph. */
  public boolean computesBetweenness() {
    return exactBetweenness() || pivots() >= Betweenness.MIN_PIVOTS;
  }

  private boolean exactBetweenness() {
    return (long) graph.vertexCount() * graph.edgeCount() <= betweennessBudget;
  }

  /** The pivot sources the budget allows when betweenness cannot be exact. */
  private int pivots() {
    return (int) Math.min(graph.vertexCount(), betweennessBudget / Math.max(1, graph.edgeCount()));
  }

  /** How betweenness is computed here, as {@link CentresResult#betweennessMethod()} says it. */
  private String betweennessMethod() {
    if (exactBetweenness()) {
      return "exact";
    }
    return computesBetweenness()
        ? "estimated from " + pivots() + " pivots"
        : CentresResult.NOT_COMPUTED;
  }

  @Override
  public CentresResult result() {
    return result.get();
  }

  /** PageRank by vertex number of {@link MeaningGraph#indexed()}. */
  private double[] computePageRank() {
    IndexedGraph g = graph.indexed();
    double[] salience = new double[g.vertexCount()];
    for (int v = 0; v < salience.length; v++) {
      salience[v] = graph.entity(g.iri(v)).orElseThrow().salience();
    }
    return PersonalisedPageRank.scores(g, salience);
  }

  /** Betweenness by vertex number of {@link MeaningGraph#indexed()}; zeros when not computed. */
  private double[] computeBetweenness() {
    IndexedGraph g = graph.indexed();
    if (!computesBetweenness()) {
      return new double[g.vertexCount()];
    }
    return exactBetweenness() ? Betweenness.exact(g) : Betweenness.sampled(g, pivots());
  }

  /** Scores by vertex number as an unmodifiable map by entity IRI. */
  private Map<String, Double> byIri(double[] scores) {
    IndexedGraph g = graph.indexed();
    Map<String, Double> byIri = new HashMap<>(scores.length * 2);
    for (int v = 0; v < scores.length; v++) {
      byIri.put(g.iri(v), scores[v]);
    }
    return Collections.unmodifiableMap(byIri);
  }

  private CentresResult compute() {
    IndexedGraph g = graph.indexed();
    int n = g.vertexCount();
    double[] pr = pageRankByIndex.get();
    boolean withBetweenness = computesBetweenness();
    double[] bc = betweennessByIndex.get();
    double[] degree = new double[n];
    for (int v = 0; v < n; v++) {
      degree[v] = g.degree(v);
    }
    int[] prRank = ranks(pr);
    int[] bcRank = withBetweenness ? ranks(bc) : null;
    int[] degRank = ranks(degree);
    Integer[] order = new Integer[n];
    Arrays.setAll(order, v -> v);
    // Vertices are numbered in IRI order, so the number breaks PageRank ties by IRI.
    Arrays.sort(order, Comparator.<Integer>comparingDouble(v -> -pr[v]).thenComparingInt(v -> v));
    List<CentresResult.Centre> centres = new ArrayList<>(n);
    for (int v : order) {
      Entity e = graph.entity(g.iri(v)).orElseThrow();
      centres.add(
          new CentresResult.Centre(
              e.iri(),
              e.label(),
              e.typeName(),
              pr[v],
              withBetweenness ? bc[v] : null,
              g.degree(v),
              prRank[v],
              withBetweenness ? bcRank[v] : null,
              degRank[v],
              e.kind()));
    }
    String note =
        "PageRank (damping "
            + PersonalisedPageRank.DAMPING
            + ") on relation weights, jumps by salience (turns x name specificity); "
            + "degree = distinct neighbours; "
            + (withBetweenness
                ? "betweenness " + betweennessMethod() + " (Brandes), normalised, in hops."
                : "betweenness not computed: V x E = "
                    + (long) graph.vertexCount() * graph.edgeCount()
                    + " exceeds the budget of "
                    + betweennessBudget
                    + " and allows fewer than "
                    + Betweenness.MIN_PIVOTS
                    + " pivots.");
    return new CentresResult(centres, betweennessMethod(), note);
  }

  /**
   * 1-based competition ranks by vertex number, highest score first (scores within 1e-12 of the
   * first of their group share its rank). Sorts a primitive copy and finds each score in it, rather
   * than sorting boxed vertex numbers with a comparator: on 200k vertices that was most of the time
   * spent outside PageRank.
   */
  private static int[] ranks(double[] score) {
    int n = score.length;
    double[] ascending = score.clone();
    Arrays.sort(ascending);
    // rankAt[i]: the rank of the i-th score in descending order, i.e. of ascending[n - 1 - i].
    int[] rankAt = new int[n];
    double leader = Double.NaN;
    int rank = 0;
    for (int i = 0; i < n; i++) {
      double s = ascending[n - 1 - i];
      if (i == 0 || Math.abs(s - leader) > 1e-12) {
        rank = i + 1;
        leader = s;
      }
      rankAt[i] = rank;
    }
    int[] ranks = new int[n];
    for (int v = 0; v < n; v++) {
      // Equal scores are one group, so any position of the score gives its rank.
      ranks[v] = rankAt[n - 1 - Arrays.binarySearch(ascending, score[v])];
    }
    return ranks;
  }
}
