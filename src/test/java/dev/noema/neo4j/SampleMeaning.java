package dev.noema.neo4j;

import dev.noema.identity.EntityIris;
import dev.noema.ontology.Iris;
import dev.noema.ontology.Noema;
import dev.noema.store.GraphContent;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * A small hand-built knowledge base: conversations of two turns, an extraction graph per first
 * turn, a derived graph. Shaped like Noema's RDF: each relation triple sits beside a reified fact
 * grounded in its turn.
 */
final class SampleMeaning {
  static final Node COGNITIVE_MODULE = NodeFactory.createURI(Noema.NS + "CognitiveModule");
  static final Node RECURSIA = EntityIris.of("recursia");
  static final Node ATTENTION = EntityIris.of("attention");
  static final Node EMERGENCE = EntityIris.of("emergence");
  static final Node KIRILL_VIEW = EntityIris.of("kirill-s-perspective");
  static final Node INTERPRETATION = EntityIris.of("attention-as-gravity");

  private SampleMeaning() {}

  static Node turn(String conversation, int index) {
    return Iris.turn(conversation, index);
  }

  static Node extractionGraph(String conversation) {
    return Iris.extractionGraph(conversation, 0, "llm");
  }

  /** A conversation of two turns, user then assistant. */
  static GraphContent conversation(String id) {
    List<Triple> t = new ArrayList<>();
    Node conv = Iris.conversation(id);
    Node user = Iris.participant("user", null);
    Node assistant = Iris.participant("assistant", "gpt-4o");
    add(t, conv, RDF.Nodes.type, Noema.Conversation);
    add(t, conv, Noema.conversationId, lit(id));
    add(t, user, RDF.Nodes.type, Noema.HumanParticipant);
    add(t, assistant, RDF.Nodes.type, Noema.AIAssistant);
    for (int i = 0; i < 2; i++) {
      Node turn = turn(id, i);
      add(t, conv, Noema.hasTurn, turn);
      add(t, turn, RDF.Nodes.type, Noema.Turn);
      add(t, turn, Noema.inConversation, conv);
      add(
          t,
          turn,
          Noema.turnIndex,
          NodeFactory.createLiteralDT(Integer.toString(i), XSDDatatype.XSDinteger));
      add(
          t,
          turn,
          Noema.text,
          lit(i == 0 ? "What does RECURSIA do with attention in " + id + "?" : "It folds it."));
      add(
          t,
          turn,
          Noema.timestamp,
          NodeFactory.createLiteralDT(
              "2025-03-0" + (i + 1) + "T10:00:00Z", XSDDatatype.XSDdateTime));
      add(t, turn, Noema.spokenBy, i == 0 ? user : assistant);
    }
    add(t, turn(id, 0), Noema.nextTurn, turn(id, 1));
    return new GraphContent(Iris.conversationGraph(id), "conv-" + id, t);
  }

  /**
   * What an extractor found in the first turn of {@code conversation}: RECURSIA (a cognitive module
   * when {@code module}, with a Russian label when {@code russian}) related to attention, and an
   * interpretation of attention.
   */
  static GraphContent extraction(
      String conversation, boolean module, boolean russian, double confidence, String extractor) {
    List<Triple> t = new ArrayList<>();
    Node turn = turn(conversation, 0);
    add(t, RECURSIA, RDF.Nodes.type, module ? COGNITIVE_MODULE : Noema.Concept);
    add(t, RECURSIA, RDFS.Nodes.label, NodeFactory.createLiteralLang("RECURSIA", "en"));
    if (russian) {
      add(t, RECURSIA, RDFS.Nodes.label, NodeFactory.createLiteralLang("РЕКУРСИЯ", "ru"));
    }
    add(t, RECURSIA, Noema.canonicalLabel, lit("recursia"));
    add(t, RECURSIA, Noema.mentionedInTurn, turn);
    add(t, ATTENTION, RDF.Nodes.type, Noema.Concept);
    add(t, ATTENTION, RDFS.Nodes.label, NodeFactory.createLiteralLang("attention", "en"));
    add(t, ATTENTION, Noema.mentionedInTurn, turn);
    fact(
        t,
        RECURSIA,
        Noema.relatedTo,
        ATTENTION,
        confidence,
        extractor,
        turn,
        "RECURSIA does with attention");
    add(t, KIRILL_VIEW, RDF.Nodes.type, Noema.Perspective);
    add(
        t,
        KIRILL_VIEW,
        RDFS.Nodes.label,
        NodeFactory.createLiteralLang("Kirill's perspective", "en"));
    add(t, INTERPRETATION, RDF.Nodes.type, Noema.Interpretation);
    add(t, INTERPRETATION, Noema.statement, lit(statement(conversation)));
    fact(t, INTERPRETATION, Noema.interprets, ATTENTION, confidence, extractor, turn, "attention");
    fact(
        t,
        INTERPRETATION,
        Noema.fromPerspective,
        KIRILL_VIEW,
        confidence,
        extractor,
        turn,
        "RECURSIA");
    return new GraphContent(
        extractionGraph(conversation), "ex-" + conversation + module + russian + confidence, t);
  }

