package dev.noema.cli;

import dev.noema.conversation.ImportProblem;
import dev.noema.conversation.ReadOptions;
import dev.noema.conversation.StrictModeAbort;
import dev.noema.kb.FileReport;
import dev.noema.kb.ImportReport;
import dev.noema.kb.ImportRequest;
import dev.noema.kb.KnowledgeBase;
import dev.noema.neo4j.Neo4jException;
import dev.noema.server.ServerClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code noema import PATH...}: reads logs into the knowledge base. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Import conversation logs (files, folders, archives) into the knowledge base.")
final class ImportCommand implements Callable<Integer> {
  enum Include {
    system,
    tools,
    thinking,
    context,
    projects
  }

  enum Branches {
    active,
    all
  }

  @Spec CommandSpec spec;
  @Mixin ExtractionOptions model;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Files, folders or .zip exports to import.")
  List<Path> paths;

  @Option(
      names = "--format",
      paramLabel = "NAME",
      description = "Read every file as this format instead of detecting it.")
  String format;

  @Option(names = "--strict", description = "Stop at the first problem and write nothing.")
  boolean strict;

  @Option(
      names = "--no-extract",
      negatable = false,
      description = "Import the dialogue only; do not extract meaning.")
  boolean noExtract;

  @Option(
      names = "--branches",
      defaultValue = "active",
      paramLabel = "active|all",
      description =
          "Keep only the active branch (default) or also regenerated and edited alternatives.")
  Branches branches;

  @Option(
      names = "--include",
      split = ",",
      paramLabel = "KIND",
      description = "Also keep: ${COMPLETION-CANDIDATES} (comma-separated).")
  EnumSet<Include> include = EnumSet.noneOf(Include.class);

  @Option(
      names = "--max-turn-size",
      paramLabel = "MB",
      defaultValue = "16",
      description =
          "Skip a conversation with a turn longer than this many million characters (default: ${DEFAULT-VALUE}).")
  double maxTurnMb;

  @Option(names = "--no-progress", negatable = false, description = "Do not draw a progress bar.")
  boolean noProgress;

  @Option(
      names = "--no-sync",
      negatable = false,
      description =
          "Do not sync Neo4j afterwards. Without it, an import that changed something syncs Neo4j when "
              + "$NOEMA_NEO4J_URI (or --neo4j-uri) is set or the embedded Neo4j has been used (DIR/neo4j exists).")
  boolean noSync;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ReadOptions options =
        new ReadOptions(
            branches == Branches.all,
            include.contains(Include.system),
            include.contains(Include.tools),
            include.contains(Include.thinking),
            include.contains(Include.context),
            include.contains(Include.projects));
    ImportRequest request =
        new ImportRequest(
            paths, format, options, strict, !noExtract, (int) (maxTurnMb * 1_000_000));
    try (KnowledgeBase base = model.open(null);
        ImportProgress progress =
            ImportProgress.onTerminal(!noProgress && System.console() != null)) {
      ImportReport report;
      try {
        report = base.importLogs(request, progress);
      } catch (StrictModeAbort abort) {
        err.println("noema: " + abort.problem() + " (--strict: nothing was written)");
        return 1;
      }
      progress.close();
      print(report, out, err);
      if (!noExtract && report.imported() + report.replaced() > 0) {
        SyncCommand.embed(base, out);
      }
      boolean synced =
          noSync
              || report.imported() + report.replaced() == 0
              || sync(base, model.kb().neo4jThroughServer(), out, err);
      return report.hasProblems() || !synced ? 1 : 0;
    }
  }

  /**
   * Syncs Neo4j when the user uses it (see {@code --no-sync}); a failure is one line, and the
   * change (an import, an identity decision) stays committed.
   *
   * @return false when the sync failed
   */
  static boolean sync(
      KnowledgeBase base, Optional<ServerClient> server, PrintWriter out, PrintWriter err) {
    if (!base.config().neo4jInUse()) {
      return true;
    }
    try {
      // While noema serve holds the embedded Neo4j, it syncs it: this process could not even open
      // it.
      out.println(
          "neo4j: "
              + (server.isPresent() ? server.get().syncNeo4j() : base.syncNeo4j().toString()));
      out.flush();
      return true;
    } catch (Neo4jException e) {
      err.println(
          "noema: "
              + e.getMessage()
              + " (the change is committed; run 'noema sync neo4j' to retry)");
      err.flush();
      return false;
    }
  }

  static void print(ImportReport report, PrintWriter out, PrintWriter err) {
    for (FileReport file : report.files()) {
      if (file.format() != null) {
        out.printf(
            "%s: %s, %d conversation(s): %d imported, %d replaced, %d unchanged, %d skipped; %d turns; "
                + "%d repaired; %d facts extracted%n",
            file.source(),
            file.format(),
            file.imported() + file.replaced() + file.unchanged() + file.skipped(),
            file.imported(),
            file.replaced(),
            file.unchanged(),
            file.skipped(),
            file.turns(),
            file.repaired(),
            file.facts());
      }
      for (ImportProblem problem : file.problems()) {
        err.println((problem.location() == null ? "  failed  " : "  skipped ") + problem);
      }
    }
    out.printf(
        "total: %d imported, %d replaced, %d unchanged, %d skipped, %d failed file(s); %d turns in %.1f s%n",
        report.imported(),
        report.replaced(),
        report.unchanged(),
        report.skipped(),
        report.failedFiles(),
        report.turns(),
        report.millis() / 1000.0);
    if (report.imported() + report.replaced() == 0 && report.unchanged() > 0) {
      out.println("no change: every conversation is already in the knowledge base as it is");
    }
    out.flush();
    err.flush();
  }
}
