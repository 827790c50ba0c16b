package dev.noema.extract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything one extractor found in one conversation, before validation or after it ({@link
 * FactValidator} returns a new one holding only what passed).
 *
 * @param conversationId the conversation's id
 * @param extractor who extracted
 * @param entities entities in the order found; keys unique
 * @param relations relations in the order found
 * @param interpretations interpretations in the order found
 * @param startedAt when the extraction started, or null
 * @param endedAt when it ended, or null
 */
public record Extraction(
    String conversationId,
    ExtractorInfo extractor,
    List<ExtractedEntity> entities,
    List<ExtractedRelation> relations,
    List<ExtractedInterpretation> interpretations,
    Instant startedAt,
    Instant endedAt) {

  public Extraction {
    Objects.requireNonNull(conversationId, "conversation id");
    Objects.requireNonNull(extractor, "extractor");
    entities = entities == null ? List.of() : List.copyOf(entities);
    relations = relations == null ? List.of() : List.copyOf(relations);
    interpretations = interpretations == null ? List.of() : List.copyOf(interpretations);
  }

  /** This extraction with other contents and the same conversation, extractor and times. */
  public Extraction with(
      List<ExtractedEntity> newEntities,
      List<ExtractedRelation> newRelations,
      List<ExtractedInterpretation> newInterpretations) {
    return new Extraction(
        conversationId,
        extractor,
        newEntities,
        newRelations,
        newInterpretations,
        startedAt,
        endedAt);
  }
}
