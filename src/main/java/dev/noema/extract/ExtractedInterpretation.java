package dev.noema.extract;

import java.util.Objects;

/**
 * How one perspective understands one concept, as stated in one turn.
 *
 * @param concept key of the entity interpreted
 * @param perspective key of the perspective (an entity of type Perspective)
 * @param holder key of who holds the perspective (a person mentioned or an organization), or null
 *     when unnamed
 * @param statement the interpretation in one sentence, in the turn's language
 * @param language BCP 47 tag of {@code statement}
 * @param evidence the exact quote from the turn
 * @param turnIndex index of the turn it was found in
 * @param span where the evidence sits in the turn, once {@link FactValidator} has found it; null
 *     before validation
 */
public record ExtractedInterpretation(
    String concept,
    String perspective,
    String holder,
    String statement,
    String language,
    String evidence,
    int turnIndex,
    QuoteSpan span) {

  /** An interpretation as an extractor finds it, before validation locates its evidence. */
  public ExtractedInterpretation(
      String concept,
      String perspective,
      String holder,
      String statement,
      String language,
      String evidence,
      int turnIndex) {
    this(concept, perspective, holder, statement, language, evidence, turnIndex, null);
  }

  public ExtractedInterpretation {
    Objects.requireNonNull(concept, "interpretation concept");
    Objects.requireNonNull(perspective, "interpretation perspective");
    Objects.requireNonNull(statement, "interpretation statement");
    Objects.requireNonNull(evidence, "interpretation evidence");
    language = language == null || language.isBlank() ? "und" : language;
  }

  /** This interpretation with its evidence located. */
  public ExtractedInterpretation located(QuoteSpan at) {
    return new ExtractedInterpretation(
        concept, perspective, holder, statement, language, evidence, turnIndex, at);
  }
}
