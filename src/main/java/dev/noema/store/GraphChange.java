package dev.noema.store;

import java.util.List;
import org.apache.jena.graph.Node;

/**
 * A change to the store that is applied whole or not at all: graphs removed, then graphs put.
 *
 * @param remove graphs to drop (absent ones are ignored)
 * @param removePrefixes drop every graph whose IRI starts with one of these (all extraction graphs of a conversation)
 * @param put graphs to replace or create
 */
public record GraphChange(List<Node> remove, List<String> removePrefixes, List<GraphContent> put) {
  public GraphChange {
    remove = List.copyOf(remove);
    removePrefixes = List.copyOf(removePrefixes);
    put = List.copyOf(put);
  }

  public static GraphChange put(GraphContent... graphs) {
    return new GraphChange(List.of(), List.of(), List.of(graphs));
  }

  /** The number of triples this change writes. */
  public long tripleCount() {
    return put.stream().mapToLong(g -> g.triples().size()).sum();
  }
}
