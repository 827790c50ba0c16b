package dev.noema.topology;

import static dev.noema.topology.SampleStore.e;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.meaning.MeaningLayer;
import dev.noema.meaning.MeaningLayers;
import dev.noema.meaning.SampleLayer;
import dev.noema.store.GraphChange;
import dev.noema.store.GraphContent;
import dev.noema.store.Tdb2GraphStore;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.junit.jupiter.api.Test;

class MeaningGraphsTest {

  private static Set<String> vertices(MeaningGraph g) {
    Set<String> names = new TreeSet<>();
    g.graph().vertexSet().forEach(v -> names.add(v.substring(SampleStore.E.length())));
    return names;
  }

  private static MeaningEdge edge(MeaningGraph g, String a, String b) {
    return g.graph().getEdge(e(a), e(b));
  }

  @Test
  void loads_entities_as_vertices_and_interpretations_as_edges_between_perspective_and_concept() {
    MeaningGraph g = SampleStore.graph(TopologyFilter.NONE);
    assertEquals(
        Set.of(
            "architecture",
            "attention",
            "emergence",
            "industry-perspective",
            "insight",
            "kirill",
            "kirill-s-perspective",
            "latent-space",
            "module-consensus",
            "obstructio",
            "recursia",
            "the-industry"),
        vertices(g));
    assertEquals(12, g.edgeCount());
    assertEquals(
        Set.of("https://w3id.org/noema/ontology#interprets"),
        edge(g, "industry-perspective", "architecture").relationTypes());
    assertEquals(
        e("kirill-s-perspective"), edge(g, "kirill-s-perspective", "architecture").source());
  }

  @Test
  void claims_and_hypotheses_are_centres_of_their_own_kind_and_not_among_the_ideas() {
    Model statements = ModelFactory.createDefaultModel();
    statements.read(
        new StringReader(
            """
            @prefix noema: <https://w3id.org/noema/ontology#> .
            @prefix e: <https://w3id.org/noema/id/entity/> .
            @prefix s: <https://w3id.org/noema/id/conversation/sample/turn/> .
            e:claim a noema:Claim ; noema:canonicalLabel "latent space explains emergence" ;
                noema:mentionedInTurn s:0 ; noema:about e:emergence .
            e:hypothesis a noema:Hypothesis ; noema:canonicalLabel "attention causes insight" ;
                noema:mentionedInTurn s:0 ; noema:about e:latent-space .
            e:named-hypothesis a noema:Hypothesis, noema:Concept ;
                noema:canonicalLabel "the latent-space hypothesis" ; noema:mentionedInTurn s:0 ;
                noema:about e:emergence .
            """),
        null,
        "TTL");
    MeaningLayer layer;
    try (Tdb2GraphStore store = SampleLayer.store()) {
      store.apply(
          GraphChange.put(
              new GraphContent(
                  NodeFactory.createURI("https://w3id.org/noema/graph/extraction/statements"),
                  "test",
                  statements.getGraph().find().toList())));
      layer = new MeaningLayers(store, SampleLayer.SCHEMA).current();
    }
    CentresResult centres = new Topology(MeaningGraphs.of(layer, TopologyFilter.NONE)).centres();
    Set<String> statementsRanked = new TreeSet<>();
    centres.centres().stream()
        .filter(c -> c.kind() == Entity.Kind.STATEMENT)
        .forEach(c -> statementsRanked.add(c.iri()));
    assertEquals(Set.of(e("claim"), e("hypothesis")), statementsRanked);
    assertTrue(
        centres.ideas().centres().stream()
            .noneMatch(c -> c.iri().equals(e("claim")) || c.iri().equals(e("hypothesis"))));
    assertTrue(centres.ideas().centres().stream().anyMatch(c -> c.iri().equals(e("emergence"))));
    assertTrue(
        centres.ideas().centres().stream().anyMatch(c -> c.iri().equals(e("named-hypothesis"))),
        "a hypothesis another graph calls a concept is an idea");
  }

  @Test
  void weighs_edges_by_fact_weight_then_confidence_and_keeps_the_evidence() {
    MeaningGraph g = SampleStore.graph(TopologyFilter.NONE);
    MeaningEdge related = edge(g, "architecture", "latent-space");
    assertEquals(2.0, related.weight());
    assertEquals(
        List.of(
            new Evidence(
                "структура смыслопотока в latent space",
                "https://w3id.org/noema/id/conversation/sample/turn/0")),
        related.evidence());
    assertEquals(0.5, edge(g, "latent-space", "emergence").weight());
    assertEquals(1.0, edge(g, "kirill", "kirill-s-perspective").weight());
  }

