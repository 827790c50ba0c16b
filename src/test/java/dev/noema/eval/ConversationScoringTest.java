package dev.noema.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.eval.ConversationScore.Quote;
import dev.noema.ontology.Noema;
import dev.noema.ontology.OntologyModel;
import dev.noema.topology.Entity;
import dev.noema.topology.MeaningGraph;
import dev.noema.topology.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each metric of one conversation on a hand-built meaning graph whose answer is known. */
class ConversationScoringTest {
  private static final String TURN = "urn:conversation/turn/1";
  private static GoldTerms terms;

  @BeforeAll
  static void ontology() {
    terms = new GoldTerms(OntologyModel.loadDefault());
  }

  /** An entity mentioned in the conversation. */
  private static Entity entity(String iri, String type, String... labels) {
    return new Entity(iri, labels[0], Set.of(Noema.NS + type), List.of(labels), Set.of(TURN));
  }

  private static Relation relation(String s, String property, String o, double weight) {
    return new Relation(s, Noema.NS + property, o, weight, List.of());
  }

  private static GoldConversation gold(
      List<String> topics,
      List<GoldConversation.Entity> entities,
      List<GoldConversation.Relation> relations,
      List<String> notEntities) {
    return new GoldConversation(
        "tiny.yaml", "Tiny", topics, entities, relations, notEntities, List.of(), List.of());
  }

  private static GoldConversation.Entity goldEntity(String label, String... types) {
    return new GoldConversation.Entity(label, List.of(types), List.of());
  }

  private static ConversationScore score(GoldConversation gold, MeaningGraph graph) {
    return new ConversationScoring(gold, graph, terms).score("tiny", Map.of(), List.of());
  }

  @Test
  void finds_a_gold_entity_under_an_alias_or_a_label_in_another_language() {
    MeaningGraph graph =
        MeaningGraph.builder()
            .entity(entity("urn:braise", "Method", "braise"))
            .entity(entity("urn:collagen", "Concept", "collagen", "коллаген"))
            .build();
    GoldConversation gold =
        gold(
            List.of(),
            List.of(
                new GoldConversation.Entity("braising", List.of("Method"), List.of("braise")),
                goldEntity("Коллаген", "Concept"),
                goldEntity("gelatin", "Concept")),
            List.of(),
            List.of());

    Scores scores = score(gold, graph).scores();

    assertEquals(3, scores.goldEntities());
    assertEquals(2, scores.entitiesFound());
  }

  @Test
  void an_entity_not_mentioned_in_the_conversation_is_not_found() {
    Entity elsewhere =
        new Entity(
            "urn:oven",
            "Dutch oven",
            Set.of(Noema.NS + "Concept"),
            List.of("Dutch oven"),
            Set.of());
    MeaningGraph graph = MeaningGraph.builder().entity(elsewhere).build();

    ConversationScore score =
        score(
            gold(List.of(), List.of(goldEntity("Dutch oven", "Concept")), List.of(), List.of()),
            graph);

    assertEquals(0, score.scores().entitiesFound());
    assertFalse(score.entities().get(0).found());
  }

  @Test
  void typing_accepts_a_sub_class_of_a_gold_type_and_nothing_else() {
    Entity module =
        new Entity(
            "urn:ordo",
            "ORDO",
            Set.of(Noema.NS + "CognitiveModule", Noema.NS + "Concept"),
            List.of("ORDO"),
            Set.of(TURN));
    MeaningGraph graph =
        MeaningGraph.builder()
            .entity(module)
            .entity(entity("urn:searing", "Concept", "searing"))
            .entity(entity("urn:child", "MentionedPerson", "Julia Child"))
            .build();
    GoldConversation gold =
        gold(
            List.of(),
            List.of(
                goldEntity("ORDO", "Concept"),
                goldEntity("searing", "Method"),
                goldEntity("Julia Child", "MentionedPerson", "Concept")),
            List.of(),
            List.of());

    ConversationScore score = score(gold, graph);

    assertEquals(3, score.scores().entitiesFound());
    assertEquals(2, score.scores().acceptablyTyped());
    assertEquals(List.of("CognitiveModule"), score.entities().get(0).types());
    assertFalse(score.entities().get(1).acceptablyTyped());
  }

  @Test
  void
      top_ten_precision_counts_gold_entities_topics_and_relation_ends_among_the_ten_most_central() {
    // A star: the hub is the most central, then the leaves in order of their edge's weight.
    MeaningGraph.Builder builder =
        MeaningGraph.builder()
            .entity(entity("urn:hub", "Method", "braise"))
            .entity(entity("urn:collagen", "Concept", "collagen"))
            .entity(entity("urn:hypothalamus", "Concept", "hypothalamus"))
            .relation(relation("urn:hub", "relatedTo", "urn:collagen", 20))
            .relation(relation("urn:hub", "relatedTo", "urn:hypothalamus", 19));
    for (int i = 1; i <= 9; i++) {
      builder
          .entity(entity("urn:noise" + i, "Concept", "noise " + i))
          .relation(relation("urn:hub", "relatedTo", "urn:noise" + i, 19 - i));
    }
    builder
        .entity(entity("urn:wine", "Concept", "red wine"))
        .relation(relation("urn:hub", "relatedTo", "urn:wine", 1));
    GoldConversation gold =
        gold(
            List.of("braising", "collagen", "red wine"),
            List.of(
                new GoldConversation.Entity("braising", List.of("Method"), List.of("braise")),
                goldEntity("collagen", "Concept"),
                goldEntity("red wine", "Concept")),
            List.of(
                new GoldConversation.Relation(
                    "noyau suprachiasmatique", "partOf", "hypothalamus", 1, "q")),
            List.of());

    ConversationScore score = score(gold, builder.build());

    assertEquals(10, score.scores().centres());
    assertEquals(3, score.scores().goldCentres(), score.centres().toString());
    assertEquals(0.3, score.scores().top10Precision(), 1e-12);
    assertEquals("topic", score.centres().get(0).gold());
    assertEquals("relation end", score.centres().get(2).gold());
    assertEquals(null, score.centres().get(3).gold());
    assertEquals(2, score.scores().centralTopics(), "red wine is twelfth");
    assertEquals(1, score.topics().get(0).rank());
    assertEquals(0, score.topics().get(2).rank());
  }

