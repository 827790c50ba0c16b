package dev.noema.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.langchain4j.model.chat.ChatModel;
import dev.noema.eval.CorpusQuestions;
import dev.noema.eval.CorpusReport;
import dev.noema.eval.GoldCorpus;
import dev.noema.kb.EvalReport;
import dev.noema.kb.EvalRequest;
import dev.noema.kb.KnowledgeBase;
import dev.noema.prompt.ContextRequest;
import dev.noema.prompt.EvalQuestion;
import dev.noema.prompt.EvalQuestions;
import dev.noema.prompt.Evaluator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code noema eval}: measures extraction and retrieval without writing anything. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Evaluate extraction (against gold, or its stability) and retrieval (on questions).")
final class EvalCommand implements Callable<Integer> {
  /** What to measure; one or more. */
  static final class Measures {
    @Option(
        names = "--gold",
        paramLabel = "PATH",
        description =
            "Corpus gold (a folder of *.yaml gold files, or one): score the knowledge base as stored, "
                + "per conversation and overall (entity recall, typing precision, top-10 precision, "
                + "not_entities, relations, topics, grounding, cross-language identity). Or gold "
                + "triples (TSV: subject, predicate or 'a', object; '|' between equivalent labels): "
                + "re-extract in memory and report precision, recall, F1, grounding and schema "
                + "conformance.")
    Path gold;

    @Option(
        names = "--stability",
        description =
            "Run extraction twice (LLM asked afresh) and report the Jaccard "
                + "similarity of the two triple sets.")
    boolean stability;

    @Option(
        names = "--questions",
        paramLabel = "PATH",
        description =
            "Score retrieval on questions: corpus gold (the questions of *.yaml gold files; the "
                + "context must cite the answering turn), or a question file (YAML or JSON list: "
                + "question, expected_facts, expected_turns): recall@budget and rank of the first "
                + "hit; with a model configured, answer correctness with and without the graph (the "
                + "model judges).")
    Path questions;
  }

  @Option(
      names = "--budget",
      defaultValue = "" + ContextRequest.DEFAULT_BUDGET,
      paramLabel = "TOKENS",
      description = "Context budget for --questions. Default: ${DEFAULT-VALUE}.")
  int budget;

  @Spec CommandSpec spec;
  @Mixin ExtractionOptions extraction;

  @ArgGroup(exclusive = false, multiplicity = "1", heading = "What to measure:%n")
  Measures measures;

  @Option(
      names = "--conversation",
      paramLabel = "ID",
      description = "Only this conversation (re-extraction: TSV gold, --stability).")
  String conversation;

  @Option(
      names = "--extractor",
      paramLabel = "llm|structural",
      description =
          "Only this extractor (re-extraction: TSV gold, --stability; default: every configured one).")
  ExtractCommand.Which extractor;

  @Option(names = "--offline", description = "Use cached LLM answers only.")
  boolean offline;

  @Option(
      names = "--explain",
      description =
          "With corpus gold: list what was matched, missed and made wrongly, per conversation.")
  boolean explain;

  @Option(
      names = "--format",
      defaultValue = "table",
      paramLabel = "table|json",
      description = "Output format. Default: ${DEFAULT-VALUE}.")
  String format;

  @Override
  public Integer call() {
    if (!format.equals("table") && !format.equals("json")) {
      throw new CommandFailure("--format: '" + format + "' is not table or json");
    }
    boolean corpusGold = measures.gold != null && GoldCorpus.isCorpus(measures.gold);
    boolean reextracts = (measures.gold != null && !corpusGold) || measures.stability;
    if (!reextracts && (extractor != null || conversation != null)) {
      throw new CommandFailure(
          "--extractor and --conversation choose what to re-extract (TSV gold, --stability); corpus"
              + " gold scores the knowledge base as stored, every conversation it names");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, Object> json = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    try (KnowledgeBase base = extraction.open(null)) {
      if (measures.questions != null) {
        List<EvalQuestion> questions;
        if (GoldCorpus.isCorpus(measures.questions)) {
          CorpusQuestions corpus =
              base.corpusEvaluation().questions(GoldCorpus.read(measures.questions));
          problems.addAll(corpus.problems());
          questions = corpus.questions();
          if (questions.isEmpty()) {
            throw new CommandFailure(
                measures.questions + ": no question of the gold matches a stored conversation");
          }
        } else {
          questions = EvalQuestions.read(measures.questions);
        }
        ChatModel model = base.chatModel().orElse(null);
        base.embedLabels(); // retrieval is scored as it is with every label embedded
        dev.noema.prompt.EvalReport retrieval =
            new Evaluator(base.retrieval(), model, model)
                .run(questions, ContextRequest.of("(each question)").withBudget(budget));
        if (format.equals("json")) {
          json.put(
              "questions",
              Map.of(
                  "budget", retrieval.budget(),
                  "meanRecall", retrieval.meanRecall(),
                  "meanReciprocalRank", retrieval.meanReciprocalRank(),
                  "results", retrieval.results()));
        } else {
          out.print(retrieval.table());
        }
      }
      if (corpusGold) {
        CorpusReport report = base.corpusEvaluation().score(GoldCorpus.read(measures.gold));
        problems.addAll(report.problems());
        if (format.equals("json")) {
          json.put("gold", report);
        } else {
          out.print(report.table(explain));
        }
      }
      if (reextracts) {
        problems.addAll(reextract(base, corpusGold ? null : measures.gold, out, json));
      }
    }
    if (format.equals("json")) {
      try {
        out.println(
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("the evaluation does not serialise as JSON", e);
      }
    }
    for (String problem : problems) {
      err.println("  failed  " + problem);
    }
    out.flush();
    err.flush();
    return problems.isEmpty() ? 0 : 1;
  }

  /** TSV gold and stability: extraction re-run in memory. Returns the problems. */
  private List<String> reextract(
      KnowledgeBase base, Path tsvGold, PrintWriter out, Map<String, Object> json) {
    EvalReport report;
    try {
      report =
          base.evaluate(
              new EvalRequest(
                  conversation,
                  extractor == null ? null : extractor.name(),
                  offline,
                  tsvGold,
                  measures.stability));
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(e.getMessage());
    }
    if (format.equals("json")) {
      json.put("triples", report);
      return report.problems();
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
    return report.problems();
  }
}
