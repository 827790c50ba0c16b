package dev.noema.prompt;

import dev.noema.text.TokenCounter;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Writes answers for a terminal: the text, then the citations it used resolved to their turns.
 * Stateless.
 */
public final class AnswerPrinter {
  private AnswerPrinter() {}

  /**
   * The answer, its resolved citations, invented keys if any, and (with {@code stats}) tokens and
   * latency.
   */
  public static void print(PrintWriter out, Answer answer, boolean stats) {
    out.println(answer.text().strip());
    if (!answer.citations().isEmpty()) {
      out.println("Cited:");
      answer.citations().forEach(c -> out.println("  " + ContextWriter.legend(c.key(), c.turn())));
    }
    if (!answer.unknownKeys().isEmpty()) {
      out.println("Cited keys not in the context: " + String.join(", ", answer.unknownKeys()));
    }
    if (stats) {
      out.println(
          String.format(
              Locale.ROOT,
              "(%d tokens in, %d out%s, %d ms%s)",
              answer.inputTokens(),
              answer.outputTokens(),
              answer.tokensEstimated() ? " (counted with " + TokenCounter.ENCODING_NAME + ")" : "",
              answer.latency().toMillis(),
              answer.model() == null ? "" : ", " + answer.model()));
    }
  }

  /**
   * A whole ask result: the prompt and notice when no model answered, else the answer and the
   * baseline beside it.
   */
  public static void print(PrintWriter out, AskResult result) {
    if (result.promptOnly()) {
      out.println(result.prompt().text());
      out.println();
      out.println(result.notice());
      return;
    }
    if (result.baseline() != null) {
      out.println(
          "=== With the knowledge graph ("
              + result.context().facts().size()
              + " facts, "
              + result.context().tokens()
              + " context tokens) ===");
    }
    print(out, result.answer(), result.baseline() != null);
    if (result.baseline() != null) {
      out.println();
      out.println("=== Without the knowledge graph (baseline) ===");
      print(out, result.baseline(), true);
    }
  }
}
