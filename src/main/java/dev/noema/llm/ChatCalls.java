package dev.noema.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Asks a {@link ChatModel} for JSON answers, well: from the {@link ResponseCache} first, with at
 * most {@code parallel} requests in flight, retrying 429, 5xx and timeouts with backoff (honouring
 * {@code Retry-After}), asking again when an answer cannot be read (saying why), and counting
 * calls, cache hits, retries and tokens.
 *
 * <p>An answer is cached only once it has been read successfully, under the key of the original
 * request (provider, model, output mode, system and user messages, schema), so a re-run on
 * unchanged input makes no call.
 *
 * <p>Thread-safe: meant to be shared by every thread of a run; the limit on requests in flight is
 * global to it.
 */
public final class ChatCalls {
  /** An answer read by the caller's parser, and whether it came from the cache. */
  public record Answer<T>(T value, boolean cached) {}

  private final ChatModel model;
  private final ChatTarget target;
  private final CallPolicy policy;
  private final Semaphore inFlight;
  private final AtomicInteger current = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final LongAdder calls = new LongAdder();
  private final LongAdder cacheHits = new LongAdder();
  private final LongAdder cacheMisses = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder malformed = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final LongAdder promptTokens = new LongAdder();
  private final LongAdder completionTokens = new LongAdder();

  public ChatCalls(ChatModel model, ChatTarget target, CallPolicy policy) {
    this.model = model;
    this.target = target;
    this.policy = policy;
    this.inFlight = new Semaphore(policy.parallel(), true);
  }

  /** Calls for the provider {@code config} names, with its real LangChain4j client. */
  public static ChatCalls forConfig(LlmConfig config, ResponseCache cache, CacheMode mode) {
    return new ChatCalls(
        ChatModels.create(config),
        ChatTarget.of(config),
        new CallPolicy(cache, mode, config.parallel(), RetryPolicy.of(config.maxAttempts())));
  }

  public ChatTarget target() {
    return target;
  }

