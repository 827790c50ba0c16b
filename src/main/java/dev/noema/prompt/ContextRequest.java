package dev.noema.prompt;

import java.util.Objects;

/**
 * What context to retrieve for a question.
 *
 * @param question the question, in any language
 * @param budget the most tokens (o200k_base) the rendered context may take; at least 1
 * @param hops how far from the linked nodes to expand; 0 keeps only facts touching them, besides
 *     those whose own evidence matches the question (found wherever they lie)
 * @param seeds how many linked nodes to expand from
 * @param format how to render the context
 * @param explain whether each fact says why it was chosen (seed, hops, evidence, score);
 *     explanations count against the budget
 */
public record ContextRequest(
    String question, int budget, int hops, int seeds, ContextFormat format, boolean explain) {
  public static final int DEFAULT_BUDGET = 2000;
  public static final int DEFAULT_HOPS = 2;
  public static final int DEFAULT_SEEDS = 5;

  public ContextRequest {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(format, "format");
    if (question.isBlank()) {
      throw new IllegalArgumentException("the question is empty");
    }
    if (budget < 1) {
      throw new IllegalArgumentException("--budget must be at least 1 token, was " + budget);
    }
    if (hops < 0) {
      throw new IllegalArgumentException("--hops must be 0 or more, was " + hops);
    }
    if (seeds < 1) {
      throw new IllegalArgumentException("--seeds must be at least 1, was " + seeds);
    }
  }

  /** The defaults: 2,000 tokens, 2 hops, 5 seeds, compact, no explanations. */
  public static ContextRequest of(String question) {
    return new ContextRequest(
        question, DEFAULT_BUDGET, DEFAULT_HOPS, DEFAULT_SEEDS, ContextFormat.COMPACT, false);
  }

  public ContextRequest withBudget(int newBudget) {
    return new ContextRequest(question, newBudget, hops, seeds, format, explain);
  }

  public ContextRequest withHops(int newHops) {
    return new ContextRequest(question, budget, newHops, seeds, format, explain);
  }

  public ContextRequest withFormat(ContextFormat newFormat) {
    return new ContextRequest(question, budget, hops, seeds, newFormat, explain);
  }

  public ContextRequest withExplain(boolean newExplain) {
    return new ContextRequest(question, budget, hops, seeds, format, newExplain);
  }

  public ContextRequest withQuestion(String newQuestion) {
    return new ContextRequest(newQuestion, budget, hops, seeds, format, explain);
  }
}
