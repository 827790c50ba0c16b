package dev.noema.kb;

import dev.noema.extract.LlmExtractor;
import dev.noema.llm.TokenPrice;

/**
 * What an LLM extraction would cost, reckoned without calling ({@link KnowledgeBase#estimate}).
 *
 * @param provider the provider and model that would be asked ("openai:gpt-4o-mini")
 * @param conversations conversations reckoned
 * @param total calls, cached chunks and tokens over all of them
 * @param largest the most prompt tokens one conversation would take
 * @param largestId the conversation that takes them, or null when none would
 * @param price the configured price per million tokens, or null
 */
public record ExtractEstimate(
    String provider,
    int conversations,
    LlmExtractor.Estimate total,
    long largest,
    String largestId,
    TokenPrice price) {

  /** The price of the whole run, or -1 when no price is configured. */
  public double cost() {
    return price == null ? -1 : price.cost(total.promptTokens(), total.outputTokens());
  }
}
