package dev.noema.topology;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;
import org.jgrapht.GraphType;
import org.jgrapht.graph.AbstractGraph;
import org.jgrapht.graph.DefaultGraphType;

/**
 * The meaning graph numbered for the whole-graph algorithms (PageRank, Leiden, shape): vertex
 * {@code i} is the i-th entity in IRI order, edge {@code j} the j-th edge of {@link
 * MeaningGraph#graph()} in its iteration order. It keeps the edges as (source, target, weight)
 * arrays and the adjacency as compressed sparse rows, and shows itself to JGraphT as an
 * unmodifiable, undirected, weighted {@code Graph<Integer, Integer>} whose vertices and edges are
 * those numbers.
 *
 * <p>Why: on the String graph every step of a JGraphT algorithm is a hash look-up (vertex index,
 * edge ends through two graph views); measured on 100k edges, PageRank spent 2.4x the time of the
 * same call on a plain integer graph just reading the graph. Here a step is an array read. This is
 * what jgrapht-opt's sparse graphs do; that artifact is not among this build's dependencies, so the
 * few methods the algorithms need are implemented here.
 *
 * <p>Immutable and thread-safe (the arrays given are not copied: the caller hands them over). Built
 * in O(V + E) by {@link MeaningGraph.Builder#build()}; holds about 40 bytes per edge.
 */
final class IndexedGraph extends AbstractGraph<Integer, Integer> {
  private static final GraphType TYPE =
      new DefaultGraphType.Builder()
          .undirected()
          .weighted(true)
          .allowMultipleEdges(false)
          .allowSelfLoops(false)
          .allowCycles(true)
          .modifiable(false)
          .build();

  private final List<String> iris;
  private final Map<String, Integer> index;
  private final int[] sources;
  private final int[] targets;
  private final double[] weights;

  /**
   * Row {@code v} of the adjacency is the slots {@code offsets[v]} (inclusive) to {@code offsets[v
   * + 1]}.
   */
  private final int[] offsets;

  private final int[] neighbours;
  private final int[] incident;

  /**
   * The boxed numbers 0 .. max(V, E) - 1, so that iterating vertices and edges allocates nothing.
   */
  private final Integer[] boxes;

  /**
   * @param iris the entity IRIs, vertex {@code i} being {@code iris.get(i)}
   * @param index each IRI's number
   * @param sources one end of each edge, numbered
   * @param targets the other end
   * @param weights each edge's weight
   */
  IndexedGraph(
      List<String> iris,
      Map<String, Integer> index,
      int[] sources,
      int[] targets,
      double[] weights) {
    int n = iris.size();
    int m = sources.length;
    this.iris = iris;
    this.index = index;
    this.sources = sources;
    this.targets = targets;
    this.weights = weights;
    this.offsets = new int[n + 1];
    for (int e = 0; e < m; e++) {
      offsets[sources[e] + 1]++;
      offsets[targets[e] + 1]++;
    }
    for (int v = 0; v < n; v++) {
      offsets[v + 1] += offsets[v];
    }
    this.neighbours = new int[2 * m];
    this.incident = new int[2 * m];
    int[] fill = new int[n];
    for (int e = 0; e < m; e++) {
      place(sources[e], targets[e], e, fill);
      place(targets[e], sources[e], e, fill);
    }
    this.boxes = new Integer[Math.max(n, m)];
    for (int i = 0; i < boxes.length; i++) {
      boxes[i] = i;
    }
  }

  private void place(int v, int neighbour, int edge, int[] fill) {
    int slot = offsets[v] + fill[v]++;
    neighbours[slot] = neighbour;
    incident[slot] = edge;
  }

  int vertexCount() {
    return iris.size();
  }

  int edgeCount() {
    return sources.length;
  }

  /** The IRI of vertex {@code v}. */
  String iri(int v) {
    return iris.get(v);
  }

  /** The number of the entity {@code iri}, or -1 when it is not a vertex. */
  int indexOf(String iri) {
    Integer i = index.get(iri);
    return i == null ? -1 : i;
  }

  int source(int edge) {
    return sources[edge];
  }

  int target(int edge) {
    return targets[edge];
  }

  double weight(int edge) {
    return weights[edge];
  }

  int degree(int v) {
    return offsets[v + 1] - offsets[v];
  }

  /**
   * The first adjacency slot of {@code v}; its neighbours are {@link #neighbourAt} of slots up to
   * {@link #degree}.
   */
  int firstSlot(int v) {
    return offsets[v];
  }

