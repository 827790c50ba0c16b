package dev.noema.topology;

import dev.noema.ontology.Iris;
import java.util.List;

/**
 * An edge as results show it: its ends, each relation written with its direction, and its weight.
 *
 * @param relations each merged relation as "subject-label property-local-name object-label"
 */
public record EdgeView(
    String source,
    String sourceLabel,
    String target,
    String targetLabel,
    List<String> relations,
    double weight) {

  public EdgeView {
    relations = List.copyOf(relations);
  }

  static EdgeView of(MeaningGraph graph, MeaningEdge e) {
    return new EdgeView(
        e.source(),
        graph.label(e.source()),
        e.target(),
        graph.label(e.target()),
        e.relations().stream().map(r -> describe(graph, r)).toList(),
        e.weight());
  }

  static String describe(MeaningGraph graph, Relation r) {
    return graph.label(r.subject())
        + " "
        + Iris.localName(r.property())
        + " "
        + graph.label(r.object());
  }
}
