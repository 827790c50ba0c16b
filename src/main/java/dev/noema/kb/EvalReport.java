package dev.noema.kb;

import dev.noema.llm.LlmUsage;
import java.util.List;

/**
 * What an evaluation measured.
 *
 * @param gold the score against the gold file, or null when none was given
 * @param stability the agreement of two runs, or null when not asked
 * @param llm what the LLM calls cost
 * @param problems conversations or extractors that failed, one line each
 */
public record EvalReport(GoldScore gold, Stability stability, LlmUsage llm, List<String> problems) {
  public EvalReport {
    problems = List.copyOf(problems);
  }

  /**
   * Extraction scored against gold triples, labels compared after normalisation.
   *
   * @param goldTriples triples in the gold file
   * @param extracted distinct triples extracted (entity types and relations)
   * @param matchedGold gold triples found among the extracted
   * @param matchedExtracted extracted triples found in the gold
   * @param precision matchedExtracted / extracted (1 when nothing was extracted)
   * @param recall matchedGold / goldTriples
   * @param f1 harmonic mean of precision and recall
   * @param groundingRate share of all extracted items (before validation) whose evidence was found
   *     in the cited turn
   * @param schemaConformance share of all extracted items not dropped for an unknown type or
   *     predicate, a domain or range violation or a malformed value
   */
  public record GoldScore(
      int goldTriples,
      int extracted,
      int matchedGold,
      int matchedExtracted,
      double precision,
      double recall,
      double f1,
      double groundingRate,
      double schemaConformance) {}

  /**
   * Two extraction runs compared.
   *
   * @param first distinct triples of the first run
   * @param second distinct triples of the second run
   * @param common triples in both
   * @param jaccard common / (first + second - common); 1 when both are empty
   */
  public record Stability(int first, int second, int common, double jaccard) {}
}