  int neighbourAt(int slot) {
    return neighbours[slot];
  }

  /** The edge joining {@code v} to the neighbour at {@code slot} of its row. */
  int edgeAt(int slot) {
    return incident[slot];
  }

  // The JGraphT view: read-only, vertices 0..V-1, edges 0..E-1.

  @Override
  public Set<Integer> vertexSet() {
    return new Ids(null, 0, iris.size());
  }

  @Override
  public Set<Integer> edgeSet() {
    return new Ids(null, 0, sources.length);
  }

  @Override
  public boolean containsVertex(Integer v) {
    return v != null && v >= 0 && v < iris.size();
  }

  @Override
  public boolean containsEdge(Integer e) {
    return e != null && e >= 0 && e < sources.length;
  }

  @Override
  public Set<Integer> edgesOf(Integer v) {
    assertVertexExist(v);
    return new Ids(incident, offsets[v], offsets[v + 1]);
  }

  @Override
  public Set<Integer> incomingEdgesOf(Integer v) {
    return edgesOf(v);
  }

  @Override
  public Set<Integer> outgoingEdgesOf(Integer v) {
    return edgesOf(v);
  }

  @Override
  public int degreeOf(Integer v) {
    assertVertexExist(v);
    return degree(v);
  }

  @Override
  public int inDegreeOf(Integer v) {
    return degreeOf(v);
  }

  @Override
  public int outDegreeOf(Integer v) {
    return degreeOf(v);
  }

  @Override
  public Integer getEdgeSource(Integer e) {
    return boxes[sources[e]];
  }

  @Override
  public Integer getEdgeTarget(Integer e) {
    return boxes[targets[e]];
  }

  @Override
  public double getEdgeWeight(Integer e) {
    return weights[e];
  }

  @Override
  public Integer getEdge(Integer u, Integer w) {
    if (!containsVertex(u) || !containsVertex(w)) {
      return null;
    }
    for (int slot = offsets[u]; slot < offsets[u + 1]; slot++) {
      if (neighbours[slot] == w) {
        return boxes[incident[slot]];
      }
    }
    return null;
  }

  @Override
  public Set<Integer> getAllEdges(Integer u, Integer w) {
    if (!containsVertex(u) || !containsVertex(w)) {
      return null;
    }
    Integer e = getEdge(u, w);
    return e == null ? Set.of() : Set.of(e);
  }

  @Override
  public GraphType getType() {
    return TYPE;
  }

  @Override
  public Supplier<Integer> getVertexSupplier() {
    return null;
  }

  @Override
  public Supplier<Integer> getEdgeSupplier() {
    return null;
  }

  @Override
  public Integer addEdge(Integer u, Integer w) {
    throw unmodifiable();
  }

  @Override
  public boolean addEdge(Integer u, Integer w, Integer e) {
    throw unmodifiable();
  }

  @Override
  public Integer addVertex() {
    throw unmodifiable();
  }

  @Override
  public boolean addVertex(Integer v) {
    throw unmodifiable();
  }

  @Override
  public Integer removeEdge(Integer u, Integer w) {
    throw unmodifiable();
  }

  @Override
  public boolean removeEdge(Integer e) {
    throw unmodifiable();
  }

  @Override
  public boolean removeVertex(Integer v) {
    throw unmodifiable();
  }

  @Override
  public void setEdgeWeight(Integer e, double weight) {
    throw unmodifiable();
  }

  private static UnsupportedOperationException unmodifiable() {
    return new UnsupportedOperationException("the indexed meaning graph is read-only");
  }

  /**
   * The numbers {@code from} to {@code to} (exclusive), or the entries of {@code values} between
   * those positions.
   */
  private final class Ids extends AbstractSet<Integer> {
    private final int[] values;
    private final int from;
    private final int to;

    Ids(int[] values, int from, int to) {
      this.values = values;
      this.from = from;
      this.to = to;
    }

    @Override
    public int size() {
      return to - from;
    }

    @Override
    public boolean contains(Object o) {
      if (!(o instanceof Integer i)) {
        return false;
      }
      if (values == null) {
        return i >= from && i < to;
      }
      for (int p = from; p < to; p++) {
        if (values[p] == i) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Iterator<Integer> iterator() {
      return new Iterator<>() {
        private int next = from;

        @Override
        public boolean hasNext() {
          return next < to;
        }

        @Override
        public Integer next() {
          if (next >= to) {
            throw new NoSuchElementException();
          }
          int p = next++;
          return boxes[values == null ? p : values[p]];
        }
      };
    }
  }
}
