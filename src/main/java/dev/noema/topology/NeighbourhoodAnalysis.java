package dev.noema.topology;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graphs;

/**
 * The neighbourhood of an entity: a breadth-first search on the undirected graph stopped at {@code
 * hops}, and the subgraph induced on what it reached. O(V' + E') for the V' entities and E' edges
 * reached. Thread-safe; computed once.
 */
public final class NeighbourhoodAnalysis implements Analysis<NeighbourhoodResult> {
  private final MeaningGraph graph;
  private final String centre;
  private final int hops;
  private final Memo<NeighbourhoodResult> result;

  /**
   * @param concept label (any language, case- and accent-insensitive) or IRI
   * @param hops 0 or more
   * @throws UnknownConceptException when {@code concept} names no entity
   */
  public NeighbourhoodAnalysis(MeaningGraph graph, String concept, int hops) {
    if (hops < 0) {
      throw new IllegalArgumentException("hops must not be negative: " + hops);
    }
    this.graph = graph;
    this.centre = graph.index().resolve(concept);
    this.hops = hops;
    this.result = new Memo<>(this::compute);
  }

  @Override
  public NeighbourhoodResult result() {
    return result.get();
  }

  private NeighbourhoodResult compute() {
    Map<String, Integer> distance = new LinkedHashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    distance.put(centre, 0);
    queue.add(centre);
    while (!queue.isEmpty()) {
      String v = queue.poll();
      int d = distance.get(v);
      if (d < hops) {
        for (String n : Graphs.neighborListOf(graph.graph(), v)) {
          if (distance.putIfAbsent(n, d + 1) == null) {
            queue.add(n);
          }
        }
      }
    }
    List<NeighbourhoodResult.Neighbour> neighbours =
        distance.entrySet().stream()
            .map(
                e ->
                    new NeighbourhoodResult.Neighbour(
                        e.getKey(),
                        graph.label(e.getKey()),
                        graph.entity(e.getKey()).map(Entity::typeName).orElse(""),
                        e.getValue()))
            .sorted(
                Comparator.comparingInt(NeighbourhoodResult.Neighbour::distance)
                    .thenComparing(NeighbourhoodResult.Neighbour::label))
            .toList();
    Set<MeaningEdge> induced = new LinkedHashSet<>();
    for (String v : distance.keySet()) {
      for (MeaningEdge e : graph.graph().edgesOf(v)) {
        if (distance.containsKey(e.opposite(v))) {
          induced.add(e);
        }
      }
    }
    List<EdgeView> edges =
        induced.stream()
            .map(e -> EdgeView.of(graph, e))
            .sorted(
                Comparator.comparing(EdgeView::sourceLabel).thenComparing(EdgeView::targetLabel))
            .toList();
    return new NeighbourhoodResult(centre, graph.label(centre), hops, neighbours, edges);
  }
}
