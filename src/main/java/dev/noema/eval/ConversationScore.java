package dev.noema.eval;

import java.util.List;

/**
 * How one conversation of the knowledge base scored against its gold, with what was matched and
 * missed, for {@code --explain}.
 *
 * @param file the gold file
 * @param conversation the gold's conversation (title or transcript path)
 * @param conversationId the id of the stored conversation it was matched to
 * @param scores the counts and ratios
 * @param entities each gold entity, in gold order
 * @param centres the most central entities, highest PageRank first
 * @param topics each gold topic, in gold order
 * @param notEntitiesProduced the gold {@code not_entities} that were made entities
 * @param relations each gold relation, in gold order
 * @param ungrounded the quotes not found in the turn they cite
 */
public record ConversationScore(
    String file,
    String conversation,
    String conversationId,
    Scores scores,
    List<EntityMatch> entities,
    List<Centre> centres,
    List<TopicMatch> topics,
    List<Junk> notEntitiesProduced,
    List<RelationMatch> relations,
    List<Quote> ungrounded) {

  public ConversationScore {
    entities = List.copyOf(entities);
    centres = List.copyOf(centres);
    topics = List.copyOf(topics);
    notEntitiesProduced = List.copyOf(notEntitiesProduced);
    relations = List.copyOf(relations);
    ungrounded = List.copyOf(ungrounded);
  }

  /**
   * A gold entity and what it was found as.
   *
   * @param label the gold label
   * @param goldTypes the gold's acceptable types
   * @param foundAs the display labels of the entities it was found as; empty when missed
   * @param types the most specific types of those entities (local names)
   * @param acceptablyTyped whether every one of those types is acceptable
   */
  public record EntityMatch(
      String label,
      List<String> goldTypes,
      List<String> foundAs,
      List<String> types,
      boolean acceptablyTyped) {
    public EntityMatch {
      goldTypes = List.copyOf(goldTypes);
      foundAs = List.copyOf(foundAs);
      types = List.copyOf(types);
    }

    public boolean found() {
      return !foundAs.isEmpty();
    }
  }

  /**
   * One of the most central entities.
   *
   * @param rank 1-based, by PageRank
   * @param label its display label
   * @param type its type's local name
   * @param pageRank its PageRank in the conversation's graph
   * @param gold what the gold names it: {@code topic}, {@code entity} or {@code relation end}; null
   *     for a centre the gold does not name (noise)
   */
  public record Centre(int rank, String label, String type, double pageRank, String gold) {}

  /**
   * A gold topic.
   *
   * @param topic the topic
   * @param rank the rank of the centre it was found as, 0 when it is not among the centres
   */
  public record TopicMatch(String topic, int rank) {}

  /**
   * A gold {@code not_entity} made an entity.
   *
   * @param text the gold string
   * @param entity the display label of the entity that carries it
   * @param type that entity's type
   */
  public record Junk(String text, String entity, String type) {}

  /**
   * A gold relation and what was found between its ends.
   *
   * @param subject the gold subject
   * @param predicate the gold predicate
   * @param object the gold object
   * @param turn the turn that states it
   * @param endsFound whether both ends were found among the conversation's entities
   * @param predicates local names of the relations found between the two ends, each with an arrow
   *     giving its direction relative to the gold ({@code causes →}, {@code relatedTo ←})
   * @param exact whether one of them says the gold predicate
   */
  public record RelationMatch(
      String subject,
      String predicate,
      String object,
      int turn,
      boolean endsFound,
      List<String> predicates,
      boolean exact) {
    public RelationMatch {
      predicates = List.copyOf(predicates);
    }
  }

  /**
   * A quote of an extracted item.
   *
   * @param turn the index of the turn it cites
   * @param text the quote
   */
  public record Quote(int turn, String text) {}
}
