package dev.noema.llm;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;

/**
 * A non-2xx answer, carrying the server's {@code Retry-After} (which LangChain4j's own exception
 * drops). LangChain4j maps it to {@code RateLimitException}, {@code InternalServerException}, ...
 * with this as the cause.
 */
final class HttpStatusException extends HttpException {
  private static final long serialVersionUID = 1L;
  private final transient Duration retryAfter;

  HttpStatusException(int statusCode, String body, Duration retryAfter) {
    super(statusCode, body);
    this.retryAfter = retryAfter;
  }

  /** How long the server asked to wait, or null when it did not say. */
  Duration retryAfter() {
    return retryAfter;
  }
}
