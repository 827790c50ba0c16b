package dev.noema.meaning;

import static dev.noema.meaning.SampleLayer.e;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.ontology.Noema;
import dev.noema.store.GraphChange;
import dev.noema.store.GraphContent;
import dev.noema.store.Tdb2GraphStore;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;

class MeaningLayerTest {
  private static final String NS = "https://w3id.org/noema/ontology#";
  private static final String S = "https://w3id.org/noema/id/conversation/sample/turn/";
  private static final MeaningLayer LAYER = SampleLayer.layer();

  @Test
  void reads_every_meaning_entity_with_its_most_specific_type_and_every_name() {
    assertEquals(15, LAYER.entities().size());
    Entity recursia = LAYER.entity(e("recursia")).orElseThrow();
    assertEquals(NS + "CognitiveModule", recursia.type());
    Entity architecture = LAYER.entity(e("architecture")).orElseThrow();
    assertEquals(List.of("architecture", "архитектура"), architecture.names().texts());
    assertEquals("architecture", LAYER.label(e("architecture"), "en"));
    assertEquals("архитектура", LAYER.label(e("architecture"), "ru"));
    assertEquals(List.of(S + "0"), architecture.mentions());
    assertEquals(NS + "Interpretation", LAYER.entity(e("i1")).orElseThrow().type());
  }

  @Test
  void a_concept_another_graph_types_more_specifically_is_of_that_type_only() {
    try (Tdb2GraphStore store = SampleLayer.store()) {
      Node type = RDF.Nodes.type;
      store.apply(
          GraphChange.put(
              new GraphContent(
                  NodeFactory.createURI("urn:g:sure"),
                  "sure",
                  List.of(
                      // architecture (a Concept in the sample) is also a Method here; latent space
                      // stays a Concept beside a super-class of Concept, which says nothing more;
                      // emergence beside a Claim, disjoint from Concept, stays both.
                      Triple.create(NodeFactory.createURI(e("architecture")), type, Noema.Method),
                      Triple.create(
                          NodeFactory.createURI(e("latent-space")), type, Noema.MeaningEntity),
                      Triple.create(NodeFactory.createURI(e("emergence")), type, Noema.Claim)))));
      MeaningLayer layer = new MeaningLayers(store, SampleLayer.SCHEMA).current();
      Entity architecture = layer.entity(e("architecture")).orElseThrow();
      assertEquals(Set.of(NS + "Method"), architecture.types());
      assertEquals(NS + "Method", architecture.type());
      assertTrue(layer.entity(e("latent-space")).orElseThrow().types().contains(NS + "Concept"));
      assertEquals(
          Set.of(NS + "Claim", NS + "Concept"), layer.entity(e("emergence")).orElseThrow().types());
    }
  }

  @Test
  void reads_relations_with_the_facts_that_reify_them_and_their_groundings() {
    Relation related = relation("architecture", NS + "relatedTo", "latent-space");
    assertEquals(1, related.facts().size());
    Fact fact = related.facts().get(0);
    assertEquals(e("f1"), fact.iri());
    assertEquals(2.0, fact.weight());
    assertEquals(null, fact.confidence());
    assertEquals(
        List.of(new Grounding(S + "0", "структура смыслопотока в latent space")),
        fact.groundings());
    assertEquals(
        0.5, relation("latent-space", NS + "causes", "emergence").facts().get(0).confidence());
  }

  @Test
  void a_target_without_a_selector_grounds_in_its_turn_without_a_quote() {
    Fact holds = relation("kirill", NS + "holdsPerspective", "kirill-s-perspective").facts().get(0);
    assertEquals(List.of(new Grounding(S + "1", null)), holds.groundings());
  }

  @Test
  void relations_and_entities_index_each_other() {
    assertEquals(
        Set.of(NS + "partOf"),
        Set.copyOf(
            LAYER.relationsOf(e("module-consensus")).stream().map(Relation::predicate).toList()));
    assertEquals(3, LAYER.relationsOf(e("module-consensus")).size());
    assertEquals(9, LAYER.relations().size());
    assertEquals(9, LAYER.facts().size());
  }

  @Test
  void reads_interpretations_with_statements_groundings_and_mentions() {
    List<Interpretation> architecture = LAYER.interpretationsOf(e("architecture"));
    assertEquals(
        List.of(e("i1"), e("i2")), architecture.stream().map(Interpretation::iri).toList());
    Interpretation industry = architecture.get(1);
    assertEquals(e("industry-perspective"), industry.perspective());
    assertEquals(
        "Architecture is transformer blocks, attention heads and MLPs.", industry.statement());
    assertEquals(
        List.of(new Grounding(S + "1", "Transformer blocks, attention heads, MLPs")),
        industry.groundings());
    assertEquals(List.of(S + "1"), architecture.get(0).mentions());
  }

