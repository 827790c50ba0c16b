package dev.noema.kb;

import java.nio.file.Path;

/**
 * What {@link KnowledgeBase#evaluate} measures. Extraction runs in memory on the stored
 * conversations; nothing is written.
 *
 * @param conversationId only this conversation, or null for all
 * @param extractor only this extractor ("llm" or "structural"), or null for every configured one
 * @param offline answer LLM requests from the cache only
 * @param gold a gold file to score against (see {@link GoldTriples}), or null
 * @param stability run extraction twice and compare the two triple sets; the LLM is asked afresh
 *     both times (the cache is bypassed, then refreshed), so the score measures the model, not the
 *     cache
 */
public record EvalRequest(
    String conversationId, String extractor, boolean offline, Path gold, boolean stability) {
  public EvalRequest {
    if (gold == null && !stability) {
      throw new IllegalArgumentException(
          "nothing to evaluate: give a gold file or ask for stability");
    }
  }
}
