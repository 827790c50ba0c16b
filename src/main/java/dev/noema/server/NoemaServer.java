package dev.noema.server;

import dev.langchain4j.model.chat.ChatModel;
import dev.noema.kb.KnowledgeBase;
import dev.noema.neo4j.Neo4jConnection;
import dev.noema.store.Tdb2GraphStore;
import jakarta.servlet.MultipartConfigElement;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.riot.WebContent;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.ServerConnector;

/**
 * {@code noema serve} as a library: one Jetty (Fuseki main) that serves a knowledge base's TDB2
 * dataset as a SPARQL 1.1 endpoint at {@value #DATASET_PATH} (query over the union and each named
 * graph, every standard result format, the graph store protocol), the JSON API under {@code /api/}
 * and the web page at {@code /}.
 *
 * <pre>{@code
 * try (KnowledgeBase kb = KnowledgeBase.open(KnowledgeBaseConfig.folder(dir));
 *      NoemaServer server = NoemaServer.builder(kb).port(0).build().start()) {
 *   System.out.println(server.url());
 * }
 * }</pre>
 *
 * <p>Security defaults: loopback only; the endpoint read-only to everyone but the local CLI (which
 * holds the per-run secret of {@link ServerFile}); updates only with {@code allowUpdate} and a
 * token; a non-loopback address needs a token for every query and write; no CORS unless an origin
 * is named. The server does not own the knowledge base: {@link #close()} stops serving it and the
 * caller closes it afterwards.
 */
public final class NoemaServer implements AutoCloseable {
  /**
   * The path of the SPARQL dataset service (query, update and graph store protocol all at this
   * URL).
   */
  public static final String DATASET_PATH = "/sparql";

  /**
   * What the server was started with, as the API reports it.
   *
   * @param tokenRequired queries need a bearer token (the server binds a non-loopback address)
   */
  public record Settings(
      String host,
      int port,
      boolean allowUpdate,
      boolean tokenRequired,
      long maxUploadBytes,
      long queryTimeoutMillis,
      long resultLimit,
      String corsOrigin) {}

  private final KnowledgeBase kb;
  private final Settings settings;
  private final AccessPolicy policy;
  private final boolean writeServerFile;
  private final ImportJobs jobs;
  private final boolean neo4j;
  private final ChatModel chatModel;
  private FusekiServer fuseki;
  private String boltUrl;

  /**
   * Computes the map (and its layout) once at start, so the first page load does not wait for it.
   */
  private ExecutorService warmUp;

  private ServerFile serverFile;
  private ApiServlet api;

  private NoemaServer(Builder b, Tdb2GraphStore store, boolean loopback) {
    this.kb = b.kb;
    this.settings =
        new Settings(
            b.host,
            b.port,
            b.allowUpdate,
            !loopback,
            b.maxUploadBytes,
            b.queryTimeout.toMillis(),
            b.resultLimit,
            b.corsOrigin);
    this.policy = new AccessPolicy(loopback, b.token, newSecret(), b.allowUpdate);
    this.writeServerFile = b.writeServerFile;
    this.neo4j = b.neo4j;
    this.chatModel = b.chatModel;
    this.jobs = new ImportJobs(kb, b.neo4j);
    // ARQ honours the dataset context's timeout for every query on it, Fuseki's and the API's
    // alike.
    store.dataset().getContext().set(ARQ.queryTimeout, Long.toString(b.queryTimeout.toMillis()));
  }

  public static Builder builder(KnowledgeBase kb) {
    return new Builder(kb);
  }