  @Test
  void reads_where_each_turn_is_and_who_spoke_it() {
    TurnRef turn = LAYER.turn(S + "2").orElseThrow();
    assertEquals("https://w3id.org/noema/id/conversation/sample", turn.conversation());
    assertEquals(2, turn.index());
    assertEquals("User", turn.speakerName());
    assertEquals("user", turn.speakerRole());
    assertEquals("assistant", LAYER.turn(S + "1").orElseThrow().speakerRole());
    assertEquals(Instant.parse("2025-07-26T10:20:00Z"), turn.timestamp());
    assertEquals(4, LAYER.turns().size());
  }

  /**
   * What a reply answers is read: a user's turn that another follows. The assistant's words reach
   * the layer only as quotes, and a last question (nothing answers it) is not read either.
   */
  @Test
  void reads_the_text_of_the_users_turns_that_are_answered() {
    assertEquals("What is architecture?", LAYER.turn(S + "0").orElseThrow().text());
    assertNull(LAYER.turn(S + "1").orElseThrow().text());
    assertNull(LAYER.turn(S + "2").orElseThrow().text());
  }

  @Test
  void one_named_graph_alone_is_read_the_way_the_store_is() {
    GraphContent turn0 =
        SampleLayer.graphs().stream()
            .filter(g -> g.name().getURI().endsWith("sample/turn/0/llm"))
            .findFirst()
            .orElseThrow();
    MeaningReader reader = new MeaningReader(SampleLayer.SCHEMA);
    turn0.triples().forEach(reader::triple);
    MeaningLayer alone = reader.build("");
    assertEquals(List.of(e("f1"), e("f2")), alone.facts().stream().map(Fact::iri).toList());
    assertEquals(
        LAYER.facts().stream().filter(f -> f.iri().equals(e("f1"))).findFirst().orElseThrow(),
        alone.facts().get(0));
    assertEquals("", alone.fingerprint());
  }

  @Test
  void the_layer_is_read_again_only_when_the_store_changed() {
    try (Tdb2GraphStore store = SampleLayer.store()) {
      MeaningLayers layers = new MeaningLayers(store, SampleLayer.SCHEMA);
      MeaningLayer first = layers.current();
      assertSame(first, layers.current());
      assertSame(first, layers.last());
      store.apply(
          GraphChange.put(
              new GraphContent(
                  NodeFactory.createURI("urn:g:more"),
                  "more",
                  List.of(
                      Triple.create(
                          NodeFactory.createURI(e("novelty")), RDF.Nodes.type, Noema.Concept)))));
      MeaningLayer second = layers.current();
      assertNotSame(first, second);
      assertTrue(second.entity(e("novelty")).isPresent());
      assertFalse(first.entity(e("novelty")).isPresent());
      assertEquals(MeaningLayers.fingerprint(store), second.fingerprint());
    }
  }

  @Test
  void an_empty_store_has_an_empty_layer() {
    try (Tdb2GraphStore store = Tdb2GraphStore.inMemory()) {
      MeaningLayer empty = new MeaningLayers(store, SampleLayer.SCHEMA).current();
      assertTrue(empty.entities().isEmpty());
      assertTrue(empty.relations().isEmpty());
      assertTrue(empty.turns().isEmpty());
    }
  }

  @Test
  void the_schema_comes_from_the_ontology() {
    MeaningSchema schema = SampleLayer.SCHEMA;
    assertTrue(schema.isEntityClass(NS + "CognitiveModule"));
    assertTrue(schema.isInterpretationClass(NS + "Interpretation"));
    assertFalse(schema.isEntityClass(NS + "Turn"));
    assertTrue(schema.relationProperties().contains(NS + "partOf"));
    assertFalse(schema.relationProperties().contains(NS + "interprets"));
    assertEquals(NameKind.PREFERRED, schema.nameKind(NS + "canonicalLabel").orElseThrow());
    assertEquals(NameKind.PREFERRED, schema.nameKind(SKOS.prefLabel.getURI()).orElseThrow());
    assertEquals(NameKind.ALTERNATIVE, schema.nameKind(SKOS.altLabel.getURI()).orElseThrow());
    assertEquals(
        NameKind.PLAIN,
        schema.nameKind(org.apache.jena.vocabulary.RDFS.label.getURI()).orElseThrow());
    assertTrue(schema.isSupport(NS + "Fact"));
    assertTrue(schema.isSupport(NS + "Grounding"));
    assertFalse(schema.isSupport(NS + "Concept"));
  }

  private static Relation relation(String s, String p, String o) {
    return LAYER.relations().stream()
        .filter(r -> r.subject().equals(e(s)) && r.predicate().equals(p) && r.object().equals(e(o)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no relation " + s + " " + p + " " + o));
  }
}
