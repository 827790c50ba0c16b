package dev.noema.cli;

import dev.langchain4j.model.chat.ChatModel;
import dev.noema.kb.EvalReport;
import dev.noema.kb.EvalRequest;
import dev.noema.kb.KnowledgeBase;
import dev.noema.prompt.ContextRequest;
import dev.noema.prompt.EvalQuestions;
import dev.noema.prompt.Evaluator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code noema eval}: measures extraction (and, later, retrieval) without writing anything. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Evaluate extraction (against gold triples, or its stability) and retrieval (on questions).")
final class EvalCommand implements Callable<Integer> {
  /** What to measure; one or more. New measures (retrieval questions) join this group. */
  static final class Measures {
    @Option(
        names = "--gold",
        paramLabel = "FILE",
        description =
            "Score against gold triples (TSV: subject, predicate or 'a', object; '|' between equivalent "
                + "labels): precision, recall, F1, grounding and schema-conformance rates.")
    Path gold;

    @Option(
        names = "--stability",
        description =
            "Run extraction twice (LLM asked afresh) and report the Jaccard "
                + "similarity of the two triple sets.")
    boolean stability;

    @Option(
        names = "--questions",
        paramLabel = "FILE",
        description =
            "Score retrieval on questions (YAML or JSON: question, expected_facts, expected_turns): "
                + "recall@budget and rank of the first hit; with a model configured, answer correctness with and "
                + "without the graph (the model judges).")
    Path questions;
  }

  @Option(
      names = "--budget",
      defaultValue = "" + ContextRequest.DEFAULT_BUDGET,
      paramLabel = "TOKENS",
      description = "Context budget for --questions. Default: ${DEFAULT-VALUE}.")
  int budget;

  @Spec CommandSpec spec;
  @Mixin LlmOptions llm;

  @ArgGroup(exclusive = false, multiplicity = "1", heading = "What to measure:%n")
  Measures measures;

  @Option(names = "--conversation", paramLabel = "ID", description = "Only this conversation.")
  String conversation;

  @Option(
      names = "--extractor",
      paramLabel = "llm|structural",
      description = "Only this extractor (default: every configured one).")
  ExtractCommand.Which extractor;

  @Option(names = "--offline", description = "Use cached LLM answers only.")
  boolean offline;

  @Override
  public Integer call() {
    if (measures.gold == null && !measures.stability && measures.questions == null) {
      throw new CommandFailure(
          "nothing to measure: give --gold FILE, --stability or --questions FILE");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (KnowledgeBase base = llm.open(null)) {
      if (measures.questions != null) {
        ChatModel model = base.chatModel().orElse(null);
        base.embedLabels(); // retrieval is scored as it is with every label embedded
        dev.noema.prompt.EvalReport retrieval =
            new Evaluator(base.retrieval(), model, model)
                .run(
                    EvalQuestions.read(measures.questions),
                    ContextRequest.of("(each question)").withBudget(budget));
        out.print(retrieval.table());
        if (measures.gold == null && !measures.stability) {
          out.flush();
          return 0;
        }
      }
      EvalReport report;
      try {
        report =
            base.evaluate(
                new EvalRequest(
                    conversation,
                    extractor == null ? null : extractor.name(),
                    offline,
                    measures.gold,
                    measures.stability));
      } catch (IllegalArgumentException e) {
        throw new CommandFailure(e.getMessage());
      }
      EvalReport.GoldScore g = report.gold();
      if (g != null) {
        out.printf(
            "gold: %d triple(s); extracted: %d; matched: %d gold, %d extracted%n",
            g.goldTriples(), g.extracted(), g.matchedGold(), g.matchedExtracted());
        out.printf(
            "precision %.3f  recall %.3f  F1 %.3f  grounding %.3f  schema conformance %.3f%n",
            g.precision(), g.recall(), g.f1(), g.groundingRate(), g.schemaConformance());
      }
      EvalReport.Stability s = report.stability();
      if (s != null) {
        out.printf(
            "stability: %d and %d triple(s), %d in common, Jaccard %.3f%n",
            s.first(), s.second(), s.common(), s.jaccard());
      }
      if (report.llm().calls() + report.llm().cacheHits() + report.llm().cacheMisses() > 0) {
        out.printf(
            "llm: %d call(s), %d cache hit(s); tokens: %d prompt, %d completion%n",
            report.llm().calls(),
            report.llm().cacheHits(),
            report.llm().promptTokens(),
            report.llm().completionTokens());
      }
      for (String problem : report.problems()) {
        err.println("  failed  " + problem);
      }
      out.flush();
      err.flush();
      return report.problems().isEmpty() ? 0 : 1;
    }
  }
}
