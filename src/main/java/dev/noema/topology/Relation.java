package dev.noema.topology;

import java.util.List;
import java.util.Objects;

/**
 * One directed meaning-layer relation between two entities, as asserted ({@code subject property
 * object}), with its strength and the evidence for it. An interpretation appears as {@code
 * perspective noema:interprets concept}.
 *
 * @param weight the sum over the facts that reify it of their {@code noema:weight}, else {@code
 *     noema:confidence}, else 1; 1 when no fact reifies it
 * @param evidence quotes and turns, in the order found; may be empty, never null
 */
public record Relation(
    String subject, String property, String object, double weight, List<Evidence> evidence) {
  public Relation {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(object, "object");
    evidence = List.copyOf(evidence);
  }
}
