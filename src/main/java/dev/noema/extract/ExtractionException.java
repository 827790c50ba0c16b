package dev.noema.extract;

import dev.noema.llm.RunStoppedException;
import java.util.Optional;

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

  /**
   * The fault behind this failure when it stops the whole run (the provider refused the request or
   * the key, or the call limit was reached): then no later conversation can be extracted either.
   */
  public Optional<RunStoppedException> runStopped() {
    for (Throwable t = getCause(); t != null; t = t.getCause()) {
      if (t instanceof RunStoppedException stopped) {
        return Optional.of(stopped);
      }
    }
    return Optional.empty();
  }
}
