package dev.noema.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.langchain4j.model.chat.ChatModel;
import dev.noema.extract.LlmExtractor;
import dev.noema.extract.StructuralExtractor;
import dev.noema.identity.Decision;
import dev.noema.identity.MergeResult;
import dev.noema.identity.SplitResult;
import dev.noema.kb.KnowledgeBase;
import dev.noema.map.MapSearch;
import dev.noema.map.MeaningMap;
import dev.noema.map.MeaningMaps;
import dev.noema.meaning.EntityDescription;
import dev.noema.meaning.Names;
import dev.noema.neo4j.CypherResult;
import dev.noema.neo4j.Neo4jException;
import dev.noema.prompt.AskResult;
import dev.noema.prompt.Asker;
import dev.noema.prompt.ContextRequest;
import dev.noema.store.Dialogues;
import dev.noema.store.QuerySyntaxException;
import dev.noema.store.StoreException;
import dev.noema.topology.BridgesResult;
import dev.noema.topology.CentresResult;
import dev.noema.topology.ClustersResult;
import dev.noema.topology.FlowResult;
import dev.noema.topology.NeighbourhoodResult;
import dev.noema.topology.PathsResult;
import dev.noema.topology.PerspectivesResult;
import dev.noema.topology.ShapeResult;
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
import java.util.Optional;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.update.UpdateFactory;

/**
 * The JSON API under {@code /api/}: a table of {@link ApiRoute}s, each with what it needs, takes
 * and answers. The table is also what {@link AccessFilter} asks and what {@code /openapi.json} is
 * generated from ({@link OpenApi}). Answers are records written by Jackson: the library's own (the
 * map, an entity, conversations, explore results) or the API's ({@link Wire}). Errors are {@code
 * {"error": "one line"}} with a 4xx or 5xx status, never a stack trace. Thread-safe: handlers share
 * only thread-safe parts.
 */
