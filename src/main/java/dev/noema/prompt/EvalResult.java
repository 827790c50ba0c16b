package dev.noema.prompt;

import java.util.List;

/**
 * How one question fared.
 *
 * @param question the question
 * @param found the expected facts and turns the context contains
 * @param missed the expected facts and turns it does not
 * @param recall found / (found + missed), 1 when nothing was expected
 * @param firstHitRank the 1-based rank of the first context fact matching anything expected, 0 when
 *     none does
 * @param facts how many facts the context holds
 * @param tokens how many tokens it takes
 * @param withGraph the judge's verdict on the graph-augmented answer: true correct, false
 *     incorrect, null not judged or an unreadable verdict
 * @param withoutGraph the verdict on the baseline answer, likewise
 */
public record EvalResult(
    EvalQuestion question,
    List<String> found,
    List<String> missed,
    double recall,
    int firstHitRank,
    int facts,
    int tokens,
    Boolean withGraph,
    Boolean withoutGraph) {

  public EvalResult {
    found = List.copyOf(found);
    missed = List.copyOf(missed);
  }
}
