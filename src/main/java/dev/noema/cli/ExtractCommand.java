package dev.noema.cli;

import dev.noema.extract.LlmExtractor;
import dev.noema.kb.ExtractEstimate;
import dev.noema.kb.ExtractReport;
import dev.noema.kb.ExtractRequest;
import dev.noema.kb.KnowledgeBase;
import dev.noema.llm.LlmConfig;
import dev.noema.llm.LlmUsage;
import dev.noema.llm.TokenPrice;
import java.io.PrintWriter;
import java.util.Locale;
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
  @Mixin ExtractionOptions options;

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
      names = "--estimate",
      description =
          "Print what the LLM extraction would cost (calls, prompt and expected output tokens, price)"
              + " without calling it.")
  boolean estimate;

  @Option(
      names = "--max-calls",
      paramLabel = "N",
      description =
          "Stop after N LLM requests, keeping the conversations done; a re-run goes on from the cache.")
  Long maxCalls;

  @Option(
      names = "--price-per-million",
      paramLabel = "INPUT,OUTPUT",
      description =
          "What the provider charges per million prompt and completion tokens, e.g. 0.15,0.60 "
              + "(default: llm.price-per-million in noema.yaml).")
  String price;

  @Override
  public Integer call() {
    if (maxCalls != null && maxCalls < 1) {
      throw new CommandFailure("--max-calls must be at least 1, was " + maxCalls);
    }
    TokenPrice perMillion = price == null ? null : TokenPrice.parse(price, "--price-per-million");
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (KnowledgeBase base = options.open(perMillion)) {
      ExtractRequest request =
          new ExtractRequest(
              conversation,
              extractor == null ? null : extractor.name(),
              offline,
              options.parallel(),
              maxCalls == null ? 0 : maxCalls);
      try {
        if (estimate) {
          print(base.estimate(request), out);
          return 0;
        }
        ExtractReport report = base.extract(request);
        print(report, base.llm().map(LlmConfig::price).orElse(null), out, err);
        SyncCommand.embed(base, out);
        return report.problems().isEmpty() ? 0 : 1;
      } catch (IllegalArgumentException e) {
        throw new CommandFailure(e.getMessage());
      }
    }
  }

  static void print(ExtractEstimate e, PrintWriter out) {
    LlmExtractor.Estimate t = e.total();
    out.printf(
        "estimate for %s over %d conversation(s); nothing was sent%n",
        e.provider(), e.conversations());
    out.printf("calls: %,d (%,d more chunk(s) answered from the cache)%n", t.calls(), t.cached());
    out.printf(
        "prompt tokens: %,d; expected output tokens: ~%,d%n", t.promptTokens(), t.outputTokens());
    if (e.conversations() > 0) {
      out.printf(
          "per conversation: %,d prompt tokens on average, at most %,d (%s)%n",
          t.promptTokens() / e.conversations(),
          e.largest(),
          e.largestId() == null ? "none" : e.largestId());
    }
    if (e.price() != null) {
      out.printf(
          Locale.ROOT,
          "price: about %.4f at %s per million tokens (input,output)%n",
          e.cost(),
          e.price());
    }
    out.println(
        "tokens are counted with the o200k encoding: other providers' counts differ a little");
    out.flush();
  }

  static void print(ExtractReport report, TokenPrice price, PrintWriter out, PrintWriter err) {
    out.printf(
        "extracted %d conversation(s) with %s: %d written, %d turn graph(s)%n",
        report.conversations(),
        String.join(", ", report.extractors()),
        report.written(),
        report.turnGraphs());
    out.printf(
        "kept: %d entities, %d relations, %d interpretations%n",
        report.entities(), report.relations(), report.interpretations());
    out.printf(
        "quotes: %d exact, %d aligned, %d dropped as ungrounded%n",
        report.exactQuotes(),
        report.alignedQuotes(),
        report.dropped().getOrDefault("ungrounded", 0L));
    out.printf("dropped: %d%s%n", report.droppedCount(), reasons(report.dropped()));
    LlmUsage u = report.llm();
    if (report.extractors().contains("llm")) {
      out.printf(
          "llm: %d call(s), %d cache hit(s), %d offline miss(es), %d retried, %d malformed, "
              + "%d cut off, %d failed; asked in %s; at most %d in flight%n",
          u.calls(),
          u.cacheHits(),
          u.cacheMisses(),
          u.retries(),
          u.malformed(),
          u.cutOff(),
          u.failures(),
          u.outputMode(),
          u.maxInFlight());
      long per = Math.max(1, report.llmConversations());
      out.printf(
          "tokens: %d prompt, %d completion; per conversation: %d prompt, %d completion%s%n",
          u.promptTokens(),
          u.completionTokens(),
          u.promptTokens() / per,
          u.completionTokens() / per,
          price == null
              ? ""
              : String.format(
                  Locale.ROOT,
                  "; price about %.4f",
                  price.cost(u.promptTokens(), u.completionTokens())));
      if (u.fallback() != null) {
        out.println("llm: " + u.fallback());
      }
      if (u.stopped() != null && report.unreached() > 0) {
        out.printf(
            "llm: %s; %d conversation(s) left for the next run%n", u.stopped(), report.unreached());
      }
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