final class ApiServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** One request with its path parameters, in template order. */
  record Call(HttpServletRequest request, HttpServletResponse response, List<String> pathParams) {
    String param(String name) {
      String value = request.getParameter(name);
      if (value == null || value.isBlank()) {
        throw new ApiError(400, "missing query parameter '" + name + "'");
      }
      return value;
    }

    String path(int index) {
      return pathParams.get(index);
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

  /** The explore views of the topology package, by name, with the record each answers. */
  static final Map<String, Class<?>> EXPLORE_VIEWS = exploreViews();

  private static final String DESCRIPTION =
      "noema serve: the JSON API of a Noema knowledge base. Every route under /api/ except"
          + " /api/status needs `Authorization: Bearer TOKEN` when the server binds a non-loopback"
          + " address; POST /api/import and POST /api/sync need it whenever a token is configured."
          + " The SPARQL 1.1 endpoint (query, update, graph store protocol) is at /sparql and is"
          + " read-only unless started with --allow-update and a token.";

  private final transient KnowledgeBase kb;
  private final transient MeaningMaps maps;
  private final transient Dialogues dialogues;
  private final transient ImportJobs jobs;
  private final transient NoemaServer.Settings settings;
  private final transient Services services;
  private final transient List<ApiRoute> routes;
  private final transient JsonNode openApi;

  ApiServlet(KnowledgeBase kb, ImportJobs jobs, NoemaServer.Settings settings, Services services) {
    this.kb = kb;
    this.maps = new MeaningMaps(kb.meaning(), kb.store());
    this.dialogues = new Dialogues(kb.store());
    this.jobs = jobs;
    this.settings = settings;
    this.services = services;
    this.routes = table();
    List<ApiRoute> documented = new ArrayList<>(routes);
    documented.addAll(endpointRoutes());
    this.openApi = new OpenApi(DESCRIPTION, documented, Json.MAPPER).document();
  }

  private List<ApiRoute> table() {
    TypeFactory types = Json.MAPPER.getTypeFactory();
    return List.of(
        ApiRoute.get(
                "/api/status",
                "Server settings, the Bolt URL of the Neo4j projection it holds (null when none),"
                    + " features available and store counts (never any key, token or password)")
            .need(AccessPolicy.Need.NOTHING)
            .answers(Wire.Status.class)
            .handle(call -> status()),
        ApiRoute.get(
                "/api/graph",
                "The meaning graph for the map: nodes (label, kind, class, PageRank, cluster,"
                    + " conversations, position) and edges with relation types")
            .answers(MeaningMap.class)
            .handle(call -> maps.current()),
        ApiRoute.get(
                "/api/search",
                "Entities with a name containing the text (any language; case, accents and"
                    + " punctuation ignored), else 'did you mean' suggestions")
            .param(ApiRoute.Param.query("q", true, "text to find"))
            .answers(MapSearch.class)
            .errors(400)
            .handle(call -> maps.search(call.param("q"))),
        ApiRoute.get(
                "/api/entity",
                "One entity: definitions, names per language, interpretations by perspective,"
                    + " neighbours, quoted evidence with turns")
            .param(ApiRoute.Param.query("iri", true, "the entity IRI"))
            .answers(EntityDescription.class)
            .errors(400, 404)
            .handle(
                call ->
                    EntityDescription.of(
                            kb.meaning().current(), call.param("iri"), Names.DEFAULT_LANGUAGE)
                        .orElseThrow(() -> new ApiError(404, "no entity " + call.param("iri")))),
        ApiRoute.get(
                "/api/conversations", "Conversations with title, number of turns and start time")
            .answers(types.constructCollectionType(List.class, Dialogues.ConversationSummary.class))
            .handle(call -> dialogues.conversations()),
        ApiRoute.get(
                "/api/conversations/{id}",
                "The turns of one conversation, in order (text is Markdown)")
            .param(ApiRoute.Param.path("id", "conversation id"))
            .answers(Dialogues.ConversationView.class)
            .errors(404)
            .handle(
                call ->
                    dialogues
                        .conversation(call.path(0))
                        .orElseThrow(
                            () -> new ApiError(404, "no conversation '" + call.path(0) + "'"))),
        ApiRoute.get(
                "/api/sparql",
                "Run a SPARQL query read-only (SPARQL 1.1 JSON results; CONSTRUCT/DESCRIBE as s, p,"
                    + " o rows); updates are refused")
            .param(ApiRoute.Param.query("query", true, "SPARQL query"))
            .answers(Wire.SparqlResults.class)
            .errors(400, 503)
            .handle(call -> sparql(call.param("query"))),
        ApiRoute.post("/api/sparql", "Run a SPARQL query read-only; an UPDATE gets 400")
            .body(
                new ApiRoute.Body(
                    true,
                    Map.of(
                        "application/json",
                        Wire.SparqlQuery.class,
                        "application/sparql-query",
                        String.class)))
            .answers(Wire.SparqlResults.class)
            .errors(400, 503)
            .handle(call -> sparql(queryText(call))),
        ApiRoute.post(
                "/api/cypher",
                "Run a Cypher query read-only (a READ transaction: writes are refused with 400)"
                    + " against the Neo4j projection, synced with the store first")
            .body(ApiRoute.Body.json(Wire.CypherQuery.class))
            .answers(Wire.CypherRows.class)
            .errors(400, 415, 503)
            .handle(this::cypher),
        ApiRoute.post(
                "/api/sync",
                "Sync the Neo4j projection with the store now (the server is its only writer; the"
                    + " local CLI's import and sync neo4j call this)")
            .need(AccessPolicy.Need.API_WRITE)
            .answers(Wire.Sync.class)
            .errors(401, 403, 503)
            .handle(call -> new Wire.Sync(kb.syncNeo4j().toString(), kb.neo4j().boltUrl())),
        ApiRoute.get(
                "/api/extraction",
                "Extraction status: per conversation, the turns on its active branch, the turns each"
                    + " extractor has extracted, and the turns still pending for the extractors the"
                    + " import pipeline runs (structural; llm when a provider is configured)")
            .answers(Dialogues.ExtractionView.class)
            .handle(call -> dialogues.extraction(running())),
        ApiRoute.post(
                "/api/import",
                "Upload a log and import it as a job (format detected as in noema import);"
                    + " Location: /api/jobs/{id}")
            .need(AccessPolicy.Need.API_WRITE)
            .param(ApiRoute.Param.query("name", false, "file name of a raw-body upload"))
            .param(ApiRoute.Param.query("format", false, "format name instead of detection"))
            .body(
                new ApiRoute.Body(
                    true,
                    Map.of(
                        "multipart/form-data",
                        Upload.class,
                        "application/octet-stream",
                        byte[].class)))
            .status(202)
            .answers(ImportJobs.JobView.class)
            .errors(400, 401, 413)
            .handle(this::upload),
        ApiRoute.get(
                "/api/jobs/{id}",
                "An import job: state (queued, running, done, failed), progress, summary and"
                    + " problems")
            .param(ApiRoute.Param.path("id", "job id"))
            .answers(ImportJobs.JobView.class)
            .errors(404)
            .handle(
                call ->
                    jobs.get(call.path(0))
                        .orElseThrow(() -> new ApiError(404, "no job " + call.path(0)))),
        ApiRoute.get(
                "/api/explore/{view}",
                "Explore results, the topology package's result record: centres, clusters,"
                    + " bridges, path (from, to), around (concept, hops), perspectives (concept),"
                    + " flow (conversation), shape")
            .param(ApiRoute.Param.path("view", String.join("|", EXPLORE_VIEWS.keySet())))
            .param(ApiRoute.Param.query("from", false, "path: start concept"))
            .param(ApiRoute.Param.query("to", false, "path: end concept"))
            .param(ApiRoute.Param.query("alternatives", false, "path: next-shortest paths"))
            .param(ApiRoute.Param.query("concept", false, "around, perspectives: the concept"))
            .param(ApiRoute.Param.query("hops", false, "around: hops"))
            .param(
                ApiRoute.Param.query(
                    "conversation", false, "flow: the conversation; other views: a filter"))
            .param(ApiRoute.Param.query("perspective", false, "filter: one perspective"))
            .answers(EXPLORE_VIEWS.values().toArray(new Class<?>[0]))
            .errors(400, 404)
            .handle(call -> explore(call, call.path(0))),
        ApiRoute.post(
                "/api/context",
                "The facts of the meaning graph that bear on a question, with their quoted evidence"
                    + " and the serialised context, within a token budget")
            .body(ApiRoute.Body.json(Wire.Question.class))
            .answers(Wire.Context.class)
            .errors(400, 415)
            .handle(
                call ->
                    Wire.Context.of(
                        kb.retrieval().context(jsonBody(call, Wire.Question.class).toRequest()))),
        ApiRoute.post(
                "/api/ask",
                "Ask the configured chat model with the graph context (and without it, the"
                    + " baseline, when asked). With no model configured nothing is sent: answer is"
                    + " null, prompt is the complete prompt and notice says how to configure a"
                    + " provider")
            .body(ApiRoute.Body.json(Wire.Question.class))
            .answers(Wire.Asked.class)
            .errors(400, 415)
            .handle(this::ask),
        ApiRoute.get(
                "/api/identity",
                "Identity: the merges the resolver made (with evidence and score), the pairs"
                    + " waiting for review (the duplicates still suspected) and the user's"
                    + " decisions, as noema resolve --list shows them")
            .answers(Wire.Identity.class)
            .handle(call -> Wire.Identity.of(kb.identity().list())),
        ApiRoute.post(
                "/api/identity/decisions",
                "Take a decision on identity: accept or reject a pending pair, or split a merge (by"
                    + " its id, or an entity's IRI); the affected graphs are rewritten. Accept"
                    + " answers the merge, reject the decision, split the merges undone")
            .need(AccessPolicy.Need.API_WRITE)
            .body(ApiRoute.Body.json(Wire.IdentityDecision.class))
            .answers(MergeResult.class, Wire.DecisionView.class, SplitResult.class)
            .errors(400, 401, 403, 415)
            .handle(this::decideIdentity));
  }

  /**
   * Takes the user's decision on identity: accept or reject a pending pair, or split a merge (its
   * id, or an entity's IRI).
   */
  private Object decideIdentity(Call call) throws IOException {
    Wire.IdentityDecision body = jsonBody(call, Wire.IdentityDecision.class);
    String action = body.action();
    if (action == null || action.isBlank()) {
      throw new ApiError(400, "the JSON body needs an \"action\": accept, reject or split");
    }
    if (body.id() == null || body.id().isBlank()) {
      throw new ApiError(400, "the JSON body needs an \"id\": a decision's id or an entity's IRI");
    }
    try {
      return switch (action) {
        case "accept" -> kb.identity().accept(body.id());
        case "reject" -> {
          Decision rejected = kb.identity().reject(body.id());
          yield Wire.DecisionView.of(rejected, kb.identity().list());
        }
        case "split" -> kb.identity().split(body.id());
        default ->
            throw new ApiError(
                400, "\"action\" must be accept, reject or split, not '" + action + "'");
      };
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, e.getMessage());
    }
  }

  /** The SPARQL endpoint, served by Fuseki beside the API: documented, not routed here. */
  private static List<ApiRoute> endpointRoutes() {
    return List.of(
        ApiRoute.get(
                NoemaServer.DATASET_PATH,
                "SPARQL 1.1 protocol: query (union default graph; GRAPH for named graphs), every"
                    + " standard result format by Accept")
            .param(ApiRoute.Param.query("query", true, "SPARQL query"))
            .errors(400)
            .handle(null),
        ApiRoute.post(
                NoemaServer.DATASET_PATH,
                "SPARQL 1.1 protocol: query (form or application/sparql-query); update and graph"
                    + " store writes only with the bearer token and --allow-update")
            .need(AccessPolicy.Need.SPARQL_WRITE)
            .body(
                new ApiRoute.Body(
                    true,
                    Map.of(
                        "application/sparql-query",
                        String.class,
                        "application/sparql-update",
                        String.class)))
            .errors(400, 401, 403)
            .handle(null));
  }

  /** A multipart upload: the log as the part named {@code file}. */
  record Upload(byte[] file) {}

  private static Map<String, Class<?>> exploreViews() {
    Map<String, Class<?>> views = new LinkedHashMap<>();
    views.put("centres", CentresResult.class);
    views.put("clusters", ClustersResult.class);
    views.put("bridges", BridgesResult.class);
    views.put("path", PathsResult.class);
    views.put("around", NeighbourhoodResult.class);
    views.put("perspectives", PerspectivesResult.class);
    views.put("flow", FlowResult.class);
    views.put("shape", ShapeResult.class);
    return java.util.Collections.unmodifiableMap(views);
  }

  /**
   * Computes the map once, so that the page's first load finds it cached; a failure waits for the
   * first request.
   */
  void warmUp() {
    try {
      maps.current();
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
        .filter(r -> r.match(path).isPresent())
        .findFirst()
        .map(ApiRoute::need)
        .orElse(AccessPolicy.Need.READ);
  }

  /** The route table. */
  List<ApiRoute> routes() {
    return routes;
  }

  /** The OpenAPI document of the routes and the SPARQL endpoint. */
  JsonNode openApi() {
    return openApi;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean pathKnown = false;
    try {
      for (ApiRoute route : routes) {
        Optional<List<String>> params = route.match(path);
        if (params.isEmpty()) {
          continue;
        }
        pathKnown = true;
        if (route.method().equals(request.getMethod())) {
          Object body = route.handler().handle(new Call(request, response, params.get()));
          if (!response.isCommitted()) {
            Json.write(response, route.status(), body);
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
      if (e.status == 413) {
        Json.refuse(request, response, e.status, e.getMessage());
      } else {
        Json.error(response, e.status, e.getMessage());
      }
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

  private Wire.Status status() {
    var stats = kb.store().stats();
    return new Wire.Status(
        "noema",
        NoemaServer.DATASET_PATH,
        settings.allowUpdate(),
        settings.tokenRequired(),
        settings.maxUploadBytes(),
        settings.queryTimeoutMillis(),
        settings.resultLimit(),
        services.boltUrl(),
        new Wire.Features(
            true, true, true, true, services.chatModel() != null || kb.llm().isPresent()),
        stats.graphs(),
        stats.quads());
  }

  /** The extractors the import pipeline runs now, as they name their graphs. */
  private List<String> running() {
    return kb.llm().isPresent()
        ? List.of(StructuralExtractor.NAME, LlmExtractor.NAME)
        : List.of(StructuralExtractor.NAME);
  }

  /**
   * Runs a read-only Cypher query over the projection: in a READ transaction, so the server refuses
   * any write; parameters go to the driver, never into the text. When this process owns the
   * projection (the server holds it, or it is the embedded one, which only the process holding the
   * store can open), it is synced first, so the answer reflects the store.
   */
  private Wire.CypherRows cypher(Call call) throws IOException {
    Wire.CypherQuery body = jsonBody(call, Wire.CypherQuery.class);
    if (body.query() == null || body.query().isBlank()) {
      throw new ApiError(400, "the JSON body needs a \"query\" text");
    }
    if (services.holdsNeo4j() || kb.config().neo4jServer() == null) {
      kb.syncNeo4j();
    }
    CypherResult result = kb.cypher(body.query(), body.params() == null ? Map.of() : body.params());
    List<List<Object>> rows = new ArrayList<>(result.rows().size());
    result.rows().forEach(row -> rows.add(row.stream().map(CypherResult::jsonValue).toList()));
    return new Wire.CypherRows(result.columns(), rows);
  }

  /**
   * Asks a question with the graph's context. With no chat model, nothing is sent: the answer is
   * null and the result carries the complete prompt and how to configure a provider, as {@code
   * noema ask} prints them.
   */
  private Wire.Asked ask(Call call) throws IOException {
    Wire.Question body = jsonBody(call, Wire.Question.class);
    ContextRequest request = body.toRequest();
    ChatModel model =
        services.chatModel() != null ? services.chatModel() : kb.chatModel().orElse(null);
    AskResult result =
        new Asker(kb.retrieval(), model).ask(request, Boolean.TRUE.equals(body.baseline()));
    return Wire.Asked.of(request.question(), result);
  }

  /** The request body read as {@code type}; one line when it is not JSON or not of that shape. */
  private static <T> T jsonBody(Call call, Class<T> type) throws IOException {
    String contentType =
        call.request().getContentType() == null
            ? ""
            : call.request().getContentType().toLowerCase(Locale.ROOT);
    if (!contentType.startsWith("application/json")) {
      throw new ApiError(415, "send a JSON body (Content-Type: application/json)");
    }
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(call.request().getInputStream());
    } catch (JsonProcessingException e) {
      throw new ApiError(400, "the body is not JSON: " + e.getOriginalMessage());
    }
    if (tree == null || !tree.isObject()) {
      throw new ApiError(400, "the body must be a JSON object");
    }
    try {
      return Json.MAPPER.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new ApiError(400, "the JSON body does not fit: " + e.getOriginalMessage());
    }
  }

  /**
   * The explore views, computed by the topology package on the meaning graph seen through the
   * call's filters.
   */
  private Object explore(Call call, String view) {
    if (!EXPLORE_VIEWS.containsKey(view)) {
      throw new ApiError(
          404,
          "no explore view '"
              + view
              + "' (one of "
              + String.join(", ", EXPLORE_VIEWS.keySet())
              + ")");
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
        case "centres" -> topology.centres().ideas();
        case "clusters" -> topology.clusters();
        case "bridges" -> topology.bridges();
        case "shape" -> topology.shape();
        case "path" ->
            topology.path(call.param("from"), call.param("to"), intParam(call, "alternatives", 2));
        case "around" -> topology.around(call.param("concept"), intParam(call, "hops", 1));
        case "perspectives" -> topology.perspectives(call.param("concept"));
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
   * The query text of a console POST: a raw SPARQL body, a JSON {@code {"query": ...}} or a form.
   */
  private static String queryText(Call call) throws IOException {
    String type =
        call.request().getContentType() == null
            ? ""
            : call.request().getContentType().toLowerCase(Locale.ROOT);
    if (type.startsWith("application/sparql-query")) {
      return new String(
          call.request().getInputStream().readNBytes(1 << 20), StandardCharsets.UTF_8);
    }
    if (type.startsWith("application/json")) {
      Wire.SparqlQuery body = jsonBody(call, Wire.SparqlQuery.class);
      if (body.query() == null) {
        throw new ApiError(400, "the JSON body needs a \"query\" field");
      }
      return body.query();
    }
    return call.param("query");
  }

  /**
   * Runs a console query READ-ONLY: only SPARQL queries parse here (an update is refused with 400),
   * with the server's result limit and timeout. SELECT and ASK answer in SPARQL 1.1 JSON results;
   * CONSTRUCT and DESCRIBE as rows of s, p, o in the same format.
   */
  private Wire.SparqlResults sparql(String text) throws IOException {
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
      return Json.MAPPER.readValue(json, Wire.SparqlResults.class);
    }
    List<Map<String, Wire.SparqlTerm>> bindings = new ArrayList<>();
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
    return new Wire.SparqlResults(
        new Wire.SparqlHead(List.of("s", "p", "o"), null), new Wire.SparqlBindings(bindings), null);
  }

  private static boolean isUpdate(String text) {
    try {
      UpdateFactory.create(text);
      return true;
    } catch (RuntimeException notAnUpdate) {
      return false;
    }
  }

  private static Wire.SparqlTerm term(org.apache.jena.graph.Node node) {
    if (node.isURI()) {
      return new Wire.SparqlTerm("uri", node.getURI(), null, null);
    }
    if (node.isBlank()) {
      return new Wire.SparqlTerm("bnode", node.getBlankNodeLabel(), null, null);
    }
    return new Wire.SparqlTerm("literal", node.getLiteralLexicalForm(), null, null);
  }

  /**
   * Accepts a log as multipart ({@code file} part) or as the raw body ({@code ?name=} names it);
   * queues the import.
   */
  private ImportJobs.JobView upload(Call call) throws IOException, ServletException {
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
    return job;
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
