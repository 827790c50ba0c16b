package dev.noema.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;

/**
 * Builds the LangChain4j client for a configuration: {@code OpenAiChatModel}, {@code
 * AnthropicChatModel} or {@code OllamaChatModel}. The one place a provider is chosen; everything
 * else sees {@link ChatModel}.
 *
 * <p>The clients are built with temperature 0 (extraction should be repeatable), the configured
 * timeout, no retries of their own ({@link ChatCalls} retries, honouring {@code Retry-After}) and
 * no request logging (requests carry the key in a header).
 */
public final class ChatModels {
  /** Upper bound on an Anthropic answer's length; an extraction of one chunk stays far below it. */
  private static final int ANTHROPIC_MAX_TOKENS = 8192;

  private ChatModels() {}

  /** A client for {@code config}. */
  public static ChatModel create(LlmConfig config) {
    Duration connect =
        config.timeout().compareTo(Duration.ofSeconds(10)) < 0
            ? config.timeout()
            : Duration.ofSeconds(10);
    StatusAwareHttpClient.Builder http =
        new StatusAwareHttpClient.Builder().connectTimeout(connect).readTimeout(config.timeout());
    return switch (config.provider()) {
      case OPENAI ->
          OpenAiChatModel.builder()
              .httpClientBuilder(http)
              .baseUrl(config.baseUrl())
              // A local OpenAI-compatible server needs no key, but the client insists on one.
              .apiKey(config.apiKey() == null ? "unused" : config.apiKey())
              .modelName(config.model())
              .temperature(0.0)
              .timeout(config.timeout())
              .maxRetries(0)
              .strictJsonSchema(true)
              .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
              .logRequests(false)
              .logResponses(false)
              .build();
      case ANTHROPIC ->
          AnthropicChatModel.builder()
              .httpClientBuilder(http)
              .baseUrl(config.baseUrl())
              .apiKey(config.apiKey() == null ? "unused" : config.apiKey())
              .modelName(config.model())
              .temperature(0.0)
              .maxTokens(ANTHROPIC_MAX_TOKENS)
              .timeout(config.timeout())
              .maxRetries(0)
              .logRequests(false)
              .logResponses(false)
              .build();
      case OLLAMA ->
          OllamaChatModel.builder()
              .httpClientBuilder(http)
              .baseUrl(config.baseUrl())
              .modelName(config.model())
              .temperature(0.0)
              .timeout(config.timeout())
              .maxRetries(0)
              .logRequests(false)
              .logResponses(false)
              .build();
    };
  }
}
