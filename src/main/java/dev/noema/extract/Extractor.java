package dev.noema.extract;

import dev.noema.conversation.Conversation;

/**
 * Finds meaning-layer entities, relations and interpretations in a conversation's turns.
 *
 * <p>The contract every implementation keeps: only turns on the active branch ({@code alternativeOf
 * == null}) are read; every entity, relation and interpretation cites the index of the turn it came
 * from and an exact quote of that turn's text as evidence; types and predicates are IRIs of the
 * ontology's extractable terms. Nothing is trusted: the caller runs {@link FactValidator} on the
 * result before anything is written.
 *
 * <p>Implementations are thread-safe: one instance may extract several conversations at once.
 */
public interface Extractor {

  /**
   * A short stable name ("structural", "llm"); it names the extraction graphs, so changing it
   * orphans them.
   */
  String name();

  /**
   * Extracts from one conversation.
   *
   * @return the extraction, never null; empty lists when nothing was found
   */
  Extraction extract(Conversation conversation);
}
