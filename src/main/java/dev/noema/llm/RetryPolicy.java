package dev.noema.llm;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long to wait before trying a request again: exponential backoff with jitter, or
 * the server's {@code Retry-After} when it gave one (capped at {@code maxDelay}).
 *
 * @param maxAttempts tries in all, at least 1
 * @param baseDelay the wait before the second try; each further wait doubles
 * @param maxDelay no wait is longer than this
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** {@code maxAttempts} tries, waiting 1 s, 2 s, 4 s ... at most 60 s. */
  public static RetryPolicy of(int maxAttempts) {
    return new RetryPolicy(maxAttempts, Duration.ofSeconds(1), Duration.ofSeconds(60));
  }

  /**
   * The wait after failed try number {@code attempt} (1-based): {@code retryAfter} when not null,
   * else a random time between half and all of {@code baseDelay * 2^(attempt-1)} ("equal jitter",
   * so that parallel callers spread out).
   */
  public Duration delay(int attempt, Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter.compareTo(maxDelay) > 0 ? maxDelay : retryAfter;
    }
    long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
    long half = cap / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
  }
}