  @Test
  void a_graph_of_fewer_than_ten_entities_is_judged_on_all_of_them() {
    MeaningGraph graph =
        MeaningGraph.builder()
            .entity(entity("urn:a", "Concept", "collagen"))
            .entity(entity("urn:b", "Concept", "notes"))
            .relation(relation("urn:a", "relatedTo", "urn:b", 1))
            .build();

    Scores scores =
        score(
                gold(List.of(), List.of(goldEntity("collagen", "Concept")), List.of(), List.of()),
                graph)
            .scores();

    assertEquals(2, scores.centres());
    assertEquals(0.5, scores.top10Precision(), 1e-12);
  }

  @Test
  void lists_the_not_entities_that_were_made_entities() {
    MeaningGraph graph =
        MeaningGraph.builder()
            .entity(entity("urn:notes", "Concept", "notes"))
            .entity(entity("urn:pin", "Concept", "📌"))
            .entity(entity("urn:saturday", "Concept", "Samstag"))
            .build();

    ConversationScore score =
        score(
            gold(List.of(), List.of(), List.of(), List.of("Notes", "📌", "Saturday", "Cut")),
            graph);

    assertEquals(4, score.scores().notEntities());
    assertEquals(2, score.scores().notEntitiesProduced());
    assertEquals(
        List.of("Notes", "📌"), score.notEntitiesProduced().stream().map(j -> j.text()).toList());
  }

  @Test
  void relations_match_exactly_through_inverses_and_symmetry_and_otherwise_by_any_predicate() {
    MeaningGraph graph =
        MeaningGraph.builder()
            .entity(entity("urn:braise", "Method", "braise"))
            .entity(entity("urn:searing", "Method", "searing"))
            .entity(entity("urn:collagen", "Concept", "collagen"))
            .entity(entity("urn:gelatin", "Concept", "gelatin"))
            .relation(relation("urn:braise", "hasPart", "urn:searing", 1))
            .relation(relation("urn:gelatin", "causes", "urn:collagen", 1))
            .relation(relation("urn:braise", "relatedTo", "urn:collagen", 1))
            .build();
    List<GoldConversation.Relation> relations = new ArrayList<>();
    relations.add(new GoldConversation.Relation("searing", "partOf", "braising", 1, "q"));
    relations.add(new GoldConversation.Relation("collagen", "causes", "gelatin", 5, "q"));
    relations.add(new GoldConversation.Relation("braising", "uses", "Dutch oven", 1, "q"));
    relations.add(new GoldConversation.Relation("collagen", "relatedTo", "braising", 5, "q"));
    relations.add(new GoldConversation.Relation("searing", "causes", "gelatin", 3, "q"));
    GoldConversation gold =
        gold(
            List.of(),
            List.of(new GoldConversation.Entity("braising", List.of("Method"), List.of("braise"))),
            relations,
            List.of());

    ConversationScore score = score(gold, graph);

    assertEquals(5, score.scores().relations());
    assertEquals(2, score.scores().relationsExact(), score.relations().toString());
    assertEquals(3, score.scores().relationsAnyPredicate());
    assertEquals(List.of("hasPart ←"), score.relations().get(0).predicates());
    assertFalse(score.relations().get(1).exact(), "gelatin causes collagen is the converse");
    assertFalse(score.relations().get(2).endsFound());
    assertTrue(score.relations().get(4).endsFound());
    assertTrue(score.relations().get(4).predicates().isEmpty());
  }

  @Test
  void grounding_counts_the_quotes_found_in_the_turn_they_cite() {
    MeaningGraph graph = MeaningGraph.builder().build();
    Map<Integer, String> turns =
        Map.of(0, "How long?", 1, "**Searing** is the first step of braising.");
    List<Quote> quotes =
        List.of(
            new Quote(1, "Searing is the first step"),
            new Quote(0, "Searing is the first step"),
            new Quote(1, "searing is the last step"),
            new Quote(7, "How long?"));

    ConversationScore score =
        new ConversationScoring(gold(List.of(), List.of(), List.of(), List.of()), graph, terms)
            .score("tiny", turns, quotes);

    assertEquals(4, score.scores().quotes());
    assertEquals(1, score.scores().groundedQuotes());
    assertEquals(3, score.ungrounded().size());
  }
}