  /**
   * The interpretation's statement as the extraction of {@code conversation} words it: each its
   * own.
   */
  static String statement(String conversation) {
    return "In " + conversation + ", attention is a gravity operator on meaning.";
  }

  /** A later extraction of the same turn that found emergence instead. */
  static GraphContent reExtraction(String conversation) {
    List<Triple> t = new ArrayList<>();
    Node turn = turn(conversation, 0);
    add(t, EMERGENCE, RDF.Nodes.type, Noema.Concept);
    add(t, EMERGENCE, RDFS.Nodes.label, NodeFactory.createLiteralLang("emergence", "en"));
    add(t, EMERGENCE, Noema.mentionedInTurn, turn);
    add(t, ATTENTION, RDF.Nodes.type, Noema.Concept);
    add(t, ATTENTION, RDFS.Nodes.label, NodeFactory.createLiteralLang("attention", "en"));
    fact(t, EMERGENCE, Noema.relatedTo, ATTENTION, 0.9, "llm", turn, "attention");
    return new GraphContent(extractionGraph(conversation), "ex2-" + conversation, t);
  }

  /** PageRank of attention, as an analysis would write it. */
  static GraphContent derived() {
    List<Triple> t = new ArrayList<>();
    add(t, ATTENTION, Noema.pageRank, NodeFactory.createLiteralDT("0.25", XSDDatatype.XSDdouble));
    return new GraphContent(Iris.derivedGraph("centrality"), "derived-1", t);
  }

  /** The asserted triple, its reified fact, and a grounding whose target's source is the turn. */
  static void fact(
      List<Triple> t,
      Node s,
      Node p,
      Node o,
      double confidence,
      String extractor,
      Node turn,
      String quote) {
    add(t, s, p, o);
    Node fact = NodeFactory.createBlankNode();
    Node grounding = NodeFactory.createBlankNode();
    Node target = NodeFactory.createBlankNode();
    Node selector = NodeFactory.createBlankNode();
    add(t, fact, RDF.Nodes.type, Noema.Fact);
    add(t, fact, RDF.Nodes.subject, s);
    add(t, fact, RDF.Nodes.predicate, p);
    add(t, fact, RDF.Nodes.object, o);
    add(
        t,
        fact,
        Noema.confidence,
        NodeFactory.createLiteralDT(Double.toString(confidence), XSDDatatype.XSDdecimal));
    add(t, fact, Noema.extractor, lit(extractor));
    add(t, grounding, RDF.Nodes.type, Noema.Grounding);
    add(t, grounding, OA.hasBody.asNode(), fact);
    add(t, grounding, OA.hasTarget.asNode(), target);
    add(t, target, RDF.Nodes.type, OA.SpecificResource.asNode());
    add(t, target, OA.hasSource.asNode(), turn);
    add(t, target, OA.hasSelector.asNode(), selector);
    add(t, selector, RDF.Nodes.type, OA.TextQuoteSelector.asNode());
    add(t, selector, OA.exact.asNode(), lit(quote));
  }

  private static Node lit(String value) {
    return NodeFactory.createLiteralString(value);
  }

  private static void add(List<Triple> t, Node s, Node p, Node o) {
    t.add(Triple.create(s, p, o));
  }
}
