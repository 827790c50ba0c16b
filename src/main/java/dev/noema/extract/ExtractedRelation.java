package dev.noema.extract;

import java.util.Objects;

/**
 * One relation between two extracted entities, as stated in one turn.
 *
 * @param subject key of the subject entity
 * @param predicate IRI of an extractable object property of the ontology
 * @param object key of the object entity
 * @param evidence the exact quote from the turn that states the relation
 * @param turnIndex index of the turn it was found in
 * @param confidence how sure the extractor is, 0 to 1 (validation drops anything outside)
 * @param weight how many times the relation was observed in the turn, at least 1 (co-occurrence
 *     count)
 * @param span where the evidence sits in the turn, once {@link FactValidator} has found it; null
 *     before validation
 */
public record ExtractedRelation(
    String subject,
    String predicate,
    String object,
    String evidence,
    int turnIndex,
    double confidence,
    int weight,
    QuoteSpan span) {

  /** A relation as an extractor finds it, before validation locates its evidence. */
  public ExtractedRelation(
      String subject,
      String predicate,
      String object,
      String evidence,
      int turnIndex,
      double confidence,
      int weight) {
    this(subject, predicate, object, evidence, turnIndex, confidence, weight, null);
  }

  public ExtractedRelation {
    Objects.requireNonNull(subject, "relation subject");
    Objects.requireNonNull(predicate, "relation predicate");
    Objects.requireNonNull(object, "relation object");
    Objects.requireNonNull(evidence, "relation evidence");
    weight = Math.max(1, weight);
  }

  /** This relation with its evidence located. */
  public ExtractedRelation located(QuoteSpan at) {
    return new ExtractedRelation(
        subject, predicate, object, evidence, turnIndex, confidence, weight, at);
  }
}
