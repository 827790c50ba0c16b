package dev.noema.store;

import java.time.Instant;
import org.apache.jena.graph.Node;

/**
 * A named graph as the store's registry records it.
 *
 * @param name the graph's IRI
 * @param contentHash the hash it was written with
 * @param modified when it was last written
 */
public record GraphEntry(Node name, String contentHash, Instant modified) {}
