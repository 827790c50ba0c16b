package dev.noema.llm;

/**
 * What talking to the LLM cost in one run.
 *
 * @param calls requests sent to the provider, retries included
 * @param cacheHits requests answered from the cache
 * @param cacheMisses requests not in the cache in offline mode (reported, not sent)
 * @param retries requests tried again (429, 5xx, timeout, or an answer that was not valid JSON for
 *     the schema)
 * @param malformed answers that could not be read against the schema
 * @param failures requests given up on
 * @param promptTokens prompt tokens the provider reported
 * @param completionTokens completion tokens the provider reported
 * @param maxInFlight the most requests that were in flight at once
 */
public record LlmUsage(
    long calls,
    long cacheHits,
    long cacheMisses,
    long retries,
    long malformed,
    long failures,
    long promptTokens,
    long completionTokens,
    int maxInFlight) {

  public static final LlmUsage NONE = new LlmUsage(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
