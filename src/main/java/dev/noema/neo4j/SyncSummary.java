package dev.noema.neo4j;

import java.time.Duration;
import java.util.Locale;

/**
 * What one {@link Neo4jSync#sync} did.
 *
 * @param added named graphs projected for the first time
 * @param replaced named graphs whose content hash changed, removed and projected again
 * @param removed named graphs no longer in the store, removed from Neo4j
 * @param unchanged named graphs already in step, not touched
 * @param nodesWritten node rows merged, plus nodes refreshed after losing a graph
 * @param relationshipsWritten relationship rows merged
 * @param elapsed wall-clock time of the whole sync
 */
public record SyncSummary(
    int added,
    int replaced,
    int removed,
    int unchanged,
    long nodesWritten,
    long relationshipsWritten,
    Duration elapsed) {

  /** Whether the sync found nothing to do. */
  public boolean nothingChanged() {
    return added == 0 && replaced == 0 && removed == 0;
  }

  /** One line for the CLI. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%d graphs added, %d replaced, %d removed, %d unchanged; %d nodes and %d relationships written in %.1f s",
        added,
        replaced,
        removed,
        unchanged,
        nodesWritten,
        relationshipsWritten,
        elapsed.toMillis() / 1000.0);
  }
}
