package dev.noema.conversation;

import java.time.Instant;
import java.util.List;

/**
 * One message of a conversation, as written.
 *
 * @param index position in the conversation's active branch, from 0; alternatives share the index
 *     of the turn they stand beside
 * @param messageId the source's own message id (Nexus UID, ChatGPT node id, ...), or null when the
 *     format has none
 * @param role who speaks
 * @param speaker the speaker's display name as the export writes it ("User", "Assistant",
 *     "ChatGPT"), never null
 * @param model the assistant's model name when the export records it, else null
 * @param time when the turn was written, or null when the export does not say
 * @param text the turn's text with the format's own markup removed exactly once; Markdown inside is
 *     kept as written
 * @param attachments files attached to the turn, in the export's order; empty when none
 * @param alternativeOf message id of the active-branch turn this one is an alternative of (a
 *     regenerated or edited answer), or null for turns on the active branch
 */
public record Turn(
    int index,
    String messageId,
    Role role,
    String speaker,
    String model,
    Instant time,
    String text,
    List<Attachment> attachments,
    String alternativeOf) {

  public Turn {
    if (index < 0) {
      throw new IllegalArgumentException("turn index must be >= 0, was " + index);
    }
    if (role == null) {
      throw new IllegalArgumentException("turn role is required");
    }
    speaker = speaker == null ? "" : speaker;
    text = text == null ? "" : text;
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /** A turn on the active branch with no attachments: the common case. */
  public static Turn of(
      int index, String messageId, Role role, String speaker, Instant time, String text) {
    return new Turn(index, messageId, role, speaker, null, time, text, List.of(), null);
  }

  /**
   * The name that, with the role, identifies who spoke this turn across conversations: null for the
   * user (one user, whatever the export calls them), else the model when the export records it,
   * else the speaker's display name.
   */
  public String participantName() {
    return role == Role.USER ? null : model != null ? model : speaker;
  }

  /** This turn with its text replaced (after a repair, for example). */
  public Turn withText(String newText) {
    return new Turn(
        index, messageId, role, speaker, model, time, newText, attachments, alternativeOf);
  }
}
