package dev.noema.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.ChatModel;
import dev.noema.identity.Decision;
import dev.noema.identity.EntityName;
import dev.noema.identity.IdentityListing;
import dev.noema.kb.KnowledgeBase;
import dev.noema.neo4j.CypherResult;
import dev.noema.neo4j.Neo4jException;
import dev.noema.prompt.Answer;
import dev.noema.prompt.AskResult;
import dev.noema.prompt.Asker;
import dev.noema.prompt.Citation;
import dev.noema.prompt.ContextFact;
import dev.noema.prompt.ContextFormat;
import dev.noema.prompt.ContextRequest;
import dev.noema.prompt.GraphContext;
import dev.noema.prompt.Link;
import dev.noema.prompt.SourceTurn;
import dev.noema.store.QuerySyntaxException;
import dev.noema.store.StoreException;
import dev.noema.topology.Topology;
import dev.noema.topology.TopologyException;
import dev.noema.topology.TopologyFilter;
import dev.noema.topology.TopologySettings;
import dev.noema.topology.UnknownConceptException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.update.UpdateFactory;

/**
 * The JSON API under {@code /api/}. {@link #ROUTES} is the route table (the OpenAPI document at
 * {@code /openapi.json} lists the same routes; a test keeps them in step). Errors are {@code
 * {"error": "one line"}} with a 4xx or 5xx status, never a stack trace. Thread-safe: handlers share
 * only thread-safe parts.
 */
