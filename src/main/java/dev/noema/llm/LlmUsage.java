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
 * @param cutOff replies that stopped at the model's output limit (asked again with less)
 * @param failures requests given up on
 * @param promptTokens prompt tokens the provider reported
 * @param completionTokens completion tokens the provider reported
 * @param maxInFlight the most requests that were in flight at once
 * @param outputMode how answers were asked for at the end of the run ({@link OutputMode#label()})
 * @param fallback why the run left its provider's structured output for a weaker mode, or null
 * @param stopped why the run stopped sending ({@link RunStoppedException}), or null
 */
public record LlmUsage(
    long calls,
    long cacheHits,
    long cacheMisses,
    long retries,
    long malformed,
    long cutOff,
    long failures,
    long promptTokens,
    long completionTokens,
    int maxInFlight,
    String outputMode,
    String fallback,
    String stopped) {

  public static final LlmUsage NONE = new LlmUsage(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null);

  /** The usage of two runs together (counts added; the first's notes win where both have one). */
  public LlmUsage plus(LlmUsage other) {
    return new LlmUsage(
        calls + other.calls,
        cacheHits + other.cacheHits,
        cacheMisses + other.cacheMisses,
        retries + other.retries,
        malformed + other.malformed,
        cutOff + other.cutOff,
        failures + other.failures,
        promptTokens + other.promptTokens,
        completionTokens + other.completionTokens,
        Math.max(maxInFlight, other.maxInFlight),
        outputMode != null ? outputMode : other.outputMode,
        fallback != null ? fallback : other.fallback,
        stopped != null ? stopped : other.stopped);
  }
}
