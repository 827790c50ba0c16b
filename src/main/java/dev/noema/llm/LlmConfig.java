package dev.noema.llm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A fully resolved LLM configuration: which provider and model, where, with which key, and how hard
 * to push it.
 *
 * <p>{@link #toString()} masks the key; nothing in Noema prints, logs or stores it.
 *
 * @param provider the provider
 * @param model the model name as the provider knows it
 * @param baseUrl the endpoint
 * @param apiKey the key, or null when the provider needs none (Ollama, a local OpenAI-compatible
 *     server)
 * @param timeout per-request timeout
 * @param parallel how many requests may be in flight at once, at least 1
 * @param maxAttempts how many times one request is tried (429, 5xx, timeout) before giving up, at
 *     least 1
 * @param price what the provider charges per million tokens, or null when not configured
 */
public record LlmConfig(
    LlmProvider provider,
    String model,
    String baseUrl,
    String apiKey,
    Duration timeout,
    int parallel,
    int maxAttempts,
    TokenPrice price) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
  public static final int DEFAULT_PARALLEL = 4;
  public static final int DEFAULT_MAX_ATTEMPTS = 4;

  /** The configuration file inside a knowledge-base folder. */
  public static final String FILE_NAME = "noema.yaml";

  public LlmConfig {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(baseUrl, "base URL");
    Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * Resolves the configuration. Precedence, field by field: CLI flags, then the environment, then
   * {@code noema.yaml} in {@code folder}. The provider and model come from {@code --llm}, {@code
   * NOEMA_LLM} or {@code llm.provider} and {@code llm.model}; the base URL from {@code --base-url},
   * the provider's variable ({@code OPENAI_BASE_URL}, {@code ANTHROPIC_BASE_URL}, {@code
   * OLLAMA_BASE_URL}) or {@code llm.base-url}; the key from the provider's variable ({@code
   * OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}) or {@code llm.api-key}: never from a flag, which
   * would show in the process list. Values in {@code noema.yaml} that belong to another provider
   * than the one chosen are ignored.
   *
   * @param flags what the command line set ({@link LlmSettings#NONE} for nothing)
   * @param env the environment ({@code System.getenv()} in production)
   * @param folder the knowledge-base folder holding {@code noema.yaml}, or null
   * @return empty when no provider is configured anywhere: extraction is then structural only
   * @throws LlmException when a source is malformed, or a provider needing a key has none for its
   *     default endpoint
   */
  public static Optional<LlmConfig> resolve(
      LlmSettings flags, Map<String, String> env, Path folder) {
    LlmSettings yaml =
        folder == null ? LlmSettings.NONE : LlmSettings.fromYaml(folder.resolve(FILE_NAME));
    LlmSettings environment = LlmSettings.fromEnvironment(env);
    LlmSettings chosen = flags.over(environment).over(yaml);
    LlmProvider provider = chosen.provider();
    if (provider == null) {
      return Optional.empty();
    }
    if (yaml.provider() != null && yaml.provider() != provider) {
      yaml = LlmSettings.NONE;
      chosen = flags.over(environment);
    }
    if (chosen.model() == null) {
      throw new LlmException(
          "no model named for "
              + provider.id()
              + ": set --llm "
              + provider.id()
              + ":MODEL, NOEMA_LLM or llm.model in "
              + FILE_NAME);
    }
    String baseUrl =
        first(
            flags.baseUrl(),
            env.get(provider.baseUrlVariable()),
            yaml.baseUrl(),
            provider.defaultBaseUrl());
    String key =
        provider.keyVariable() == null
            ? null
            : first(env.get(provider.keyVariable()), yaml.apiKey(), null);
    if (key == null
        && provider.keyVariable() != null
        && baseUrl.equals(provider.defaultBaseUrl())) {
      throw new LlmException(
          provider.keyVariable()
              + " is not set (needed for "
              + provider.id()
              + " at "
              + baseUrl
              + ")");
    }
    return Optional.of(
        new LlmConfig(
            provider,
            chosen.model(),
            baseUrl,
            key,
            chosen.timeout() != null ? chosen.timeout() : DEFAULT_TIMEOUT,
            chosen.parallel() != null ? chosen.parallel() : DEFAULT_PARALLEL,
            chosen.maxAttempts() != null ? chosen.maxAttempts() : DEFAULT_MAX_ATTEMPTS,
            chosen.price()));
  }

  /** This configuration with another limit on requests in flight. */
  public LlmConfig withParallel(int newParallel) {
    return new LlmConfig(
        provider, model, baseUrl, apiKey, timeout, newParallel, maxAttempts, price);
  }

  @Override
  public String toString() {
    return "LlmConfig[provider="
        + provider.id()
        + ", model="
        + model
        + ", baseUrl="
        + baseUrl
        + ", apiKey="
        + (apiKey == null ? "none" : "***")
        + ", timeout="
        + timeout
        + ", parallel="
        + parallel
        + ", maxAttempts="
        + maxAttempts
        + ", price="
        + price
        + "]";
  }

  private static String first(String a, String b, String c) {
    return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : c;
  }

  private static String first(String a, String b, String c, String d) {
    String found = first(a, b, c);
    return found != null ? found : d;
  }
}
