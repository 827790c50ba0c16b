package dev.noema.cli;

import dev.noema.kb.KnowledgeBase;
import dev.noema.llm.TokenPrice;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The model options of every command that extracts ({@code import}, {@code extract}, {@code eval}):
 * the LLM ({@link LlmOptions}) and how many requests may be in flight.
 */
final class ExtractionOptions {
  @Mixin LlmOptions llm;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description =
          "Conversations and LLM requests in flight at once (default: $NOEMA_LLM_PARALLEL, llm.parallel "
              + "in noema.yaml, else 4).")
  Integer parallel;

  /** The knowledge-base options inside. */
  KnowledgeBaseOptions kb() {
    return llm.kb;
  }

  /** {@code --parallel}, or 0 when not given (the configured default). */
  int parallel() {
    return parallel == null ? 0 : parallel;
  }

  /**
   * Opens the knowledge base with these options and {@code price} (null when not given).
   *
   * @throws CommandFailure when {@code --parallel} is below 1
   */
  KnowledgeBase open(TokenPrice price) {
    if (parallel != null && parallel < 1) {
      throw new CommandFailure("--parallel must be at least 1, was " + parallel);
    }
    return llm.open(parallel, price);
  }
}
