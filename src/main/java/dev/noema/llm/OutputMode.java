package dev.noema.llm;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a model is made to answer with JSON that follows a schema, from the strongest guarantee to
 * the weakest. Each provider starts at its own structured-output mechanism ({@link
 * LlmProvider#outputMode()}); a server that refuses it is asked with {@link #fallback()} instead.
 */
public enum OutputMode {
  /**
   * The schema travels in the request and the provider constrains decoding to it: OpenAI's {@code
   * response_format: {type: json_schema, strict: true}}, Ollama's {@code format: SCHEMA}.
   */
  JSON_SCHEMA,
  /**
   * The schema is the {@code input_schema} of the one tool the model is made to call ({@code
   * tool_choice} names it), and the answer is that call's input (Anthropic).
   */
  FORCED_TOOL,
  /**
   * JSON mode ({@code response_format: json_object}, Ollama {@code format: "json"}): the provider
   * guarantees JSON but not the schema, which the instructions state.
   */
  JSON_MODE,
  /** Instructions only: the schema is stated in the prompt and the answer parsed and checked. */
  INSTRUCTIONS;

  private static final Pattern FORMAT = Pattern.compile("response_format|\\bformat\\b");

  /** The mode to ask in when a server refuses this one, or null when none is weaker. */
  public OutputMode fallback() {
    return switch (this) {
      case JSON_SCHEMA -> JSON_MODE;
      case FORCED_TOOL, JSON_MODE -> INSTRUCTIONS;
      case INSTRUCTIONS -> null;
    };
  }

  /** Whether the instructions must state the schema (the request does not carry it). */
  public boolean schemaInInstructions() {
    return this == JSON_MODE || this == INSTRUCTIONS;
  }

  /**
   * Whether a 400's reason says the server does not take this mode's request parameters (an older
   * OpenAI-compatible server on {@code response_format}/{@code json_schema}, an older Ollama on
   * {@code format}, a gateway on {@code tools}).
   */
  boolean refusedBy(String reason) {
    String r = reason.toLowerCase(Locale.ROOT);
    return switch (this) {
      case JSON_SCHEMA -> FORMAT.matcher(r).find() || r.contains("json_schema");
      case JSON_MODE -> FORMAT.matcher(r).find() || r.contains("json_object");
      case FORCED_TOOL -> r.contains("tool");
      case INSTRUCTIONS -> false;
    };
  }

  /** How the mode is named in run summaries ("json_schema"). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
