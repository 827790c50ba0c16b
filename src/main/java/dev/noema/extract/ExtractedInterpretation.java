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
 */
public record ExtractedInterpretation(
    String concept,
    String perspective,
    String holder,
    String statement,
    String language,
    String evidence,
    int turnIndex) {

  public ExtractedInterpretation {
    Objects.requireNonNull(concept, "interpretation concept");
    Objects.requireNonNull(perspective, "interpretation perspective");
    Objects.requireNonNull(statement, "interpretation statement");
    Objects.requireNonNull(evidence, "interpretation evidence");
    language = language == null || language.isBlank() ? "und" : language;
  }
}
