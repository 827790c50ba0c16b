package dev.noema.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Asks a {@link ChatModel} for JSON answers, well: from the {@link ResponseCache} first, with at
 * most {@code parallel} requests in flight, in the provider's structured-output mechanism ({@link
 * StructuredOutput}), retrying 429, 5xx and timeouts with backoff (honouring {@code Retry-After}),
 * asking again when an answer cannot be read (saying why), and counting calls, cache hits, retries
 * and tokens.
 *
 * <p>Provider faults end in one line each. A refused request (400 and the other 4xx but 408/429) is
 * not retried: when its reason names the structured-output parameters the run falls back once to
 * the next weaker {@link OutputMode} (and {@link LlmUsage#fallback()} says why); otherwise, and on
 * 401/403 (which names the key's environment variable), the run stops: a {@link
 * RunStoppedException}, raised again by every later ask without sending. So does the request that
 * would exceed {@link CallPolicy#maxCalls()}. A reply cut off at the output limit raises {@link
 * ReplyCutOffException}, for the caller to ask again with less.
 *
 * <p>An answer is cached only once it has been read successfully, under the key of the original
 * request (provider, model, output mode, system and user messages, schema), so a re-run on
 * unchanged input makes no call.
 *
 * <p>Thread-safe: meant to be shared by every thread of a run; the limit on requests in flight, the
 * output mode and the stop are global to it.
 */
public final class ChatCalls {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An answer read by the caller's parser, and whether it came from the cache. */
  public record Answer<T>(T value, boolean cached) {}

  private final ChatModel model;
  private final ChatTarget target;
  private final CallPolicy policy;
  private final Semaphore inFlight;
  private final AtomicReference<OutputMode> mode;
  private final AtomicReference<String> fallback = new AtomicReference<>();
  private final AtomicReference<RunStoppedException> stopped = new AtomicReference<>();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicInteger current = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final LongAdder calls = new LongAdder();
  private final LongAdder cacheHits = new LongAdder();
  private final LongAdder cacheMisses = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder malformed = new LongAdder();
  private final LongAdder cutOff = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final LongAdder promptTokens = new LongAdder();
  private final LongAdder completionTokens = new LongAdder();

  public ChatCalls(ChatModel model, ChatTarget target, CallPolicy policy) {
    this.model = model;
    this.target = target;
    this.policy = policy;
    this.inFlight = new Semaphore(policy.parallel(), true);
    this.mode = new AtomicReference<>(target.mode());
  }

  /**
   * Calls for the provider {@code config} names, with its real LangChain4j client.
   *
   * @param maxCalls the most requests to send, or 0 for no limit
   */
  public static ChatCalls forConfig(
      LlmConfig config, ResponseCache cache, CacheMode mode, long maxCalls) {
    return new ChatCalls(
        ChatModels.create(config),
        ChatTarget.of(config),
        new CallPolicy(
            cache, mode, config.parallel(), RetryPolicy.of(config.maxAttempts()), maxCalls));
  }

  public ChatTarget target() {
    return target;
  }

  /** The mode answers are asked in now: the target's, or the one a refusal fell back to. */
  public OutputMode mode() {
    return mode.get();
  }

  /** The cache key of {@code prompt} in the current mode. */
  private String key(ChatPrompt prompt) {
    return ResponseCache.key(
        target.provider(),
        target.model(),
        mode.get().name(),
        prompt.system(),
        prompt.user(),
        prompt.schemaJson());
  }

  /**
   * The cached answer to {@code prompt}, read by {@code parse}, without sending anything; empty
   * when the cache holds none that reads (what an estimate of the cost needs).
   */
  public <T> Optional<T> cached(ChatPrompt prompt, Function<String, T> parse) {
    ResponseCache cache = policy.cache();
    if (cache == null) {
      return Optional.empty();
    }
    Optional<ResponseCache.Entry> hit = cache.get(key(prompt));
    if (hit.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse.apply(hit.get().text()));
    } catch (MalformedReplyException e) {
      return Optional.empty();
    }
  }

  /**
   * Answers {@code prompt}, read by {@code parse}.
   *
   * @param parse reads an answer's text; throws {@link MalformedReplyException} when it does not
   *     fit the schema
   * @throws RunStoppedException when the run has stopped (now or earlier): nothing more is sent
   * @throws ReplyCutOffException when the reply stopped at the model's output limit
   * @throws LlmException when the answer is not in the cache in offline mode, when the provider
   *     keeps failing, or when no readable answer came after the allowed attempts
   */
  public <T> Answer<T> ask(ChatPrompt prompt, Function<String, T> parse) {
    RunStoppedException stop = stopped.get();
    if (stop != null) {
      throw stop;
    }
    if (policy.cacheMode() != CacheMode.REFRESH) {
      Optional<T> hit = cached(prompt, parse);
      if (hit.isPresent()) {
        cacheHits.increment();
        return new Answer<>(hit.get(), true);
      }
    }
    if (policy.cacheMode() == CacheMode.OFFLINE) {
      cacheMisses.increment();
      throw new LlmException("not in the LLM cache (offline)");
    }
    while (true) {
      OutputMode asked = mode.get();
      try {
        return askIn(asked, prompt, parse);
      } catch (ModeRefused refused) {
        fallBack(asked, refused.reason);
      }
    }
  }

  /** {@link #ask} in one output mode, asking again while answers cannot be read. */
  private <T> Answer<T> askIn(OutputMode asked, ChatPrompt prompt, Function<String, T> parse) {
    String key = key(prompt);
    List<ChatMessage> messages =
        new ArrayList<>(
            List.of(
                SystemMessage.from(StructuredOutput.instructions(asked, prompt)),
                UserMessage.from(prompt.user())));
    int attempts = policy.retry().maxAttempts();
    String problem = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      ChatResponse response = send(asked, StructuredOutput.request(asked, prompt, messages));
      if (response.finishReason() == FinishReason.LENGTH) {
        cutOff.increment();
        throw new ReplyCutOffException(
            target.provider() + ":" + target.model() + ": the reply stopped at the output limit");
      }
      String text = StructuredOutput.answer(asked, prompt, response);
      try {
        T value = parse.apply(text);
        ResponseCache cache = policy.cache();
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
    RunStoppedException stop = stopped.get();
    return new LlmUsage(
        calls.sum(),
        cacheHits.sum(),
        cacheMisses.sum(),
        retries.sum(),
        malformed.sum(),
        cutOff.sum(),
        failures.sum(),
        promptTokens.sum(),
        completionTokens.sum(),
        maxInFlight.get(),
        mode.get().label(),
        fallback.get(),
        stop == null ? null : stop.getMessage());
  }

  /**
   * Why the run stopped sending, or empty while it goes on: read by callers that schedule more
   * work.
   */
  public Optional<RunStoppedException> stopped() {
    return Optional.ofNullable(stopped.get());
  }

  /**
   * Moves the run from {@code refusedMode} to its fallback (once, however many threads saw the
   * refusal), noting why.
   */
  private void fallBack(OutputMode refusedMode, String reason) {
    OutputMode weaker = refusedMode.fallback();
    if (mode.compareAndSet(refusedMode, weaker)) {
      String note =
          "the server refused "
              + refusedMode.label()
              + " ("
              + reason
              + "): asked in "
              + weaker.label()
              + " instead, the schema in the instructions";
      fallback.accumulateAndGet(note, (before, now) -> before == null ? now : before + "; " + now);
    }
  }

  /** Stops the run with {@code stop} (the first stop wins) and returns the one in force. */
  private RunStoppedException stop(RunStoppedException stop) {
    stopped.compareAndSet(null, stop);
    return stopped.get();
  }

  /**
   * One request with retries on what is worth retrying; the semaphore is held only while a request
   * is in flight.
   */
  private ChatResponse send(OutputMode asked, ChatRequest request) {
    int attempts = policy.retry().maxAttempts();
    for (int attempt = 1; ; attempt++) {
      RuntimeException failure;
      if (policy.maxCalls() > 0 && sent.incrementAndGet() > policy.maxCalls()) {
        throw stop(
            new RunStoppedException(
                "stopped at the limit of " + policy.maxCalls() + " call(s)", false, null));
      }
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
      int status = status(failure);
      if (refusal(status)) {
        String reason = reason(failure);
        if (status == 400 && asked.fallback() != null && asked.refusedBy(reason)) {
          throw new ModeRefused(reason);
        }
        failures.increment();
        throw stop(new RunStoppedException(refusalLine(status, reason), true, failure));
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

  /**
   * The line a refusal stops the run with: who refused, the status and the provider's reason, and
   * for 401/403 the environment variable that holds the key.
   */
  private String refusalLine(int status, String reason) {
    String who = target.provider() + ":" + target.model();
    if (status == 401 || status == 403) {
      String variable =
          LlmProvider.byId(target.provider()).map(LlmProvider::keyVariable).orElse(null);
      return who
          + " refused the key (HTTP "
          + status
          + ": "
          + reason
          + ")"
          + (variable == null
              ? ": the server wants credentials Noema does not send"
              : ": set " + variable + " to a valid key");
    }
    return who + " refused the request (HTTP " + status + "): " + reason;
  }

  /** A 4xx that the same request will meet again: everything but 408 and 429. */
  private static boolean refusal(int status) {
    return status >= 400 && status < 500 && status != 408 && status != 429;
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

  /** The HTTP status of a failure, or 0 when it has none (a timeout, a broken connection). */
  static int status(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof HttpException http) {
        return http.statusCode();
      }
    }
    return 0;
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
        if (status == 429 || status >= 500 || status == 408) {
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
   * The provider's own reason for an HTTP failure: {@code error.message} (OpenAI, Anthropic), a
   * string {@code error} (Ollama) or {@code message}; else the start of the body, on one line.
   */
  static String reason(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof HttpException http) {
        String body = http.getMessage() == null ? "" : http.getMessage();
        try {
          JsonNode root = JSON.readTree(body);
          JsonNode error = root == null ? null : root.get("error");
          String found =
              error != null && error.isTextual()
                  ? error.asText()
                  : error != null && error.path("message").isTextual()
                      ? error.get("message").asText()
                      : root != null && root.path("message").isTextual()
                          ? root.get("message").asText()
                          : null;
          if (found != null && !found.isBlank()) {
            return clip(found.replaceAll("\\s+", " ").strip());
          }
        } catch (JsonProcessingException notJson) {
          // the body as it is, below
        }
        String line = body.replaceAll("\\s+", " ").strip();
        return line.isEmpty() ? "no reason given" : clip(line);
      }
    }
    return describe(failure);
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
    return s.length() <= 300 ? s : s.substring(0, 297) + "...";
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

  /** A 400 refusing the structured-output mechanism of the mode asked in. */
  private static final class ModeRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String reason;

    ModeRefused(String reason) {
      super(reason, null, false, false);
      this.reason = reason;
    }
  }
}
