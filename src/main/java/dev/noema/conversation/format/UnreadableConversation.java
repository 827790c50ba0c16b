package dev.noema.conversation.format;

/**
 * Why one conversation of an export cannot be read, although the JSON around it is fine: reading
 * goes on with the next conversation. Checked, so every converter states that it can refuse a
 * conversation.
 */
final class UnreadableConversation extends Exception {
  private static final long serialVersionUID = 1L;

  UnreadableConversation(String reason) {
    super(reason, null, false, false);
  }
}
