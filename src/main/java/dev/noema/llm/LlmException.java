package dev.noema.llm;

/**
 * An LLM could not be configured or asked; the message is one line a user can act on and never
 * contains a key. Subclasses say what the caller should do next: {@link RunStoppedException} (ask
 * nothing more in this run), {@link ReplyCutOffException} (ask again with less).
 */
public class LlmException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LlmException(String message) {
    super(message);
  }

  public LlmException(String message, Throwable cause) {
    super(message, cause);
  }
}
