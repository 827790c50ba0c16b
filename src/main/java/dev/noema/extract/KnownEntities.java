package dev.noema.extract;

import java.util.List;

/**
 * The seam through which an extractor learns which entities of the knowledge base a text names: the
 * LLM extractor asks it once per chunk and lists the answer in the request, so that an idea met in
 * an earlier conversation keeps its canonical label in a new one.
 *
 * <p>Implementations are thread-safe: conversations are extracted in parallel.
 */
@FunctionalInterface
public interface KnownEntities {

  /**
   * The known entities whose names occur in {@code text}, the most relevant first, each entity
   * once; entities known only from conversation {@code conversationId} itself are left out, so that
   * extracting a conversation again does not read back what its last extraction wrote.
   *
   * @param conversationId the conversation {@code text} comes from
   * @param limit at most this many
   * @return empty when none occurs
   */
  List<KnownEntity> in(String conversationId, String text, int limit);

  /** Knows nothing: for an extraction without a knowledge base. */
  static KnownEntities none() {
    return (conversationId, text, limit) -> List.of();
  }
}
