package dev.noema.cli;

import dev.noema.kb.KnowledgeBase;
import dev.noema.kb.KnowledgeBaseConfig;
import dev.noema.llm.LlmSettings;
import dev.noema.neo4j.Neo4jException;
import dev.noema.neo4j.Neo4jTarget;
import dev.noema.server.NoemaServer;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code noema serve}: the knowledge base as a local service (SPARQL, Bolt, JSON API, web page)
 * until Ctrl-C. The embedded Neo4j is started, synced and kept up with its Bolt connector open to
 * external tools, unless an external Neo4j is configured ({@code NOEMA_NEO4J_URI}: then that one is
 * synced) or {@code --no-neo4j} is given.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the knowledge base: a SPARQL 1.1 endpoint, Bolt (the embedded Neo4j), a JSON API and a web "
          + "page, until Ctrl-C.",
      "Other noema commands on the same knowledge base work through the running server."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin KnowledgeBaseOptions kb;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      paramLabel = "ADDRESS",
      description =
          "Address to bind (default: ${DEFAULT-VALUE}). Any non-loopback address needs a token.")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8077",
      paramLabel = "PORT",
      description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--token",
      defaultValue = "${env:NOEMA_TOKEN}",
      paramLabel = "TOKEN",
      description =
          "Bearer token for writes, and for every query on a non-loopback address (default: $NOEMA_TOKEN).")
  String token;

  @Option(
      names = "--allow-update",
      description = "Allow SPARQL Update and graph store writes to holders of the token.")
  boolean allowUpdate;

  @Option(
      names = "--cors",
      paramLabel = "ORIGIN",
      description = "Allow browser calls from this origin (default: none).")
  String cors;

  @Option(
      names = "--max-upload",
      defaultValue = "256",
      paramLabel = "MB",
      description = "Largest log upload in MB (default: ${DEFAULT-VALUE}).")
  long maxUploadMb;

  @Option(
      names = "--query-timeout",
      defaultValue = "60",
      paramLabel = "SECONDS",
      description = "Longest a query may run (default: ${DEFAULT-VALUE} s).")
  long timeoutSeconds;

  @Option(
      names = "--result-limit",
      defaultValue = "100000",
      paramLabel = "ROWS",
      description = "Most rows one query returns (default: ${DEFAULT-VALUE}).")
  long resultLimit;

  @Option(
      names = "--bolt-host",
      defaultValue = "127.0.0.1",
      paramLabel = "ADDRESS",
      description =
          "Address the embedded Neo4j's Bolt connector binds (default: ${DEFAULT-VALUE}). Auth is off only "
              + "on loopback: any other address needs --neo4j-password.")
  String boltHost;

  @Option(
      names = "--bolt-port",
      defaultValue = "7687",
      paramLabel = "PORT",
      description =
          "Bolt port of the embedded Neo4j (default: ${DEFAULT-VALUE}; 0 for any free port).")
  int boltPort;

  @Option(
      names = "--neo4j-password",
      defaultValue = "${env:NOEMA_NEO4J_PASSWORD}",
      paramLabel = "PASSWORD",
      description =
          "Password of user neo4j when Bolt binds a non-loopback address (default: $NOEMA_NEO4J_PASSWORD).")
  String neo4jPassword;

  @Option(
      names = "--no-neo4j",
      description = "Do not start Neo4j (no Bolt; Cypher queries start it on first use).")
  boolean noNeo4j;

  @Override
  public Integer call() throws InterruptedException {
    kb.requireNotServed();
    PrintWriter out = spec.commandLine().getOut();
    KnowledgeBaseConfig config = kb.config();
    if (config.neo4jServer() == null && !noNeo4j) {
      try {
        config = config.withEmbeddedBolt(boltHost, boltPort, neo4jPassword);
      } catch (Neo4jException e) {
        throw new CommandFailure(e.getMessage() + " (--neo4j-password or NOEMA_NEO4J_PASSWORD)");
      }
    }
    KnowledgeBase base = KnowledgeBase.open(config, LlmSettings.NONE, System.getenv());
    NoemaServer server;
    try {
      server =
          NoemaServer.builder(base)
              .host(host)
              .port(port)
              .token(token)
              .allowUpdate(allowUpdate)
              .corsOrigin(cors)
              .maxUploadBytes(maxUploadMb * 1024 * 1024)
              .queryTimeout(Duration.ofSeconds(timeoutSeconds))
              .resultLimit(resultLimit)
              .neo4j(!noNeo4j)
              .build()
              .start();
    } catch (IllegalArgumentException | Neo4jException e) {
      base.close();
      throw new CommandFailure(e.getMessage());
    } catch (RuntimeException e) {
      base.close();
      throw new CommandFailure(
          "cannot start the server on " + host + ":" + port + ": " + e.getMessage());
    }
    Thread embedding =
        new Thread(
            () -> {
              try {
                base.embedLabels(); // questions meanwhile link the labels not embedded by words
              } catch (RuntimeException e) {
                // Stopped while embedding (the store closed): the next start embeds the rest.
              }
            },
            "noema-serve-embed");
    embedding.setDaemon(true);
    embedding.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  // Ctrl-C: stop serving first (no request sees a closed store), then release the
                  // store's lock.
                  server.close();
                  base.close();
                  stopped.countDown();
                },
                "noema-serve-shutdown"));
    out.println("noema serve: " + base.store().location());
    out.println("  web page       " + server.url() + "/");
    out.println(
        "  SPARQL 1.1     "
            + server.sparqlUrl()
            + (allowUpdate ? " (update allowed with the token)" : " (read-only)"));
    if (server.boltUrl() != null) {
      out.println(
          "  Bolt (Neo4j)   "
              + server.boltUrl()
              + (!(config.neo4j() instanceof Neo4jTarget.Embedded embedded)
                  ? " (external, synced)"
                  : embedded.loopback()
                      ? " (embedded, no auth on loopback)"
                      : " (embedded, user neo4j and the password)"));
    }
    out.println(
        "  JSON API       " + server.url() + "/api/  (OpenAPI: " + server.url() + "/openapi.json)");
    out.println(
        "Other noema commands on this knowledge base now go through the server. Ctrl-C stops it.");
    out.flush();
    stopped.await();
    return 0;
  }
}
