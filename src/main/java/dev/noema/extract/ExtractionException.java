package dev.noema.extract;

/**
 * An extractor could not extract a conversation (its LLM kept failing, or in offline mode an answer
 * was not cached). Nothing of that conversation should be written for that extractor; the message
 * is one line naming the conversation and the turns.
 */
public final class ExtractionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ExtractionException(String message, Throwable cause) {
    super(message, cause);
  }
}
