package dev.noema.prompt;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The results of an evaluation and their means.
 *
 * @param results one per question, in file order
 * @param budget the token budget the contexts were fitted into
 */
public record EvalReport(List<EvalResult> results, int budget) {

  public EvalReport {
    results = List.copyOf(results);
  }

  /** Mean recall@budget over the questions. */
  public double meanRecall() {
    return results.stream().mapToDouble(EvalResult::recall).average().orElse(0);
  }

  /** Mean reciprocal rank of the first hit (0 for a question with no hit). */
  public double meanReciprocalRank() {
    return results.stream()
        .mapToDouble(r -> r.firstHitRank() == 0 ? 0 : 1.0 / r.firstHitRank())
        .average()
        .orElse(0);
  }

  /** Share of judged graph-augmented answers found correct, or null when none was judged. */
  public Double graphAccuracy() {
    return accuracy(results.stream().map(EvalResult::withGraph).toList());
  }

  /** Share of judged baseline answers found correct, or null when none was judged. */
  public Double baselineAccuracy() {
    return accuracy(results.stream().map(EvalResult::withoutGraph).toList());
  }

  private static Double accuracy(List<Boolean> verdicts) {
    List<Boolean> judged = verdicts.stream().filter(Objects::nonNull).toList();
    return judged.isEmpty()
        ? null
        : judged.stream().filter(b -> b).count() / (double) judged.size();
  }

  /** A plain-text table: one line per question, then the means. */
  public String table() {
    StringBuilder out =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%-6s %-5s %-6s %-5s %-6s %-6s  %s%n",
                "recall",
                "rank",
                "facts",
                "tok",
                "graph",
                "base",
                "question"));
    for (EvalResult r : results) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-6.2f %-5s %-6d %-5d %-6s %-6s  %s%n",
              r.recall(),
              r.firstHitRank() == 0 ? "-" : Integer.toString(r.firstHitRank()),
              r.facts(),
              r.tokens(),
              verdict(r.withGraph()),
              verdict(r.withoutGraph()),
              r.question().question()));
      if (!r.missed().isEmpty()) {
        out.append("       missed: ").append(String.join(", ", r.missed())).append('\n');
      }
    }
    out.append(
        String.format(
            Locale.ROOT,
            "mean recall@%d %.3f, MRR %.3f",
            budget,
            meanRecall(),
            meanReciprocalRank()));
    if (graphAccuracy() != null) {
      out.append(String.format(Locale.ROOT, ", correct with graph %.0f%%", 100 * graphAccuracy()));
    }
    if (baselineAccuracy() != null) {
      out.append(String.format(Locale.ROOT, ", without %.0f%%", 100 * baselineAccuracy()));
    }
    return out.append('\n').toString();
  }

  private static String verdict(Boolean b) {
    return b == null ? "-" : b ? "ok" : "wrong";
  }
}