  @Test
  void labels_in_any_language_find_the_entity() {
    MeaningGraph g = SampleStore.graph(TopologyFilter.NONE);
    assertEquals(e("architecture"), g.index().resolve("АРХИТЕКТУРА"));
    assertEquals(e("kirill"), g.index().resolve("кирилл"));
    assertEquals("architecture", g.label(e("architecture")));
  }

  @Test
  void conversation_filter_keeps_what_was_grounded_in_that_conversation() {
    MeaningGraph g = SampleStore.graph(TopologyFilter.NONE.withConversation("other"));
    assertEquals(Set.of("architecture", "attention"), vertices(g));
    assertEquals(1, g.edgeCount());
  }

  @Test
  void participant_filter_keeps_what_that_speaker_said() {
    MeaningGraph g = SampleStore.graph(TopologyFilter.NONE.withParticipant("assistant"));
    assertEquals(
        Set.of(
            "architecture",
            "emergence",
            "industry-perspective",
            "kirill",
            "kirill-s-perspective",
            "the-industry"),
        vertices(g));
    assertEquals(5, g.edgeCount());
  }

  @Test
  void period_filter_keeps_turns_between_since_and_until() {
    MeaningGraph g =
        SampleStore.graph(
            TopologyFilter.NONE.withPeriod(
                Instant.parse("2025-07-26T10:15:00Z"), Instant.parse("2025-07-31T00:00:00Z")));
    assertEquals(
        Set.of("emergence", "insight", "module-consensus", "obstructio", "recursia"), vertices(g));
    assertEquals(4, g.edgeCount());
  }

  @Test
  void perspective_filter_drops_the_other_perspectives() {
    MeaningGraph g = SampleStore.graph(TopologyFilter.NONE.withPerspective("industry perspective"));
    assertFalse(vertices(g).contains("kirill-s-perspective"));
    assertTrue(vertices(g).contains("industry-perspective"));
    assertEquals(10, g.edgeCount());
  }

  @Test
  void unknown_perspective_says_which_exist() {
    UnknownConceptException e =
        assertThrows(
            UnknownConceptException.class,
            () -> SampleStore.graph(TopologyFilter.NONE.withPerspective("Kiril perspective")));
    assertEquals("Kirill's perspective", e.suggestions().get(0));
  }

  @Test
  void relation_filter_keeps_only_those_relation_types() {
    MeaningGraph g = SampleStore.graph(TopologyFilter.NONE.withRelations(Set.of("partOf")));
    assertEquals(3, g.edgeCount());
    assertEquals(12, g.vertexCount());
  }

  @Test
  void empty_store_gives_an_empty_graph() {
    try (Tdb2GraphStore store = Tdb2GraphStore.inMemory()) {
      MeaningGraph g =
          MeaningGraphs.of(
              MeaningLayers.of(store, SampleStore.ONTOLOGY).current(), TopologyFilter.NONE);
      assertTrue(g.isEmpty());
      assertEquals(0, g.edgeCount());
    }
  }

  @Test
  void interpretations_are_edges_between_perspective_and_concept_never_vertices() {
    MeaningGraph g = SampleStore.graph(TopologyFilter.NONE);
    for (Entity v : g.entities()) {
      assertFalse(
          v.types().contains("https://w3id.org/noema/ontology#Interpretation"), v.toString());
    }
    Set<String> relations = new TreeSet<>();
    g.graph().edgeSet().forEach(edge -> relations.addAll(edge.relationTypes()));
    assertTrue(
        relations.contains("https://w3id.org/noema/ontology#interprets"), relations.toString());
    assertFalse(
        relations.contains("https://w3id.org/noema/ontology#fromPerspective"),
        relations.toString());
  }

  @Test
  void the_graph_keeps_the_layer_it_was_made_from() {
    assertSame(SampleStore.layer(), SampleStore.graph(TopologyFilter.NONE).source().orElseThrow());
    assertTrue(MeaningGraph.builder().build().source().isEmpty());
  }
}
