package dev.noema.llm;

/**
 * How {@link ChatCalls} treats its requests.
 *
 * @param cache where answers are kept, or null for no cache (then {@link CacheMode#OFFLINE} misses
 *     everything)
 * @param cacheMode how the cache is used
 * @param parallel the most requests in flight at once, at least 1
 * @param retry when and how long to wait before trying again
 * @param maxCalls the most requests sent in the run (retries included), or 0 for no limit; the
 *     request that would exceed it stops the run ({@link RunStoppedException})
 */
public record CallPolicy(
    ResponseCache cache, CacheMode cacheMode, int parallel, RetryPolicy retry, long maxCalls) {
  public CallPolicy {
    if (parallel < 1) {
      throw new IllegalArgumentException("parallel must be at least 1, was " + parallel);
    }
    if (maxCalls < 0) {
      throw new IllegalArgumentException("max calls must be 0 (no limit) or more, was " + maxCalls);
    }
    cacheMode = cacheMode == null ? CacheMode.USE : cacheMode;
  }

  /** A policy without a call limit. */
  public CallPolicy(ResponseCache cache, CacheMode cacheMode, int parallel, RetryPolicy retry) {
    this(cache, cacheMode, parallel, retry, 0);
  }
}
