package dev.noema.prompt;

import dev.noema.conversation.Role;
import java.time.Instant;

/**
 * A turn that evidence is quoted from, with what a reader needs to find it again.
 *
 * @param iri the turn's IRI
 * @param conversationIri the conversation it belongs to, or null when the store does not say
 * @param conversationTitle the conversation's title, or null when it has none
 * @param turnIndex the turn's position in its conversation, or -1 when unknown
 * @param speaker the speaker's name as the log writes it, or null
 * @param role the speaker's role, or null when unknown
 * @param time when the turn was written, or null
 * @param messageId the source's message id, or null
 */
public record SourceTurn(
    String iri,
    String conversationIri,
    String conversationTitle,
    int turnIndex,
    String speaker,
    Role role,
    Instant time,
    String messageId) {

  /** A turn the store knows nothing more about than its IRI. */
  static SourceTurn unknown(String iri) {
    return new SourceTurn(iri, null, null, -1, null, null, null, null);
  }
}
