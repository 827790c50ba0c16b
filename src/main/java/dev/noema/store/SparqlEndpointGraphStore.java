package dev.noema.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.http.auth.AuthEnv;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.modify.request.QuadAcc;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.update.UpdateRequest;

/**
 * A store behind a remote SPARQL 1.1 endpoint (Fuseki, GraphDB, Neptune, ...), reached with Jena's
 * RDFConnection.
 *
 * <p>Each {@link #apply} is sent as ONE SPARQL Update request (drops, deletes and inserts
 * together), which SPARQL 1.1 servers execute atomically. Queries are sent as written; for the
 * union of named graphs to be the default graph the server must be configured so (Fuseki: {@code
 * tdb2:unionDefaultGraph true}), which {@code noema serve} does.
 *
 * @see Tdb2GraphStore for the embedded store with the same contract
 */
public final class SparqlEndpointGraphStore implements GraphStore {
  private final String url;
  private final RDFConnection connection;
  private final boolean bearer;

  private SparqlEndpointGraphStore(String url, RDFConnection connection, boolean bearer) {
    this.url = url;
    this.connection = connection;
    this.bearer = bearer;
  }

  /**
   * Connects to a dataset service such as {@code http://localhost:3030/noema}: queries, updates and
   * the graph store protocol are sent to that URL (the SPARQL 1.1 protocol lets one URL serve all
   * three, as Fuseki does).
   */
  public static SparqlEndpointGraphStore connect(String url) {
    RDFConnection connection =
        RDFConnectionRemote.newBuilder()
            .destination(url)
            .queryEndpoint("")
            .updateEndpoint("")
            .gspEndpoint("")
            .build();
    return new SparqlEndpointGraphStore(url, connection, false);
  }

  /**
   * Connects as {@link #connect(String)}, sending {@code Authorization: Bearer TOKEN} with every
   * request to that URL (through Jena's {@link AuthEnv}, for as long as this store is open).
   */
  public static SparqlEndpointGraphStore connect(String url, String bearerToken) {
    AuthEnv.get()
        .registerAuthModifier(
            url, request -> request.setHeader("Authorization", "Bearer " + bearerToken));
    RDFConnection connection =
        RDFConnectionRemote.newBuilder()
            .destination(url)
            .queryEndpoint("")
            .updateEndpoint("")
            .gspEndpoint("")
            .build();
    return new SparqlEndpointGraphStore(url, connection, true);
  }

  @Override
  public Optional<String> contentHash(Node graph) {
    return select(
        "SELECT ?hash WHERE { GRAPH ?registry { ?g ?hashProperty ?hash } }",
        Map.of(
            "registry",
            Registry.GRAPH,
            "g",
            graph,
            "hashProperty",
            dev.noema.ontology.Noema.contentHash),
        rs ->
            rs.hasNext()
                ? Optional.of(rs.next().getLiteral("hash").getLexicalForm())
                : Optional.<String>empty());
  }

  @Override
  public List<GraphEntry> graphs() {
    List<Triple> registry = new ArrayList<>();
    construct(
        Registry.CONTENTS_QUERY,
        Map.of(),
        new StreamRDFBase() {
          @Override
          public void triple(Triple triple) {
            registry.add(triple);
          }
        });
    return Registry.entries(registry.iterator());
  }

  @Override
  public void apply(List<GraphChange> changes) {
    Instant now = Instant.now();
    UpdateRequest request = new UpdateRequest();
    for (GraphChange change : changes) {
      List<Node> doomed = new ArrayList<>(change.remove());
      if (!change.removePrefixes().isEmpty()) {
        for (GraphEntry entry : graphs()) {
          if (change.removePrefixes().stream().anyMatch(p -> entry.name().getURI().startsWith(p))) {
            doomed.add(entry.name());
          }
        }
      }
      change.put().forEach(g -> doomed.add(g.name()));
      for (Node graph : doomed) {
        request.add(new UpdateDrop(graph, true));
        QuadAcc registryEntry = new QuadAcc();
        registryEntry.addQuad(new Quad(Registry.GRAPH, graph, Var.alloc("p"), Var.alloc("o")));
        request.add(new UpdateDeleteWhere(registryEntry));
      }
      QuadDataAcc inserts = new QuadDataAcc();
      for (GraphContent content : change.put()) {
        for (Triple t : content.triples()) {
          inserts.addQuad(new Quad(content.name(), t));
        }
        for (Triple t : Registry.entry(content.name(), content.contentHash(), now)) {
          inserts.addQuad(new Quad(Registry.GRAPH, t));
        }
      }
      if (!inserts.getQuads().isEmpty()) {
        request.add(new UpdateDataInsert(inserts));
      }
    }
    if (!request.getOperations().isEmpty()) {
      try {
        connection.update(request);
      } catch (RuntimeException e) {
        throw new StoreException(
            "the SPARQL endpoint "
                + url
                + " refused the update: "
                + PreparedQuery.firstLine(e.getMessage()),
            e);
      }
    }
  }

  @Override
  public <T> T select(String sparql, Map<String, Node> params, Function<ResultSet, T> handler) {
    Query query = PreparedQuery.parse(sparql, params);
    try (QueryExecution exec = connection.query(query)) {
      return handler.apply(
          query.isAskType() ? AskResult.asResultSet(exec.execAsk()) : exec.execSelect());
    } catch (StoreException e) {
      throw e;
    } catch (RuntimeException e) {
      throw unreachable(e);
    }
  }

  @Override
  public void construct(String sparql, Map<String, Node> params, StreamRDF sink) {
    Query query = PreparedQuery.parse(sparql, params);
    try (QueryExecution exec = connection.query(query)) {
      (query.isDescribeType() ? exec.execDescribeTriples() : exec.execConstructTriples())
          .forEachRemaining(sink::triple);
    } catch (RuntimeException e) {
      throw unreachable(e);
    }
  }

  @Override
  public void read(Collection<Node> graphs, StreamRDF sink) {
    for (Node graph : graphs) {
      try {
        connection
            .fetch(graph.getURI())
            .getGraph()
            .find()
            .forEachRemaining(t -> sink.quad(new Quad(graph, t)));
      } catch (RuntimeException e) {
        throw unreachable(e);
      }
    }
  }

  @Override
  public void readAll(StreamRDF sink) {
    read(graphs().stream().map(GraphEntry::name).toList(), sink);
  }

  @Override
  public StoreStats stats() {
    return select(
        "SELECT (COUNT(DISTINCT ?g) AS ?graphs) (COUNT(*) AS ?quads) WHERE { GRAPH ?g { ?s ?p ?o } "
            + "FILTER(?g != ?registry) }",
        Map.of("registry", Registry.GRAPH),
        rs -> {
          var row = rs.next();
          return new StoreStats(
              row.getLiteral("graphs").getLong(), row.getLiteral("quads").getLong());
        });
  }

  @Override
  public String location() {
    return url;
  }

  @Override
  public void close() {
    connection.close();
    if (bearer) {
      AuthEnv.get().unregisterAuthModifier(url);
    }
  }

  private StoreException unreachable(RuntimeException e) {
    return new StoreException(
        "SPARQL endpoint " + url + ": " + PreparedQuery.firstLine(e.getMessage()), e);
  }
}
