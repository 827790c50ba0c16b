package dev.noema.store;

import java.util.List;
import java.util.Objects;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * The whole new content of one named graph.
 *
 * @param name the graph's IRI
 * @param contentHash hash of what the graph was built from; recorded in the registry so an
 *     unchanged input can be recognised without rebuilding the graph
 * @param triples the triples; replaces whatever the graph held
 */
public record GraphContent(Node name, String contentHash, List<Triple> triples) {
  public GraphContent {
    Objects.requireNonNull(name, "graph name");
    Objects.requireNonNull(contentHash, "content hash");
    triples = List.copyOf(triples);
  }
}
