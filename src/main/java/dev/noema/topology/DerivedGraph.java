package dev.noema.topology;

import dev.noema.store.GraphContent;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * A named graph of derived measures, ready to be written through the store.
 *
 * @param name the graph IRI ({@code Iris.derivedGraph(...)})
 * @param triples its triples, in the order produced
 */
public record DerivedGraph(Node name, List<Triple> triples) {
  public DerivedGraph {
    Objects.requireNonNull(name, "graph name");
    triples = List.copyOf(triples);
  }

  /** The graph as store content, hashed (SHA-256) over its triples in sorted order. */
  public GraphContent content() {
    MessageDigest digest = DigestUtils.getSha256Digest();
    triples.stream()
        .map(Triple::toString)
        .sorted()
        .forEach(t -> DigestUtils.updateDigest(digest, t + "\n"));
    return new GraphContent(name, Hex.encodeHexString(digest.digest()), triples);
  }
}
