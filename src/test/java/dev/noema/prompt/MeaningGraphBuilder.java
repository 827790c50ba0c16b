package dev.noema.prompt;

import dev.noema.conversation.Conversation;
import dev.noema.conversation.Role;
import dev.noema.conversation.Turn;
import dev.noema.identity.EntityIris;
import dev.noema.ontology.Iris;
import dev.noema.ontology.Noema;
import dev.noema.store.DialogueGraph;
import dev.noema.store.GraphChange;
import dev.noema.store.GraphContent;
import dev.noema.store.GraphStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Builds, by hand, what the importers and extractors write: one conversation's dialogue graph and
 * per-turn extraction graphs in the ontology's shape (entities with labels, reified facts with
 * groundings, n-ary interpretations).
 */
final class MeaningGraphBuilder {
  private final String conversationId;
  private final String title;
  private final List<Turn> turns = new ArrayList<>();
  private final Map<Integer, List<Triple>> extraction = new TreeMap<>();
  private int blank;

  MeaningGraphBuilder(String conversationId, String title) {
    this.conversationId = conversationId;
    this.title = title;
  }

  MeaningGraphBuilder turn(Role role, String speaker, String time, String messageId, String text) {
    turns.add(
        Turn.of(
            turns.size(),
            messageId,
            role,
            speaker,
            time == null ? null : Instant.parse(time),
            text));
    return this;
  }

  Node turnIri(int index) {
    return Iris.turn(conversationId, index);
  }

  /**
   * An entity of class {@code type} (local name), mentioned in {@code turn}; labels as "text@lang".
   */
  Node entity(int turn, String type, String canonical, String... labels) {
    Node e = EntityIris.of(canonical);
    List<Triple> out = graph(turn);
    out.add(Triple.create(e, RDF.type.asNode(), NodeFactory.createURI(Noema.NS + type)));
    out.add(Triple.create(e, Noema.canonicalLabel, NodeFactory.createLiteralString(canonical)));
    out.add(Triple.create(e, Noema.mentionedInTurn, turnIri(turn)));
    for (String label : labels) {
      out.add(Triple.create(e, RDFS.label.asNode(), langLiteral(label)));
    }
    return e;
  }

  MeaningGraphBuilder alias(int turn, Node entity, String label) {
    graph(turn).add(Triple.create(entity, SKOS.altLabel.asNode(), langLiteral(label)));
    return this;
  }

  MeaningGraphBuilder definition(int turn, Node entity, String text) {
    graph(turn).add(Triple.create(entity, SKOS.definition.asNode(), langLiteral(text)));
    return this;
  }

  /** A relation {@code s p o} asserted and reified, grounded in {@code quote} of {@code turn}. */
  MeaningGraphBuilder fact(
      int turn, Node s, String property, Node o, double confidence, String quote) {
    List<Triple> out = graph(turn);
    Node p = NodeFactory.createURI(Noema.NS + property);
    Node fact =
        NodeFactory.createURI(Noema.ID + "fact/" + conversationId + "/" + turn + "/" + blank++);
    out.add(Triple.create(s, p, o));
    out.add(Triple.create(fact, RDF.type.asNode(), Noema.Fact));
    out.add(Triple.create(fact, RDF.subject.asNode(), s));
    out.add(Triple.create(fact, RDF.predicate.asNode(), p));
    out.add(Triple.create(fact, RDF.object.asNode(), o));
    out.add(
        Triple.create(
            fact,
            Noema.confidence,
            NodeFactory.createLiteralDT(Double.toString(confidence), XSDDatatype.XSDdecimal)));
    out.add(Triple.create(fact, Noema.extractor, NodeFactory.createLiteralString("test")));
    ground(out, fact, turn, quote);
    return this;
  }

  /**
   * How {@code perspective} understands {@code concept}, with its statement ("text@lang") and
   * quoted evidence.
   */
  Node interpretation(
      int turn, String name, Node concept, Node perspective, String statement, String quote) {
    List<Triple> out = graph(turn);
    Node i = EntityIris.of(name);
    out.add(Triple.create(i, RDF.type.asNode(), Noema.Interpretation));
    out.add(Triple.create(i, Noema.canonicalLabel, NodeFactory.createLiteralString(name)));
    out.add(Triple.create(i, Noema.interprets, concept));
    out.add(Triple.create(i, Noema.fromPerspective, perspective));
    out.add(Triple.create(i, Noema.statement, langLiteral(statement)));
    out.add(Triple.create(i, Noema.mentionedInTurn, turnIri(turn)));
    ground(out, i, turn, quote);
    return i;
  }

  private void ground(List<Triple> out, Node body, int turn, String quote) {
    Node grounding = NodeFactory.createBlankNode();
    Node target = NodeFactory.createBlankNode();
    Node selector = NodeFactory.createBlankNode();
    out.add(Triple.create(grounding, RDF.type.asNode(), Noema.Grounding));
    out.add(Triple.create(grounding, OA.hasBody.asNode(), body));
    out.add(Triple.create(grounding, OA.hasTarget.asNode(), target));
    out.add(Triple.create(target, RDF.type.asNode(), OA.SpecificResource.asNode()));
    out.add(Triple.create(target, OA.hasSource.asNode(), turnIri(turn)));
    out.add(Triple.create(target, OA.hasSelector.asNode(), selector));
    out.add(Triple.create(selector, RDF.type.asNode(), OA.TextQuoteSelector.asNode()));
    out.add(Triple.create(selector, OA.exact.asNode(), NodeFactory.createLiteralString(quote)));
  }

  private List<Triple> graph(int turn) {
    return extraction.computeIfAbsent(turn, k -> new ArrayList<>());
  }

  private static Node langLiteral(String text) {
    int at = text.lastIndexOf('@');
    return at > 0 && at >= text.length() - 6
        ? NodeFactory.createLiteralLang(text.substring(0, at), text.substring(at + 1))
        : NodeFactory.createLiteralString(text);
  }

  Conversation conversation() {
    return new Conversation(
        conversationId,
        title,
        "test",
        "test",
        "test/" + conversationId,
        null,
        null,
        turns,
        List.of());
  }

  /** The graphs this builder describes, as one change. */
  GraphChange change() {
    List<GraphContent> put = new ArrayList<>();
    put.add(
        new GraphContent(
            Iris.conversationGraph(conversationId),
            "dialogue-" + conversationId + "-" + turns.size(),
            DialogueGraph.triples(conversation())));
    extraction.forEach(
        (turn, triples) ->
            put.add(
                new GraphContent(
                    Iris.extractionGraph(conversationId, turn, "test"),
                    "extraction-" + conversationId + "-" + turn + "-" + triples.size(),
                    triples)));
    return new GraphChange(List.of(), List.of(), put);
  }

  void writeTo(GraphStore store) {
    store.apply(change());
  }
}
