package dev.noema.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Whether the knowledge base has one node per real thing, over the whole corpus.
 *
 * @param crossLanguage each gold {@code cross_language} pair (duplicates across files once)
 * @param merges entities that carry the names of two gold entities with no type in common
 */
public record IdentityScore(List<CrossLanguage> crossLanguage, List<Merge> merges) {
  public IdentityScore {
    crossLanguage = List.copyOf(crossLanguage);
    merges = List.copyOf(merges);
  }

  /** The pairs whose two names are carried by one entity. */
  @JsonProperty
  public int resolvedPairs() {
    return (int) crossLanguage.stream().filter(CrossLanguage::resolved).count();
  }

  /**
   * One pair of names of the same thing in two languages.
   *
   * @param first the first name
   * @param second the second name
   * @param firstFoundAs display labels of the entities carrying the first name
   * @param secondFoundAs display labels of the entities carrying the second name
   * @param resolved whether one entity carries both
   */
  public record CrossLanguage(
      String first,
      String second,
      List<String> firstFoundAs,
      List<String> secondFoundAs,
      boolean resolved) {
    public CrossLanguage {
      firstFoundAs = List.copyOf(firstFoundAs);
      secondFoundAs = List.copyOf(secondFoundAs);
    }
  }

  /**
   * One entity standing for gold entities of different types.
   *
   * @param entity its display label
   * @param gold the gold entities it carries the names of, each "label (Type, Type)"
   */
  public record Merge(String entity, List<String> gold) {
    public Merge {
      gold = List.copyOf(gold);
    }
  }
}
