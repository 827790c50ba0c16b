package dev.noema.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.noema.neo4j.CypherResult;
import dev.noema.neo4j.Neo4jException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local CLI's calls to a running {@code noema serve} that are not SPARQL (SPARQL goes to its
 * dataset endpoint): what needs the Neo4j projection the server holds, since an embedded Neo4j
 * locks its folder to one process and only the server may sync it. Authenticates with the per-run
 * secret of {@link ServerFile}. Thread-safe.
 */
public final class ServerClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ServerFile server;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public ServerClient(ServerFile server) {
    this.server = server;
  }

  /**
   * Runs a read-only Cypher query through the server ({@code POST /api/cypher}), which syncs its
   * projection first. Values come back as JSON gives them: strings, numbers, booleans, lists and
   * maps (nodes and relationships as maps).
   *
   * @throws Neo4jException with the server's one line for a syntax error, a write, or an
   *     unreachable server
   */
  public CypherResult cypher(String query, Map<String, Object> params) {
    JsonNode body = post("/api/cypher", Map.of("query", query, "params", params));
    List<String> columns = new ArrayList<>();
    body.get("columns").forEach(c -> columns.add(c.asText()));
    List<List<Object>> rows = new ArrayList<>();
    for (JsonNode row : body.get("rows")) {
      List<Object> values = new ArrayList<>();
      row.forEach(v -> values.add(JSON.convertValue(v, Object.class)));
      rows.add(values);
    }
    return new CypherResult(columns, rows);
  }

  /**
   * Has the server sync its Neo4j projection with the store ({@code POST /api/sync}).
   *
   * @return the sync's one-line summary
   * @throws Neo4jException with the server's one line when the sync fails
   */
  public String syncNeo4j() {
    return post("/api/sync", Map.of()).path("neo4j").asText();
  }

  /** The server's base URL, to name it in messages. */
  public String url() {
    return server.url();
  }

  private JsonNode post(String path, Object payload) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(server.url() + path))
                  .header("Authorization", "Bearer " + server.secret())
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          JSON.writeValueAsString(payload), StandardCharsets.UTF_8))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      JsonNode body = JSON.readTree(response.body());
      if (response.statusCode() != 200) {
        throw new Neo4jException(
            body.path("error")
                .asText("noema serve at " + server.url() + " answered " + response.statusCode()));
      }
      return body;
    } catch (IOException e) {
      throw new Neo4jException(
          "cannot reach noema serve at " + server.url() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Neo4jException("interrupted while waiting for noema serve at " + server.url(), e);
    }
  }
}
