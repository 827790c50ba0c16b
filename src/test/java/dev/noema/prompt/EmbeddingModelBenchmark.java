package dev.noema.prompt;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.noema.eval.CorpusQuestions;
import dev.noema.eval.GoldCorpus;
import dev.noema.kb.ImportListener;
import dev.noema.kb.ImportReport;
import dev.noema.kb.ImportRequest;
import dev.noema.kb.KnowledgeBase;
import dev.noema.kb.KnowledgeBaseConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The quantised MiniLM against the unquantised one, as retrieval uses them: the development
 * corpus's gold questions (each names the turn that answers it) asked of the corpus imported with
 * structural extraction, scored by recall of that turn within the budget and the reciprocal rank of
 * its first citation; and what each model costs: loading it, embedding every label of the corpus's
 * meaning layer, embedding a question. The floor, in the same run, is lexical linking alone (no
 * model).
 *
 * <p>Arguments: the corpus folder (default {@code import/corpus}: {@code exports/} and {@code
 * gold/*.yaml}). Run: {@code ./benchmark embeddingmodel}.
 */
public final class EmbeddingModelBenchmark {
  private static final int BUDGET = 2000;

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args.length > 0 ? args[0] : "import/corpus");
    Path work = Files.createTempDirectory("noema-embedding-bench");
    try (KnowledgeBase kb = KnowledgeBase.open(KnowledgeBaseConfig.folder(work.resolve("kb")))) {
      ImportReport report =
          kb.importLogs(ImportRequest.of(List.of(corpus.resolve("exports"))), ImportListener.NONE);
      List<EvalQuestion> questions = questions(kb, corpus.resolve("gold"));
      System.out.printf(
          "corpus: %d conversations, %d turns; %d gold questions%n",
          report.imported(), report.turns(), questions.size());
      // Untimed: the first build of an index in this JVM loads and compiles Lucene and the
      // snapshot's reading, which would be charged to the floor alone.
      new GraphRetrieval(kb.meaning(), null).refresh();
      List<String> rows = new ArrayList<>();
      List<List<EvalResult>> results = new ArrayList<>();
      rows.add(row(kb, questions, "lexical only (floor)", () -> null, results));
      rows.add(
          row(
              kb,
              questions,
              "MiniLM-L6-v2 quantised",
              AllMiniLmL6V2QuantizedEmbeddingModel::new,
              results));
      rows.add(row(kb, questions, "MiniLM-L6-v2", AllMiniLmL6V2EmbeddingModel::new, results));
      System.out.println();
      System.out.println("Rank of the first citation of the expected turn (0: not cited):");
      System.out.println("| question | lexical | quantised | unquantised |");
      System.out.println("|---|---|---|---|");
      for (int i = 0; i < questions.size(); i++) {
        System.out.printf(
            "| %s | %d | %d | %d |%n",
            questions.get(i).question(),
            results.get(0).get(i).firstHitRank(),
            results.get(1).get(i).firstHitRank(),
            results.get(2).get(i).firstHitRank());
      }
      System.out.println();
      System.out.println(
          "| linking | recall@" + BUDGET + " | MRR | model load | labels embedded | question |");
      System.out.println("|---|---|---|---|---|---|");
      rows.forEach(System.out::println);
    } finally {
      try (Stream<Path> walk = Files.walk(work)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static String row(
      KnowledgeBase kb,
      List<EvalQuestion> questions,
      String name,
      Supplier<EmbeddingModel> build,
      List<List<EvalResult>> results) {
    long start = System.nanoTime();
    EmbeddingModel built = build.get();
    double load = seconds(start);
    int[] labels = {0};
    EmbeddingModel model =
        built == null
            ? null
            : new EmbeddingModel() {
              @Override
              public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                labels[0] += segments.size();
                return built.embedAll(segments);
              }
            };
    start = System.nanoTime();
    GraphRetrieval retrieval = new GraphRetrieval(kb.meaning(), model);
    retrieval.refresh();
    double index = seconds(start);
    double question = 0;
    if (model != null) {
      for (EvalQuestion q : questions) {
        built.embed(q.question()); // warm-up
      }
      start = System.nanoTime();
      for (EvalQuestion q : questions) {
        built.embed(q.question());
      }
      question = seconds(start) / questions.size();
    }
    EvalReport report =
        new Evaluator(retrieval, null, null)
            .run(questions, ContextRequest.of("(each question)").withBudget(BUDGET));
    results.add(report.results());
    return String.format(
        Locale.ROOT,
        "| %s | %.3f | %.3f | %s | %s | %s |",
        name,
        report.meanRecall(),
        report.meanReciprocalRank(),
        model == null ? "" : String.format(Locale.ROOT, "%.2f s", load),
        model == null
            ? String.format(Locale.ROOT, "(the index alone: %.2f s)", index)
            : String.format(
                Locale.ROOT,
                "%d in %.2f s (%.0f/s, with the index)",
                labels[0],
                index,
                labels[0] / index),
        model == null ? "" : String.format(Locale.ROOT, "%.1f ms", question * 1000));
  }

  /** The gold's questions, each expecting the answering turn cited (as {@code noema eval}). */
  private static List<EvalQuestion> questions(KnowledgeBase kb, Path gold) {
    CorpusQuestions questions = kb.corpusEvaluation().questions(GoldCorpus.read(gold));
    questions.problems().forEach(problem -> System.out.println("left out: " + problem));
    return questions.questions();
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
