package dev.noema.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.system.StreamRDF;

/**
 * Named RDF graphs with a registry of their content hashes. Queries see the union of all named
 * graphs as their default graph. Implementations: {@link Tdb2GraphStore} (embedded, the default)
 * and {@link SparqlEndpointGraphStore} (any SPARQL 1.1 endpoint with update and the graph store
 * protocol).
 *
 * <p>Writes are atomic: {@link #apply} commits all of its changes or none. Reads never see a
 * half-applied change. Implementations are thread-safe.
 */
public interface GraphStore extends AutoCloseable {

  /** The hash a graph was last written with, or empty when the store does not hold it. */
  Optional<String> contentHash(Node graph);

  /** Every named graph in the registry, in IRI order. */
  List<GraphEntry> graphs();

  /**
   * Applies the changes in one transaction, in order: all of them are in the store afterwards, or
   * none is.
   */
  void apply(List<GraphChange> changes);

  default void apply(GraphChange change) {
    apply(List.of(change));
  }

  /**
   * Runs a SPARQL SELECT (or ASK) over the union graph and hands the results to {@code handler}
   * inside a read transaction; the handler must consume them before returning.
   *
   * @param params variables to bind before execution: substituted into the parsed query, never
   *     concatenated as text
   * @throws QuerySyntaxException when the query does not parse, with line and column
   */
  <T> T select(String sparql, Map<String, Node> params, Function<ResultSet, T> handler);

  /**
   * Runs a SPARQL CONSTRUCT or DESCRIBE over the union graph and streams the triples to {@code
   * sink}.
   */
  void construct(String sparql, Map<String, Node> params, StreamRDF sink);

  /**
   * Streams the quads of the given named graphs to {@code sink}, graph by graph, inside one read
   * transaction.
   */
  void read(Collection<Node> graphs, StreamRDF sink);

  /** Streams every quad of every named graph to {@code sink} (export). */
  void readAll(StreamRDF sink);

  /** Counts: named graphs and quads. */
  StoreStats stats();

  /** Where the store lives, for messages: a folder or an endpoint URL. */
  String location();

  @Override
  void close();
}
