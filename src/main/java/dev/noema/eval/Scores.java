package dev.noema.eval;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The counts one conversation (or the corpus, summed) scored, and the ratios they give. A ratio
 * whose denominator is 0 is 1 (nothing to get wrong); the counts show when that happened.
 *
 * @param goldEntities gold entities
 * @param entitiesFound gold entities found among the conversation's entities under their label or
 *     an alias
 * @param acceptablyTyped found gold entities whose entities carry only acceptable types
 * @param centres the conversation's most central entities looked at (10, fewer in a small graph)
 * @param goldCentres of those, the ones the gold names (an entity, a topic or an end of a relation)
 * @param topics gold topics
 * @param centralTopics gold topics among the centres
 * @param notEntities gold {@code not_entities}
 * @param notEntitiesProduced of those, the ones made entities
 * @param relations gold relations
 * @param relationsExact gold relations found between their two ends with the gold predicate (or a
 *     sub-property, or an inverse or symmetric one the other way)
 * @param relationsAnyPredicate gold relations whose two ends are related by any relation
 * @param quotes quotes of the conversation's extracted items (one per grounding)
 * @param groundedQuotes of those, the ones found in the turn they cite
 */
public record Scores(
    int goldEntities,
    int entitiesFound,
    int acceptablyTyped,
    int centres,
    int goldCentres,
    int topics,
    int centralTopics,
    int notEntities,
    int notEntitiesProduced,
    int relations,
    int relationsExact,
    int relationsAnyPredicate,
    int quotes,
    int groundedQuotes) {

  static final Scores ZERO = new Scores(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** entitiesFound / goldEntities. */
  @JsonProperty
  public double entityRecall() {
    return ratio(entitiesFound, goldEntities);
  }

  /** acceptablyTyped / entitiesFound. */
  @JsonProperty
  public double typingPrecision() {
    return ratio(acceptablyTyped, entitiesFound);
  }

  /** goldCentres / centres. */
  @JsonProperty
  public double top10Precision() {
    return ratio(goldCentres, centres);
  }

  /** centralTopics / topics. */
  @JsonProperty
  public double topicsCentral() {
    return ratio(centralTopics, topics);
  }

  /** groundedQuotes / quotes. */
  @JsonProperty
  public double grounding() {
    return ratio(groundedQuotes, quotes);
  }

  /** The counts of both added. */
  Scores plus(Scores o) {
    return new Scores(
        goldEntities + o.goldEntities,
        entitiesFound + o.entitiesFound,
        acceptablyTyped + o.acceptablyTyped,
        centres + o.centres,
        goldCentres + o.goldCentres,
        topics + o.topics,
        centralTopics + o.centralTopics,
        notEntities + o.notEntities,
        notEntitiesProduced + o.notEntitiesProduced,
        relations + o.relations,
        relationsExact + o.relationsExact,
        relationsAnyPredicate + o.relationsAnyPredicate,
        quotes + o.quotes,
        groundedQuotes + o.groundedQuotes);
  }

  static double ratio(int part, int whole) {
    return whole == 0 ? 1.0 : (double) part / whole;
  }
}
