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
 */
public record ExtractedInterpretation(
    String concept,
    String perspective,
    String holder,
    String statement,
    String language,
    String evidence,
    int turnIndex,
    Role participantHolder) {

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
}
