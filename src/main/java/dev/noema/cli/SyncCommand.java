package dev.noema.cli;

import dev.noema.kb.KnowledgeBase;
import dev.noema.neo4j.SyncSummary;
import dev.noema.server.ServerClient;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code noema sync TARGET}: brings a projection of the knowledge base in step with the store. */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = "Bring a projection of the knowledge base in step with the RDF store.",
    subcommands = {SyncCommand.Neo4j.class, SyncCommand.Index.class})
final class SyncCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * {@code noema sync neo4j}: projects the named graphs added, replaced or removed since the last
   * sync.
   */
  @Command(
      name = "neo4j",
      mixinStandardHelpOptions = true,
      description = {
        "Project into Neo4j what changed in the store since the last sync (added, replaced and removed "
            + "named graphs); running it twice changes nothing, and an interrupted sync completes on the next run.",
        "Neo4j is $NOEMA_NEO4J_URI (or --neo4j-uri) when set, else an embedded Neo4j in DIR/neo4j."
      })
  static final class Neo4j implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin KnowledgeBaseOptions kb;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Optional<ServerClient> server = kb.neo4jThroughServer();
      if (server.isPresent()) {
        out.println(
            "neo4j (synced by noema serve at "
                + server.get().url()
                + "): "
                + server.get().syncNeo4j());
        out.flush();
        return 0;
      }
      try (KnowledgeBase base = kb.open()) {
        SyncSummary summary = base.syncNeo4j();
        out.println("neo4j " + base.neo4j().boltUrl() + ": " + summary);
        out.flush();
        return 0;
      }
    }
  }

  /**
   * {@code noema sync index}: embeds the labels of the meaning layer that have no embedding in the
   * index cache yet (an import and an extraction do it for what they add).
   */
  @Command(
      name = "index",
      mixinStandardHelpOptions = true,
      description = {
        "Embed the labels of the meaning layer not embedded yet, for semantic linking of questions "
            + "(import and extract embed what they add; until then questions link those labels by their words)."
      })
  static final class Index implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin KnowledgeBaseOptions kb;

    @Override
    public Integer call() {
      try (KnowledgeBase base = kb.open()) {
        embed(base, spec.commandLine().getOut());
        return 0;
      }
    }
  }

  /** Embeds the labels not embedded yet and says how many in one line. */
  static void embed(KnowledgeBase base, PrintWriter out) {
    long start = System.nanoTime();
    int embedded = base.embedLabels();
    out.printf(
        "index: %d label(s) embedded in %.1f s%n", embedded, (System.nanoTime() - start) / 1e9);
    out.flush();
  }
}
