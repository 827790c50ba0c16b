package dev.noema.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local HTTP server on 127.0.0.1 (port 0) that speaks one provider's chat protocol (OpenAI chat
 * completions, Anthropic messages, Ollama chat), so the real LangChain4j clients are exercised over
 * HTTP.
 *
 * <p>Every request is first checked as the real service checks it ({@link ProviderRules}: the
 * provider's documented request rules, the same as the model-in-the-loop lab's; and the key header
 * OpenAI and Anthropic require): a request the service would refuse gets the provider's 400 (or
 * 401) with the reason, and is listed in {@link #rejected()}. Accepted requests are answered from
 * the script (status, headers, content, delay, cut-off), then from {@link RecordedReplies} or a
 * content function. An Anthropic request that forces a tool is answered with a call of that tool
 * whose input is the content. Every request is recorded. Test code only.
 */
public final class ProviderStub implements AutoCloseable {
  /** The protocols the stub speaks. */
  public enum Protocol {
    OPENAI,
    ANTHROPIC,
    OLLAMA
  }

  /**
   * One reply.
   *
   * @param status the HTTP status; a non-200 one answers with the provider's error document
   * @param headers extra response headers
   * @param content the model's answer (200) or the error's message (otherwise)
   * @param delayMillis a wait before answering
   * @param cutOff whether the answer stopped at the output limit
   */
  public record Reply(
      int status, Map<String, String> headers, String content, long delayMillis, boolean cutOff) {
    public static Reply ok(String content) {
      return new Reply(200, Map.of(), content, 0, false);
    }

    public static Reply status(int status, Map<String, String> headers) {
      return new Reply(status, headers, "scripted " + status, 0, false);
    }

    /** An error answer with the provider's error document around {@code message}. */
    public static Reply error(int status, String message) {
      return new Reply(status, Map.of(), message, 0, false);
    }

    public static Reply slow(String content, long delayMillis) {
      return new Reply(200, Map.of(), content, delayMillis, false);
    }

    /** An answer that stopped at the model's output limit after {@code content}. */
    public static Reply cutOff(String content) {
      return new Reply(200, Map.of(), content, 0, true);
    }
  }

  /** A request as received. */
  public record Request(String path, Map<String, List<String>> headers, String body) {
    /** The first user message's text (the data of an extraction request), or "". */
    public String user() {
      try {
        for (JsonNode m : JSON.readTree(body).path("messages")) {
          if ("user".equals(m.path("role").asText())) {
            JsonNode content = m.path("content");
            return content.isArray() ? content.path(0).path("text").asText() : content.asText();
          }
        }
      } catch (JsonProcessingException e) {
        // not JSON: no user message
      }
      return "";
    }

    /** The request body, parsed. */
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("the request body is not JSON: " + e.getMessage(), e);
      }
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final com.knuddels.jtokkit.api.Encoding TOKENS =
      com.knuddels.jtokkit.Encodings.newLazyEncodingRegistry()
          .getEncoding(com.knuddels.jtokkit.api.EncodingType.O200K_BASE);

  private final Protocol protocol;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<String> rejected = Collections.synchronizedList(new ArrayList<>());
  private final List<String> unrecorded = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile Function<Request, Reply> fallback =
      request -> Reply.ok("{\"entities\":[],\"relations\":[],\"interpretations\":[]}");
  private volatile long latencyMillis;

  public ProviderStub(Protocol protocol) throws IOException {
    this.protocol = protocol;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** The base URL a client is configured with. */
  public String baseUrl() {
    String root = "http://127.0.0.1:" + server.getAddress().getPort();
    return protocol == Protocol.OLLAMA ? root : root + "/v1";
  }

  public Protocol protocol() {
    return protocol;
  }

  /** Replies to send, in order, before the fallback. */
  public ProviderStub script(Reply... replies) {
    script.addAll(List.of(replies));
    return this;
  }

  /** The content answered once the script is used up, computed from the request body. */
  public ProviderStub fallback(Function<String, String> content) {
    this.fallback = request -> Reply.ok(content.apply(request.body()));
    return this;
  }

  /**
   * Answers extraction requests with the replies recorded for their turns; a request with no
   * recording gets 503 (as the lab answers what it has no answer for) and is listed in {@link
   * #unrecorded()}.
   */
  public ProviderStub replay(RecordedReplies replies) {
    this.fallback =
        request -> {
          Optional<RecordedReplies.ChunkKey> key = RecordedReplies.keyOf(request.user());
          Optional<RecordedReplies.Recorded> recorded = key.flatMap(replies::next);
          if (recorded.isEmpty()) {
            unrecorded.add(key.map(Object::toString).orElse("a request without turns"));
            return Reply.error(503, "no recorded reply for " + key.orElse(null));
          }
          return new Reply(200, Map.of(), recorded.get().text(), 0, recorded.get().cutOff());
        };
    return this;
  }

  /** A fixed latency added to every fallback answer (the benchmark's model of a provider). */
  public ProviderStub latency(long millis) {
    this.latencyMillis = millis;
    return this;
  }

  public List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** The reasons of the requests refused as the real service would have refused them. */
  public List<String> rejected() {
    synchronized (rejected) {
      return List.copyOf(rejected);
    }
  }

  /** The chunks asked for in replay mode that have no recorded reply. */
  public List<String> unrecorded() {
    synchronized (unrecorded) {
      return List.copyOf(unrecorded);
    }
  }

  public int maxInFlight() {
    return maxInFlight.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Request request =
          new Request(
              exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body);
      requests.add(request);
      Reply reply = refusal(request);
      if (reply != null) {
        rejected.add(reply.content());
      } else {
        reply = script.poll();
        if (reply == null) {
          Reply fallen = fallback.apply(request);
          reply =
              new Reply(
                  fallen.status(),
                  fallen.headers(),
                  fallen.content(),
                  fallen.delayMillis() + latencyMillis,
                  fallen.cutOff());
        }
      }
      if (reply.delayMillis() > 0) {
        Thread.sleep(reply.delayMillis());
      }
      String payload =
          reply.status() == 200 ? envelope(reply, request) : error(reply.status(), reply.content());
      byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(reply.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client gave up (a timeout test): nothing to answer
    } finally {
      inFlight.decrementAndGet();
      exchange.close();
    }
  }

  /**
   * The reply the real service gives a request it refuses (a missing key header, a body that breaks
   * its rules), or null when it takes the request.
   */
  private Reply refusal(Request request) {
    Map<String, List<String>> headers = request.headers();
    if (protocol == Protocol.OPENAI && header(headers, "Authorization").isEmpty()) {
      return Reply.error(401, "You didn't provide an API key.");
    }
    if (protocol == Protocol.ANTHROPIC) {
      if (header(headers, "x-api-key").isEmpty()) {
        return Reply.error(401, "x-api-key header is required");
      }
      if (header(headers, "anthropic-version").isEmpty()) {
        return Reply.error(400, "anthropic-version: header is required");
      }
    }
    JsonNode body;
    try {
      body = JSON.readTree(request.body());
    } catch (JsonProcessingException e) {
      return Reply.error(400, "invalid JSON body: " + e.getOriginalMessage());
    }
    String problem = ProviderRules.problem(protocol, body);
    return problem == null ? null : Reply.error(400, problem);
  }

  private static Optional<String> header(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
        .map(e -> e.getValue().get(0))
        .findFirst();
  }

  /** The provider's error document around {@code message}. */
  private String error(int status, String message) {
    ObjectNode root = JSON.createObjectNode();
    String type = status == 401 ? "authentication_error" : "invalid_request_error";
    switch (protocol) {
      case OPENAI -> root.putObject("error").put("message", message).put("type", type);
      case ANTHROPIC ->
          root.put("type", "error").putObject("error").put("type", type).put("message", message);
      case OLLAMA -> root.put("error", message);
    }
    return root.toString();
  }

  /**
   * The provider's response document around the reply; tokens counted with o200k over the request
   * body.
   */
  private String envelope(Reply reply, Request request) {
    String content = reply.content();
    int prompt = Math.max(1, TOKENS.countTokensOrdinary(request.body()));
    int completion = Math.max(1, TOKENS.countTokensOrdinary(content));
    ObjectNode root = JSON.createObjectNode();
    switch (protocol) {
      case OPENAI -> {
        root.put("id", "chatcmpl-stub")
            .put("object", "chat.completion")
            .put("created", 0)
            .put("model", "stub-model");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", reply.cutOff() ? "length" : "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        root.putObject("usage")
            .put("prompt_tokens", prompt)
            .put("completion_tokens", completion)
            .put("total_tokens", prompt + completion);
      }
      case ANTHROPIC -> {
        root.put("id", "msg_stub")
            .put("type", "message")
            .put("role", "assistant")
            .put("model", "stub-model");
        String forced = forcedTool(request.json());
        if (forced != null) {
          // A forced tool is always called; its input is a JSON object even when the model's text
          // is not one (then it is empty, as a reply cut off in mid-input is).
          ObjectNode use = root.putArray("content").addObject();
          use.put("type", "tool_use").put("id", "toolu_stub").put("name", forced);
          use.set("input", objectOrEmpty(content));
          root.put("stop_reason", reply.cutOff() ? "max_tokens" : "tool_use");
        } else {
          root.putArray("content").addObject().put("type", "text").put("text", content);
          root.put("stop_reason", reply.cutOff() ? "max_tokens" : "end_turn");
        }
        root.putObject("usage").put("input_tokens", prompt).put("output_tokens", completion);
      }
      case OLLAMA -> {
        root.put("model", "stub-model")
            .put("created_at", "2024-01-01T00:00:00Z")
            .put("done", true)
            .put("done_reason", reply.cutOff() ? "length" : "stop")
            .put("prompt_eval_count", prompt)
            .put("eval_count", completion);
        root.putObject("message").put("role", "assistant").put("content", content);
      }
    }
    return root.toString();
  }

  /** The tool an Anthropic request makes the model call, or null when it forces none. */
  private static String forcedTool(JsonNode body) {
    JsonNode choice = body.path("tool_choice");
    String type = choice.path("type").asText();
    if (type.equals("tool")) {
      return choice.path("name").asText();
    }
    JsonNode tools = body.path("tools");
    return type.equals("any") && tools.size() == 1 ? tools.get(0).path("name").asText() : null;
  }

  private static JsonNode objectOrEmpty(String content) {
    try {
      JsonNode node = JSON.readTree(content);
      return node != null && node.isObject() ? node : JSON.createObjectNode();
    } catch (JsonProcessingException e) {
      return JSON.createObjectNode();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
