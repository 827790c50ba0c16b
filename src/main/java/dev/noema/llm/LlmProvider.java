package dev.noema.llm;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The providers Noema can build a client for, with the environment variables and defaults each one
 * reads.
 */
public enum LlmProvider {
  /** OpenAI or any OpenAI-compatible endpoint (vLLM, llama.cpp server, LM Studio, OpenRouter). */
  OPENAI("OPENAI_API_KEY", "OPENAI_BASE_URL", "https://api.openai.com/v1", OutputMode.JSON_SCHEMA),
  /** Anthropic's Messages API. */
  ANTHROPIC(
      "ANTHROPIC_API_KEY",
      "ANTHROPIC_BASE_URL",
      "https://api.anthropic.com/v1/",
      OutputMode.FORCED_TOOL),
  /** A local Ollama server; needs no key. */
  OLLAMA(null, "OLLAMA_BASE_URL", "http://localhost:11434", OutputMode.JSON_SCHEMA);

  private final String keyVariable;
  private final String baseUrlVariable;
  private final String defaultBaseUrl;
  private final OutputMode outputMode;

  LlmProvider(
      String keyVariable, String baseUrlVariable, String defaultBaseUrl, OutputMode outputMode) {
    this.keyVariable = keyVariable;
    this.baseUrlVariable = baseUrlVariable;
    this.defaultBaseUrl = defaultBaseUrl;
    this.outputMode = outputMode;
  }

  /** The name used in {@code NOEMA_LLM}, {@code --llm} and provenance ("openai"). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The environment variable holding the key, or null when the provider needs none. */
  public String keyVariable() {
    return keyVariable;
  }

  public String baseUrlVariable() {
    return baseUrlVariable;
  }

  public String defaultBaseUrl() {
    return defaultBaseUrl;
  }

  /** How this provider is asked for JSON: its own structured-output mechanism. */
  public OutputMode outputMode() {
    return outputMode;
  }

  /** The provider named {@code id} (case-insensitive), or empty. */
  public static Optional<LlmProvider> byId(String id) {
    return Arrays.stream(values()).filter(p -> p.id().equalsIgnoreCase(id.strip())).findFirst();
  }

  /** The known ids, for messages. */
  public static String ids() {
    return String.join(", ", Arrays.stream(values()).map(LlmProvider::id).toList());
  }
}
