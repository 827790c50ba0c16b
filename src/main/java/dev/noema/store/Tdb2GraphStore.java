package dev.noema.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDBException;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The embedded store: Apache Jena TDB2 in a folder. Each {@link #apply} is one TDB2 write
 * transaction, committed to the journal before it returns, so a crash (even {@code kill -9}) loses
 * nothing already applied and never leaves half of a change. Queries run in read transactions over
 * the union of the named graphs.
 *
 * <p>TDB2 locks its folder for one process: opening a folder another process holds fails with a
 * {@link StoreException} that names the process.
 */
public final class Tdb2GraphStore implements GraphStore {
  private final Path folder;
  private final DatasetGraph dataset;

  private Tdb2GraphStore(Path folder, DatasetGraph dataset) {
    this.folder = folder;
    this.dataset = dataset;
  }

  /**
   * Opens (creating if needed) the store in {@code folder}.
   *
   * @throws StoreException when the folder cannot be created or another process holds it
   */
  public static Tdb2GraphStore open(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (java.io.IOException e) {
      throw new StoreException(
          "cannot create the knowledge base folder " + folder + ": " + e.getMessage(), e);
    }
    try {
      DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(Location.create(folder.toString()));
      dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
      return new Tdb2GraphStore(folder, dataset);
    } catch (TDBException | DBOpEnvException e) {
      throw new StoreException(lockMessage(folder, e), e);
    }
  }

  /** An in-memory TDB2 store, for tests and benchmarks: the same code paths, nothing on disk. */
  public static Tdb2GraphStore inMemory() {
    DatasetGraph dataset = DatabaseMgr.createDatasetGraph();
    dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
    return new Tdb2GraphStore(null, dataset);
  }

  private static String lockMessage(Path folder, RuntimeException e) {
    String message = PreparedQuery.firstLine(e.getMessage());
    java.util.regex.Matcher pid =
        java.util.regex.Pattern.compile("(?:PID|held by process) (\\d+)").matcher(message);
    if (pid.find()) {
      return "the knowledge base "
          + folder
          + " is in use by another Noema process (PID "
          + pid.group(1)
          + "); stop it or use --data to choose another folder";
    }
    return "cannot open the knowledge base " + folder + ": " + message;
  }

  @Override
  public Optional<String> contentHash(Node graph) {
    return Txn.calculateRead(
        dataset,
        () -> {
          Iterator<Quad> it =
              dataset.find(Registry.GRAPH, graph, dev.noema.ontology.Noema.contentHash, Node.ANY);
          return it.hasNext()
              ? Optional.of(it.next().getObject().getLiteralLexicalForm())
              : Optional.<String>empty();
        });
  }

  @Override
  public List<GraphEntry> graphs() {
    // A scan of the registry graph: no query to compile, which in a fresh JVM costs more than the
    // scan itself.
    return Txn.calculateRead(
        dataset, () -> Registry.entries(dataset.getGraph(Registry.GRAPH).find()));
  }

  @Override
  public void apply(List<GraphChange> changes) {
    Instant now = Instant.now();
    Txn.executeWrite(
        dataset,
        () -> {
          for (GraphChange change : changes) {
            for (Node graph : change.remove()) {
              drop(graph);
            }
            if (!change.removePrefixes().isEmpty()) {
              // The registry names every graph; scanning it is far cheaper than listing the graphs
              // of the dataset.
              List<Node> doomed = new ArrayList<>();
              dataset
                  .find(Registry.GRAPH, Node.ANY, dev.noema.ontology.Noema.contentHash, Node.ANY)
                  .forEachRemaining(
                      q -> {
                        Node g = q.getSubject();
                        if (g.isURI()
                            && change.removePrefixes().stream()
                                .anyMatch(p -> g.getURI().startsWith(p))) {
                          doomed.add(g);
                        }
                      });
              doomed.forEach(this::drop);
            }
            for (GraphContent content : change.put()) {
              if (!change.created()) {
                drop(content.name());
              }
              for (Triple t : content.triples()) {
                dataset.add(content.name(), t.getSubject(), t.getPredicate(), t.getObject());
              }
              for (Triple t : Registry.entry(content.name(), content.contentHash(), now)) {
                dataset.add(Registry.GRAPH, t.getSubject(), t.getPredicate(), t.getObject());
              }
            }
          }
        });
  }

  private void drop(Node graph) {
    dataset.deleteAny(graph, Node.ANY, Node.ANY, Node.ANY);
    dataset.deleteAny(Registry.GRAPH, graph, Node.ANY, Node.ANY);
  }

  @Override
  public <T> T select(String sparql, Map<String, Node> params, Function<ResultSet, T> handler) {
    Query query = PreparedQuery.parse(sparql, params);
    return Txn.calculateRead(
        dataset,
        () -> {
          try (QueryExecution exec =
              QueryExecution.create().query(query).dataset(DatasetFactory.wrap(dataset)).build()) {
            return handler.apply(
                query.isAskType() ? AskResult.asResultSet(exec.execAsk()) : exec.execSelect());
          }
        });
  }

  @Override
  public void construct(String sparql, Map<String, Node> params, StreamRDF sink) {
    Query query = PreparedQuery.parse(sparql, params);
    Txn.executeRead(
        dataset,
        () -> {
          try (QueryExecution exec =
              QueryExecution.create().query(query).dataset(DatasetFactory.wrap(dataset)).build()) {
            Iterator<Triple> triples =
                query.isDescribeType() ? exec.execDescribeTriples() : exec.execConstructTriples();
            triples.forEachRemaining(sink::triple);
          }
        });
  }

  @Override
  public void read(Collection<Node> graphs, StreamRDF sink) {
    Txn.executeRead(
        dataset,
        () -> {
          for (Node graph : graphs) {
            dataset.find(graph, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(sink::quad);
          }
        });
  }

  @Override
  public void readAll(StreamRDF sink) {
    Txn.executeRead(
        dataset,
        () ->
            dataset
                .find()
                .forEachRemaining(
                    q -> {
                      if (!q.getGraph().equals(Registry.GRAPH) && !q.isDefaultGraph()) {
                        sink.quad(q);
                      }
                    }));
  }

  @Override
  public StoreStats stats() {
    return Txn.calculateRead(
        dataset,
        () -> {
          long graphs = 0;
          long quads = 0;
          Iterator<Node> names = dataset.listGraphNodes();
          while (names.hasNext()) {
            Node g = names.next();
            if (!g.equals(Registry.GRAPH)) {
              graphs++;
              quads += dataset.getGraph(g).size();
            }
          }
          return new StoreStats(graphs, quads);
        });
  }

  /**
   * The underlying dataset, for components that serve it directly (the SPARQL endpoint of {@code
   * noema serve}).
   */
  public DatasetGraph dataset() {
    return dataset;
  }

  @Override
  public String location() {
    return folder == null ? "(in memory)" : folder.toString();
  }

  @Override
  public void close() {
    // Expel rather than close: it also releases the folder's lock, so another process (or a test)
    // can open it.
    TDBInternal.expel(dataset);
  }
}
