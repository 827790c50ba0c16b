package dev.noema.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.conversation.Conversation;
import dev.noema.conversation.Role;
import dev.noema.conversation.Turn;
import dev.noema.identity.EntityIris;
import dev.noema.ontology.Iris;
import dev.noema.ontology.Noema;
import dev.noema.ontology.OntologyCheck;
import dev.noema.ontology.OntologyModel;
import java.util.List;
import java.util.Locale;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExtractionGraphsTest {
  private static OntologyModel ontology;
  private static Conversation conversation;
  private static Extraction extraction;
  private static List<ExtractionGraphs.TurnGraph> graphs;

  @BeforeAll
  static void build() {
    ontology = OntologyModel.loadDefault();
    conversation = SampleDialogue.conversation();
    extraction =
        new FactValidator(ontology)
            .validate(new StructuralExtractor(ontology).extract(conversation), conversation)
            .kept();
    graphs =
        new ExtractionGraphs(ontology)
            .graphs(extraction, conversation, SampleDialogue.entityIris(extraction));
  }

  @Test
  void one_graph_per_turn_named_by_conversation_turn_and_extractor() {
    assertEquals(
        List.of(
            Iris.extractionGraph(conversation.id(), 0, "structural"),
            Iris.extractionGraph(conversation.id(), 1, "structural")),
        graphs.stream().map(ExtractionGraphs.TurnGraph::graphName).toList());
    // The user's turn has no structure to read, but its graph still records the extraction
    // activity.
    assertTrue(
        graphs
            .get(0)
            .triples()
            .contains(
                Triple.create(
                    activity(graphs.get(0)),
                    Noema.extractedFromTurn,
                    Iris.turn(conversation.id(), 0))));
  }

  @Test
  void relations_are_asserted_and_reified_with_a_grounding() {
    Node recursia = EntityIris.of("RECURSIA");
    Node consensus = EntityIris.of("консенсус модулей");
    List<Triple> triples = graphs.get(1).triples();

    assertTrue(triples.contains(Triple.create(recursia, Noema.partOf, consensus)));
    Node fact = subjectOf(triples, RDF.Nodes.subject, recursia, RDF.Nodes.predicate, Noema.partOf);
    assertTrue(triples.contains(Triple.create(fact, RDF.Nodes.type, Noema.Fact)));
    assertTrue(
        triples.contains(
            Triple.create(
                fact,
                Noema.confidence,
                NodeFactory.createLiteralDT("0.900", XSDDatatype.XSDdecimal))));
    assertTrue(
        triples.contains(Triple.create(fact, Noema.prov_wasGeneratedBy, activity(graphs.get(1)))));
    Node grounding = subjectOf(triples, OA.hasBody.asNode(), fact, RDF.Nodes.type, Noema.Grounding);
    Node target = objectOf(triples, grounding, OA.hasTarget.asNode());
    assertEquals(Iris.turn(conversation.id(), 1), objectOf(triples, target, OA.hasSource.asNode()));
    Node quote =
        objectOf(triples, objectOf(triples, target, OA.hasSelector.asNode()), OA.exact.asNode());
    assertTrue(Quotes.occursIn(quote.getLiteralLexicalForm(), conversation.turns().get(1).text()));
  }

  @Test
  void every_grounding_has_a_position_selector_over_its_quote_in_code_points() {
    List<Triple> triples = graphs.get(1).triples();
    String text = conversation.turns().get(1).text();
    List<Node> targets =
        triples.stream()
            .filter(t -> t.getPredicate().equals(OA.hasTarget.asNode()))
            .map(Triple::getObject)
            .distinct()
            .toList();

    assertTrue(targets.size() > 50, targets.size() + " groundings");
    for (Node target : targets) {
      List<Node> selectors =
          triples.stream()
              .filter(t -> t.getSubject().equals(target))
              .filter(t -> t.getPredicate().equals(OA.hasSelector.asNode()))
              .map(Triple::getObject)
              .toList();
      Node quote =
          selectors.stream()
              .map(s -> objectOrNull(triples, s, OA.exact.asNode()))
              .filter(java.util.Objects::nonNull)
              .findFirst()
              .orElseThrow();
      Node position =
          selectors.stream()
              .filter(
                  s ->
                      triples.contains(
                          Triple.create(s, RDF.Nodes.type, OA.TextPositionSelector.asNode())))
              .findFirst()
              .orElseThrow();
      int start =
          Integer.parseInt(objectOf(triples, position, OA.start.asNode()).getLiteralLexicalForm());
      int end =
          Integer.parseInt(objectOf(triples, position, OA.end.asNode()).getLiteralLexicalForm());
      String span =
          text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end));
      assertEquals(
          Quotes.normalize(quote.getLiteralLexicalForm()), Quotes.normalize(span), "at " + start);
    }
  }

  @Test
  void an_aligned_quote_records_its_similarity_on_the_grounding() {
    ExtractedEntity module =
        new ExtractedEntity(
                "m",
                "RECURSIA",
                "en",
                "RECURSIA",
                Noema.CognitiveModule.getURI(),
                List.of(),
                null,
                1,
                "RECURSIA the module")
            .located(new QuoteSpan(5, 13, "RECURSIA", 0.9, true));
    Extraction aligned =
        new Extraction(
            conversation.id(),
            ExtractorInfo.structural("test"),
            List.of(module),
            List.of(),
            List.of(),
            null,
            null);

    List<Triple> triples =
        new ExtractionGraphs(ontology)
            .graphs(aligned, conversation, SampleDialogue.entityIris(aligned))
            .get(1)
            .triples();

    Node grounding =
        subjectOf(
            triples,
            OA.hasBody.asNode(),
            EntityIris.of("RECURSIA"),
            RDF.Nodes.type,
            Noema.Grounding);
    assertEquals(
        NodeFactory.createLiteralDT("0.900", XSDDatatype.XSDdecimal),
        objectOf(triples, grounding, Noema.quoteSimilarity));
    Node target = objectOf(triples, grounding, OA.hasTarget.asNode());
    assertTrue(
        triples.stream()
            .anyMatch(
                t ->
                    t.getSubject().equals(target)
                        && t.getPredicate().equals(OA.hasSelector.asNode())
                        && triples.contains(
                            Triple.create(
                                t.getObject(),
                                OA.start.asNode(),
                                NodeFactory.createLiteralDT(
                                    "5", XSDDatatype.XSDnonNegativeInteger)))));
  }

  @Test
  void entities_carry_labels_in_their_language_and_the_turn() {
    Node architecture = EntityIris.of("architecture");
    List<Triple> triples = graphs.get(1).triples();

    assertTrue(
        triples.contains(
            Triple.create(
                architecture,
                org.apache.jena.vocabulary.RDFS.Nodes.label,
                NodeFactory.createLiteralLang("Архитектура", "ru"))));
    assertTrue(
        triples.contains(
            Triple.create(
                architecture,
                Noema.canonicalLabel,
                NodeFactory.createLiteralString("architecture"))));
    assertTrue(
        triples.contains(
            Triple.create(architecture, Noema.mentionedInTurn, Iris.turn(conversation.id(), 1))));
  }

  @Test
  void interpretations_are_n_ary_nodes() {
    List<Triple> triples = graphs.get(1).triples();
    long ofArchitecture =
        triples.stream()
            .filter(
                t ->
                    t.getPredicate().equals(Noema.interprets)
                        && t.getObject().equals(EntityIris.of("architecture")))
            .count();

    assertEquals(2, ofArchitecture);
    assertTrue(
        triples.contains(
            Triple.create(
                EntityIris.of("industry"),
                Noema.holdsPerspective,
                EntityIris.of("industry perspective"))));
  }

  @Test
  void activity_records_extractor_ontology_version_and_turn() {
    List<Triple> triples = graphs.get(1).triples();
    Node activity = activity(graphs.get(1));

    assertEquals(
        NodeFactory.createLiteralString("structural"),
        objectOf(triples, activity, Noema.extractor));
    assertEquals(
        NodeFactory.createLiteralString(ontology.version()),
        objectOf(triples, activity, Noema.ontologyVersion));
    assertEquals(Iris.turn(conversation.id(), 1), objectOf(triples, activity, Noema.prov_used));
  }

  @Test
  void same_extraction_gives_identical_triples_and_no_blank_nodes() {
    List<ExtractionGraphs.TurnGraph> again =
        new ExtractionGraphs(ontology)
            .graphs(extraction, conversation, SampleDialogue.entityIris(extraction));

    assertEquals(graphs, again);
    assertTrue(
        graphs.stream()
            .flatMap(g -> g.triples().stream())
            .noneMatch(t -> t.getSubject().isBlank() || t.getObject().isBlank()));
  }

  @Test
  void input_hash_changes_with_the_turn_text() {
    Turn edited =
        conversation.turns().get(1).withText(conversation.turns().get(1).text() + " More.");
    Conversation changed =
        SampleDialogue.conversation(conversation.id(), conversation.turns().get(0), edited);
    List<ExtractionGraphs.TurnGraph> after =
        new ExtractionGraphs(ontology)
            .graphs(extraction, changed, SampleDialogue.entityIris(extraction));

    assertEquals(graphs.get(0).inputHash(), after.get(0).inputHash());
    assertNotEquals(graphs.get(1).inputHash(), after.get(1).inputHash());
  }

  @Test
  void graphs_with_their_dialogue_conform_to_the_shapes() {
    Graph union = GraphFactory.createDefaultGraph();
    graphs.forEach(g -> g.triples().forEach(union::add));
    Node c = Iris.conversation(conversation.id());
    union.add(c, RDF.Nodes.type, Noema.Conversation);
    union.add(c, Noema.conversationId, NodeFactory.createLiteralString(conversation.id()));
    for (Turn turn : conversation.turns()) {
      Node t = Iris.turn(conversation.id(), turn.index());
      Node speaker = Iris.participant(turn.role().name().toLowerCase(Locale.ROOT), null);
      union.add(t, RDF.Nodes.type, Noema.Turn);
      union.add(t, Noema.inConversation, c);
      union.add(
          t,
          Noema.turnIndex,
          NodeFactory.createLiteralDT(Integer.toString(turn.index()), XSDDatatype.XSDinteger));
      union.add(t, Noema.text, NodeFactory.createLiteralString(turn.text()));
      union.add(t, Noema.spokenBy, speaker);
      union.add(
          speaker,
          RDF.Nodes.type,
          turn.role() == Role.USER ? Noema.HumanParticipant : Noema.AIAssistant);
    }

    OntologyCheck.ShapeReport report =
        new OntologyCheck(ontology, OntologyCheck.loadDefaultShapes()).validate(union, 5);

    assertEquals(List.of(), report.lines());
  }

  /** A dialogue where both participants hold views and the assistant makes a claim. */
  private static final Conversation VIEWS =
      SampleDialogue.conversation(
          "views",
          Turn.of(0, null, Role.USER, "You", null, "I think emergence is a name for ignorance."),
          new Turn(
              1,
              null,
              Role.ASSISTANT,
              "ChatGPT",
              "gpt-4o",
              null,
              "In my view emergence is real. Prigogine showed that order arises far from equilibrium.",
              List.of(),
              null),
          Turn.of(2, null, Role.USER, "You", null, "Your view of emergence is too generous."));

  private static List<ExtractionGraphs.TurnGraph> viewGraphs() {
    String perspective = Noema.Perspective.getURI();
    String concept = Noema.Concept.getURI();
    Extraction raw =
        new Extraction(
            "views",
            new ExtractorInfo("llm", "openai", "gpt-4o-mini", "hash"),
            List.of(
                entity("e0", "emergence", concept, 0, "emergence"),
                entity("u0", "the user's view", perspective, 0, "I think"),
                entity("e1", "emergence", concept, 1, "emergence is real"),
                entity("a1", "the assistant's view", perspective, 1, "In my view"),
                entity(
                    "c1",
                    "order arises far from equilibrium",
                    Noema.NS + "Claim",
                    1,
                    "order arises far from equilibrium"),
                entity("p1", "Prigogine", Noema.Person.getURI(), 1, "Prigogine"),
                entity("e2", "emergence", concept, 2, "emergence"),
                entity("a2", "the assistant's view", perspective, 2, "Your view")),
            List.of(),
            List.of(
                new ExtractedInterpretation(
                    "e0",
                    "u0",
                    null,
                    "a name for ignorance",
                    "en",
                    "I think emergence",
                    0,
                    Role.USER),
                new ExtractedInterpretation(
                    "e1", "a1", null, "real", "en", "emergence is real", 1, Role.ASSISTANT),
                new ExtractedInterpretation(
                    "e2",
                    "a2",
                    null,
                    "too generous",
                    "en",
                    "Your view of emergence is too generous.",
                    2,
                    Role.ASSISTANT)),
            null,
            null);
    Extraction kept = new FactValidator(ontology).validate(raw, VIEWS).kept();
    assertEquals(3, kept.interpretations().size());
    return new ExtractionGraphs(ontology).graphs(kept, VIEWS, SampleDialogue.entityIris(kept));
  }

  @Test
  void a_claim_its_speaker_reports_from_an_author_or_argues_against_is_not_attributed_to_them() {
    String claim = Noema.NS + "Claim";
    Extraction raw =
        new Extraction(
            "views",
            new ExtractorInfo("llm", "openai", "gpt-4o-mini", "hash"),
            List.of(
                entity("u2", "the user's view", Noema.Perspective.getURI(), 2, "Your view"),
                entity("c1", "emergence is real", claim, 1, "emergence is real"),
                entity(
                    "c2",
                    "order arises far from equilibrium",
                    claim,
                    1,
                    "order arises far from equilibrium"),
                entity("p1", "Prigogine", Noema.Person.getURI(), 1, "Prigogine"),
                entity(
                    "c3", "emergence is a name for ignorance", claim, 0, "a name for ignorance")),
            List.of(
                new ExtractedRelation(
                    "c2", Noema.proposedBy.getURI(), "p1", "Prigogine showed", 1, 0.9, 1),
                new ExtractedRelation(
                    "u2", Noema.arguesAgainst.getURI(), "c1", "too generous", 2, 0.8, 1)),
            List.of(),
            null,
            null);
    Extraction kept = new FactValidator(ontology).validate(raw, VIEWS).kept();
    assertEquals(2, kept.relations().size(), kept.toString());
    List<Triple> triples =
        new ExtractionGraphs(ontology)
            .graphs(kept, VIEWS, SampleDialogue.entityIris(kept)).stream()
                .flatMap(g -> g.triples().stream())
                .filter(t -> t.getPredicate().equals(Noema.prov_wasAttributedTo))
                .toList();

    assertEquals(
        List.of(
            Triple.create(
                EntityIris.of("emergence is a name for ignorance"),
                Noema.prov_wasAttributedTo,
                spokenBy(0))),
        triples,
        "only the claim the user put forward is the user's; the one Prigogine showed and the one"
            + " argued against are not the assistant's");
  }

  private static ExtractedEntity entity(
      String key, String canonical, String type, int turn, String evidence) {
    return new ExtractedEntity(
        key, canonical, "en", canonical, type, List.of(), null, turn, evidence);
  }

  /** The participant the dialogue layer says spoke turn {@code index}. */
  private static Node spokenBy(int index) {
    Node turn = Iris.turn(VIEWS.id(), index);
    return dev.noema.store.DialogueGraph.triples(VIEWS).stream()
        .filter(t -> t.getSubject().equals(turn) && t.getPredicate().equals(Noema.spokenBy))
        .map(Triple::getObject)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void a_perspective_held_by_a_participant_is_linked_to_that_participant_of_the_dialogue_layer() {
    List<ExtractionGraphs.TurnGraph> views = viewGraphs();

    assertTrue(
        views
            .get(0)
            .triples()
            .contains(
                Triple.create(
                    spokenBy(0), Noema.holdsPerspective, EntityIris.of("the user's view"))));
    assertTrue(
        views
            .get(1)
            .triples()
            .contains(
                Triple.create(
                    spokenBy(1), Noema.holdsPerspective, EntityIris.of("the assistant's view"))));
  }

  @Test
  void the_assistant_named_in_a_user_turn_is_the_assistant_who_spoke_before_it() {
    List<Triple> triples = viewGraphs().get(2).triples();

    assertTrue(
        triples.contains(
            Triple.create(
                spokenBy(1), Noema.holdsPerspective, EntityIris.of("the assistant's view"))),
        triples.toString());
    assertTrue(
        triples.stream()
            .noneMatch(
                t ->
                    t.getPredicate().equals(Noema.holdsPerspective)
                        && t.getSubject().equals(spokenBy(2))));
  }

  @Test
  void claims_are_attributed_to_the_participant_who_spoke_their_turn_and_nothing_else_is() {
    List<Triple> triples = viewGraphs().get(1).triples();

    assertTrue(
        triples.contains(
            Triple.create(
                EntityIris.of("order arises far from equilibrium"),
                Noema.prov_wasAttributedTo,
                spokenBy(1))));
    assertEquals(
        1,
        triples.stream().filter(t -> t.getPredicate().equals(Noema.prov_wasAttributedTo)).count());
  }

  private static Node activity(ExtractionGraphs.TurnGraph graph) {
    return graph.triples().stream()
        .filter(
            t ->
                t.getPredicate().equals(RDF.Nodes.type)
                    && t.getObject().equals(Noema.ExtractionActivity))
        .map(Triple::getSubject)
        .findFirst()
        .orElseThrow();
  }

  private static Node objectOf(List<Triple> triples, Node subject, Node predicate) {
    return triples.stream()
        .filter(t -> t.getSubject().equals(subject) && t.getPredicate().equals(predicate))
        .map(Triple::getObject)
        .findFirst()
        .orElseThrow(() -> new AssertionError(subject + " has no " + predicate));
  }

  private static Node objectOrNull(List<Triple> triples, Node subject, Node predicate) {
    return triples.stream()
        .filter(t -> t.getSubject().equals(subject) && t.getPredicate().equals(predicate))
        .map(Triple::getObject)
        .findFirst()
        .orElse(null);
  }

  /** The subject having both (p1 o1) and (p2 o2). */
  private static Node subjectOf(List<Triple> triples, Node p1, Node o1, Node p2, Node o2) {
    return triples.stream()
        .filter(t -> t.getPredicate().equals(p1) && t.getObject().equals(o1))
        .map(Triple::getSubject)
        .filter(s -> triples.contains(Triple.create(s, p2, o2)))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("nothing with " + p1 + " " + o1 + " and " + p2 + " " + o2));
  }
}