  /**
   * Starts serving and, unless disabled, writes {@code <kb>/server.json}. With Neo4j, first opens
   * and syncs it.
   *
   * @throws org.apache.jena.fuseki.FusekiException (or a Jetty exception) when the port is taken
   * @throws dev.noema.neo4j.Neo4jException with one line when Neo4j does not start, is locked or
   *     cannot be reached
   */
  public synchronized NoemaServer start() {
    Tdb2GraphStore store = (Tdb2GraphStore) kb.store();
    if (neo4j) {
      Neo4jConnection connection = kb.neo4j();
      kb.syncNeo4j();
      boltUrl = connection.boltUrl();
    }
    api = new ApiServlet(kb, jobs, settings, new ApiServlet.Services(boltUrl, neo4j, chatModel));
    // Update is enabled in Fuseki; AccessFilter lets it through only for the secret or an allowed
    // token.
    fuseki =
        FusekiServer.create()
            .port(settings.port())
            .add(DATASET_PATH, store.dataset(), true)
            .registerOperation(
                Operation.Query,
                WebContent.contentTypeSPARQLQuery,
                new LimitedQueryService(settings.resultLimit()))
            .enablePing(false)
            .enableStats(false)
            .enableMetrics(false)
            .enableTasks(false)
            .enableCompact(false)
            .enableCors(false)
            .addFilter("/*", new AccessFilter(policy, settings.corsOrigin(), api))
            .build();
    ((ServerConnector) fuseki.getJettyServer().getConnectors()[0]).setHost(settings.host());
    ServletContextHandler context =
        ServletContextHandler.getServletContextHandler(fuseki.getServletContext());
    ServletHolder apiHolder = new ServletHolder("noema-api", api);
    apiHolder
        .getRegistration()
        .setMultipartConfig(
            new MultipartConfigElement(
                System.getProperty("java.io.tmpdir"),
                settings.maxUploadBytes(),
                settings.maxUploadBytes() + 1_000_000,
                1 << 20));
    context.addServlet(apiHolder, "/api/*");
    // Fuseki maps its own 404 servlet to "/": the page takes the context root ("") and its own
    // prefixes.
    ServletHolder web = new ServletHolder("noema-web", new ClasspathServlet());
    for (String mapping : List.of("", "/web/*", "/webjars/*")) {
      context.addServlet(web, mapping);
    }
    context.addServlet(
        new ServletHolder("noema-openapi", new OpenApiServlet(api.openApi())), "/openapi.json");
    fuseki.start();
    warmUp =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "noema-map-warm-up");
              thread.setDaemon(true);
              return thread;
            });
    warmUp.submit(api::warmUp);
    if (writeServerFile && kb.config().folder() != null) {
      serverFile =
          new ServerFile(
              localUrl(),
              ProcessHandle.current().pid(),
              settings.tokenRequired(),
              policy.localSecret(),
              boltUrl);
      serverFile.write(kb.config().folder());
    }
    return this;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8077}; for a wildcard address, the loopback URL. */
  public String url() {
    return localUrl();
  }

  /** The SPARQL endpoint (dataset) URL. */
  public String sparqlUrl() {
    return url() + DATASET_PATH;
  }

  /**
   * The Bolt URL of the Neo4j projection the server holds (embedded: the connector it started, e.g.
   * {@code bolt://127.0.0.1:7687}), or null when the server was built without Neo4j. Never carries
   * a password.
   */
  public String boltUrl() {
    return boltUrl;
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return fuseki.getHttpPort();
  }

  public Settings settings() {
    return settings;
  }

  /**
   * The API's route templates as "METHOD /path", in table order (what /openapi.json must document).
   */
  public List<String> apiRoutes() {
    return api.routes().stream().map(r -> r.method() + " " + r.template()).toList();
  }

  /** The per-run secret (what server.json holds): full access, for the local CLI and tests. */
  public String localSecret() {
    return policy.localSecret();
  }

  private String localUrl() {
    String host = settings.host();
    if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) {
      host = "127.0.0.1";
    }
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
  }

  /**
   * Stops serving, waits for running imports, and deletes server.json. The knowledge base stays
   * open.
   */
  @Override
  public synchronized void close() {
    if (warmUp != null) {
      // The warm-up reads the store: it must be done before the caller closes the knowledge base.
      warmUp.shutdownNow();
      try {
        warmUp.awaitTermination(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      warmUp = null;
    }
    if (fuseki != null) {
      fuseki.stop();
      fuseki = null;
    }
    jobs.close();
    if (serverFile != null) {
      serverFile.delete(kb.config().folder());
      serverFile = null;
    }
  }

  private static String newSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Options of the server; {@link #build()} checks that they are safe together. */
  public static final class Builder {
    private final KnowledgeBase kb;
    private String host = "127.0.0.1";
    private int port = 8077;
    private String token;
    private boolean allowUpdate;
    private String corsOrigin;
    private long maxUploadBytes = 256L * 1024 * 1024;
    private Duration queryTimeout = Duration.ofSeconds(60);
    private long resultLimit = 100_000;
    private boolean writeServerFile = true;
    private boolean neo4j;
    private ChatModel chatModel;

    private Builder(KnowledgeBase kb) {
      this.kb = kb;
    }

    /** The address to bind; default 127.0.0.1. Any non-loopback address needs a {@link #token}. */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** The port; default 8077, 0 for any free port. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** The bearer token users present; null or blank for none. */
    public Builder token(String token) {
      this.token = token == null || token.isBlank() ? null : token;
      return this;
    }

    /** Opens SPARQL Update and graph store writes to holders of the token. */
    public Builder allowUpdate(boolean allowUpdate) {
      this.allowUpdate = allowUpdate;
      return this;
    }

    /** The one origin allowed to call from a browser (CORS); null for none. */
    public Builder corsOrigin(String origin) {
      this.corsOrigin = origin;
      return this;
    }

    public Builder maxUploadBytes(long bytes) {
      this.maxUploadBytes = bytes;
      return this;
    }

    public Builder queryTimeout(Duration timeout) {
      this.queryTimeout = timeout;
      return this;
    }

    /** The most rows (or triples) one query returns. */
    public Builder resultLimit(long rows) {
      this.resultLimit = rows;
      return this;
    }

    /**
     * Whether to write {@code <kb>/server.json} (default true; tests of several servers turn it
     * off).
     */
    public Builder writeServerFile(boolean write) {
      this.writeServerFile = write;
      return this;
    }

    /**
     * Whether the server holds the knowledge base's Neo4j projection (default false): opened and
     * synced at start, its Bolt URL in {@link #boltUrl()}, {@code /api/status} and server.json,
     * synced after uploads and before Cypher.
     */
    public Builder neo4j(boolean hold) {
      this.neo4j = hold;
      return this;
    }

    /**
     * The chat model {@code /api/ask} uses; default: the knowledge base's configured provider, if
     * any.
     */
    public Builder chatModel(ChatModel model) {
      this.chatModel = model;
      return this;
    }

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException with one line for the user: a non-loopback address or update
     *     without a token, an unknown host, a store that is not the embedded TDB2
     */
    public NoemaServer build() {
      if (!(kb.store() instanceof Tdb2GraphStore store)) {
        throw new IllegalArgumentException(
            "noema serve serves the embedded store; "
                + kb.store().location()
                + " is already a SPARQL endpoint");
      }
      boolean loopback;
      try {
        InetAddress address = InetAddress.getByName(host);
        loopback = address.isLoopbackAddress();
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("unknown host '" + host + "'");
      }
      if (!loopback && token == null) {
        throw new IllegalArgumentException(
            "binding "
                + host
                + " (not loopback) needs a bearer token: --token or "
                + "NOEMA_TOKEN");
      }
      if (allowUpdate && token == null) {
        throw new IllegalArgumentException(
            "--allow-update needs a bearer token: --token or NOEMA_TOKEN");
      }
      if (maxUploadBytes <= 0
          || resultLimit <= 0
          || queryTimeout.isNegative()
          || queryTimeout.isZero()) {
        throw new IllegalArgumentException(
            "upload size, result limit and query timeout must be positive");
      }
      return new NoemaServer(this, store, loopback);
    }
  }
}
