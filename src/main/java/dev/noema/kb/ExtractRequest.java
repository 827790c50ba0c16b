package dev.noema.kb;

/**
 * What {@link KnowledgeBase#extract} re-extracts.
 *
 * @param conversationId only this conversation, or null for every conversation in the store
 * @param extractor only this extractor ("llm" or "structural"), or null for every configured one
 * @param offline answer LLM requests from the cache only; a request not in it fails its
 *     conversation
 * @param parallel conversations (and LLM requests) in flight at once, or 0 for the configured
 *     default
 * @param maxCalls the most LLM requests to send, or 0 for no limit: the run stops at the request
 *     that would exceed it, keeping the conversations done before
 */
public record ExtractRequest(
    String conversationId, String extractor, boolean offline, int parallel, long maxCalls) {
  public ExtractRequest {
    if (parallel < 0) {
      throw new IllegalArgumentException("parallel must be at least 1, was " + parallel);
    }
    if (maxCalls < 0) {
      throw new IllegalArgumentException("max calls must be at least 1, was " + maxCalls);
    }
  }

  /** Every conversation, every configured extractor, online, default parallelism, no limit. */
  public static ExtractRequest all() {
    return new ExtractRequest(null, null, false, 0, 0);
  }
}
