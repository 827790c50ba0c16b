package dev.noema.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import dev.noema.llm.ProviderStub.Reply;
import dev.noema.llm.RecordedReplies;
import dev.noema.llm.ResponseCache;
import dev.noema.llm.RetryPolicy;
import dev.noema.llm.RunStoppedException;
import dev.noema.ontology.OntologyModel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every LLM provider must do for extraction, run by one subclass per provider against a local
 * stub of its protocol through its real LangChain4j client (in the spirit of LangChain4j's {@code
 * AbstractBaseChatModelIT}). The stub checks each request by the provider's documented rules and
 * answers what the real service would refuse with its 400, so a request the service would refuse
 * fails these tests: every test ends by asserting the stub refused nothing.
 */
abstract class ProviderContract {
  static final ObjectMapper JSON = new ObjectMapper();
  static final ExtractionSchema SCHEMA = new ExtractionSchema(LlmExtractorTest.ONTOLOGY);

  @TempDir Path dir;

  /** The provider under test. */
  abstract LlmProvider provider();

  /** The protocol its stub speaks. */
  abstract ProviderStub.Protocol protocol();

  /**
   * Asserts that an extraction request asks in the provider's own structured-output mechanism,
   * carrying {@code schema} (the extraction schema, parsed).
   */
  abstract void assertStructuredOutput(JsonNode request, JsonNode schema);

  /** A request body the real service refuses with 400, and a word its reason must contain. */
  abstract Map.Entry<String, String> refusedRequest();

  /** The path of the chat endpoint under the stub's base URL. */
  abstract String chatPath();

  ProviderStub stub() throws IOException {
    return new ProviderStub(protocol());
  }

  LlmExtractor extractor(ProviderStub stub, Duration timeout, CacheMode mode, long maxCalls) {
    return extractor(stub, timeout, mode, maxCalls, 2000);
  }

