package dev.noema.kb;

import dev.noema.llm.LlmUsage;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run summary of a re-extraction.
 *
 * @param extractors the extractors run, by name, in order
 * @param conversations conversations read from the store
 * @param written conversations whose extraction graphs were written (one transaction each)
 * @param turnGraphs per-turn graphs written
 * @param entities entities kept
 * @param relations relations kept
 * @param interpretations interpretations kept
 * @param exactQuotes kept items whose quote occurs in its turn as it is
 * @param alignedQuotes kept items whose quote was aligned with a span of its turn
 * @param dropped items dropped by validation, by reason (lower case), sorted
 * @param llm what the LLM calls cost, or {@link LlmUsage#NONE} when no LLM ran
 * @param llmConversations conversations the LLM extractor extracted
 * @param unreached conversations the LLM did not extract because the run stopped ({@link
 *     LlmUsage#stopped()}): left for the next run
 * @param problems one line per conversation (or extractor) that failed, in no particular order
 * @param millis wall time
 */
public record ExtractReport(
    List<String> extractors,
    int conversations,
    int written,
    long turnGraphs,
    long entities,
    long relations,
    long interpretations,
    long exactQuotes,
    long alignedQuotes,
    Map<String, Long> dropped,
    LlmUsage llm,
    long llmConversations,
    long unreached,
    List<String> problems,
    long millis) {

  public ExtractReport {
    extractors = List.copyOf(extractors);
    dropped = java.util.Collections.unmodifiableMap(new TreeMap<>(dropped));
    problems = List.copyOf(problems);
  }

  /** Facts kept: entities, relations and interpretations. */
  public long kept() {
    return entities + relations + interpretations;
  }

  /** Items dropped by validation, all reasons. */
  public long droppedCount() {
    return dropped.values().stream().mapToLong(Long::longValue).sum();
  }
}
