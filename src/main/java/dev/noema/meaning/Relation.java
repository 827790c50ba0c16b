package dev.noema.meaning;

import java.util.List;
import java.util.Objects;

/**
 * A relation between two meaning entities as the store asserts it ({@code subject predicate
 * object}, with a relation property of the ontology), with the facts that reify it.
 *
 * @param facts the facts whose triple this is, in IRI order; empty when none reifies it
 */
public record Relation(String subject, String predicate, String object, List<Fact> facts) {
  public Relation {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(predicate, "predicate");
    Objects.requireNonNull(object, "object");
    facts = List.copyOf(facts);
  }
}
