package dev.noema.store;

import java.util.List;
import org.apache.jena.graph.Node;

/**
 * A change to the store that is applied whole or not at all: graphs removed, then graphs put.
 *
 * @param remove graphs to drop (absent ones are ignored)
 * @param removePrefixes drop every graph whose IRI starts with one of these (all extraction graphs
 *     of a conversation)
 * @param put graphs to replace or create
 * @param created the caller has read the registry and knows that none of the {@code put} graphs is
 *     in the store, so a store may write them without first dropping what they held (a lookup per
 *     graph); a store may also ignore this. A wrong {@code true} mixes the old content with the
 *     new, so only a caller that holds the registry's listing sets it.
 */
public record GraphChange(
    List<Node> remove, List<String> removePrefixes, List<GraphContent> put, boolean created) {
  public GraphChange {
    remove = List.copyOf(remove);
    removePrefixes = List.copyOf(removePrefixes);
    put = List.copyOf(put);
  }

  /**
   * A change whose {@code put} graphs may already be in the store: each is dropped before it is
   * written.
   */
  public GraphChange(List<Node> remove, List<String> removePrefixes, List<GraphContent> put) {
    this(remove, removePrefixes, put, false);
  }

  public static GraphChange put(GraphContent... graphs) {
    return new GraphChange(List.of(), List.of(), List.of(graphs));
  }

  /** Graphs the caller knows to be new to the store (see {@link #created}). */
  public static GraphChange create(List<GraphContent> graphs) {
    return new GraphChange(List.of(), List.of(), graphs, true);
  }

  /** The number of triples this change writes. */
  public long tripleCount() {
    return put.stream().mapToLong(g -> g.triples().size()).sum();
  }
}
