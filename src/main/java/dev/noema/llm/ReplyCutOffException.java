package dev.noema.llm;

/**
 * The reply stopped at the model's output limit ({@code finish_reason: length}, {@code stop_reason:
 * max_tokens}, Ollama {@code done_reason: length}): what came is incomplete, and asking the same
 * again would stop at the same place. The caller asks again with less input.
 */
public final class ReplyCutOffException extends LlmException {
  private static final long serialVersionUID = 1L;

  ReplyCutOffException(String message) {
    super(message);
  }
}
