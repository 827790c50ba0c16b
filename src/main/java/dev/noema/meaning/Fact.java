package dev.noema.meaning;

import java.util.List;
import java.util.Objects;

/**
 * A reified triple ({@code rdf:subject}, {@code rdf:predicate}, {@code rdf:object}) as one
 * extractor stated it, with what it says of itself and where it was grounded.
 *
 * @param iri the fact's IRI (or blank node label)
 * @param weight {@code noema:weight}, or null when absent or not a number
 * @param confidence {@code noema:confidence}, or null when absent or not a number
 * @param extractor {@code noema:extractor}, or null
 * @param groundings the groundings whose body is this fact, in turn order, then quote order
 */
public record Fact(
    String iri,
    String subject,
    String predicate,
    String object,
    Double weight,
    Double confidence,
    String extractor,
    List<Grounding> groundings) {
  public Fact {
    Objects.requireNonNull(iri, "iri");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(predicate, "predicate");
    Objects.requireNonNull(object, "object");
    groundings = List.copyOf(groundings);
  }
}
