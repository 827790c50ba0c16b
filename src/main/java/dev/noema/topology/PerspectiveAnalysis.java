package dev.noema.topology;

import dev.noema.store.GraphStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;

/**
 * How each perspective interprets one concept: one SPARQL query ({@code perspectives.rq}) over the
 * store's interpretations, with each perspective's holders and the grounding quote and turn. The
 * concept is found by label or IRI in the meaning graph; labels of perspectives and holders come
 * from it too (the IRI's last segment otherwise). Cost: one indexed query, linear in the
 * interpretations of the concept. Thread-safe; computed once.
 */
public final class PerspectiveAnalysis implements Analysis<PerspectivesResult> {
  private static final String QUERY = MeaningGraphLoader.readQuery("perspectives.rq");

  private final GraphStore store;
  private final MeaningGraph graph;
  private final String concept;
  private final Memo<PerspectivesResult> result;

  /**
   * @param concept label (any language, case- and accent-insensitive) or IRI of an entity of {@code
   *     graph}
   * @throws UnknownConceptException when it names no entity
   */
  public PerspectiveAnalysis(GraphStore store, MeaningGraph graph, String concept) {
    this.store = store;
    this.graph = graph;
    this.concept = graph.index().resolve(concept);
    this.result = new Memo<>(this::compute);
  }

  @Override
  public PerspectivesResult result() {
    return result.get();
  }

  private PerspectivesResult compute() {
    Map<String, Builder> views =
        store.select(QUERY, Map.of("concept", NodeFactory.createURI(concept)), this::collect);
    List<PerspectivesResult.View> list =
        views.values().stream()
            .map(Builder::build)
            .sorted(
                Comparator.comparing(PerspectivesResult.View::perspectiveLabel)
                    .thenComparing(v -> v.statement() == null ? "" : v.statement()))
            .toList();
    return new PerspectivesResult(concept, graph.label(concept), list);
  }

  private Map<String, Builder> collect(ResultSet rows) {
    Map<String, Builder> views = new LinkedHashMap<>();
    while (rows.hasNext()) {
      QuerySolution row = rows.next();
      String interpretation = row.get("interpretation").toString();
      Builder b =
          views.computeIfAbsent(interpretation, i -> new Builder(i, iri(row.get("perspective"))));
      RDFNode statement = row.get("statement");
      if (statement != null && statement.isLiteral() && b.statement == null) {
        b.statement = statement.asLiteral().getLexicalForm();
      }
      if (row.get("holder") != null) {
        b.holders.add(graph.label(iri(row.get("holder"))));
      }
      RDFNode quote = row.get("quote");
      RDFNode turn = row.get("turn");
      if (quote != null || turn != null) {
        b.evidence.add(
            new Evidence(
                quote == null ? null : quote.asLiteral().getLexicalForm(),
                turn == null ? null : iri(turn)));
      }
    }
    return views;
  }

  private static String iri(RDFNode node) {
    return node.isURIResource() ? node.asResource().getURI() : node.toString();
  }

  private final class Builder {
    final String interpretation;
    final String perspective;
    String statement;
    final Set<String> holders = new LinkedHashSet<>();
    final Set<Evidence> evidence = new LinkedHashSet<>();

    Builder(String interpretation, String perspective) {
      this.interpretation = interpretation;
      this.perspective = perspective;
    }

    PerspectivesResult.View build() {
      return new PerspectivesResult.View(
          interpretation,
          perspective,
          graph.label(perspective),
          statement,
          new ArrayList<>(holders),
          new ArrayList<>(evidence));
    }
  }
}
