package dev.noema.llm;

import java.util.Objects;

/**
 * Who is asked, as provenance and cache keys name it.
 *
 * @param provider the provider id ("openai", "anthropic", "ollama", or a test double's name)
 * @param model the model name
 * @param mode how the model is made to answer in JSON
 */
public record ChatTarget(String provider, String model, OutputMode mode) {
  public ChatTarget {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(mode, "mode");
  }

  /** The target a configuration names, with its provider's output mode. */
  public static ChatTarget of(LlmConfig config) {
    return new ChatTarget(config.provider().id(), config.model(), config.provider().outputMode());
  }
}
