package dev.noema.cli;

import dev.noema.kb.KnowledgeBase;
import dev.noema.server.NoemaServer;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code noema serve}: the knowledge base as a local service (SPARQL, JSON API, web page) until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve the knowledge base: a SPARQL 1.1 endpoint, a JSON API and a web page, until Ctrl-C.",
        "Other noema commands on the same knowledge base work through the running server."})
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin KnowledgeBaseOptions kb;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
      description = "Address to bind (default: ${DEFAULT-VALUE}). Any non-loopback address needs a token.")
  String host;

  @Option(names = "--port", defaultValue = "8077", paramLabel = "PORT", description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--token", defaultValue = "${env:NOEMA_TOKEN}", paramLabel = "TOKEN",
      description = "Bearer token for writes, and for every query on a non-loopback address (default: $NOEMA_TOKEN).")
  String token;

  @Option(names = "--allow-update", description = "Allow SPARQL Update and graph store writes to holders of the token.")
  boolean allowUpdate;

  @Option(names = "--cors", paramLabel = "ORIGIN", description = "Allow browser calls from this origin (default: none).")
  String cors;

  @Option(names = "--max-upload", defaultValue = "256", paramLabel = "MB",
      description = "Largest log upload in MB (default: ${DEFAULT-VALUE}).")
  long maxUploadMb;

  @Option(names = "--query-timeout", defaultValue = "60", paramLabel = "SECONDS",
      description = "Longest a query may run (default: ${DEFAULT-VALUE} s).")
  long timeoutSeconds;

  @Option(names = "--result-limit", defaultValue = "100000", paramLabel = "ROWS",
      description = "Most rows one query returns (default: ${DEFAULT-VALUE}).")
  long resultLimit;

  @Override
  public Integer call() throws InterruptedException {
    kb.requireNotServed();
    PrintWriter out = spec.commandLine().getOut();
    KnowledgeBase base = kb.open();
    NoemaServer server;
    try {
      server = NoemaServer.builder(base).host(host).port(port).token(token).allowUpdate(allowUpdate)
          .corsOrigin(cors).maxUploadBytes(maxUploadMb * 1024 * 1024).queryTimeout(Duration.ofSeconds(timeoutSeconds))
          .resultLimit(resultLimit).build().start();
    } catch (IllegalArgumentException e) {
      base.close();
      throw new CommandFailure(e.getMessage());
    } catch (RuntimeException e) {
      base.close();
      throw new CommandFailure("cannot start the server on " + host + ":" + port + ": " + e.getMessage());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      // Ctrl-C: stop serving first (no request sees a closed store), then release the store's lock.
      server.close();
      base.close();
      stopped.countDown();
    }, "noema-serve-shutdown"));
    out.println("noema serve: " + base.store().location());
    out.println("  web page       " + server.url() + "/");
    out.println("  SPARQL 1.1     " + server.sparqlUrl() + (allowUpdate ? " (update allowed with the token)" : " (read-only)"));
    out.println("  JSON API       " + server.url() + "/api/  (OpenAPI: " + server.url() + "/openapi.json)");
    out.println("Other noema commands on this knowledge base now go through the server. Ctrl-C stops it.");
    out.flush();
    stopped.await();
    return 0;
  }
}
