package dev.noema.llm;

/**
 * An answer that cannot be read against the requested schema; {@link ChatCalls} asks again, saying
 * why.
 */
public final class MalformedReplyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedReplyException(String message) {
    super(message);
  }
}
