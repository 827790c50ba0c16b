package dev.noema.topology;

import java.util.ArrayList;
import java.util.List;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.YenKShortestPath;

/**
 * The shortest path between two entities and the k next-shortest simple paths, in hops on the
 * undirected graph, by Yen's algorithm (Yen 1971, "Finding the k shortest loopless paths in a
 * network"; JGraphT {@link YenKShortestPath}): O(k V (E + V log V)). Each hop carries its relations
 * and their evidence. Thread-safe; computed once.
 */
public final class PathAnalysis implements Analysis<PathsResult> {
  private final MeaningGraph graph;
  private final String from;
  private final String to;
  private final int alternatives;
  private final Memo<PathsResult> result;

  /**
   * @param from entity label (any language, case- and accent-insensitive) or IRI
   * @param to likewise
   * @param alternatives how many paths to give beyond the shortest (0 or more)
   * @throws UnknownConceptException when either end names no entity
   */
  public PathAnalysis(MeaningGraph graph, String from, String to, int alternatives) {
    if (alternatives < 0) {
      throw new IllegalArgumentException(
          "the number of alternative paths must not be negative: " + alternatives);
    }
    this.graph = graph;
    this.from = graph.index().resolve(from);
    this.to = graph.index().resolve(to);
    this.alternatives = alternatives;
    this.result = new Memo<>(this::compute);
  }

  @Override
  public PathsResult result() {
    return result.get();
  }

  private PathsResult compute() {
    List<PathsResult.Path> paths = new ArrayList<>();
    if (from.equals(to)) {
      paths.add(new PathsResult.Path(0, List.of()));
    } else {
      for (GraphPath<String, MeaningEdge> p :
          new YenKShortestPath<>(graph.graph()).getPaths(from, to, alternatives + 1)) {
        List<PathsResult.Hop> hops = new ArrayList<>();
        List<String> vertices = p.getVertexList();
        List<MeaningEdge> edges = p.getEdgeList();
        for (int i = 0; i < edges.size(); i++) {
          MeaningEdge e = edges.get(i);
          String a = vertices.get(i);
          String b = vertices.get(i + 1);
          hops.add(
              new PathsResult.Hop(
                  a,
                  graph.label(a),
                  b,
                  graph.label(b),
                  e.relations().stream().map(r -> EdgeView.describe(graph, r)).toList(),
                  e.evidence()));
        }
        paths.add(new PathsResult.Path(edges.size(), hops));
      }
    }
    return new PathsResult(from, graph.label(from), to, graph.label(to), paths);
  }
}
