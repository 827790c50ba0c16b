package dev.noema.topology;

import dev.noema.ontology.Iris;
import java.time.Instant;
import java.util.Set;

/**
 * Which part of the meaning layer to explore. Every field is optional: null (or an empty set) means
 * no restriction.
 *
 * <p>The turn filters ({@code conversation}, {@code participant}, {@code since}, {@code until})
 * keep the entities mentioned in a matching turn and the relations grounded in one (a fact's {@code
 * oa:hasSource} turn, an interpretation's grounding or mention); with a turn filter, relations with
 * no grounding turn are left out, since they cannot be placed. {@code perspective} keeps that one
 * perspective and drops every other perspective vertex. {@code relations} keeps only relations of
 * those types.
 *
 * @param conversation a conversation IRI or a conversation id
 * @param participant a participant IRI or a speaker name (case-insensitive)
 * @param perspective a perspective's IRI or label
 * @param since keep turns written at or after this instant (turns without a timestamp fail it)
 * @param until keep turns written at or before this instant (turns without a timestamp fail it)
 * @param relations relation types, as property IRIs or local names ("partOf")
 */
public record TopologyFilter(
    String conversation,
    String participant,
    String perspective,
    Instant since,
    Instant until,
    Set<String> relations) {

  /** No restriction: the whole meaning layer. */
  public static final TopologyFilter NONE =
      new TopologyFilter(null, null, null, null, null, Set.of());

  public TopologyFilter {
    relations = relations == null ? Set.of() : Set.copyOf(relations);
  }

  public TopologyFilter withConversation(String value) {
    return new TopologyFilter(value, participant, perspective, since, until, relations);
  }

  public TopologyFilter withParticipant(String value) {
    return new TopologyFilter(conversation, value, perspective, since, until, relations);
  }

  public TopologyFilter withPerspective(String value) {
    return new TopologyFilter(conversation, participant, value, since, until, relations);
  }

  public TopologyFilter withPeriod(Instant from, Instant to) {
    return new TopologyFilter(conversation, participant, perspective, from, to, relations);
  }

  public TopologyFilter withRelations(Set<String> value) {
    return new TopologyFilter(conversation, participant, perspective, since, until, value);
  }

  /** Whether any turn-level restriction is set. */
  public boolean filtersTurns() {
    return conversation != null || participant != null || since != null || until != null;
  }

  /** Whether a relation of type {@code propertyIri} passes the relation filter. */
  public boolean keepsRelation(String propertyIri) {
    return relations.isEmpty()
        || relations.contains(propertyIri)
        || relations.contains(Iris.localName(propertyIri));
  }

  /**
   * Whether a turn passes the turn filters; {@code conversationIri} is the conversation filter as
   * an IRI.
   */
  boolean keepsTurn(TurnInfo turn, String conversationIri) {
    if (turn == null) {
      return false;
    }
    if (conversationIri != null && !conversationIri.equals(turn.conversation())) {
      return false;
    }
    if (participant != null
        && !participant.equals(turn.speaker())
        && !participant.equalsIgnoreCase(turn.speakerName() == null ? "" : turn.speakerName())) {
      return false;
    }
    if (since != null && (turn.timestamp() == null || turn.timestamp().isBefore(since))) {
      return false;
    }
    return until == null || (turn.timestamp() != null && !turn.timestamp().isAfter(until));
  }
}
