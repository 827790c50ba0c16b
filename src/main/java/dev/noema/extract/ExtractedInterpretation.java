package dev.noema.extract;

import dev.noema.conversation.Role;
import java.util.Objects;

/**
 * How one perspective understands one concept, as stated in one turn.
 *
 * @param concept key of the entity interpreted
 * @param perspective key of the perspective (an entity of type Perspective)
 * @param holder key of who holds the perspective (a person mentioned or an organization), or null
 *     when no entity holds it
 * @param statement the interpretation in one sentence, in the turn's language
 * @param language BCP 47 tag of {@code statement}
 * @param evidence the exact quote from the turn
 * @param turnIndex index of the turn it was found in
 * @param participantHolder the role of the dialogue's participant who holds the perspective ({@link
 *     Role#USER} or {@link Role#ASSISTANT}), or null when no participant does; the writer links it
 *     to that participant of the dialogue layer. Not set together with {@code holder}.
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
    Role participantHolder,
    QuoteSpan span) {

  /** An interpretation as an extractor finds it, before validation locates its evidence. */
  public ExtractedInterpretation(
      String concept,
      String perspective,
      String holder,
      String statement,
      String language,
      String evidence,
      int turnIndex,
      Role participantHolder) {
    this(
        concept,
        perspective,
        holder,
        statement,
        language,
        evidence,
        turnIndex,
        participantHolder,
        null);
  }

  public ExtractedInterpretation {
    Objects.requireNonNull(concept, "interpretation concept");
    Objects.requireNonNull(perspective, "interpretation perspective");
    Objects.requireNonNull(statement, "interpretation statement");
    Objects.requireNonNull(evidence, "interpretation evidence");
    language = language == null || language.isBlank() ? "und" : language;
    if (holder != null && participantHolder != null) {
      throw new IllegalArgumentException(
          "an interpretation's perspective is held by an entity or by a participant, not both");
    }
  }

  /** This interpretation with its evidence located. */
  public ExtractedInterpretation located(QuoteSpan at) {
    return new ExtractedInterpretation(
        concept,
        perspective,
        holder,
        statement,
        language,
        evidence,
        turnIndex,
        participantHolder,
        at);
  }
}
