package dev.noema.llm;

/**
 * How {@link ChatCalls} treats its requests.
 *
 * @param cache where answers are kept, or null for no cache (then {@link CacheMode#OFFLINE} misses
 *     everything)
 * @param cacheMode how the cache is used
 * @param parallel the most requests in flight at once, at least 1
 * @param retry when and how long to wait before trying again
 */
public record CallPolicy(
    ResponseCache cache, CacheMode cacheMode, int parallel, RetryPolicy retry) {
  public CallPolicy {
    if (parallel < 1) {
      throw new IllegalArgumentException("parallel must be at least 1, was " + parallel);
    }
    cacheMode = cacheMode == null ? CacheMode.USE : cacheMode;
  }
}
