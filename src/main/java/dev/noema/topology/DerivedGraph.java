package dev.noema.topology;

import dev.noema.store.GraphContent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
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
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      triples.stream()
          .map(Triple::toString)
          .sorted()
          .forEach(t -> digest.update((t + "\n").getBytes(StandardCharsets.UTF_8)));
      return new GraphContent(name, HexFormat.of().formatHex(digest.digest()), triples);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
