package dev.noema.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The shape of the meaning graph, on its undirected unweighted view, computed on {@link
 * MeaningGraph#indexed()} so that every measure is linear or near-linear in the graph's size:
 *
 * <ul>
 *   <li>components (breadth-first search, O(V + E)) and cycle rank E - V + C;
 *   <li>diameter in hops: exact (a breadth-first search from every vertex, O(V E)) up to {@value
 *       #EXACT_DIAMETER_LIMIT} vertices; above that the double-sweep lower bound (Magnien, Latapy
 *       and Habib 2009, "Fast computation of empirically tight bounds for the diameter of massive
 *       graphs"): in each component a BFS from its highest-degree vertex, then a BFS from the
 *       farthest vertex found, O(V + E); exact on trees and usually tight on real graphs;
 *   <li>average local clustering coefficient (Watts and Strogatz 1998; vertices of degree below 2
 *       count as 0), exact, from per-vertex triangle counts by the forward algorithm (Schank and
 *       Wagner 2005, "Finding, counting and listing all triangles in large graphs"): O(E^1.5);
 *   <li>k-core profile and degeneracy by the bucket algorithm of Batagelj and Zaversnik 2003 ("An
 *       O(m) algorithm for cores decomposition of networks"), O(V + E);
 *   <li>the ten centres by PageRank that are ideas ({@link CentresResult#ideas}) and the Leiden
 *       clusters, from the analyses given.
 * </ul>
 *
 * <p>Why not JGraphT's {@code ClusteringCoefficient} and {@code Coreness}: in 1.5.3 the first tests
 * every pair of a vertex's neighbours (O(sum of squared degrees), 55 million look-ups on the
 * 1M-edge benchmark graph) and the second takes each next vertex from a shrinking {@code HashSet},
 * whose iterator rescans the emptied table: 237 s on 1M edges. The results are the same (the tests
 * check them against JGraphT on small graphs).
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

  public ShapeAnalysis(
      MeaningGraph graph, Supplier<CentresResult> centres, Supplier<ClustersResult> clusters) {
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
    IndexedGraph g = graph.indexed();
    int v = g.vertexCount();
    int e = g.edgeCount();
    Search search = new Search(g);
    List<Integer> hubs = search.componentHubs();
    boolean exact = v <= EXACT_DIAMETER_LIMIT;
    int diameter = exact ? search.exactDiameter() : search.doubleSweep(hubs);
    int[] core = coreNumbers(g);
    int degeneracy = 0;
    for (int k : core) {
      degeneracy = Math.max(degeneracy, k);
    }
    int[] atLeast = new int[degeneracy + 2];
    for (int k : core) {
      atLeast[k]++;
    }
    List<ShapeResult.Core> profile = new ArrayList<>();
    int running = 0;
    for (int k = degeneracy; k >= 1; k--) {
      running += atLeast[k];
      profile.add(0, new ShapeResult.Core(k, running));
    }
    return new ShapeResult(
        v,
        e,
        hubs.size(),
        e - v + hubs.size(),
        diameter,
        exact,
        averageClustering(g),
        degeneracy,
        profile,
        centres.get().ideas().top(TOP_CENTRES),
        clusters.get());
  }

  /**
   * The mean over all vertices of 2 t(v) / (d(v) (d(v) - 1)), t(v) the triangles through v. Each
   * triangle is found once, from its lowest vertex in (degree, number) order, by marking that
   * vertex's higher neighbours.
   */
  static double averageClustering(IndexedGraph g) {
    int n = g.vertexCount();
    if (n == 0) {
      return 0;
    }
    long[] triangles = new long[n];
    int[] mark = new int[n];
    for (int u = 0; u < n; u++) {
      for (int s = g.firstSlot(u), end = s + g.degree(u); s < end; s++) {
        int w = g.neighbourAt(s);
        if (precedes(g, u, w)) {
          mark[w] = u + 1;
        }
      }
      for (int s = g.firstSlot(u), end = s + g.degree(u); s < end; s++) {
        int v = g.neighbourAt(s);
        if (!precedes(g, u, v)) {
          continue;
        }
        for (int t = g.firstSlot(v), vEnd = t + g.degree(v); t < vEnd; t++) {
          int w = g.neighbourAt(t);
          if (precedes(g, v, w) && mark[w] == u + 1) {
            triangles[u]++;
            triangles[v]++;
            triangles[w]++;
          }
        }
      }
    }
    double sum = 0;
    for (int u = 0; u < n; u++) {
      long d = g.degree(u);
      if (d >= 2) {
        sum += 2.0 * triangles[u] / (d * (d - 1));
      }
    }
    return sum / n;
  }

  /** The orientation of the forward algorithm: lower degree first, then lower number. */
  private static boolean precedes(IndexedGraph g, int a, int b) {
    int da = g.degree(a);
    int db = g.degree(b);
    return da < db || (da == db && a < b);
  }

  /** The core number of every vertex (0 for an isolated one), by bucket-sorted peeling. */
  static int[] coreNumbers(IndexedGraph g) {
    int n = g.vertexCount();
    int[] degree = new int[n];
    int maxDegree = 0;
    for (int v = 0; v < n; v++) {
      degree[v] = g.degree(v);
      maxDegree = Math.max(maxDegree, degree[v]);
    }
    // bin[d]: where the vertices of current degree d start in vert, which is kept sorted by current
    // degree.
    int[] bin = new int[maxDegree + 2];
    for (int v = 0; v < n; v++) {
      bin[degree[v] + 1]++;
    }
    for (int d = 1; d < bin.length; d++) {
      bin[d] += bin[d - 1];
    }
    int[] vert = new int[n];
    int[] pos = new int[n];
    int[] fill = bin.clone();
    for (int v = 0; v < n; v++) {
      pos[v] = fill[degree[v]]++;
      vert[pos[v]] = v;
    }
    for (int i = 0; i < n; i++) {
      int v = vert[i];
      for (int s = g.firstSlot(v), end = s + g.degree(v); s < end; s++) {
        int u = g.neighbourAt(s);
        if (degree[u] > degree[v]) {
          // Move u to the front of its degree block, then shrink the block: u's degree drops by
          // one.
          int du = degree[u];
          int first = bin[du];
          int w = vert[first];
          if (u != w) {
            vert[pos[u]] = w;
            pos[w] = pos[u];
            vert[first] = u;
            pos[u] = first;
          }
          bin[du]++;
          degree[u]--;
        }
      }
    }
    return degree;
  }

  /** Breadth-first searches over the adjacency rows. Not thread-safe: used by one compute. */
  private static final class Search {
    private final IndexedGraph graph;
    private final int[] reached;
    private final int[] distance;
    private final int[] queue;
    private int epoch;

    Search(IndexedGraph graph) {
      this.graph = graph;
      int n = graph.vertexCount();
      this.reached = new int[n];
      this.distance = new int[n];
      this.queue = new int[n];
    }

    /**
     * One vertex of highest degree per connected component, components in order of their lowest
     * vertex.
     */
    List<Integer> componentHubs() {
      List<Integer> hubs = new ArrayList<>();
      for (int s = 0; s < graph.vertexCount(); s++) {
        if (reached[s] == 0) {
          int size = bfs(s);
          int hub = s;
          for (int i = 0; i < size; i++) {
            if (graph.degree(queue[i]) > graph.degree(hub)) {
              hub = queue[i];
            }
          }
          hubs.add(hub);
        }
      }
      return hubs;
    }

    int exactDiameter() {
      int best = 0;
      for (int s = 0; s < graph.vertexCount(); s++) {
        best = Math.max(best, distance[queue[bfs(s) - 1]]);
      }
      return best;
    }

    int doubleSweep(List<Integer> hubs) {
      int best = 0;
      for (int hub : hubs) {
        int far = queue[bfs(hub) - 1];
        best = Math.max(best, distance[queue[bfs(far) - 1]]);
      }
      return best;
    }

    /**
     * Breadth-first search from {@code source}: fills {@code distance} for the vertices it reaches
     * (marked with a new epoch, so that a search costs only the size of its component) and leaves
     * them in {@code queue} in order of distance; returns how many it reached, so that {@code
     * queue[count - 1]} is a farthest vertex.
     */
    private int bfs(int source) {
      epoch++;
      reached[source] = epoch;
      distance[source] = 0;
      queue[0] = source;
      int head = 0;
      int tail = 1;
      while (head < tail) {
        int v = queue[head++];
        for (int s = graph.firstSlot(v), end = s + graph.degree(v); s < end; s++) {
          int n = graph.neighbourAt(s);
          if (reached[n] != epoch) {
            reached[n] = epoch;
            distance[n] = distance[v] + 1;
            queue[tail++] = n;
          }
        }
      }
      return tail;
    }
  }
}
