package dev.noema.topology;

import java.util.List;

/**
 * No entity has the label or IRI asked for; the message names it and the closest labels ("did you
 * mean").
 */
public final class UnknownConceptException extends TopologyException {
  private static final long serialVersionUID = 1L;

  private final String query;
  private final List<String> suggestions;

  public UnknownConceptException(String query, List<String> suggestions) {
    super(
        "unknown concept '"
            + query
            + "'"
            + (suggestions.isEmpty()
                ? " (the graph has no entities)"
                : "; did you mean: " + String.join(", ", suggestions)));
    this.query = query;
    this.suggestions = List.copyOf(suggestions);
  }

  public String query() {
    return query;
  }

  /** The closest labels, closest first; empty when the graph has no entities. */
  public List<String> suggestions() {
    return suggestions;
  }
}
