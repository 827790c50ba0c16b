package dev.noema.cli;

import dev.noema.kb.KnowledgeBase;
import dev.noema.llm.LlmSettings;
import dev.noema.llm.TokenPrice;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Which LLM to use, for the commands that talk to one: flags win over the environment, which wins
 * over noema.yaml. The commands that extract take {@link ExtractionOptions}, which adds {@code
 * --parallel}.
 */
final class LlmOptions {
  @Mixin KnowledgeBaseOptions kb;

  @Option(
      names = "--llm",
      paramLabel = "PROVIDER:MODEL",
      description =
          "LLM to extract with: openai:MODEL, anthropic:MODEL or ollama:MODEL (default: $NOEMA_LLM, "
              + "else llm in noema.yaml; none = structural extraction only).")
  String llm;

  @Option(
      names = "--llm-base-url",
      paramLabel = "URL",
      description =
          "The provider's endpoint, e.g. an OpenAI-compatible server (default: $OPENAI_BASE_URL, "
              + "$ANTHROPIC_BASE_URL or $OLLAMA_BASE_URL, else llm.base-url in noema.yaml).")
  String baseUrl;

  /**
   * Opens the knowledge base with the LLM these flags, the environment and noema.yaml configure.
   */
  KnowledgeBase open() {
    return open(null, null);
  }

  /**
   * As {@link #open()}, with the limit on requests in flight and the price from other flags (each
   * null when not given).
   */
  KnowledgeBase open(Integer parallel, TokenPrice price) {
    LlmSettings flags = llm == null ? LlmSettings.NONE : LlmSettings.ofSpec(llm, "--llm");
    flags =
        new LlmSettings(
            flags.provider(), flags.model(), baseUrl, null, null, parallel, null, price);
    return kb.open(flags);
  }
}
