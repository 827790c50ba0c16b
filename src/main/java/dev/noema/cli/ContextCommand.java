package dev.noema.cli;

import dev.noema.kb.KnowledgeBase;
import dev.noema.prompt.ContextFormat;
import dev.noema.prompt.ContextRequest;
import dev.noema.prompt.GraphContext;
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
      GraphContext result = base.retrieval().context(context.request(question));
      out.println(result.text());
      out.flush();
      return 0;
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
        description = "How far to expand from the linked nodes. Default: ${DEFAULT-VALUE}.")
    int hops;

    @Option(
        names = "--as",
        defaultValue = "compact",
        paramLabel = "compact|turtle|json|triples",
        description = "How to serialise the context. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--explain", description = "Say why each fact was chosen (seed, hops, score).")
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
