package dev.noema.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.noema.cli.CliRun;
import dev.noema.kb.KnowledgeBaseConfig;
import dev.noema.neo4j.Neo4jException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/**
 * noema serve holding the embedded Neo4j (one instance for the class): external Bolt clients, the
 * Cypher API, and the CLI going through the server while it holds the Neo4j folder's lock.
 */
class ServeNeo4jTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final List<String> MODULES = List.of("INSIGHT", "OBSTRUCTIO", "RECURSIA");

  @TempDir static Path folder;
  private static Path kbFolder;
  private static ServedSample sample;

  @BeforeAll
  static void serve() {
    kbFolder = folder.resolve("kb");
    sample =
        ServedSample.start(
            KnowledgeBaseConfig.folder(kbFolder).withEmbeddedBolt("127.0.0.1", 0, null),
            b -> b.neo4j(true));
  }

  @AfterAll
  static void stop() {
    sample.close();
  }

  @Test
  void an_external_driver_reads_the_modules_at_the_printed_bolt_url() throws Exception {
    String bolt = sample.server.boltUrl();
    assertTrue(bolt.matches("bolt://127\\.0\\.0\\.1:\\d+"), bolt);
    assertEquals(bolt, getJson("/api/status").get("bolt").asText());
    assertEquals(bolt, ServerFile.live(kbFolder).orElseThrow().bolt());
    try (Driver driver = GraphDatabase.driver(bolt, AuthTokens.none());
        Session session = driver.session()) {
      List<String> modules =
          session
              .run("MATCH (m:CognitiveModule) RETURN m.label AS label ORDER BY label")
              .list(r -> r.get("label").asString());
      assertTrue(modules.containsAll(MODULES), modules.toString());
    }
  }

  @Test
  void cypher_api_runs_read_only_with_parameters() throws Exception {
    HttpResponse<String> response =
        post(
            "/api/cypher",
            Map.of(
                "query",
                "MATCH (m:CognitiveModule) WHERE m.label = $name RETURN m.label AS label, 1 + 1 AS two",
                "params",
                Map.of("name", "RECURSIA")));
    assertEquals(200, response.statusCode(), response.body());
    JsonNode result = JSON.readTree(response.body());
    assertEquals("[\"label\",\"two\"]", result.get("columns").toString());
    assertEquals("[[\"RECURSIA\",2]]", result.get("rows").toString());
    HttpResponse<String> write =
        post("/api/cypher", Map.of("query", "CREATE (:Intruder {name: 'x'})"));
    assertEquals(400, write.statusCode(), write.body());
    assertTrue(
        JSON.readTree(write.body()).get("error").asText().startsWith("Neo4j: "), write.body());
    assertEquals(
        "[[0]]",
        JSON.readTree(
                post("/api/cypher", Map.of("query", "MATCH (n:Intruder) RETURN count(n)")).body())
            .get("rows")
            .toString(),
        "the write left nothing");
    HttpResponse<String> syntax = post("/api/cypher", Map.of("query", "MATCH (n RETURN n"));
    assertEquals(400, syntax.statusCode());
    assertTrue(
        JSON.readTree(syntax.body()).get("error").asText().startsWith("Cypher syntax error: "),
        syntax.body());
    assertEquals(
        400, post("/api/cypher", Map.of("query", "RETURN 1", "params", List.of(1))).statusCode());
  }

  @Test
  void cli_cypher_query_goes_through_the_server_that_holds_the_neo4j_lock() {
    CliRun query =
        CliRun.of(
            "query",
            "--data",
            kbFolder.toString(),
            "--format",
            "csv",
            "--param",
            "kind=CognitiveModule",
            "--cypher",
            "MATCH (m) WHERE $kind IN labels(m) RETURN m.label AS label ORDER BY label");
    assertEquals(0, query.exitCode(), query.toString());
    assertTrue(query.out().startsWith("label\r\n"), query.out());
    assertTrue(new TreeSet<>(List.of(query.out().split("\r\n"))).containsAll(MODULES), query.out());
    CliRun sync = CliRun.of("sync", "neo4j", "--data", kbFolder.toString());
    assertEquals(0, sync.exitCode(), sync.toString());
    assertTrue(
        sync.out()
            .startsWith("neo4j (synced by noema serve at " + sample.url() + "): 0 graphs added"),
        sync.out());
  }

  @Test
  void ask_without_a_model_returns_the_prompt_and_how_to_configure_one() throws Exception {
    HttpResponse<String> response =
        post("/api/ask", Map.of("question", "What is RECURSIA?", "baseline", true));
    assertEquals(200, response.statusCode(), response.body());
    JsonNode result = JSON.readTree(response.body());
    assertTrue(result.get("answer").isNull());
    assertTrue(result.get("baseline").isNull());
    assertTrue(result.get("notice").asText().contains("NOEMA_LLM="), result.get("notice").asText());
    assertTrue(result.get("prompt").asText().contains("Question: What is RECURSIA?"));
    assertFalse(getJson("/api/status").get("features").get("chatModel").asBoolean());
  }

  @Test
  void bolt_on_another_address_needs_a_password() {
    Neo4jException e =
        assertThrows(
            Neo4jException.class,
            () ->
                KnowledgeBaseConfig.folder(folder.resolve("wide"))
                    .withEmbeddedBolt("0.0.0.0", 0, null));
    assertEquals(
        "embedded Neo4j on 0.0.0.0 needs a password: auth may be off only on loopback",
        e.getMessage());
  }

  private static JsonNode getJson(String path) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(sample.url() + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> post(String path, Object body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(sample.url() + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
