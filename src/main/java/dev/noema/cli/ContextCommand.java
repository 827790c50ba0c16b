package dev.noema.cli;

import dev.noema.kb.KnowledgeBase;
import dev.noema.prompt.ContextFormat;
import dev.noema.prompt.ContextRequest;
import dev.noema.prompt.GraphContext;
import dev.noema.prompt.GraphRetrieval;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code noema context QUESTION}: the part of the meaning graph that bears on a question, ready for
 * a prompt.
 */
@Command(
    name = "context",
    mixinStandardHelpOptions = true,
    description =
        "Retrieve the facts that bear on a question, with their quoted evidence, within a token budget.")
final class ContextCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin KnowledgeBaseOptions kb;
  @Mixin ContextOptions context;

  @Parameters(paramLabel = "QUESTION", description = "The question, in any language.")
  String question;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (KnowledgeBase base = kb.open()) {
      GraphRetrieval retrieval = base.retrieval();
      GraphContext result = retrieval.context(context.request(question));
      out.println(result.text());
      out.flush();
      noteMissingEmbeddings(retrieval, spec.commandLine().getErr());
      return 0;
    }
  }

  /**
   * One line on standard error when some labels are not embedded yet, so questions link them by
   * their words only (a question never waits for them to be embedded).
   */
  static void noteMissingEmbeddings(GraphRetrieval retrieval, PrintWriter err) {
    double share = retrieval.embeddedShare();
    if (share < 1) {
      err.printf(
          "semantic linking: %d%% of labels embedded (the rest linked by their words; "
              + "'noema sync index' embeds them)%n",
          (int) Math.floor(share * 100));
      err.flush();
    }
  }

  /** Retrieval options shared by {@code context}, {@code ask} and {@code chat}. */
  static final class ContextOptions {
    @Option(
        names = "--budget",
        defaultValue = "" + ContextRequest.DEFAULT_BUDGET,
        paramLabel = "TOKENS",
        description = "Most tokens the context may take (o200k_base). Default: ${DEFAULT-VALUE}.")
    int budget;

    @Option(
        names = "--hops",
        defaultValue = "" + ContextRequest.DEFAULT_HOPS,
        paramLabel = "N",
        description =
            "How far to expand from the linked nodes (facts whose quotes match the question come"
                + " whatever their distance). Default: ${DEFAULT-VALUE}.")
    int hops;

    @Option(
        names = "--as",
        defaultValue = "compact",
        paramLabel = "compact|turtle|json|triples",
        description = "How to serialise the context. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(
        names = "--explain",
        description = "Say why each fact was chosen (seed, hops, evidence, score).")
    boolean explain;

    ContextRequest request(String question) {
      return ContextRequest.of(question)
          .withBudget(budget)
          .withHops(hops)
          .withFormat(ContextFormat.parse(format))
          .withExplain(explain);
    }
  }
}
