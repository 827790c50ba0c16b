package dev.noema.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.ontology.Noema;
import dev.noema.topology.Entity;
import dev.noema.topology.MeaningGraph;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Identity over the whole knowledge base on hand-built graphs. */
class IdentityScoringTest {
  private static Entity entity(String iri, String... labels) {
    return new Entity(iri, labels[0], Set.of(Noema.NS + "Concept"), List.of(labels), Set.of());
  }

  private static GoldCorpus corpus(
      List<GoldConversation.Entity> entities, List<List<String>> crossLanguage) {
    return new GoldCorpus(
        List.of(
            new GoldConversation(
                "g.yaml",
                "G",
                List.of(),
                entities,
                List.of(),
                List.of(),
                List.of(),
                crossLanguage)));
  }

  @Test
  void a_cross_language_pair_is_resolved_only_when_one_entity_carries_both_names() {
    MeaningGraph graph =
        MeaningGraph.builder()
            .entity(entity("urn:emergence", "emergence", "эмерджентность"))
            .entity(entity("urn:rythme", "rythme circadien"))
            .entity(entity("urn:ритм", "циркадный ритм"))
            .build();
    GoldCorpus corpus =
        corpus(
            List.of(),
            List.of(
                List.of("эмерджентность", "emergence"),
                List.of("циркадный ритм", "rythme circadien"),
                List.of("Emergence", "Эмерджентность"),
                List.of("сознание", "consciousness")));

    IdentityScore score = new IdentityScoring(graph).score(corpus);

    assertEquals(3, score.crossLanguage().size(), "the same pair twice counts once");
    assertEquals(1, score.resolvedPairs());
    assertTrue(score.crossLanguage().get(0).resolved());
    assertFalse(score.crossLanguage().get(1).resolved());
    assertEquals(List.of("циркадный ритм"), score.crossLanguage().get(1).firstFoundAs());
    assertTrue(score.crossLanguage().get(2).firstFoundAs().isEmpty());
  }

  @Test
  void an_entity_carrying_two_gold_entities_with_no_type_in_common_is_a_merge() {
    MeaningGraph graph =
        MeaningGraph.builder()
            .entity(entity("urn:apple", "Apple", "apple"))
            .entity(entity("urn:braise", "braising", "braise"))
            .build();
    GoldCorpus corpus =
        corpus(
            List.of(
                new GoldConversation.Entity("Apple", List.of("Organization"), List.of()),
                new GoldConversation.Entity("apple pie", List.of("Concept"), List.of("apple")),
                new GoldConversation.Entity("braising", List.of("Method", "Concept"), List.of()),
                new GoldConversation.Entity("braise", List.of("Concept"), List.of())),
            List.of());

    IdentityScore score = new IdentityScoring(graph).score(corpus);

    assertEquals(1, score.merges().size(), score.merges().toString());
    assertEquals("Apple", score.merges().get(0).entity());
    assertEquals(
        List.of("Apple (Organization)", "apple pie (Concept)"), score.merges().get(0).gold());
  }
}