  LlmExtractor extractor(
      ProviderStub stub, Duration timeout, CacheMode mode, long maxCalls, int chunkTokens) {
    LlmConfig config =
        new LlmConfig(provider(), "stub-model", stub.baseUrl(), "sk-test", timeout, 2, 3, null);
    // The real client; short backoff keeps the test quick (Retry-After is honoured up to 2 s).
    ChatCalls calls =
        new ChatCalls(
            ChatModels.create(config),
            ChatTarget.of(config),
            new CallPolicy(
                new ResponseCache(dir.resolve("llm-cache")),
                mode,
                2,
                new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(2)),
                maxCalls));
    return new LlmExtractor(LlmExtractorTest.ONTOLOGY, calls, chunkTokens);
  }

  LlmExtractor extractor(ProviderStub stub) {
    return extractor(stub, Duration.ofSeconds(5), CacheMode.USE, 0);
  }

  static FactValidator.Result validate(Extraction raw) {
    return new FactValidator(LlmExtractorTest.ONTOLOGY).validate(raw, LlmExtractorTest.DIALOGUE);
  }

  @Test
  void extraction_request_is_accepted_and_asks_in_the_providers_structured_output()
      throws IOException {
    try (ProviderStub stub = stub().script(Reply.ok(LlmExtractorTest.VALID))) {
      LlmExtractor llm = extractor(stub);

      FactValidator.Result result = validate(llm.extract(LlmExtractorTest.DIALOGUE));

      assertEquals(List.of(), stub.rejected());
      assertEquals(2, result.summary().keptEntities());
      assertEquals(1, result.summary().keptRelations());
      assertEquals(chatPath(), stub.requests().get(0).path());
      assertStructuredOutput(stub.requests().get(0).json(), JSON.readTree(SCHEMA.schemaJson()));
      assertEquals(provider().outputMode().label(), llm.calls().usage().outputMode());
      assertNull(llm.calls().usage().fallback());
      assertTrue(llm.calls().usage().promptTokens() > 0);
      assertTrue(llm.calls().usage().completionTokens() > 0);
    }
  }

  @Test
  void the_stub_refuses_what_the_real_service_refuses() throws Exception {
    try (ProviderStub stub = stub()) {
      Map.Entry<String, String> refused = refusedRequest();
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(stub.baseUrl() + chatPath().replace("/v1", "")))
                      .header("Authorization", "Bearer sk-test")
                      .header("x-api-key", "sk-test")
                      .header("anthropic-version", "2023-06-01")
                      .POST(HttpRequest.BodyPublishers.ofString(refused.getKey()))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertEquals(400, response.statusCode(), response.body());
      assertTrue(response.body().contains(refused.getValue()), response.body());
      assertEquals(1, stub.rejected().size());
    }
  }

  @Test
  void malformed_json_is_asked_again_and_the_good_answer_kept() throws IOException {
    try (ProviderStub stub =
        stub().script(Reply.ok("{\"entities\": [ oops"), Reply.ok(LlmExtractorTest.VALID))) {
      LlmExtractor llm = extractor(stub);

      assertEquals(1, validate(llm.extract(LlmExtractorTest.DIALOGUE)).summary().keptRelations());
      assertEquals(2, stub.requests().size());
      assertEquals(1, llm.calls().usage().malformed());
      assertEquals(List.of(), stub.rejected(), "asking again is a request the service takes");
    }
  }

  @Test
  void rate_limit_is_retried_after_the_servers_retry_after() throws IOException {
    try (ProviderStub stub =
        stub()
            .script(
                Reply.status(429, Map.of("Retry-After", "1")), Reply.ok(LlmExtractorTest.VALID))) {
      LlmExtractor llm = extractor(stub);
      long start = System.nanoTime();

      assertEquals(1, validate(llm.extract(LlmExtractorTest.DIALOGUE)).summary().keptRelations());
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(2, stub.requests().size());
      assertEquals(1, llm.calls().usage().retries());
      assertTrue(millis >= 950, "waited " + millis + " ms, Retry-After said 1 s");
    }
  }

  @Test
  void timeout_then_success() throws IOException {
    try (ProviderStub stub =
        stub()
            .script(Reply.slow(LlmExtractorTest.VALID, 2_000), Reply.ok(LlmExtractorTest.VALID))) {
      LlmExtractor llm = extractor(stub, Duration.ofMillis(400), CacheMode.USE, 0);

      assertEquals(1, validate(llm.extract(LlmExtractorTest.DIALOGUE)).summary().keptRelations());
      assertEquals(2, stub.requests().size());
      assertEquals(1, llm.calls().usage().retries());
    }
  }

  @Test
  void server_errors_are_retried_a_bounded_number_of_times_then_reported() throws IOException {
    try (ProviderStub stub =
        stub()
            .script(
                Reply.status(503, Map.of()),
                Reply.status(503, Map.of()),
                Reply.status(503, Map.of()),
                Reply.ok(LlmExtractorTest.VALID))) {
      LlmExtractor llm = extractor(stub);

      ExtractionException e =
          assertThrows(ExtractionException.class, () -> llm.extract(LlmExtractorTest.DIALOGUE));

      assertEquals(3, stub.requests().size());
      assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
      assertTrue(e.runStopped().isEmpty(), "a server error fails one conversation, not the run");
      assertEquals(1, llm.calls().usage().failures());
    }
  }

  @Test
  void a_refused_request_stops_the_run_once_with_the_providers_reason() throws IOException {
    try (ProviderStub stub =
        stub().script(Reply.error(400, "Invalid value for 'temperature': must be a number"))) {
      LlmExtractor llm = extractor(stub);

      ExtractionException first =
          assertThrows(ExtractionException.class, () -> llm.extract(LlmExtractorTest.DIALOGUE));
      ExtractionException again =
          assertThrows(ExtractionException.class, () -> llm.extract(LlmExtractorTest.DIALOGUE));

      assertEquals(1, stub.requests().size(), "not retried, and nothing sent after it");
      RunStoppedException stop = first.runStopped().orElseThrow();
      assertTrue(stop.fault());
      assertEquals(
          provider().id()
              + ":stub-model refused the request (HTTP 400): Invalid value for 'temperature': must"
              + " be a number",
          stop.getMessage());
      assertEquals(stop, again.runStopped().orElseThrow(), "the same stop, raised again");
      assertFalse(stop.getMessage().contains("\n"));
      assertEquals(stop.getMessage(), llm.calls().usage().stopped());
    }
  }

  @Test
  void a_refused_key_stops_at_once_naming_the_variable_to_set() throws IOException {
    try (ProviderStub stub = stub().script(Reply.error(401, "invalid x-api-key"))) {
      LlmExtractor llm = extractor(stub);

      ExtractionException e =
          assertThrows(ExtractionException.class, () -> llm.extract(LlmExtractorTest.DIALOGUE));

      assertEquals(1, stub.requests().size());
      String line = e.runStopped().orElseThrow().getMessage();
      assertTrue(line.contains("HTTP 401: invalid x-api-key"), line);
      assertTrue(
          provider().keyVariable() == null
              ? line.contains("the server wants credentials")
              : line.endsWith("set " + provider().keyVariable() + " to a valid key"),
          line);
    }
  }

  @Test
  void a_reply_cut_off_at_the_output_limit_is_asked_again_with_a_smaller_chunk()
      throws IOException {
    try (ProviderStub stub =
        stub()
            .script(
                Reply.cutOff("{\"entities\": [{\"id\": \"e1\", \"label\": \"RECURS"),
                Reply.ok(LlmExtractorTest.VALID),
                Reply.ok("{\"entities\":[],\"relations\":[],\"interpretations\":[]}"))) {
      LlmExtractor llm = extractor(stub);

      FactValidator.Result result = validate(llm.extract(LlmExtractorTest.DIALOGUE));

      assertEquals(1, result.summary().keptRelations());
      assertEquals(3, stub.requests().size());
      assertEquals(1, llm.calls().usage().cutOff());
      assertEquals(Map.of("turns", "0-2"), turns(stub.requests().get(0)));
      assertEquals(Map.of("turns", "0-1"), turns(stub.requests().get(1)));
      assertEquals(Map.of("turns", "2"), turns(stub.requests().get(2)));
      assertEquals(List.of(), stub.rejected());
    }
  }

  @Test
  void the_call_limit_stops_the_run_cleanly_before_the_request_that_would_exceed_it()
      throws IOException {
    try (ProviderStub stub = stub()) {
      // A budget of 10 tokens makes each turn a chunk of its own: three requests, of which the
      // limit lets one go.
      LlmExtractor llm = extractor(stub, Duration.ofSeconds(5), CacheMode.USE, 1, 10);

      ExtractionException e =
          assertThrows(ExtractionException.class, () -> llm.extract(LlmExtractorTest.DIALOGUE));

      assertEquals(1, stub.requests().size());
      RunStoppedException stop = e.runStopped().orElseThrow();
      assertFalse(stop.fault());
      assertEquals("stopped at the limit of 1 call(s)", stop.getMessage());
      assertEquals(1, llm.calls().usage().calls());
    }
  }

  @Test
  void rerun_on_unchanged_turns_is_answered_from_the_cache_without_a_request() throws IOException {
    try (ProviderStub stub = stub().script(Reply.ok(LlmExtractorTest.VALID))) {
      Extraction first = extractor(stub).extract(LlmExtractorTest.DIALOGUE);
      LlmExtractor again = extractor(stub);

      Extraction second = again.extract(LlmExtractorTest.DIALOGUE);

      assertEquals(1, stub.requests().size());
      assertEquals(1, again.calls().usage().cacheHits());
      assertEquals(first.relations(), second.relations());
    }
  }

  @Test
  void offline_mode_with_an_empty_cache_reports_the_miss_and_sends_nothing() throws IOException {
    try (ProviderStub stub = stub()) {
      LlmExtractor llm = extractor(stub, Duration.ofSeconds(5), CacheMode.OFFLINE, 0);

      ExtractionException e =
          assertThrows(ExtractionException.class, () -> llm.extract(LlmExtractorTest.DIALOGUE));

      assertTrue(e.getMessage().contains("not in the LLM cache (offline)"), e.getMessage());
      assertEquals(0, stub.requests().size());
      assertEquals(1, llm.calls().usage().cacheMisses());
    }
  }

  @Test
  void recorded_replies_are_replayed_by_their_turns_whatever_the_instructions_say(
      @TempDir Path other) throws IOException {
    Path edited = other.resolve("reworded.ttl");
    Files.writeString(
        edited,
        Files.readString(Path.of("ontology", "noema.ttl"))
            + """

            noema:Theorem a owl:Class ; rdfs:subClassOf noema:Claim ; noema:extractable true ;
                rdfs:label "Theorem"@en ; rdfs:comment "A claim proved in the dialogue."@en .
            """);
    OntologyModel reworded = OntologyModel.load(edited);
    assertFalse(
        new ExtractionSchema(reworded).promptHash().equals(SCHEMA.promptHash()),
        "other instructions and another schema");
    for (OntologyModel ontology : List.of(LlmExtractorTest.ONTOLOGY, reworded)) {
      try (ProviderStub stub =
          stub().replay(RecordedReplies.load(Path.of("src", "test", "resources", "replies")))) {
        LlmConfig config =
            new LlmConfig(
                provider(),
                "stub-model",
                stub.baseUrl(),
                "sk-test",
                Duration.ofSeconds(5),
                2,
                1,
                null);
        LlmExtractor llm =
            new LlmExtractor(
                ontology,
                new ChatCalls(
                    ChatModels.create(config),
                    ChatTarget.of(config),
                    new CallPolicy(null, CacheMode.USE, 2, RetryPolicy.of(1))),
                2000);

        FactValidator.Result result = validate(llm.extract(LlmExtractorTest.DIALOGUE));

        assertEquals(List.of(), stub.unrecorded());
        assertEquals(List.of(), stub.rejected());
        assertEquals(1, llm.calls().usage().cutOff(), "the recorded first reply is cut off");
        assertEquals(2, result.summary().keptEntities());
        assertEquals(1, result.summary().keptRelations());
      }
    }
  }

  /** The turns of a request, as the recorded replies key them. */
  private static Map<String, String> turns(ProviderStub.Request request) {
    return Map.of("turns", RecordedReplies.keyOf(request.user()).orElseThrow().turns());
  }

  /**
   * The system prompt of the extraction, for the assertions that it does or does not hold the
   * schema.
   */
  static String system(JsonNode request) {
    JsonNode system = request.path("system");
    if (system.isArray()) {
      return system.path(0).path("text").asText();
    }
    for (JsonNode m : request.path("messages")) {
      if ("system".equals(m.path("role").asText())) {
        return m.path("content").asText();
      }
    }
    return "";
  }

  static void assertSchemaNotInInstructions(JsonNode request) {
    assertFalse(system(request).isEmpty(), "the instructions are sent");
    assertFalse(system(request).contains("must follow this JSON schema"), system(request));
  }
}
