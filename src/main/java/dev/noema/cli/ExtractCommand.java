package dev.noema.cli;

import dev.noema.kb.ExtractReport;
import dev.noema.kb.ExtractRequest;
import dev.noema.kb.KnowledgeBase;
import dev.noema.llm.LlmUsage;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code noema extract}: re-runs extraction on the conversations in the knowledge base. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description =
        "Re-run meaning extraction on the conversations in the knowledge base and print a run summary.")
final class ExtractCommand implements Callable<Integer> {
  enum Which {
    llm,
    structural
  }

  @Spec CommandSpec spec;
  @Mixin LlmOptions llm;

  @Option(names = "--conversation", paramLabel = "ID", description = "Only this conversation.")
  String conversation;

  @Option(
      names = "--extractor",
      paramLabel = "llm|structural",
      description = "Only this extractor (default: every configured one).")
  Which extractor;

  @Option(
      names = "--offline",
      description = "Use cached LLM answers only; report what is not cached.")
  boolean offline;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description =
          "Conversations and LLM requests in flight at once (default: $NOEMA_LLM_PARALLEL, llm.parallel "
              + "in noema.yaml, else 4).")
  Integer parallel;

  @Override
  public Integer call() {
    if (parallel != null && parallel < 1) {
      throw new CommandFailure("--parallel must be at least 1, was " + parallel);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (KnowledgeBase base = llm.open(parallel)) {
      ExtractReport report;
      try {
        report =
            base.extract(
                new ExtractRequest(
                    conversation,
                    extractor == null ? null : extractor.name(),
                    offline,
                    parallel == null ? 0 : parallel));
      } catch (IllegalArgumentException e) {
        throw new CommandFailure(e.getMessage());
      }
      print(report, out, err);
      SyncCommand.embed(base, out);
      return report.problems().isEmpty() ? 0 : 1;
    }
  }

  static void print(ExtractReport report, PrintWriter out, PrintWriter err) {
    out.printf(
        "extracted %d conversation(s) with %s: %d written, %d turn graph(s)%n",
        report.conversations(),
        String.join(", ", report.extractors()),
        report.written(),
        report.turnGraphs());
    out.printf(
        "kept: %d entities, %d relations, %d interpretations%n",
        report.entities(), report.relations(), report.interpretations());
    out.printf("dropped: %d%s%n", report.droppedCount(), reasons(report.dropped()));
    LlmUsage u = report.llm();
    if (report.extractors().contains("llm")) {
      out.printf(
          "llm: %d call(s), %d cache hit(s), %d offline miss(es), %d retried, %d malformed, %d failed; "
              + "tokens: %d prompt, %d completion; at most %d in flight%n",
          u.calls(),
          u.cacheHits(),
          u.cacheMisses(),
          u.retries(),
          u.malformed(),
          u.failures(),
          u.promptTokens(),
          u.completionTokens(),
          u.maxInFlight());
    }
    out.printf("in %.1f s%n", report.millis() / 1000.0);
    for (String problem : report.problems()) {
      err.println("  failed  " + problem);
    }
    out.flush();
    err.flush();
  }

  private static String reasons(Map<String, Long> dropped) {
    return dropped.isEmpty()
        ? ""
        : " ("
            + dropped.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "))
            + ")";
  }
}