  /**
   * Answers {@code prompt}, read by {@code parse}.
   *
   * @param parse reads an answer's text; throws {@link MalformedReplyException} when it does not
   *     fit the schema
   * @throws LlmException when the answer is not in the cache in offline mode, when the provider
   *     keeps failing, or when no readable answer came after the allowed attempts
   */
  public <T> Answer<T> ask(ChatPrompt prompt, Function<String, T> parse) {
    String key =
        ResponseCache.key(
            target.provider(),
            target.model(),
            target.mode().name(),
            prompt.system(),
            prompt.user(),
            prompt.schemaJson());
    ResponseCache cache = policy.cache();
    if (policy.cacheMode() != CacheMode.REFRESH && cache != null) {
      Optional<ResponseCache.Entry> hit = cache.get(key);
      if (hit.isPresent()) {
        try {
          T value = parse.apply(hit.get().text());
          cacheHits.increment();
          return new Answer<>(value, true);
        } catch (MalformedReplyException e) {
          // Cached before the schema changed its reading: ask again below.
        }
      }
    }
    if (policy.cacheMode() == CacheMode.OFFLINE) {
      cacheMisses.increment();
      throw new LlmException("not in the LLM cache (offline)");
    }
    List<ChatMessage> messages =
        new ArrayList<>(
            List.of(SystemMessage.from(instructions(prompt)), UserMessage.from(prompt.user())));
    int attempts = policy.retry().maxAttempts();
    String problem = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      ChatResponse response = send(request(prompt, messages));
      String text =
          response.aiMessage() == null || response.aiMessage().text() == null
              ? ""
              : response.aiMessage().text();
      try {
        T value = parse.apply(text);
        if (cache != null) {
          TokenUsage usage = response.tokenUsage();
          cache.put(
              key,
              new ResponseCache.Entry(
                  text,
                  response.modelName() == null ? target.model() : response.modelName(),
                  tokens(usage, true),
                  tokens(usage, false)));
        }
        return new Answer<>(value, false);
      } catch (MalformedReplyException e) {
        malformed.increment();
        problem = e.getMessage();
        if (attempt < attempts) {
          retries.increment();
          messages.add(AiMessage.from(text.isEmpty() ? "(empty)" : text));
          messages.add(
              UserMessage.from(
                  "That answer cannot be used: "
                      + problem
                      + ". Answer again with only the JSON object the schema describes."));
        }
      }
    }
    failures.increment();
    throw new LlmException(
        "no valid answer from "
            + target.provider()
            + ":"
            + target.model()
            + " after "
            + attempts
            + " attempt(s): "
            + problem);
  }

  /** What this instance has done so far. */
  public LlmUsage usage() {
    return new LlmUsage(
        calls.sum(),
        cacheHits.sum(),
        cacheMisses.sum(),
        retries.sum(),
        malformed.sum(),
        failures.sum(),
        promptTokens.sum(),
        completionTokens.sum(),
        maxInFlight.get());
  }

  /**
   * The system message: with structured output the schema travels in the request, otherwise in the
   * text.
   */
  private String instructions(ChatPrompt prompt) {
    if (target.mode() == OutputMode.JSON_SCHEMA) {
      return prompt.system();
    }
    return prompt.system()
        + "\n\nAnswer with one JSON object and nothing else (no prose, no code fence). "
        + "It must follow this JSON schema exactly:\n"
        + prompt.schemaJson();
  }

  private ChatRequest request(ChatPrompt prompt, List<ChatMessage> messages) {
    ChatRequest.Builder builder = ChatRequest.builder().messages(messages);
    switch (target.mode()) {
      case JSON_SCHEMA ->
          builder.responseFormat(
              ResponseFormat.builder()
                  .type(ResponseFormatType.JSON)
                  .jsonSchema(
                      JsonSchema.builder()
                          .name(prompt.schemaName())
                          .rootElement(JsonRawSchema.from(prompt.schemaJson()))
                          .build())
                  .build());
      case JSON_MODE -> builder.responseFormat(ResponseFormat.JSON);
      case INSTRUCTIONS -> {}
    }
    return builder.build();
  }

  /**
   * One request with retries on what is worth retrying; the semaphore is held only while a request
   * is in flight.
   */
  private ChatResponse send(ChatRequest request) {
    int attempts = policy.retry().maxAttempts();
    for (int attempt = 1; ; attempt++) {
      RuntimeException failure;
      acquire();
      try {
        calls.increment();
        ChatResponse response = model.chat(request);
        TokenUsage usage = response.tokenUsage();
        promptTokens.add(tokens(usage, true));
        completionTokens.add(tokens(usage, false));
        return response;
      } catch (RuntimeException e) {
        failure = e;
      } finally {
        current.decrementAndGet();
        inFlight.release();
      }
      Optional<Duration> retryAfter = retryable(failure);
      if (retryAfter.isEmpty() || attempt >= attempts) {
        failures.increment();
        throw new LlmException(
            target.provider()
                + ":"
                + target.model()
                + ": "
                + describe(failure)
                + (attempt > 1 ? " (after " + attempt + " attempts)" : ""),
            failure);
      }
      retries.increment();
      sleep(policy.retry().delay(attempt, retryAfter.get().isNegative() ? null : retryAfter.get()));
    }
  }

  private void acquire() {
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LlmException("interrupted while waiting to call " + target.provider(), e);
    }
    int now = current.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
  }

  /**
   * Whether a failure is worth another try: HTTP 429 or 5xx, or a timeout. Present with the
   * server's {@code Retry-After}, or a negative duration when it gave none; empty when not
   * retryable.
   */
  static Optional<Duration> retryable(Throwable failure) {
    Duration none = Duration.ofMillis(-1);
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof HttpException http) {
        int status = http.statusCode();
        if (status == 429 || status >= 500) {
          Duration after = t instanceof HttpStatusException s ? s.retryAfter() : null;
          return Optional.of(after == null ? none : after);
        }
        return Optional.empty();
      }
      if (t instanceof HttpTimeoutException
          || t instanceof SocketTimeoutException
          || t instanceof java.util.concurrent.TimeoutException
          || t instanceof dev.langchain4j.exception.TimeoutException) {
        return Optional.of(none);
      }
    }
    return Optional.empty();
  }

  /**
   * One line about a failure: the HTTP status and the start of the body, or the innermost message.
   */
  private static String describe(Throwable failure) {
    Throwable root = failure;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof HttpException http) {
        String body =
            http.getMessage() == null ? "" : http.getMessage().replaceAll("\\s+", " ").strip();
        return "HTTP " + http.statusCode() + (body.isEmpty() ? "" : ": " + clip(body));
      }
      root = t;
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return clip(message.replaceAll("\\s+", " ").strip());
  }

  private static String clip(String s) {
    return s.length() <= 200 ? s : s.substring(0, 197) + "...";
  }

  private static long tokens(TokenUsage usage, boolean prompt) {
    if (usage == null) {
      return 0;
    }
    Integer n = prompt ? usage.inputTokenCount() : usage.outputTokenCount();
    return n == null ? 0 : n;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LlmException("interrupted while waiting to retry", e);
    }
  }
}
