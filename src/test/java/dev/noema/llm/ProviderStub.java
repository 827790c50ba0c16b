package dev.noema.llm;

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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local HTTP server on 127.0.0.1 (port 0) that speaks one provider's chat protocol (OpenAI chat
 * completions, Anthropic messages, Ollama chat), so the real LangChain4j clients are exercised over
 * HTTP. Replies are scripted (status, headers, content, delay) and then fall back to a default
 * content function; every request is recorded. Test code only.
 */
public final class ProviderStub implements AutoCloseable {
  /** The protocols the stub speaks. */
  public enum Protocol {
    OPENAI,
    ANTHROPIC,
    OLLAMA
  }

  /** One scripted reply. */
  public record Reply(int status, Map<String, String> headers, String content, long delayMillis) {
    public static Reply ok(String content) {
      return new Reply(200, Map.of(), content, 0);
    }

    public static Reply status(int status, Map<String, String> headers) {
      return new Reply(status, headers, "{\"error\":{\"message\":\"scripted " + status + "\"}}", 0);
    }

    public static Reply slow(String content, long delayMillis) {
      return new Reply(200, Map.of(), content, delayMillis);
    }
  }

  /** A request as received. */
  public record Request(String path, Map<String, List<String>> headers, String body) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final com.knuddels.jtokkit.api.Encoding TOKENS =
      com.knuddels.jtokkit.Encodings.newLazyEncodingRegistry()
          .getEncoding(com.knuddels.jtokkit.api.EncodingType.O200K_BASE);

  private final Protocol protocol;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile Function<String, String> fallback =
      body -> "{\"entities\":[],\"relations\":[],\"interpretations\":[]}";
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

  /** Replies to send, in order, before the fallback. */
  public ProviderStub script(Reply... replies) {
    script.addAll(List.of(replies));
    return this;
  }

  /** The content answered once the script is used up, computed from the request body. */
  public ProviderStub fallback(Function<String, String> content) {
    this.fallback = content;
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

  public int maxInFlight() {
    return maxInFlight.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(
          new Request(
              exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
      Reply reply = script.poll();
      if (reply == null) {
        reply = new Reply(200, Map.of(), fallback.apply(body), latencyMillis);
      }
      if (reply.delayMillis() > 0) {
        Thread.sleep(reply.delayMillis());
      }
      String payload = reply.status() == 200 ? envelope(reply.content(), body) : reply.content();
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
   * The provider's response document around {@code content}; tokens counted with o200k over the
   * request body.
   */
  private String envelope(String content, String requestBody) {
    int prompt = Math.max(1, TOKENS.countTokensOrdinary(requestBody));
    int completion = Math.max(1, TOKENS.countTokensOrdinary(content));
    ObjectNode root = JSON.createObjectNode();
    switch (protocol) {
      case OPENAI -> {
        root.put("id", "chatcmpl-stub")
            .put("object", "chat.completion")
            .put("created", 0)
            .put("model", "stub-model");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
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
            .put("model", "stub-model")
            .put("stop_reason", "end_turn");
        root.putArray("content").addObject().put("type", "text").put("text", content);
        root.putObject("usage").put("input_tokens", prompt).put("output_tokens", completion);
      }
      case OLLAMA -> {
        root.put("model", "stub-model")
            .put("created_at", "2024-01-01T00:00:00Z")
            .put("done", true)
            .put("done_reason", "stop")
            .put("prompt_eval_count", prompt)
            .put("eval_count", completion);
        root.putObject("message").put("role", "assistant").put("content", content);
      }
    }
    return root.toString();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
