package dev.noema.eval;

import dev.noema.eval.ConversationScore.Centre;
import dev.noema.eval.ConversationScore.EntityMatch;
import dev.noema.eval.ConversationScore.Junk;
import dev.noema.eval.ConversationScore.Quote;
import dev.noema.eval.ConversationScore.RelationMatch;
import dev.noema.eval.ConversationScore.TopicMatch;
import dev.noema.extract.Quotes;
import dev.noema.ontology.Iris;
import dev.noema.topology.CentresResult;
import dev.noema.topology.Entity;
import dev.noema.topology.MeaningEdge;
import dev.noema.topology.MeaningGraph;
import dev.noema.topology.Relation;
import dev.noema.topology.Topology;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores one conversation's meaning graph against its gold. Names are compared as {@link Names}
 * says: by {@link dev.noema.text.Text#key}, the one label normalisation, over every label an entity
 * carries.
 *
 * <p>The conversation's entities are those of {@code graph} mentioned in one of its turns; its
 * centres are the graph's {@link #CENTRES} ideas of highest PageRank ({@link
 * dev.noema.topology.CentresResult#ideas}: perspectives and claims are not counted). Stateless
 * apart from its inputs; not thread-safe.
 */
final class ConversationScoring {
  /** How many of the most central entities top-10 precision looks at. */
  static final int CENTRES = 10;

  private final GoldConversation gold;
  private final MeaningGraph graph;
  private final GoldTerms terms;
  private final List<Entity> mentioned;
  private final Names names = new Names();

  /**
   * @param graph the meaning graph restricted to the conversation (its relations grounded in the
   *     conversation's turns, its entities' mentions only those turns)
   */
  ConversationScoring(GoldConversation gold, MeaningGraph graph, GoldTerms terms) {
    this.gold = gold;
    this.graph = graph;
    this.terms = terms;
    this.mentioned = graph.entities().stream().filter(e -> !e.mentions().isEmpty()).toList();
  }

  /**
   * The score.
   *
   * @param conversationId the stored conversation's id, for the report
   * @param turns the text of each turn of the conversation's active branch, by index
   * @param quotes the quotes of what was extracted from the conversation
   */
  ConversationScore score(String conversationId, Map<Integer, String> turns, List<Quote> quotes) {
    List<EntityMatch> entities = entities();
    List<CentresResult.Centre> top = new Topology(graph).centres().ideas().top(CENTRES).centres();
    List<Centre> centres = centres(top);
    List<TopicMatch> topics = topics(top);
    List<Junk> junk = notEntities();
    List<RelationMatch> relations = relations();
    List<Quote> ungrounded =
        quotes.stream()
            .filter(
                q ->
                    !turns.containsKey(q.turn()) || !Quotes.occursIn(q.text(), turns.get(q.turn())))
            .toList();
    Scores scores =
        new Scores(
            entities.size(),
            (int) entities.stream().filter(EntityMatch::found).count(),
            (int) entities.stream().filter(e -> e.found() && e.acceptablyTyped()).count(),
            centres.size(),
            (int) centres.stream().filter(c -> c.gold() != null).count(),
            topics.size(),
            (int) topics.stream().filter(t -> t.rank() > 0).count(),
            gold.notEntities().size(),
            (int) junk.stream().map(Junk::text).distinct().count(),
            relations.size(),
            (int) relations.stream().filter(RelationMatch::exact).count(),
            (int) relations.stream().filter(r -> !r.predicates().isEmpty()).count(),
            quotes.size(),
            quotes.size() - ungrounded.size());
    return new ConversationScore(
        gold.file(),
        gold.conversation(),
        conversationId,
        scores,
        entities,
        centres,
        topics,
        junk,
        relations,
        ungrounded);
  }

  /** The conversation's entities found under one of {@code wanted}. */
  private List<Entity> mentionedAs(Collection<String> wanted) {
    Set<String> keys = Names.keys(wanted);
    return mentioned.stream().filter(e -> names.carries(e, keys)).toList();
  }

  private List<EntityMatch> entities() {
    List<EntityMatch> matches = new ArrayList<>();
    for (GoldConversation.Entity g : gold.entities()) {
      List<Entity> found = mentionedAs(g.names());
      Set<String> types = new TreeSet<>();
      boolean acceptable = !found.isEmpty();
      for (Entity e : found) {
        for (String type : terms.mostSpecific(e.types())) {
          types.add(Iris.localName(type));
          acceptable &= terms.acceptable(type, g.types());
        }
      }
      matches.add(
          new EntityMatch(
              g.label(),
              g.types(),
              found.stream().map(Entity::label).toList(),
              List.copyOf(types),
              acceptable));
    }
    return matches;
  }

  private List<Centre> centres(List<CentresResult.Centre> top) {
    Set<String> topicKeys = new HashSet<>();
    gold.topics().forEach(t -> topicKeys.addAll(Names.keys(gold.namesOf(t))));
    Set<String> entityKeys = new HashSet<>();
    gold.entities().forEach(e -> entityKeys.addAll(Names.keys(e.names())));
    Set<String> endKeys = new HashSet<>();
    for (GoldConversation.Relation r : gold.relations()) {
      endKeys.addAll(Names.keys(gold.namesOf(r.subject())));
      endKeys.addAll(Names.keys(gold.namesOf(r.object())));
    }
    List<Centre> centres = new ArrayList<>();
    for (CentresResult.Centre c : top) {
      Entity e = graph.entity(c.iri()).orElseThrow();
      String role =
          names.carries(e, topicKeys)
              ? "topic"
              : names.carries(e, entityKeys)
                  ? "entity"
                  : names.carries(e, endKeys) ? "relation end" : null;
      centres.add(new Centre(centres.size() + 1, c.label(), c.type(), c.pageRank(), role));
    }
    return centres;
  }

  private List<TopicMatch> topics(List<CentresResult.Centre> top) {
    List<TopicMatch> topics = new ArrayList<>();
    for (String topic : gold.topics()) {
      Set<String> keys = Names.keys(gold.namesOf(topic));
      int rank = 0;
      for (int i = 0; i < top.size() && rank == 0; i++) {
        if (names.carries(graph.entity(top.get(i).iri()).orElseThrow(), keys)) {
          rank = i + 1;
        }
      }
      topics.add(new TopicMatch(topic, rank));
    }
    return topics;
  }

  private List<Junk> notEntities() {
    List<Junk> junk = new ArrayList<>();
    for (String text : gold.notEntities()) {
      for (Entity e : mentionedAs(List.of(text))) {
        junk.add(new Junk(text, e.label(), e.typeName()));
      }
    }
    return junk;
  }

  private List<RelationMatch> relations() {
    List<RelationMatch> matches = new ArrayList<>();
    for (GoldConversation.Relation g : gold.relations()) {
      List<Entity> subjects = mentionedAs(gold.namesOf(g.subject()));
      List<Entity> objects = mentionedAs(gold.namesOf(g.object()));
      Set<String> predicates = new LinkedHashSet<>();
      boolean exact = false;
      for (Entity s : subjects) {
        for (Entity o : objects) {
          MeaningEdge edge =
              s.iri().equals(o.iri()) ? null : graph.graph().getEdge(s.iri(), o.iri());
          if (edge == null) {
            continue;
          }
          for (Relation r : edge.relations()) {
            boolean forward = r.subject().equals(s.iri());
            predicates.add(Iris.localName(r.property()) + (forward ? " →" : " ←"));
            exact |= terms.says(r.property(), g.predicate(), forward);
          }
        }
      }
      matches.add(
          new RelationMatch(
              g.subject(),
              g.predicate(),
              g.object(),
              g.turn(),
              !subjects.isEmpty() && !objects.isEmpty(),
              List.copyOf(predicates),
              exact));
    }
    return matches;
  }
}
