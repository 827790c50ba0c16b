package dev.noema.extract;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What validation kept and what it dropped, and why.
 *
 * @param keptEntities entities kept
 * @param keptRelations relations kept
 * @param keptInterpretations interpretations kept
 * @param exactQuotes kept items whose evidence occurs in the turn as it is (after normalisation)
 * @param alignedQuotes kept items whose evidence was found by alignment ({@link QuoteSpan#aligned})
 * @param dropped how many items were dropped, by reason; reasons with no drop are absent; in {@link
 *     DropReason} order
 * @param problems one line per dropped item (conversation, turn, item, reason), in the order
 *     checked
 */
public record ValidationSummary(
    int keptEntities,
    int keptRelations,
    int keptInterpretations,
    int exactQuotes,
    int alignedQuotes,
    Map<DropReason, Integer> dropped,
    List<String> problems) {

  /** Why an extracted item was not kept. */
  public enum DropReason {
    /** The entity's type is not an extractable class of the ontology. */
    UNKNOWN_TYPE,
    /** The relation's predicate is not an extractable object property of the ontology. */
    UNKNOWN_PREDICATE,
    /** The subject's type is not the predicate's domain or a sub-class of it. */
    DOMAIN,
    /** The object's type is not the predicate's range or a sub-class of it. */
    RANGE,
    /**
     * The evidence is neither in the cited turn's text nor close enough to a span of it, or the
     * turn does not exist.
     */
    UNGROUNDED,
    /** A key refers to no kept entity (unknown, or dropped itself). */
    DANGLING,
    /** Two entities in one turn share a key, or a canonical label with another type. */
    CONFLICT,
    /** Confidence outside 0..1, or an empty label or statement. */
    MALFORMED
  }

  public ValidationSummary {
    EnumMap<DropReason, Integer> copy = new EnumMap<>(DropReason.class);
    copy.putAll(dropped);
    dropped = Collections.unmodifiableMap(copy);
    problems = List.copyOf(problems);
  }

  /** Total number of items dropped. */
  public int droppedCount() {
    return dropped.values().stream().mapToInt(Integer::intValue).sum();
  }
}
