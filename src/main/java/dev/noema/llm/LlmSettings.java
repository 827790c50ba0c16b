package dev.noema.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * LLM settings from one source (CLI flags, the environment or {@code noema.yaml}); every field is
 * null when that source does not set it. {@link LlmConfig#resolve} layers them.
 *
 * @param provider the provider, or null
 * @param model the model name, or null
 * @param baseUrl the endpoint, or null
 * @param apiKey the key, or null; never printed ({@link #toString()} masks it)
 * @param timeout per-request timeout, or null
 * @param parallel how many requests may be in flight at once, or null
 * @param maxAttempts how many times one request is tried before giving up, or null
 * @param price what the provider charges per million tokens, or null
 */
public record LlmSettings(
    LlmProvider provider,
    String model,
    String baseUrl,
    String apiKey,
    Duration timeout,
    Integer parallel,
    Integer maxAttempts,
    TokenPrice price) {

  /** Nothing set. */
  public static final LlmSettings NONE =
      new LlmSettings(null, null, null, null, null, null, null, null);

  /** The keys of the {@code llm:} section of {@code noema.yaml}. */
  private static final Set<String> YAML_KEYS =
      Set.of(
          "provider",
          "model",
          "base-url",
          "api-key",
          "timeout-seconds",
          "parallel",
          "max-attempts",
          "price-per-million");

  public LlmSettings {
    if (parallel != null && parallel < 1) {
      throw new LlmException("parallel must be at least 1, was " + parallel);
    }
    if (maxAttempts != null && maxAttempts < 1) {
      throw new LlmException("max-attempts must be at least 1, was " + maxAttempts);
    }
  }

  /**
   * Settings naming a provider and model from a {@code PROVIDER:MODEL} spec ("openai:gpt-4o-mini",
   * "ollama:llama3.1:8b": the model is everything after the first colon).
   *
   * @param where names the source for the error message ("--llm", "NOEMA_LLM")
   * @throws LlmException when the spec is malformed or names an unknown provider
   */
  public static LlmSettings ofSpec(String spec, String where) {
    int colon = spec.indexOf(':');
    if (colon <= 0 || colon == spec.length() - 1) {
      throw new LlmException(
          where
              + ": expected PROVIDER:MODEL (providers: "
              + LlmProvider.ids()
              + "), got '"
              + spec
              + "'");
    }
    LlmProvider provider =
        LlmProvider.byId(spec.substring(0, colon))
            .orElseThrow(
                () ->
                    new LlmException(
                        where
                            + ": unknown provider '"
                            + spec.substring(0, colon)
                            + "' (known: "
                            + LlmProvider.ids()
                            + ")"));
    return new LlmSettings(
        provider, spec.substring(colon + 1).strip(), null, null, null, null, null, null);
  }

  /**
   * The provider-independent settings of the environment: {@code NOEMA_LLM} (a {@code
   * PROVIDER:MODEL} spec), {@code NOEMA_LLM_PARALLEL}, {@code NOEMA_LLM_TIMEOUT} (seconds). Keys
   * and base URLs are provider-specific and read by {@link LlmConfig#resolve}.
   */
  public static LlmSettings fromEnvironment(Map<String, String> env) {
    String spec = blankToNull(env.get("NOEMA_LLM"));
    LlmSettings base = spec == null ? NONE : ofSpec(spec, "NOEMA_LLM");
    Integer parallel = integer(env.get("NOEMA_LLM_PARALLEL"), "NOEMA_LLM_PARALLEL");
    Integer timeout = integer(env.get("NOEMA_LLM_TIMEOUT"), "NOEMA_LLM_TIMEOUT");
    return new LlmSettings(
        base.provider,
        base.model,
        null,
        null,
        timeout == null ? null : Duration.ofSeconds(timeout),
        parallel,
        null,
        null);
  }

  /**
   * The {@code llm:} section of a {@code noema.yaml}; {@link #NONE} when the file or the section is
   * absent.
   *
   * <pre>{@code
   * llm:
   *   provider: openai          # openai | anthropic | ollama
   *   model: gpt-4o-mini
   *   base-url: http://localhost:8000/v1
   *   timeout-seconds: 60
   *   parallel: 4
   *   max-attempts: 4
   *   price-per-million: 0.15,0.60   # input,output; for cost estimates and run summaries
   * }</pre>
   *
   * @throws LlmException naming the file (and line) when it cannot be read or holds an unknown key
   *     or a bad value
   */
  public static LlmSettings fromYaml(Path file) {
    if (!Files.isRegularFile(file)) {
      return NONE;
    }
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new LlmException(
          file + ": line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new LlmException(file + ": cannot read: " + e.getMessage());
    }
    JsonNode llm = root == null ? null : root.get("llm");
    if (llm == null || llm.isNull()) {
      return NONE;
    }
    if (!llm.isObject()) {
      throw new LlmException(file + ": 'llm' must be a mapping (provider, model, base-url, ...)");
    }
    for (Iterator<String> names = llm.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!YAML_KEYS.contains(name)) {
        throw new LlmException(
            file
                + ": unknown key 'llm."
                + name
                + "' (known: "
                + String.join(", ", YAML_KEYS.stream().sorted().toList())
                + ")");
      }
    }
    String where = file + ": llm.provider";
    String providerName = text(llm, "provider");
    LlmProvider provider =
        providerName == null
            ? null
            : LlmProvider.byId(providerName)
                .orElseThrow(
                    () ->
                        new LlmException(
                            where
                                + ": unknown provider '"
                                + providerName
                                + "' (known: "
                                + LlmProvider.ids()
                                + ")"));
    Integer timeout = integer(text(llm, "timeout-seconds"), file + ": llm.timeout-seconds");
    String price = text(llm, "price-per-million");
    return new LlmSettings(
        provider,
        text(llm, "model"),
        text(llm, "base-url"),
        text(llm, "api-key"),
        timeout == null ? null : Duration.ofSeconds(timeout),
        integer(text(llm, "parallel"), file + ": llm.parallel"),
        integer(text(llm, "max-attempts"), file + ": llm.max-attempts"),
        price == null ? null : TokenPrice.parse(price, file + ": llm.price-per-million"));
  }

  /** These settings, with each unset field taken from {@code lower}. */
  public LlmSettings over(LlmSettings lower) {
    return new LlmSettings(
        provider != null ? provider : lower.provider,
        model != null ? model : lower.model,
        baseUrl != null ? baseUrl : lower.baseUrl,
        apiKey != null ? apiKey : lower.apiKey,
        timeout != null ? timeout : lower.timeout,
        parallel != null ? parallel : lower.parallel,
        maxAttempts != null ? maxAttempts : lower.maxAttempts,
        price != null ? price : lower.price);
  }

  @Override
  public String toString() {
    return "LlmSettings[provider="
        + provider
        + ", model="
        + model
        + ", baseUrl="
        + baseUrl
        + ", apiKey="
        + (apiKey == null ? "unset" : "***")
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

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : blankToNull(value.asText());
  }

  private static Integer integer(String value, String where) {
    String v = blankToNull(value);
    if (v == null) {
      return null;
    }
    try {
      return Integer.valueOf(v.strip());
    } catch (NumberFormatException e) {
      throw new LlmException(where + ": expected a whole number, got '" + v + "'");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
