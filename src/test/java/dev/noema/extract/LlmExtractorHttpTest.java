package dev.noema.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.noema.llm.CacheMode;
import dev.noema.llm.CallPolicy;
import dev.noema.llm.ChatCalls;
import dev.noema.llm.ChatModels;
import dev.noema.llm.ChatTarget;
import dev.noema.llm.LlmConfig;
import dev.noema.llm.LlmProvider;
import dev.noema.llm.ProviderStub;
import dev.noema.llm.ProviderStub.Protocol;
import dev.noema.llm.ProviderStub.Reply;
import dev.noema.llm.ResponseCache;
import dev.noema.llm.RetryPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LLM extractor through the real LangChain4j clients, over HTTP, against local stubs of each
 * protocol.
 */
class LlmExtractorHttpTest {
  @TempDir Path dir;

  private LlmExtractor extractor(
      ProviderStub stub, LlmProvider provider, Duration timeout, CacheMode mode) {
    LlmConfig config =
        new LlmConfig(provider, "stub-model", stub.baseUrl(), "sk-test", timeout, 2, 3);
    // The real client, with short backoff so the test is quick (Retry-After is still honoured, up
    // to 2 s).
    ChatCalls calls =
        new ChatCalls(
            ChatModels.create(config),
            ChatTarget.of(config),
            new CallPolicy(
                new ResponseCache(dir.resolve("llm-cache")),
                mode,
                2,
                new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(2))));
    return new LlmExtractor(LlmExtractorTest.ONTOLOGY, calls, 2000);
  }

  private LlmExtractor openAi(ProviderStub stub) {
    return extractor(stub, LlmProvider.OPENAI, Duration.ofSeconds(5), CacheMode.USE);
  }

  private static int keptRelations(Extraction raw) {
    return new FactValidator(LlmExtractorTest.ONTOLOGY)
        .validate(raw, LlmExtractorTest.DIALOGUE)
        .summary()
        .keptRelations();
  }

  @Test
  void openai_valid_answer_over_http_with_a_strict_json_schema() throws IOException {
    try (ProviderStub stub =
        new ProviderStub(Protocol.OPENAI).script(Reply.ok(LlmExtractorTest.VALID))) {
      LlmExtractor llm = openAi(stub);

      Extraction raw = llm.extract(LlmExtractorTest.DIALOGUE);

      assertEquals(1, keptRelations(raw));
      assertEquals("/v1/chat/completions", stub.requests().get(0).path());
      JsonNode format =
          new ObjectMapper().readTree(stub.requests().get(0).body()).get("response_format");
      assertEquals("json_schema", format.get("type").asText());
      assertTrue(format.get("json_schema").get("strict").asBoolean());
      assertTrue(format.get("json_schema").get("schema").toString().contains("CognitiveModule"));
      assertTrue(llm.calls().usage().promptTokens() > 0);
      assertTrue(llm.calls().usage().completionTokens() > 0);
    }
  }

  @Test
  void malformed_json_then_a_good_retry_over_http() throws IOException {
    try (ProviderStub stub =
        new ProviderStub(Protocol.OPENAI)
            .script(Reply.ok("{\"entities\": [ oops"), Reply.ok(LlmExtractorTest.VALID))) {
      LlmExtractor llm = openAi(stub);

      assertEquals(1, keptRelations(llm.extract(LlmExtractorTest.DIALOGUE)));
      assertEquals(2, stub.requests().size());
      assertEquals(1, llm.calls().usage().malformed());
    }
  }

  @Test
  void rate_limit_is_retried_after_the_servers_retry_after() throws IOException {
    try (ProviderStub stub =
        new ProviderStub(Protocol.OPENAI)
            .script(
                Reply.status(429, Map.of("Retry-After", "1")), Reply.ok(LlmExtractorTest.VALID))) {
      LlmExtractor llm = openAi(stub);
      long start = System.nanoTime();

      assertEquals(1, keptRelations(llm.extract(LlmExtractorTest.DIALOGUE)));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(2, stub.requests().size());
      assertEquals(1, llm.calls().usage().retries());
      assertTrue(millis >= 950, "waited " + millis + " ms, Retry-After said 1 s");
    }
  }

  @Test
  void timeout_then_success() throws IOException {
    try (ProviderStub stub =
        new ProviderStub(Protocol.OPENAI)
            .script(Reply.slow(LlmExtractorTest.VALID, 2_000), Reply.ok(LlmExtractorTest.VALID))) {
      LlmExtractor llm = extractor(stub, LlmProvider.OPENAI, Duration.ofMillis(400), CacheMode.USE);

      assertEquals(1, keptRelations(llm.extract(LlmExtractorTest.DIALOGUE)));
      assertEquals(2, stub.requests().size());
      assertEquals(1, llm.calls().usage().retries());
    }
  }

  @Test
  void server_errors_are_retried_a_bounded_number_of_times_then_reported() throws IOException {
    try (ProviderStub stub =
        new ProviderStub(Protocol.OPENAI)
            .script(
                Reply.status(503, Map.of()),
                Reply.status(503, Map.of()),
                Reply.status(503, Map.of()),
                Reply.ok(LlmExtractorTest.VALID))) {
      LlmExtractor llm = openAi(stub);

      ExtractionException e =
          assertThrows(ExtractionException.class, () -> llm.extract(LlmExtractorTest.DIALOGUE));

      assertEquals(3, stub.requests().size());
      assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
      assertEquals(1, llm.calls().usage().failures());
    }
  }

  @Test
  void client_errors_are_not_retried() throws IOException {
    try (ProviderStub stub =
        new ProviderStub(Protocol.OPENAI).script(Reply.status(401, Map.of()))) {
      LlmExtractor llm = openAi(stub);

      assertThrows(ExtractionException.class, () -> llm.extract(LlmExtractorTest.DIALOGUE));
      assertEquals(1, stub.requests().size());
    }
  }

  @Test
  void rerun_on_unchanged_turns_is_answered_from_the_cache_without_a_request() throws IOException {
    try (ProviderStub stub =
        new ProviderStub(Protocol.OPENAI).script(Reply.ok(LlmExtractorTest.VALID))) {
      Extraction first = openAi(stub).extract(LlmExtractorTest.DIALOGUE);
      int before = stub.requests().size();
      LlmExtractor again = openAi(stub);

      Extraction second = again.extract(LlmExtractorTest.DIALOGUE);

      assertEquals(1, before);
      assertEquals(before, stub.requests().size());
      assertEquals(1, again.calls().usage().cacheHits());
      assertEquals(first.relations(), second.relations());
    }
  }

  @Test
  void offline_mode_with_an_empty_cache_reports_the_miss_and_sends_nothing() throws IOException {
    try (ProviderStub stub = new ProviderStub(Protocol.OPENAI)) {
      LlmExtractor llm =
          extractor(stub, LlmProvider.OPENAI, Duration.ofSeconds(5), CacheMode.OFFLINE);

      ExtractionException e =
          assertThrows(ExtractionException.class, () -> llm.extract(LlmExtractorTest.DIALOGUE));

      assertTrue(e.getMessage().contains("not in the LLM cache (offline)"), e.getMessage());
      assertEquals(0, stub.requests().size());
      assertEquals(1, llm.calls().usage().cacheMisses());
    }
  }

  @Test
  void anthropic_messages_protocol() throws IOException {
    try (ProviderStub stub =
        new ProviderStub(Protocol.ANTHROPIC).script(Reply.ok(LlmExtractorTest.VALID))) {
      LlmExtractor llm =
          extractor(stub, LlmProvider.ANTHROPIC, Duration.ofSeconds(5), CacheMode.USE);

      assertEquals(1, keptRelations(llm.extract(LlmExtractorTest.DIALOGUE)));
      assertEquals("/v1/messages", stub.requests().get(0).path());
      assertTrue(stub.requests().get(0).body().contains("must follow this JSON schema"));
    }
  }

  @Test
  void ollama_chat_protocol_in_json_mode() throws IOException {
    try (ProviderStub stub =
        new ProviderStub(Protocol.OLLAMA).script(Reply.ok(LlmExtractorTest.VALID))) {
      LlmExtractor llm = extractor(stub, LlmProvider.OLLAMA, Duration.ofSeconds(5), CacheMode.USE);

      assertEquals(1, keptRelations(llm.extract(LlmExtractorTest.DIALOGUE)));
      assertEquals("/api/chat", stub.requests().get(0).path());
      JsonNode body = new ObjectMapper().readTree(stub.requests().get(0).body());
      assertEquals("json", body.get("format").asText());
    }
  }
}
