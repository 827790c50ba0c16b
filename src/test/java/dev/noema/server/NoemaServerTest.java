package dev.noema.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.SystemMessage;
import dev.noema.llm.ScriptedChatModel;
import dev.noema.ontology.Iris;
import dev.noema.store.GraphChange;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint of noema serve over real HTTP, against the sample dialogue on a random port. */
class NoemaServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String TOKEN = "test-token-0123456789";

  @TempDir static Path folder;
  private static ServedSample sample;
  private static String url;

  /**
   * Answers with a citation when the prompt carries the graph's context, and without one for the
   * baseline.
   */
  private static final ScriptedChatModel MODEL =
      new ScriptedChatModel(
          request ->
              request.messages().get(0) instanceof SystemMessage
                  ? "RECURSIA is a cognitive module [T1]."
                  : "I do not know RECURSIA.");

  @BeforeAll
  static void serve() {
    sample =
        ServedSample.start(
            folder.resolve("kb"), b -> b.token(TOKEN).maxUploadBytes(200_000).chatModel(MODEL));
    url = sample.url();
  }

  @AfterAll
  static void stop() {
    sample.close();
  }

  // ---------------------------------------------------------------- the JSON API

  @Test
  void status_reports_settings_and_counts() throws Exception {
    JsonNode status = getJson("/api/status");
    assertEquals("/sparql", status.get("sparql").asText());
    assertFalse(status.get("updateAllowed").asBoolean());
    assertFalse(status.get("tokenRequired").asBoolean());
    assertTrue(status.get("quads").asLong() > 1000);
  }

  @Test
  void graph_has_the_modules_as_modules_and_relations_between_nodes() throws Exception {
    JsonNode graph = getJson("/api/graph");
    JsonNode recursia = find(graph.get("nodes"), "label", "RECURSIA");
    assertEquals("module", recursia.get("kind").asText());
    assertEquals("CognitiveModule", recursia.get("type").asText());
    assertEquals("[\"000_aecd9b8aaabbed65\"]", recursia.get("conversations").toString());
    List<String> relations = new ArrayList<>();
    graph.get("relations").forEach(r -> relations.add(r.asText()));
    assertTrue(relations.contains("partOf"), relations.toString());
    assertTrue(relations.contains("interprets"), relations.toString());
    for (JsonNode node : graph.get("nodes")) {
      assertFalse(
          node.get("type").asText().equals("Interpretation"),
          "interpretations are edges, not nodes");
    }
  }

  @Test
  void search_finds_by_label_ignoring_case_and_suggests_on_a_miss() throws Exception {
    JsonNode hit = getJson("/api/search?q=recursia");
    assertEquals("RECURSIA", hit.get("matches").get(0).get("label").asText());
    JsonNode miss = getJson("/api/search?q=RECURSA");
    assertEquals(0, miss.get("matches").size());
    assertEquals("RECURSIA", miss.get("didYouMean").get(0).get("label").asText());
  }

  @Test
  void entity_shows_aliases_interpretations_and_evidence_with_turns() throws Exception {
    String recursia = getJson("/api/search?q=RECURSIA").get("matches").get(0).get("iri").asText();
    JsonNode entity = getJson("/api/entity?iri=" + enc(recursia));
    assertEquals("RECURSIA", entity.get("label").asText());
    assertEquals("RECURSIA", entity.get("aliases").get("en").get(0).asText());
    assertTrue(entity.get("evidence").size() > 0);
    JsonNode evidence = entity.get("evidence").get(0);
    assertEquals(1, evidence.get("turnIndex").asInt());
    assertTrue(evidence.get("quote").asText().length() > 0);
    String architecture =
        getJson("/api/search?q=architecture").get("matches").get(0).get("iri").asText();
    JsonNode interpreted = getJson("/api/entity?iri=" + enc(architecture));
    assertTrue(interpreted.get("interpretations").size() >= 2, interpreted.toString());
  }

  @Test
  void unknown_entity_and_missing_parameter_are_clear_errors() throws Exception {
    HttpResponse<String> unknown = get("/api/entity?iri=" + enc("https://example.org/nothing"));
    assertEquals(404, unknown.statusCode());
    assertEquals(
        "no entity https://example.org/nothing",
        JSON.readTree(unknown.body()).get("error").asText());
    HttpResponse<String> missing = get("/api/search");
    assertEquals(400, missing.statusCode());
    assertEquals(
        "missing query parameter 'q'", JSON.readTree(missing.body()).get("error").asText());
    assertEquals(404, get("/api/nowhere").statusCode());
    assertEquals(
        405, send(HttpRequest.newBuilder(URI.create(url + "/api/graph")).DELETE()).statusCode());
  }

  @Test
  void conversation_reader_returns_turns_in_order() throws Exception {
    JsonNode sample = find(getJson("/api/conversations"), "id", "000_aecd9b8aaabbed65");
    assertEquals(2, sample.get("turns").asInt());
    JsonNode conversation = getJson("/api/conversations/000_aecd9b8aaabbed65");
    assertEquals(0, conversation.get("turns").get(0).get("index").asInt());
    assertEquals(1, conversation.get("turns").get(1).get("index").asInt());
    assertTrue(conversation.get("turns").get(1).get("text").asText().contains("RECURSIA"));
    assertEquals(404, get("/api/conversations/nope").statusCode());
  }

  @Test
  void console_runs_sparql_and_refuses_update() throws Exception {
    HttpResponse<String> select =
        postJson(
            "/api/sparql",
            Map.of(
                "query",
                "SELECT ?id WHERE { ?c <https://w3id.org/noema/ontology#conversationId> ?id }"),
            null);
    assertEquals(200, select.statusCode(), select.body());
    assertEquals(
        "000_aecd9b8aaabbed65",
        JSON.readTree(select.body())
            .get("results")
            .get("bindings")
            .get(0)
            .get("id")
            .get("value")
            .asText());
    HttpResponse<String> update = postJson("/api/sparql", Map.of("query", "DROP ALL"), null);
    assertEquals(400, update.statusCode());
    assertEquals(
        "the query console is read-only: SPARQL Update is refused here",
        JSON.readTree(update.body()).get("error").asText());
    assertTrue(getJson("/api/status").get("quads").asLong() > 1000, "nothing was dropped");
    HttpResponse<String> bad = get("/api/sparql?query=" + enc("SELEKT nothing"));
    assertEquals(400, bad.statusCode());
  }

  @Test
  void console_caps_results_at_the_limit() throws Exception {
    try (ServedSample small =
        ServedSample.start(folder.resolve("small"), b -> b.resultLimit(3).writeServerFile(false))) {
      HttpResponse<String> response =
          send(
              HttpRequest.newBuilder(
                      URI.create(
                          small.url() + "/api/sparql?query=" + enc("SELECT * WHERE { ?s ?p ?o }")))
                  .GET());
      assertEquals(3, JSON.readTree(response.body()).get("results").get("bindings").size());
      HttpResponse<String> endpoint =
          send(
              HttpRequest.newBuilder(
                      URI.create(
                          small.url() + "/sparql?query=" + enc("SELECT * WHERE { ?s ?p ?o }")))
                  .header("Accept", "application/sparql-results+json")
                  .GET());
      assertEquals(3, JSON.readTree(endpoint.body()).get("results").get("bindings").size());
    }
  }

  @Test
  void context_returns_facts_with_citations_and_the_serialised_text_within_the_budget()
      throws Exception {
    HttpResponse<String> response =
        postJson(
            "/api/context",
            Map.of("question", "What is RECURSIA?", "budget", 400, "format", "triples"),
            null);
    assertEquals(200, response.statusCode(), response.body());
    JsonNode context = JSON.readTree(response.body());
    assertEquals("triples", context.get("format").asText());
    assertTrue(context.get("tokens").asInt() <= 400, context.toString());
    assertTrue(context.get("facts").size() > 0, context.toString());
    JsonNode citation = context.get("facts").get(0).get("citations").get(0);
    JsonNode source = context.get("sources").get(citation.get("key").asText());
    assertEquals(citation.get("turn").asText(), source.get("iri").asText());
    assertTrue(context.get("text").asText().contains("RECURSIA"), context.get("text").asText());
  }

  @Test
  void context_and_ask_refuse_bad_requests_with_one_line() throws Exception {
    HttpResponse<String> noQuestion = postJson("/api/context", Map.of("budget", 10), null);
    assertEquals(400, noQuestion.statusCode());
    assertEquals(
        "the JSON body needs a \"question\" text",
        JSON.readTree(noQuestion.body()).get("error").asText());
    HttpResponse<String> badBudget =
        postJson("/api/context", Map.of("question", "q", "budget", 0), null);
    assertEquals(
        "budget must be at least 1 token, was 0",
        JSON.readTree(badBudget.body()).get("error").asText());
    HttpResponse<String> badFormat =
        postJson("/api/ask", Map.of("question", "q", "format", "xml"), null);
    assertEquals(400, badFormat.statusCode());
    assertTrue(
        JSON.readTree(badFormat.body())
            .get("error")
            .asText()
            .startsWith("unknown context format 'xml'"));
    HttpResponse<String> notJson =
        send(
            HttpRequest.newBuilder(URI.create(url + "/api/ask"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("What is RECURSIA?")));
    assertEquals(415, notJson.statusCode());
  }

  @Test
  void ask_answers_with_citations_beside_its_context_and_the_baseline_on_request()
      throws Exception {
    HttpResponse<String> response =
        postJson("/api/ask", Map.of("question", "What is RECURSIA?", "baseline", true), null);
    assertEquals(200, response.statusCode(), response.body());
    JsonNode result = JSON.readTree(response.body());
    assertEquals("RECURSIA is a cognitive module [T1].", result.get("answer").get("text").asText());
    assertEquals("T1", result.get("answer").get("citations").get(0).get("key").asText());
    assertEquals(
        result.get("context").get("sources").get("T1").get("iri").asText(),
        result.get("answer").get("citations").get(0).get("turn").get("iri").asText());
    assertEquals("I do not know RECURSIA.", result.get("baseline").get("text").asText());
    assertTrue(result.get("context").get("facts").size() > 0);
    assertTrue(
        result.get("prompt").asText().contains(result.get("context").get("text").asText().strip()));
    assertTrue(result.get("notice").isNull());
    JsonNode alone =
        JSON.readTree(postJson("/api/ask", Map.of("question", "What is RECURSIA?"), null).body());
    assertTrue(alone.get("baseline").isNull(), "no baseline unless asked");
  }

  @Test
  void extraction_status_counts_extracted_and_pending_turns_per_conversation() throws Exception {
    JsonNode status = getJson("/api/extraction");
    assertEquals("[\"structural\"]", status.get("extractors").toString());
    JsonNode sample = find(status.get("conversations"), "id", "000_aecd9b8aaabbed65");
    assertEquals(2, sample.get("turns").asInt());
    assertEquals(2, sample.get("extracted").get("structural").asInt());
    assertEquals(0, sample.get("pending").get("structural").asInt());
    assertTrue(status.get("turns").asInt() >= 2);
  }

  @Test
  void extraction_status_shows_a_turn_whose_graph_is_missing_as_pending() throws Exception {
    try (ServedSample partial =
        ServedSample.start(folder.resolve("partial"), b -> b.writeServerFile(false))) {
      partial
          .kb
          .store()
          .apply(
              new GraphChange(
                  List.of(Iris.extractionGraph("000_aecd9b8aaabbed65", 1, "structural")),
                  List.of(),
                  List.of()));
      JsonNode status =
          JSON.readTree(
              send(HttpRequest.newBuilder(URI.create(partial.url() + "/api/extraction")).GET())
                  .body());
      JsonNode sample = find(status.get("conversations"), "id", "000_aecd9b8aaabbed65");
      assertEquals(1, sample.get("extracted").get("structural").asInt());
      assertEquals(1, sample.get("pending").get("structural").asInt());
    }
  }

  @Test
  void unknown_explore_view_is_404() throws Exception {
    assertEquals(404, get("/api/explore/nonsense").statusCode());
  }

  @Test
  void explore_views_come_from_the_topology_package() throws Exception {
    for (String view : List.of("centres", "clusters", "bridges", "shape")) {
      assertEquals(200, get("/api/explore/" + view).statusCode(), view);
    }
    assertTrue(getJson("/api/explore/centres").toString().contains("RECURSIA"));
    assertTrue(
        getJson("/api/explore/path?from=RECURSIA&to=INSIGHT").toString().contains("INSIGHT"));
    assertEquals(200, get("/api/explore/around?concept=RECURSIA&hops=1").statusCode());
    assertEquals(200, get("/api/explore/perspectives?concept=architecture").statusCode());
    HttpResponse<String> unknown = get("/api/explore/around?concept=RECURSA");
    assertEquals(404, unknown.statusCode());
    assertTrue(unknown.body().contains("RECURSIA"), "did you mean: " + unknown.body());
    assertEquals(400, get("/api/explore/around?concept=RECURSIA&hops=many").statusCode());
  }

  @Test
  void identity_lists_decisions_and_refuses_an_unknown_one_with_one_line() throws Exception {
    JsonNode identity = JSON.readTree(get("/api/identity").body());
    assertTrue(identity.get("entities").asInt() > 0, identity.toString());
    assertTrue(identity.get("pending").isArray());
    identity.get("merges").forEach(m -> assertTrue(m.get("evidence").isTextual(), m.toString()));

    HttpResponse<String> noToken =
        postJson("/api/identity/decisions", Map.of("action", "accept", "id", "abcdef"), null);
    assertEquals(401, noToken.statusCode(), "a decision is a write");
    assertNotEquals(
        "close",
        noToken.headers().firstValue("connection").orElse(""),
        "a refused small body is read through, so its answer arrives and the connection stays");
    HttpResponse<String> unknown =
        postJson("/api/identity/decisions", Map.of("action", "accept", "id", "abcdef"), TOKEN);
    assertEquals(400, unknown.statusCode());
    assertEquals(
        "no pending pair 'abcdef' (noema resolve --review lists them)",
        JSON.readTree(unknown.body()).get("error").asText());
    HttpResponse<String> badAction =
        postJson("/api/identity/decisions", Map.of("action", "merge", "id", "abcdef"), TOKEN);
    assertEquals(400, badAction.statusCode());
  }

  @Test
  void upload_imports_through_a_job_with_the_token() throws Exception {
    byte[] log =
        Files.readAllBytes(Path.of("src/test/resources/formats/claude-conversations.json"));
    HttpResponse<String> noToken =
        send(
            HttpRequest.newBuilder(URI.create(url + "/api/import?name=c.json"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(log)));
    assertEquals(401, noToken.statusCode(), "a configured token guards writes even on loopback");
    HttpResponse<String> accepted =
        send(
            HttpRequest.newBuilder(URI.create(url + "/api/import?name=c.json"))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(log)));
    assertEquals(202, accepted.statusCode(), accepted.body());
    JsonNode job = pollJob(JSON.readTree(accepted.body()).get("id").asText());
    assertEquals("done", job.get("state").asText(), job.toString());
    assertEquals(
        2,
        job.get("summary").get("imported").asInt() + job.get("summary").get("unchanged").asInt());
  }

  @Test
  void multipart_upload_of_a_bad_file_reports_its_problem_by_the_uploaded_name() throws Exception {
    String boundary = "noema-boundary";
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"broken.json\"\r\n"
            + "Content-Type: application/json\r\n\r\n{\"not\": \"a log\"\r\n--"
            + boundary
            + "--\r\n";
    HttpResponse<String> accepted =
        send(
            HttpRequest.newBuilder(URI.create(url + "/api/import"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertEquals(202, accepted.statusCode(), accepted.body());
    JsonNode job = pollJob(JSON.readTree(accepted.body()).get("id").asText());
    assertEquals("done", job.get("state").asText(), job.toString());
    assertEquals(1, job.get("summary").get("failedFiles").asInt());
    assertTrue(job.get("problems").get(0).asText().startsWith("broken.json"), job.toString());
  }

  @Test
  void upload_over_the_size_limit_is_refused() throws Exception {
    HttpResponse<String> tooBig =
        send(
            HttpRequest.newBuilder(URI.create(url + "/api/import?name=big.json"))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[300_000])));
    assertEquals(413, tooBig.statusCode());
    assertNotEquals(
        "close",
        tooBig.headers().firstValue("connection").orElse(""),
        "the rest of a body under the drain limit is read, so the answer is not lost");
    assertEquals(404, get("/api/jobs/no-such-job").statusCode());
  }

  @Test
  void no_endpoint_returns_the_token_the_secret_or_an_api_key() throws Exception {
    List<String> secrets = new ArrayList<>(List.of(TOKEN, sample.server.localSecret()));
    System.getenv()
        .forEach(
            (name, value) -> {
              if (name.matches("(?i).*(KEY|TOKEN|SECRET|PASSWORD).*") && value.length() >= 8) {
                secrets.add(value);
              }
            });
    String recursia = getJson("/api/search?q=RECURSIA").get("matches").get(0).get("iri").asText();
    for (String path :
        List.of(
            "/api/status",
            "/api/graph",
            "/api/conversations",
            "/api/search?q=a",
            "/api/entity?iri=" + enc(recursia),
            "/api/conversations/000_aecd9b8aaabbed65",
            "/openapi.json",
            "/",
            "/api/explore/shape",
            "/api/extraction",
            "/api/nowhere")) {
      String body = get(path).body();
      for (String secret : secrets) {
        assertFalse(body.contains(secret), path + " leaks a secret");
      }
    }
  }

  @Test
  void openapi_documents_every_route() throws Exception {
    JsonNode paths = getJson("/openapi.json").get("paths");
    for (String route : sample.server.apiRoutes()) {
      String[] parts = route.split(" ");
      assertTrue(paths.has(parts[1]), "undocumented path " + parts[1]);
      assertTrue(paths.get(parts[1]).has(parts[0].toLowerCase()), "undocumented method " + route);
    }
    Iterator<String> documented = paths.fieldNames();
    while (documented.hasNext()) {
      String path = documented.next();
      assertTrue(
          path.equals(NoemaServer.DATASET_PATH)
              || sample.server.apiRoutes().stream().anyMatch(r -> r.endsWith(" " + path)),
          "stale path " + path);
    }
  }

  @Test
  void openapi_schemas_describe_what_the_routes_answer() throws Exception {
    JsonNode doc = getJson("/openapi.json");
    String recursia = getJson("/api/search?q=RECURSIA").get("matches").get(0).get("iri").asText();
    Map<String, String> calls = new java.util.LinkedHashMap<>();
    calls.put("/api/status", "/api/status");
    calls.put("/api/graph", "/api/graph");
    calls.put("/api/search", "/api/search?q=recursia");
    calls.put("/api/entity", "/api/entity?iri=" + enc(recursia));
    calls.put("/api/conversations", "/api/conversations");
    calls.put("/api/conversations/{id}", "/api/conversations/000_aecd9b8aaabbed65");
    calls.put("/api/extraction", "/api/extraction");
    calls.put("/api/explore/{view}", "/api/explore/centres");
    calls.put("/api/sparql", "/api/sparql?query=" + enc("SELECT ?s WHERE { ?s ?p ?o } LIMIT 2"));
    calls.put("/api/identity", "/api/identity");
    for (Map.Entry<String, String> call : calls.entrySet()) {
      JsonNode schema =
          doc.get("paths")
              .get(call.getKey())
              .get("get")
              .get("responses")
              .get("200")
              .get("content")
              .get("application/json")
              .get("schema");
      conforms(doc, schema, getJson(call.getValue()), call.getValue());
    }
    HttpResponse<String> context =
        postJson("/api/context", Map.of("question", "What is RECURSIA?"), null);
    JsonNode contextSchema =
        doc.at("/paths/~1api~1context/post/responses/200/content/application~1json/schema");
    conforms(doc, contextSchema, JSON.readTree(context.body()), "/api/context");
    assertTrue(
        doc.at("/components/schemas/MeaningMap.Node/properties").has("pageRank"),
        "records are documented by their own fields");
  }

  /**
   * Fails unless {@code value} is what {@code schema} says: the JSON type, every field of an object
   * a documented property, every item of an array an item of the schema; null fits anything.
   */
  private static void conforms(JsonNode doc, JsonNode given, JsonNode value, String where) {
    JsonNode schema = given.has("$ref") ? doc.at(given.get("$ref").asText().substring(1)) : given;
    if (value.isNull() || schema.isEmpty()) {
      return;
    }
    if (schema.has("oneOf")) {
      boolean any = false;
      for (JsonNode option : schema.get("oneOf")) {
        try {
          conforms(doc, option, value, where);
          any = true;
        } catch (AssertionError notThisOne) {
          // try the next
        }
      }
      assertTrue(any, where + ": fits none of " + schema);
      return;
    }
    String type = schema.get("type").asText();
    switch (type) {
      case "object" -> {
        assertTrue(value.isObject(), where + " is not an object: " + value);
        JsonNode properties = schema.get("properties");
        value
            .fields()
            .forEachRemaining(
                field -> {
                  JsonNode property =
                      properties != null
                          ? properties.get(field.getKey())
                          : schema.get("additionalProperties");
                  assertNotNull(property, where + ": undocumented field " + field.getKey());
                  conforms(doc, property, field.getValue(), where + "." + field.getKey());
                });
      }
      case "array" -> {
        assertTrue(value.isArray(), where + " is not an array: " + value);
        value.forEach(item -> conforms(doc, schema.get("items"), item, where + "[]"));
      }
      case "string" -> assertTrue(value.isTextual(), where + " is not text: " + value);
      case "integer" -> assertTrue(value.isIntegralNumber(), where + " is not whole: " + value);
      case "number" -> assertTrue(value.isNumber(), where + " is not a number: " + value);
      case "boolean" -> assertTrue(value.isBoolean(), where + " is not a flag: " + value);
      default -> throw new AssertionError(where + ": unknown schema type " + type);
    }
  }

  @Test
  void page_and_webjars_are_served_with_a_content_security_policy() throws Exception {
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(
        page.headers()
            .firstValue("Content-Security-Policy")
            .orElse("")
            .contains("default-src 'self'"));
    assertEquals(200, get("/web/app.js").statusCode());
    assertEquals(200, get("/webjars/cytoscape/3.33.1/dist/cytoscape.min.js").statusCode());
    assertEquals(200, get("/webjars/marked/15.0.7/marked.min.js").statusCode());
    assertEquals(200, get("/webjars/dompurify/3.2.4/dist/purify.min.js").statusCode());
    assertEquals(404, get("/web/nothing.js").statusCode());
    assertEquals(
        400,
        get("/webjars/../../dev/noema/server/queries/nodes.rq").statusCode(),
        "Jetty refuses ..");
  }

  // ---------------------------------------------------------------- the SPARQL endpoint

  @Test
  void rdfconnection_queries_the_union_and_a_named_graph() {
    try (RDFConnection connection = RDFConnectionRemote.service(url + "/sparql").build()) {
      List<String> ids = new ArrayList<>();
      connection.querySelect(
          "SELECT ?id WHERE { ?c <https://w3id.org/noema/ontology#conversationId> ?id }",
          (QuerySolution row) -> ids.add(row.getLiteral("id").getLexicalForm()));
      assertTrue(ids.contains("000_aecd9b8aaabbed65"), ids.toString());
      assertTrue(
          connection.queryAsk(
              "ASK { GRAPH <https://w3id.org/noema/graph/conversation/000_aecd9b8aaabbed65> "
                  + "{ ?t <https://w3id.org/noema/ontology#turnIndex> 1 } }"));
      assertTrue(
          connection.fetch("https://w3id.org/noema/graph/conversation/000_aecd9b8aaabbed65").size()
              > 10,
          "graph store protocol read");
    }
  }

  @Test
  void sparql_protocol_get_post_form_post_direct_and_content_negotiation() throws Exception {
    String query =
        "SELECT (COUNT(*) AS ?n) WHERE { ?s <https://w3id.org/noema/ontology#inConversation> "
            + "<https://w3id.org/noema/id/conversation/000_aecd9b8aaabbed65> }";
    HttpResponse<String> get =
        send(
            HttpRequest.newBuilder(URI.create(url + "/sparql?query=" + enc(query)))
                .header("Accept", "application/sparql-results+json")
                .GET());
    assertEquals(200, get.statusCode());
    assertEquals(
        "2",
        JSON.readTree(get.body())
            .get("results")
            .get("bindings")
            .get(0)
            .get("n")
            .get("value")
            .asText());
    HttpResponse<String> form =
        send(
            HttpRequest.newBuilder(URI.create(url + "/sparql"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + enc(query))));
    assertEquals(200, form.statusCode());
    assertEquals("n\r\n2\r\n", form.body());
    HttpResponse<String> direct =
        send(
            HttpRequest.newBuilder(URI.create(url + "/sparql"))
                .header("Content-Type", "application/sparql-query")
                .header("Accept", "application/sparql-results+xml")
                .POST(HttpRequest.BodyPublishers.ofString(query)));
    assertEquals(200, direct.statusCode(), direct.body());
    assertTrue(
        direct
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/sparql-results+xml"));
    HttpResponse<String> tsv =
        send(
            HttpRequest.newBuilder(URI.create(url + "/sparql?query=" + enc(query)))
                .header("Accept", "text/tab-separated-values")
                .GET());
    assertEquals("?n\n2\n", tsv.body());
    HttpResponse<String> turtle =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        url
                            + "/sparql?query="
                            + enc(
                                "CONSTRUCT WHERE { ?s a <https://w3id.org/noema/ontology#Conversation> }")))
                .header("Accept", "text/turtle")
                .GET());
    assertTrue(turtle.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
    HttpResponse<String> bad =
        send(HttpRequest.newBuilder(URI.create(url + "/sparql?query=" + enc("SELEKT ?x"))).GET());
    assertEquals(400, bad.statusCode());
  }

  @Test
  void endpoint_is_read_only_without_allow_update_even_with_the_token() throws Exception {
    String update = "update=" + enc("INSERT DATA { <urn:a> <urn:b> <urn:c> }");
    HttpResponse<String> anonymous =
        send(
            HttpRequest.newBuilder(URI.create(url + "/sparql"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(update)));
    assertEquals(401, anonymous.statusCode());
    HttpResponse<String> withToken =
        send(
            HttpRequest.newBuilder(URI.create(url + "/sparql"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/sparql-update")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "INSERT DATA { <urn:a> <urn:b> <urn:c> }")));
    assertEquals(403, withToken.statusCode());
    HttpResponse<String> gspPut =
        send(
            HttpRequest.newBuilder(URI.create(url + "/sparql?graph=urn:g"))
                .header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<urn:a> <urn:b> <urn:c> .")));
    assertEquals(401, gspPut.statusCode());
    try (RDFConnection connection = RDFConnectionRemote.service(url + "/sparql").build()) {
      assertFalse(connection.queryAsk("ASK { ?s <urn:b> ?o }"));
    }
  }

  @Test
  void allow_update_opens_update_to_the_token_only() throws Exception {
    try (ServedSample open =
        ServedSample.start(
            folder.resolve("open"), b -> b.token(TOKEN).allowUpdate(true).writeServerFile(false))) {
      HttpResponse<String> update =
          send(
              HttpRequest.newBuilder(URI.create(open.url() + "/sparql"))
                  .header("Authorization", "Bearer " + TOKEN)
                  .header("Content-Type", "application/sparql-update")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }")));
      assertEquals(204, update.statusCode(), update.body());
      HttpResponse<String> wrong =
          send(
              HttpRequest.newBuilder(URI.create(open.url() + "/sparql"))
                  .header("Authorization", "Bearer wrong")
                  .header("Content-Type", "application/sparql-update")
                  .POST(HttpRequest.BodyPublishers.ofString("DROP ALL")));
      assertEquals(403, wrong.statusCode());
      assertTrue(
          open.kb
              .store()
              .<Boolean>select("SELECT * WHERE { ?s <urn:b> ?o }", Map.of(), rs -> rs.hasNext()));
    }
  }

  // ---------------------------------------------------------------- security defaults and
  // server.json

  @Test
  void refuses_unsafe_options() {
    assertEquals(
        "binding 0.0.0.0 (not loopback) needs a bearer token: --token or NOEMA_TOKEN",
        assertThrows(
                IllegalArgumentException.class,
                () -> NoemaServer.builder(sample.kb).host("0.0.0.0").build())
            .getMessage());
    assertEquals(
        "--allow-update needs a bearer token: --token or NOEMA_TOKEN",
        assertThrows(
                IllegalArgumentException.class,
                () -> NoemaServer.builder(sample.kb).allowUpdate(true).build())
            .getMessage());
  }

  @Test
  void non_loopback_server_needs_the_token_for_queries() throws Exception {
    try (ServedSample wide =
        ServedSample.start(
            folder.resolve("wide"), b -> b.host("0.0.0.0").token(TOKEN).writeServerFile(false))) {
      assertEquals(
          200,
          send(HttpRequest.newBuilder(URI.create(wide.url() + "/api/status")).GET()).statusCode());
      assertEquals(
          401,
          send(HttpRequest.newBuilder(URI.create(wide.url() + "/api/graph")).GET()).statusCode());
      assertEquals(
          401,
          send(HttpRequest.newBuilder(URI.create(wide.url() + "/sparql?query=" + enc("ASK {}")))
                  .GET())
              .statusCode());
      assertEquals(
          200,
          send(HttpRequest.newBuilder(URI.create(wide.url() + "/api/graph"))
                  .header("Authorization", "Bearer " + TOKEN)
                  .GET())
              .statusCode());
      assertTrue(
          JSON.readTree(
                  send(HttpRequest.newBuilder(URI.create(wide.url() + "/api/status")).GET()).body())
              .get("tokenRequired")
              .asBoolean());
    }
  }

  @Test
  void cors_is_off_by_default_and_on_for_the_named_origin_only() throws Exception {
    HttpResponse<String> none =
        send(
            HttpRequest.newBuilder(URI.create(url + "/api/status"))
                .header("Origin", "https://evil.example")
                .GET());
    assertTrue(none.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    try (ServedSample cors =
        ServedSample.start(
            folder.resolve("cors"),
            b -> b.corsOrigin("https://app.example").writeServerFile(false))) {
      HttpResponse<String> allowed =
          send(
              HttpRequest.newBuilder(URI.create(cors.url() + "/api/status"))
                  .header("Origin", "https://app.example")
                  .GET());
      assertEquals(
          Optional.of("https://app.example"),
          allowed.headers().firstValue("Access-Control-Allow-Origin"));
      HttpResponse<String> other =
          send(
              HttpRequest.newBuilder(URI.create(cors.url() + "/api/status"))
                  .header("Origin", "https://evil.example")
                  .GET());
      assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }
  }

  @Test
  void server_file_is_private_names_the_server_and_its_secret_writes() throws Exception {
    Path file = folder.resolve("kb").resolve(ServerFile.NAME);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    ServerFile live = ServerFile.live(folder.resolve("kb")).orElseThrow();
    assertEquals(url, live.url());
    assertEquals(ProcessHandle.current().pid(), live.pid());
    HttpResponse<String> update =
        send(
            HttpRequest.newBuilder(URI.create(live.datasetUrl()))
                .header("Authorization", "Bearer " + live.secret())
                .header("Content-Type", "application/sparql-update")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "INSERT DATA { GRAPH <urn:cli> { <urn:x> <urn:y> <urn:z> } }")));
    assertEquals(204, update.statusCode(), "the local CLI writes through the server");
    send(
        HttpRequest.newBuilder(URI.create(live.datasetUrl()))
            .header("Authorization", "Bearer " + live.secret())
            .header("Content-Type", "application/sparql-update")
            .POST(HttpRequest.BodyPublishers.ofString("DROP GRAPH <urn:cli>")));
  }

  @Test
  void server_file_of_a_dead_process_is_stale_and_close_deletes_ours() throws Exception {
    Path stale = folder.resolve("stale");
    new ServerFile("http://127.0.0.1:1", Long.MAX_VALUE - 1, false, "x", null).write(stale);
    assertTrue(ServerFile.live(stale).isEmpty());
    Path own = folder.resolve("own");
    ServedSample served = ServedSample.start(own, b -> b);
    assertNotNull(ServerFile.live(own).orElse(null));
    served.close();
    assertFalse(Files.exists(own.resolve(ServerFile.NAME)));
  }

  // ---------------------------------------------------------------- helpers

  private static JsonNode pollJob(String id) throws Exception {
    for (int i = 0; i < 300; i++) {
      JsonNode job = getJson("/api/jobs/" + id);
      if (!job.get("state").asText().equals("queued")
          && !job.get("state").asText().equals("running")) {
        return job;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("job " + id + " did not finish");
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode node : array) {
      if (node.get(field).asText().equals(value)) {
        return node;
      }
    }
    throw new AssertionError("no " + field + "=" + value);
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static JsonNode getJson(String path) throws Exception {
    HttpResponse<String> response = get(path);
    assertEquals(200, response.statusCode(), path + ": " + response.body());
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url + path)).GET());
  }

  private static HttpResponse<String> postJson(String path, Object body, String token)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HTTP.send(
        request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
