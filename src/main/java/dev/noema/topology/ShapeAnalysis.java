package dev.noema.topology;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.scoring.ClusteringCoefficient;
import org.jgrapht.alg.scoring.Coreness;

/**
 * The shape of the meaning graph, on its undirected unweighted view:
 *
 * <ul>
 *   <li>components (JGraphT {@link ConnectivityInspector}, O(V + E)) and cycle rank E - V + C;
 *   <li>diameter in hops: exact (a breadth-first search from every vertex, O(V E)) up to
 *       {@value #EXACT_DIAMETER_LIMIT} vertices; above that the double-sweep lower bound (Magnien, Latapy and Habib 2009,
 *       "Fast computation of empirically tight bounds for the diameter of massive graphs"): in each component a BFS
 *       from its highest-degree vertex, then a BFS from the farthest vertex found, O(V + E); exact on trees and usually
 *       tight on real graphs;
 *   <li>average local clustering coefficient (Watts and Strogatz 1998; JGraphT {@link ClusteringCoefficient}),
 *       O(sum of squared degrees);
 *   <li>k-core profile and degeneracy (Batagelj and Zaversnik 2003; JGraphT {@link Coreness}), O(V + E);
 *   <li>the ten centres by PageRank and the Leiden clusters, from the analyses given.
 * </ul>
 *
 * <p>Thread-safe; computed once.
 */
public final class ShapeAnalysis implements Analysis<ShapeResult> {
  /** Largest vertex count for which the diameter is computed exactly. */
  public static final int EXACT_DIAMETER_LIMIT = 2_000;
  private static final int TOP_CENTRES = 10;

  private final MeaningGraph graph;
  private final Supplier<CentresResult> centres;
  private final Supplier<ClustersResult> clusters;
  private final Memo<ShapeResult> result;

  public ShapeAnalysis(MeaningGraph graph, Supplier<CentresResult> centres, Supplier<ClustersResult> clusters) {
    this.graph = graph;
    this.centres = centres;
    this.clusters = clusters;
    this.result = new Memo<>(this::compute);
  }

  @Override
  public ShapeResult result() {
    return result.get();
  }

  private ShapeResult compute() {
    int v = graph.vertexCount();
    int e = graph.edgeCount();
    List<Set<String>> components = new ConnectivityInspector<>(graph.graph()).connectedSets();
    Adjacency adjacency = new Adjacency(graph);
    boolean exact = v <= EXACT_DIAMETER_LIMIT;
    int diameter = exact ? adjacency.exactDiameter() : adjacency.doubleSweep(components);
    double clustering = v == 0 ? 0 : new ClusteringCoefficient<>(graph.graph()).getAverageClusteringCoefficient();
    Coreness<String, MeaningEdge> coreness = new Coreness<>(graph.graph());
    int degeneracy = v == 0 ? 0 : coreness.getDegeneracy();
    int[] atLeast = new int[degeneracy + 2];
    for (int k : coreness.getScores().values()) {
      atLeast[k]++;
    }
    List<ShapeResult.Core> profile = new ArrayList<>();
    int running = 0;
    for (int k = degeneracy; k >= 1; k--) {
      running += atLeast[k];
      profile.add(0, new ShapeResult.Core(k, running));
    }
    return new ShapeResult(v, e, components.size(), e - v + components.size(), diameter, exact, clustering,
        degeneracy, profile, centres.get().top(TOP_CENTRES), clusters.get());
  }

  /** The graph as int adjacency arrays, for fast breadth-first searches. Not thread-safe: used by one compute. */
  private static final class Adjacency {
    private final List<String> vertices;
    private final Map<String, Integer> index;
    private final int[][] neighbours;
    private final int[] reached;
    private int epoch;

    Adjacency(MeaningGraph graph) {
      vertices = new ArrayList<>(graph.graph().vertexSet());
      index = new HashMap<>(vertices.size() * 2);
      for (int i = 0; i < vertices.size(); i++) {
        index.put(vertices.get(i), i);
      }
      neighbours = new int[vertices.size()][];
      reached = new int[vertices.size()];
      for (int i = 0; i < vertices.size(); i++) {
        String v = vertices.get(i);
        Set<MeaningEdge> edges = graph.graph().edgesOf(v);
        int[] n = new int[edges.size()];
        int j = 0;
        for (MeaningEdge edge : edges) {
          n[j++] = index.get(edge.opposite(v));
        }
        neighbours[i] = n;
      }
    }

    int exactDiameter() {
      int best = 0;
      int[] distance = new int[vertices.size()];
      for (int s = 0; s < vertices.size(); s++) {
        best = Math.max(best, distance[bfs(s, distance)]);
      }
      return best;
    }

    int doubleSweep(List<Set<String>> components) {
      int best = 0;
      int[] distance = new int[vertices.size()];
      for (Set<String> component : components) {
        if (component.size() < 2) {
          continue;
        }
        int start = -1;
        for (String v : component) {
          int i = index.get(v);
          if (start < 0 || neighbours[i].length > neighbours[start].length) {
            start = i;
          }
        }
        int far = bfs(start, distance);
        int farther = bfs(far, distance);
        best = Math.max(best, distance[farther]);
      }
      return best;
    }

    /**
     * Breadth-first search from {@code source}; fills {@code distance} for the vertices it reaches (marked with a new
     * epoch, so that a search costs only the size of its component) and returns a farthest vertex.
     */
    private int bfs(int source, int[] distance) {
      epoch++;
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      distance[source] = 0;
      reached[source] = epoch;
      queue.add(source);
      int last = source;
      while (!queue.isEmpty()) {
        int v = queue.poll();
        last = v;
        for (int n : neighbours[v]) {
          if (reached[n] != epoch) {
            reached[n] = epoch;
            distance[n] = distance[v] + 1;
            queue.add(n);
          }
        }
      }
      return last;
    }
  }
}
