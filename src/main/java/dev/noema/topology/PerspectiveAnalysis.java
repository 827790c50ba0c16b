package dev.noema.topology;

import dev.noema.meaning.Interpretation;
import dev.noema.meaning.MeaningLayer;
import dev.noema.meaning.Names;
import dev.noema.meaning.Relation;
import dev.noema.ontology.Noema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How each perspective interprets one concept: the interpretations of the meaning layer the graph
 * was made from, with each perspective's holders ({@code noema:holdsPerspective}) and the quotes
 * and turns it was grounded in or mentioned in. The concept is found by label or IRI in the meaning
 * graph; labels of perspectives and holders come from it too (the IRI's last segment otherwise). A
 * graph built by hand, without a layer, has no interpretations. Cost: linear in the interpretations
 * of the concept. Thread-safe; computed once.
 */
public final class PerspectiveAnalysis implements Analysis<PerspectivesResult> {
  private final MeaningGraph graph;
  private final String concept;
  private final Memo<PerspectivesResult> result;

  /**
   * @param concept label (any language, case- and accent-insensitive) or IRI of an entity of {@code
   *     graph}
   * @throws UnknownConceptException when it names no entity
   */
  public PerspectiveAnalysis(MeaningGraph graph, String concept) {
    this.graph = graph;
    this.concept = graph.index().resolve(concept);
    this.result = new Memo<>(this::compute);
  }

  @Override
  public PerspectivesResult result() {
    return result.get();
  }

  private PerspectivesResult compute() {
    List<PerspectivesResult.View> views = new ArrayList<>();
    MeaningLayer layer = graph.source().orElse(null);
    if (layer != null) {
      for (Interpretation i : layer.interpretationsOf(concept)) {
        views.add(view(layer, i));
      }
    }
    views.sort(
        Comparator.comparing(PerspectivesResult.View::perspectiveLabel)
            .thenComparing(v -> v.statement() == null ? "" : v.statement()));
    return new PerspectivesResult(concept, graph.label(concept), views);
  }

  private PerspectivesResult.View view(MeaningLayer layer, Interpretation i) {
    Set<String> holders = new LinkedHashSet<>();
    for (Relation r : layer.relationsOf(i.perspective())) {
      if (r.predicate().equals(Noema.holdsPerspective.getURI())
          && r.object().equals(i.perspective())) {
        holders.add(label(layer, r.subject()));
      }
    }
    List<Evidence> evidence = new ArrayList<>();
    i.groundings().forEach(g -> evidence.add(new Evidence(g.quote(), g.turn())));
    i.mentions().forEach(turn -> evidence.add(new Evidence(null, turn)));
    evidence.sort(
        Comparator.comparing(Evidence::turn)
            .thenComparing(Evidence::quote, Comparator.nullsLast(Comparator.naturalOrder())));
    return new PerspectivesResult.View(
        i.iri(),
        i.perspective(),
        label(layer, i.perspective()),
        i.statement(),
        new ArrayList<>(holders),
        new ArrayList<>(new LinkedHashSet<>(evidence)));
  }

  /** The graph's label of a vertex, else the layer's (a holder the filter left out). */
  private String label(MeaningLayer layer, String iri) {
    return graph.entity(iri).isPresent()
        ? graph.label(iri)
        : layer.label(iri, Names.DEFAULT_LANGUAGE);
  }
}
