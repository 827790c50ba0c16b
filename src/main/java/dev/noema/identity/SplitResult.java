package dev.noema.identity;

import java.util.List;

/**
 * What {@link IdentityReview#split} did.
 *
 * @param splits one per merge undone
 */
public record SplitResult(List<Split> splits) {
  public SplitResult {
    splits = List.copyOf(splits);
  }

  /**
   * One merge undone.
   *
   * @param from the entity the names leave
   * @param to the new entity they form
   * @param names the names that moved
   * @param graphsRewritten extraction graphs whose mention moved to {@code to}
   */
  public record Split(String from, String to, List<EntityName> names, int graphsRewritten) {
    public Split {
      names = List.copyOf(names);
    }
  }
}
