package dev.noema.topology;

import dev.noema.store.GraphChange;
import dev.noema.store.GraphContent;
import dev.noema.store.GraphEntry;
import dev.noema.store.GraphStore;
import dev.noema.store.QuerySyntaxException;
import dev.noema.store.StoreStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;

/**
 * A test-only {@link GraphStore} over a Jena in-memory transactional dataset, until the TDB2 store
 * lands: queries see the union of the named graphs, parameters are substituted into the parsed
 * query.
 */
final class InMemoryGraphStore implements GraphStore {
  private final DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
  private final Map<Node, GraphEntry> registry =
      new TreeMap<>((a, b) -> a.getURI().compareTo(b.getURI()));

  @Override
  public Optional<String> contentHash(Node graph) {
    return Optional.ofNullable(registry.get(graph)).map(GraphEntry::contentHash);
  }

  @Override
  public List<GraphEntry> graphs() {
    return List.copyOf(registry.values());
  }

  @Override
  public void apply(List<GraphChange> changes) {
    Txn.executeWrite(
        dataset,
        () -> {
          for (GraphChange change : changes) {
            change
                .remove()
                .forEach(
                    g -> {
                      dataset.removeGraph(g);
                      registry.remove(g);
                    });
            for (GraphContent content : change.put()) {
              dataset.removeGraph(content.name());
              content
                  .triples()
                  .forEach(
                      t ->
                          dataset.add(
                              content.name(), t.getSubject(), t.getPredicate(), t.getObject()));
              registry.put(
                  content.name(),
                  new GraphEntry(content.name(), content.contentHash(), Instant.now()));
            }
          }
        });
  }

  @Override
  public <T> T select(String sparql, Map<String, Node> params, Function<ResultSet, T> handler) {
    Query query = parse(sparql);
    return Txn.calculateRead(
        dataset,
        () -> {
          // The default graph is the union, and GRAPH clauses still see each named graph, as in
          // TDB2 with union default.
          DatasetGraph view = DatasetGraphFactory.createGeneral(dataset.getUnionGraph());
          dataset.listGraphNodes().forEachRemaining(g -> view.addGraph(g, dataset.getGraph(g)));
          BindingBuilder binding = BindingBuilder.create();
          params.forEach((name, node) -> binding.add(Var.alloc(name), node));
          try (QueryExec exec =
              QueryExec.dataset(view).query(query).substitution(binding.build()).build()) {
            RowSet rows = exec.select();
            return handler.apply(ResultSet.adapt(rows));
          }
        });
  }

  @Override
  public void construct(String sparql, Map<String, Node> params, StreamRDF sink) {
    throw new UnsupportedOperationException("not needed by the topology tests");
  }

  @Override
  public void read(Collection<Node> graphs, StreamRDF sink) {
    Txn.executeRead(
        dataset,
        () ->
            graphs.forEach(
                g -> dataset.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(sink::quad)));
  }

  @Override
  public void readAll(StreamRDF sink) {
    Txn.executeRead(dataset, () -> dataset.find().forEachRemaining(sink::quad));
  }

  @Override
  public StoreStats stats() {
    return Txn.calculateRead(
        dataset,
        () -> {
          List<Quad> quads = new ArrayList<>();
          dataset.find().forEachRemaining(quads::add);
          return new StoreStats(registry.size(), quads.size());
        });
  }

  @Override
  public String location() {
    return "memory";
  }

  @Override
  public void close() {
    dataset.close();
  }

  private static Query parse(String sparql) {
    try {
      return QueryFactory.create(sparql);
    } catch (QueryParseException e) {
      throw new QuerySyntaxException(e.getMessage(), e);
    }
  }
}
