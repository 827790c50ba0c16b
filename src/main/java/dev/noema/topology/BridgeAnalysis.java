package dev.noema.topology;

import java.util.Comparator;
import java.util.List;
import org.jgrapht.alg.connectivity.BiconnectivityInspector;

/**
 * Articulation points and bridge edges of the undirected meaning graph, by JGraphT's {@link
 * BiconnectivityInspector} (depth-first search after Hopcroft and Tarjan 1973, "Efficient
 * algorithms for graph manipulation"): O(V + E). Results are sorted by label, then IRI.
 * Thread-safe; computed once.
 */
public final class BridgeAnalysis implements Analysis<BridgesResult> {
  private final MeaningGraph graph;
  private final Memo<BridgesResult> result;

  public BridgeAnalysis(MeaningGraph graph) {
    this.graph = graph;
    this.result = new Memo<>(this::compute);
  }

  @Override
  public BridgesResult result() {
    return result.get();
  }

  private BridgesResult compute() {
    // JGraphT's inspector recurses once per vertex on a path: the default thread stack overflows
    // near 10^4 vertices
    // deep, so it runs in a thread whose stack grows with the graph (about 1 KB per vertex, at
    // least 16 MB).
    BridgesResult[] found = new BridgesResult[1];
    RuntimeException[] failed = new RuntimeException[1];
    long stack = Math.max(16L << 20, (long) graph.vertexCount() << 10);
    Thread worker =
        new Thread(
            null,
            () -> {
              try {
                found[0] = inspect();
              } catch (RuntimeException e) {
                failed[0] = e;
              }
            },
            "noema-bridges",
            stack);
    worker.start();
    try {
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TopologyException("interrupted while looking for bridges");
    }
    if (failed[0] != null) {
      throw failed[0];
    }
    return found[0];
  }

  private BridgesResult inspect() {
    BiconnectivityInspector<String, MeaningEdge> inspector =
        new BiconnectivityInspector<>(graph.graph());
    List<BridgesResult.Point> points =
        inspector.getCutpoints().stream()
            .map(v -> new BridgesResult.Point(v, graph.label(v), graph.graph().degreeOf(v)))
            .sorted(
                Comparator.comparing(BridgesResult.Point::label)
                    .thenComparing(BridgesResult.Point::iri))
            .toList();
    List<EdgeView> bridges =
        inspector.getBridges().stream()
            .map(e -> EdgeView.of(graph, e))
            .sorted(
                Comparator.comparing(EdgeView::sourceLabel).thenComparing(EdgeView::targetLabel))
            .toList();
    return new BridgesResult(points, bridges);
  }
}
