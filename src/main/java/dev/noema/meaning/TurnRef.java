package dev.noema.meaning;

import java.time.Instant;
import java.util.Objects;

/**
 * What the meaning layer knows of a turn its entities and facts cite: where it is, who spoke it
 * and, for a turn the user spoke, its text (what a reply answers; the other turns' words reach the
 * layer as quotes).
 *
 * @param conversation IRI of its conversation
 * @param conversationId the conversation's id, or null
 * @param conversationTitle the conversation's title, or null
 * @param index its position in the conversation, or -1 when the store does not say
 * @param speaker IRI of the participant who spoke it, or null
 * @param speakerName the speaker's name as the log writes it, or null
 * @param speakerRole the speaker's role in the log's terms ({@code noema:participantRole}: user,
 *     assistant, system or tool), or null when the store does not say
 * @param timestamp when it was written, or null
 * @param messageId the source's own id of the message, or null
 * @param text its text when the user spoke it ({@code noema:participantRole} "user") and a turn
 *     follows it on the conversation's active path ({@code noema:nextTurn}), else null
 */
public record TurnRef(
    String iri,
    String conversation,
    String conversationId,
    String conversationTitle,
    int index,
    String speaker,
    String speakerName,
    String speakerRole,
    Instant timestamp,
    String messageId,
    String text) {
  public TurnRef {
    Objects.requireNonNull(iri, "iri");
  }
}