final class ApiServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /**
   * A route: an HTTP method, a path template whose {@code {name}} segments become path parameters,
   * and what a caller needs to be let through ({@link AccessFilter} asks the table, so a new route
   * says it here, once).
   */
  record Route(
      String method, String template, AccessPolicy.Need need, Handler handler, Pattern pattern) {
    /** A read. */
    Route(String method, String template, Handler handler) {
      this(method, template, AccessPolicy.Need.READ, handler);
    }

    Route(String method, String template, AccessPolicy.Need need, Handler handler) {
      this(
          method,
          template,
          need,
          handler,
          Pattern.compile(template.replaceAll("\\{[a-zA-Z]+}", "([^/]+)")));
    }
  }

  /** Answers one call: the returned value is written as JSON with status 200. */
  @FunctionalInterface
  interface Handler {
    Object handle(Call call) throws IOException, ServletException;
  }

  /** One request with its path parameters, in template order. */
  record Call(HttpServletRequest request, HttpServletResponse response, List<String> pathParams) {
    String param(String name) {
      String value = request.getParameter(name);
      if (value == null || value.isBlank()) {
        throw new ApiError(400, "missing query parameter '" + name + "'");
      }
      return value;
    }
  }

  /** An error a client caused or may retry; becomes the status and one line. */
  static final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    ApiError(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  /**
   * What the server wired beside the knowledge base.
   *
   * @param boltUrl the Bolt URL of the Neo4j projection the server holds, or null
   * @param holdsNeo4j the server is the projection's only writer: it syncs before each Cypher query
   * @param chatModel the model {@code /api/ask} uses instead of the knowledge base's configured
   *     one, or null
   */
  record Services(String boltUrl, boolean holdsNeo4j, ChatModel chatModel) {}

  /** The explore views of the topology package, by name. */
  static final List<String> EXPLORE_VIEWS =
      List.of("centres", "clusters", "bridges", "path", "around", "perspectives", "flow", "shape");

  private final transient KnowledgeBase kb;
  private final transient GraphViews views;
  private final transient ImportJobs jobs;
  private final transient NoemaServer.Settings settings;
  private final transient Services services;
  private final transient List<Route> routes;

  ApiServlet(KnowledgeBase kb, ImportJobs jobs, NoemaServer.Settings settings, Services services) {
    this.kb = kb;
    this.views = new GraphViews(kb);
    this.jobs = jobs;
    this.settings = settings;
    this.services = services;
    this.routes =
        List.of(
            new Route("GET", "/api/status", AccessPolicy.Need.NOTHING, call -> status()),
            new Route("GET", "/api/graph", call -> views.graph()),
            new Route("GET", "/api/search", call -> views.search(call.param("q"))),
            new Route(
                "GET",
                "/api/entity",
                call -> found(views.entity(call.param("iri")), "no entity " + call.param("iri"))),
            new Route("GET", "/api/conversations", call -> views.conversations()),
            new Route(
                "GET",
                "/api/conversations/{id}",
                call ->
                    found(
                        views.conversation(call.pathParams().get(0)),
                        "no conversation '" + call.pathParams().get(0) + "'")),
            new Route("GET", "/api/sparql", call -> sparql(call.param("query"))),
            new Route(
                "POST", "/api/sparql", call -> sparql(queryText(call, "application/sparql-query"))),
            new Route("POST", "/api/cypher", this::cypher),
            new Route(
                "POST",
                "/api/sync",
                AccessPolicy.Need.API_WRITE,
                call -> Map.of("neo4j", kb.syncNeo4j().toString(), "bolt", kb.neo4j().boltUrl())),
            new Route("GET", "/api/extraction", call -> views.extraction(kb.llm().isPresent())),
            new Route("POST", "/api/import", AccessPolicy.Need.API_WRITE, this::upload),
            new Route(
                "GET",
                "/api/jobs/{id}",
                call ->
                    jobs.get(call.pathParams().get(0))
                        .orElseThrow(
                            () -> new ApiError(404, "no job " + call.pathParams().get(0)))),
            new Route(
                "GET", "/api/explore/{view}", call -> explore(call, call.pathParams().get(0))),
            new Route(
                "POST",
                "/api/context",
                call -> contextView(kb.retrieval().context(contextRequest(jsonBody(call))))),
            new Route("POST", "/api/ask", this::ask),
            new Route("GET", "/api/identity", call -> identityView(kb.identity().list())),
            new Route(
                "POST",
                "/api/identity/decisions",
                AccessPolicy.Need.API_WRITE,
                this::decideIdentity));
  }

  /** The identity listing: counts, merges, the review queue and the user's decisions. */
  private static Map<String, Object> identityView(IdentityListing listing) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("entities", listing.entities());
    out.put("merges", listing.merges().stream().map(d -> decisionView(d, listing)).toList());
    out.put("pending", listing.pending().stream().map(d -> decisionView(d, listing)).toList());
    out.put("byUser", listing.byUser().stream().map(d -> decisionView(d, listing)).toList());
    return out;
  }

  private static Map<String, Object> decisionView(Decision d, IdentityListing listing) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", d.id());
    out.put("verdict", d.verdict().id());
    out.put("evidence", d.evidence().id());
    out.put("score", d.score());
    out.put("entity", d.entity().getURI());
    out.put("entityName", listing.name(d.entity()));
    out.put("other", d.other() == null ? null : d.other().getURI());
    out.put("otherName", d.other() == null ? null : listing.name(d.other()));
    out.put("mention", d.mention() == null ? null : d.mention().text());
    out.put("language", d.mention() == null ? null : d.mention().language());
    out.put("added", d.added().stream().map(EntityName::text).toList());
    out.put("extractor", d.extractor());
    out.put("turn", d.used() == null ? null : d.used().getURI());
    out.put("time", d.time().toString());
    return out;
  }

  /**
   * Takes the user's decision on identity ({@code {"action": "accept"|"reject"|"split", "id":
   * ...}}): accept or reject a pending pair, or split a merge (its id, or an entity's IRI).
   */
  private Object decideIdentity(Call call) throws IOException {
    JsonNode body = jsonBody(call);
    String action = text(body, "action");
    String id = text(body, "id");
    try {
      return switch (action) {
        case "accept" -> kb.identity().accept(id);
        case "reject" -> decisionView(kb.identity().reject(id), kb.identity().list());
        case "split" -> kb.identity().split(id);
        default ->
            throw new ApiError(
                400, "\"action\" must be accept, reject or split, not '" + action + "'");
      };
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, e.getMessage());
    }
  }

  /**
   * Computes the map once, so that the page's first load finds it cached; a failure waits for the
   * first request.
   */
  void warmUp() {
    try {
      views.graph();
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted() || e.getMessage() == null) {
        return; // the server is closing: it interrupted the warm-up
      }
      // Before the servlet's first request there is no servlet context to log to.
      org.slf4j.LoggerFactory.getLogger(ApiServlet.class)
          .warn("map warm-up failed (the first /api/graph retries): {}", e.getMessage());
    }
  }

  /**
   * What a call to {@code path} (under /api/) needs: that of the first route whose template matches
   * the path, whatever the method (a write route's path stays guarded); a path no route has is a
   * read, answered 404.
   */
  AccessPolicy.Need need(String path) {
    return routes.stream()
        .filter(r -> r.pattern().matcher(path).matches())
        .findFirst()
        .map(Route::need)
        .orElse(AccessPolicy.Need.READ);
  }

  /** The route table, for the OpenAPI check. */
  List<Route> routes() {
    return routes;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean pathKnown = false;
    try {
      for (Route route : routes) {
        Matcher m = route.pattern().matcher(path);
        if (!m.matches()) {
          continue;
        }
        pathKnown = true;
        if (route.method().equals(request.getMethod())) {
          List<String> params = new ArrayList<>();
          for (int i = 1; i <= m.groupCount(); i++) {
            params.add(java.net.URLDecoder.decode(m.group(i), StandardCharsets.UTF_8));
          }
          Object body = route.handler().handle(new Call(request, response, params));
          if (!response.isCommitted()) {
            Json.write(response, 200, body);
          }
          return;
        }
      }
      Json.error(
          response,
          pathKnown ? 405 : 404,
          (pathKnown ? "method not allowed: " : "no such endpoint: ")
              + request.getMethod()
              + " "
              + path);
    } catch (ApiError e) {
      Json.error(response, e.status, e.getMessage());
    } catch (QuerySyntaxException e) {
      Json.error(response, 400, e.getMessage());
    } catch (Neo4jException e) {
      // Unreachable or not started is the server's trouble; anything else (syntax, a write) is the
      // query's.
      Json.error(response, e.unavailable() ? 503 : 400, e.getMessage());
    } catch (QueryCancelledException e) {
      Json.error(
          response,
          503,
          "the query took longer than the server's limit of "
              + settings.queryTimeoutMillis()
              + " ms");
    } catch (StoreException e) {
      Json.error(response, 500, e.getMessage());
    } catch (ServletException | IllegalStateException e) {
      Json.error(response, 400, "cannot read the request: " + e.getMessage());
    } catch (RuntimeException e) {
      // A bug, not the caller's fault: one line for the client, the stack trace for the server's
      // log.
      log("internal error on " + path, e);
      Json.error(
          response,
          500,
          "internal error: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null
                  ? ""
                  : ": " + e.getMessage().lines().findFirst().orElse("")));
    }
  }

  private Map<String, Object> status() {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("name", "noema");
    status.put("sparql", NoemaServer.DATASET_PATH);
    status.put("updateAllowed", settings.allowUpdate());
    status.put("tokenRequired", settings.tokenRequired());
    status.put("maxUploadBytes", settings.maxUploadBytes());
    status.put("queryTimeoutMillis", settings.queryTimeoutMillis());
    status.put("resultLimit", settings.resultLimit());
    status.put("bolt", services.boltUrl());
    status.put(
        "features",
        Map.of(
            "cypher",
            true,
            "explore",
            true,
            "context",
            true,
            "ask",
            true,
            "chatModel",
            services.chatModel() != null || kb.llm().isPresent()));
    var stats = kb.store().stats();
    status.put("graphs", stats.graphs());
    status.put("quads", stats.quads());
    return status;
  }

  private static Object found(Object value, String message) {
    if (value == null) {
      throw new ApiError(404, message);
    }
    return value;
  }

  /**
   * Runs a read-only Cypher query ({@code {"query": ..., "params": {...}}}) over the projection: in
   * a READ transaction, so the server refuses any write; parameters go to the driver, never into
   * the text. When this process owns the projection (the server holds it, or it is the embedded
   * one, which only the process holding the store can open), it is synced first, so the answer
   * reflects the store.
   */
  private Object cypher(Call call) throws IOException {
    JsonNode body = jsonBody(call);
    String query = text(body, "query");
    Map<String, Object> params = new LinkedHashMap<>();
    JsonNode given = body.get("params");
    if (given != null && !given.isNull()) {
      if (!given.isObject()) {
        throw new ApiError(400, "\"params\" must be a JSON object of parameter names to values");
      }
      given
          .properties()
          .forEach(
              e -> params.put(e.getKey(), Json.MAPPER.convertValue(e.getValue(), Object.class)));
    }
    if (services.holdsNeo4j() || kb.config().neo4jServer() == null) {
      kb.syncNeo4j();
    }
    CypherResult result = kb.cypher(query, params);
    List<List<Object>> rows = new ArrayList<>(result.rows().size());
    result.rows().forEach(row -> rows.add(row.stream().map(CypherResult::jsonValue).toList()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("columns", result.columns());
    out.put("rows", rows);
    return out;
  }

  /**
   * Asks a question with the graph's context ({@code {"question": ..., "baseline": true, "budget":
   * ...}}). With no chat model, nothing is sent: the answer is null and the result carries the
   * complete prompt and how to configure a provider, as {@code noema ask} prints them.
   */
  private Object ask(Call call) throws IOException {
    JsonNode body = jsonBody(call);
    ContextRequest request = contextRequest(body);
    ChatModel model =
        services.chatModel() != null ? services.chatModel() : kb.chatModel().orElse(null);
    AskResult result =
        new Asker(kb.retrieval(), model).ask(request, body.path("baseline").asBoolean(false));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("question", request.question());
    out.put("context", contextView(result.context()));
    out.put("prompt", result.prompt().text());
    out.put("answer", answerView(result.answer()));
    out.put("baseline", answerView(result.baseline()));
    out.put("notice", result.notice());
    return out;
  }

  /** The request body as a JSON object; one line when it is not one. */
  private static JsonNode jsonBody(Call call) throws IOException {
    String type =
        call.request().getContentType() == null
            ? ""
            : call.request().getContentType().toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/json")) {
      throw new ApiError(415, "send a JSON body (Content-Type: application/json)");
    }
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(call.request().getInputStream());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ApiError(400, "the body is not JSON: " + e.getOriginalMessage());
    }
    if (body == null || !body.isObject()) {
      throw new ApiError(400, "the body must be a JSON object");
    }
    return body;
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new ApiError(400, "the JSON body needs a \"" + field + "\" text");
    }
    return value.asText();
  }

  /**
   * {@code question} with optional {@code budget}, {@code hops}, {@code format} and {@code
   * explain}.
   */
  private static ContextRequest contextRequest(JsonNode body) {
    ContextRequest request = ContextRequest.of(text(body, "question"));
    try {
      if (body.hasNonNull("budget")) {
        request = request.withBudget(wholeNumber(body, "budget"));
      }
      if (body.hasNonNull("hops")) {
        request = request.withHops(wholeNumber(body, "hops"));
      }
      if (body.hasNonNull("format")) {
        request = request.withFormat(ContextFormat.parse(body.get("format").asText()));
      }
      return request.withExplain(body.path("explain").asBoolean(false));
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, e.getMessage().replace("--", ""));
    }
  }

  private static int wholeNumber(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new ApiError(400, "\"" + field + "\" must be a whole number, not " + value);
    }
    return value.asInt();
  }

  /**
   * A context as the API shows it: the facts with their citations, the cited turns by key, and the
   * text.
   */
  private static Map<String, Object> contextView(GraphContext context) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("question", context.question());
    out.put("format", context.format().name().toLowerCase(Locale.ROOT));
    out.put("tokens", context.tokens());
    out.put("budget", context.budget());
    out.put("candidates", context.candidates());
    List<Map<String, Object>> links = new ArrayList<>();
    for (Link link : context.links()) {
      links.add(
          Map.of("iri", link.iri(), "label", String.valueOf(link.label()), "score", link.score()));
    }
    out.put("links", links);
    List<Map<String, Object>> facts = new ArrayList<>();
    for (ContextFact fact : context.facts()) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("kind", fact.kind().name().toLowerCase(Locale.ROOT));
      f.put("iri", fact.iri());
      f.put("subject", fact.subject());
      f.put("subjectLabel", fact.subjectLabel());
      f.put("predicate", fact.predicate());
      f.put("predicateLabel", fact.predicateLabel());
      f.put("object", fact.object());
      f.put("objectLabel", fact.objectLabel());
      f.put("statement", fact.statement());
      f.put("score", fact.score());
      List<Map<String, Object>> citations = new ArrayList<>();
      for (Citation c : fact.citations()) {
        Map<String, Object> citation = new LinkedHashMap<>();
        citation.put("key", c.key());
        citation.put("quote", c.quote());
        citation.put("turn", c.turn().iri());
        citations.add(citation);
      }
      f.put("citations", citations);
      facts.add(f);
    }
    out.put("facts", facts);
    Map<String, Object> sources = new LinkedHashMap<>();
    context.sources().forEach((key, turn) -> sources.put(key, turnView(turn)));
    out.put("sources", sources);
    out.put("text", context.text());
    return out;
  }

  private static Map<String, Object> turnView(SourceTurn turn) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("iri", turn.iri());
    out.put("conversation", turn.conversationIri());
    out.put("conversationTitle", turn.conversationTitle());
    out.put("turnIndex", turn.turnIndex());
    out.put("speaker", turn.speaker());
    out.put("time", turn.time() == null ? null : turn.time().toString());
    return out;
  }

  private static Map<String, Object> answerView(Answer answer) {
    if (answer == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("text", answer.text());
    out.put(
        "citations",
        answer.citations().stream()
            .map(c -> Map.of("key", c.key(), "turn", turnView(c.turn())))
            .toList());
    out.put("unknownKeys", answer.unknownKeys());
    out.put("inputTokens", answer.inputTokens());
    out.put("outputTokens", answer.outputTokens());
    out.put("tokensEstimated", answer.tokensEstimated());
    out.put("latencyMillis", answer.latency().toMillis());
    out.put("model", answer.model());
    return out;
  }

  /**
   * The explore views, computed by the topology package on the meaning graph seen through the
   * call's filters.
   */
  private Object explore(Call call, String view) {
    if (!EXPLORE_VIEWS.contains(view)) {
      throw new ApiError(
          404, "no explore view '" + view + "' (one of " + String.join(", ", EXPLORE_VIEWS) + ")");
    }
    TopologyFilter filter = TopologyFilter.NONE;
    String conversation = call.request().getParameter("conversation");
    if (conversation != null && !conversation.isBlank() && !view.equals("flow")) {
      filter = filter.withConversation(conversation);
    }
    String perspective = call.request().getParameter("perspective");
    if (perspective != null && !perspective.isBlank()) {
      filter = filter.withPerspective(perspective);
    }
    try {
      Topology topology = kb.topology(filter, TopologySettings.DEFAULT);
      return switch (view) {
        case "centres" -> topology.centres();
        case "clusters" -> topology.clusters();
        case "bridges" -> topology.bridges();
        case "shape" -> topology.shape();
        case "path" ->
            topology.path(call.param("from"), call.param("to"), intParam(call, "alternatives", 2));
        case "around" -> topology.around(call.param("concept"), intParam(call, "hops", 1));
        case "perspectives" -> topology.perspectives(kb.store(), call.param("concept"));
        default -> topology.flow(call.param("conversation"));
      };
    } catch (UnknownConceptException e) {
      throw new ApiError(404, e.getMessage());
    } catch (TopologyException e) {
      throw new ApiError(400, e.getMessage());
    }
  }

  private static int intParam(Call call, String name, int fallback) {
    String value = call.request().getParameter(name);
    try {
      return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new ApiError(
          400, "query parameter '" + name + "' must be a whole number, not '" + value + "'");
    }
  }

  /**
   * The query text of a console call: a raw body of {@code rawType}, a JSON {@code {"query": ...}}
   * or a form.
   */
  private static String queryText(Call call, String rawType) throws IOException {
    String type =
        call.request().getContentType() == null
            ? ""
            : call.request().getContentType().toLowerCase(Locale.ROOT);
    if (type.startsWith(rawType)) {
      return new String(
          call.request().getInputStream().readNBytes(1 << 20), StandardCharsets.UTF_8);
    }
    if (type.startsWith("application/json")) {
      JsonNode body = Json.MAPPER.readTree(call.request().getInputStream());
      if (body != null && body.hasNonNull("query")) {
        return body.get("query").asText();
      }
      throw new ApiError(400, "the JSON body needs a \"query\" field");
    }
    return call.param("query");
  }

  /**
   * Runs a console query READ-ONLY: only SPARQL queries parse here (an update is refused with 400),
   * with the server's result limit and timeout. SELECT and ASK answer in SPARQL 1.1 JSON results;
   * CONSTRUCT and DESCRIBE as rows of s, p, o in the same format.
   */
  private Object sparql(String text) throws IOException {
    Query query;
    try {
      query = QueryFactory.create(text);
    } catch (QueryParseException e) {
      if (isUpdate(text)) {
        throw new ApiError(400, "the query console is read-only: SPARQL Update is refused here");
      }
      throw new ApiError(
          400, "SPARQL syntax error: " + e.getMessage().lines().findFirst().orElse(""));
    }
    LimitedQueryService.cap(query, settings.resultLimit());
    String capped = query.toString();
    if (query.isSelectType() || query.isAskType()) {
      String json =
          kb.store()
              .select(
                  capped,
                  Map.of(),
                  rs -> {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    ResultSetFormatter.outputAsJSON(bytes, rs);
                    return bytes.toString(StandardCharsets.UTF_8);
                  });
      return Json.MAPPER.readTree(json);
    }
    List<Map<String, Object>> bindings = new ArrayList<>();
    kb.store()
        .construct(
            capped,
            Map.of(),
            new StreamRDFBase() {
              @Override
              public void triple(Triple t) {
                bindings.add(
                    Map.of(
                        "s",
                        term(t.getSubject()),
                        "p",
                        term(t.getPredicate()),
                        "o",
                        term(t.getObject())));
              }
            });
    return Map.of(
        "head", Map.of("vars", List.of("s", "p", "o")), "results", Map.of("bindings", bindings));
  }

  private static boolean isUpdate(String text) {
    try {
      UpdateFactory.create(text);
      return true;
    } catch (RuntimeException notAnUpdate) {
      return false;
    }
  }

  private static Map<String, String> term(org.apache.jena.graph.Node node) {
    if (node.isURI()) {
      return Map.of("type", "uri", "value", node.getURI());
    }
    if (node.isBlank()) {
      return Map.of("type", "bnode", "value", node.getBlankNodeLabel());
    }
    return Map.of("type", "literal", "value", node.getLiteralLexicalForm());
  }

  /**
   * Accepts a log as multipart ({@code file} part) or as the raw body ({@code ?name=} names it);
   * queues the import.
   */
  private Object upload(Call call) throws IOException, ServletException {
    HttpServletRequest request = call.request();
    long max = settings.maxUploadBytes();
    if (request.getContentLengthLong() > max) {
      throw new ApiError(
          413, "the upload is larger than the server's limit of " + max / (1024 * 1024) + " MB");
    }
    String type =
        request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
    String name;
    InputStream body;
    if (type.startsWith("multipart/form-data")) {
      Part part = request.getPart("file");
      if (part == null) {
        throw new ApiError(400, "the multipart upload needs a part named 'file'");
      }
      name = part.getSubmittedFileName();
      body = part.getInputStream();
    } else {
      name = request.getParameter("name");
      body = request.getInputStream();
    }
    Path temp = Files.createTempFile("noema-upload", ".part");
    try (InputStream in = body;
        OutputStream out = Files.newOutputStream(temp)) {
      if (copyAtMost(in, out, max) > max) {
        throw new ApiError(
            413, "the upload is larger than the server's limit of " + max / (1024 * 1024) + " MB");
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    if (Files.size(temp) == 0) {
      Files.deleteIfExists(temp);
      throw new ApiError(400, "the upload is empty");
    }
    String format = request.getParameter("format");
    ImportJobs.JobView job =
        jobs.submit(
            temp,
            name == null || name.isBlank() ? "upload" : name,
            format == null || format.isBlank() ? null : format);
    call.response().setHeader("Location", "/api/jobs/" + job.id());
    Json.write(call.response(), 202, job);
    return null;
  }

  /**
   * Copies up to {@code max + 1} bytes and returns how many were copied (more than max means too
   * large).
   */
  private static long copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      total += n;
      if (total > max) {
        return total;
      }
      out.write(buffer, 0, n);
    }
    return total;
  }
}
