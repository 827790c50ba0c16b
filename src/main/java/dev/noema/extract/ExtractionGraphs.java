package dev.noema.extract;

import dev.noema.conversation.Conversation;
import dev.noema.conversation.Role;
import dev.noema.conversation.Turn;
import dev.noema.ontology.Iris;
import dev.noema.ontology.Noema;
import dev.noema.ontology.OntologyModel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Turns a validated {@link Extraction} into RDF: one named graph per active-branch turn and
 * extractor, named by {@link Iris#extractionGraph}.
 *
 * <p>Each graph holds: the entities found in the turn (under the IRI each resolved to, so the same
 * thing is one node across turns, extractors, languages and conversations; type, {@code rdfs:label}
 * with its language, canonical label, aliases, definition, {@code mentionedInTurn}, and a
 * grounding); each relation asserted as a plain triple (so SPARQL and graph algorithms see it
 * directly) and reified as a {@code noema:Fact} with confidence, weight, extractor, the activity
 * that generated it and a {@code noema:Grounding} (a Web Annotation whose target is an {@code
 * oa:SpecificResource} on the turn with an {@code oa:TextQuoteSelector} quoting the evidence and an
 * {@code oa:TextPositionSelector} giving its offsets in the turn's text, in Unicode code points);
 * each interpretation as an n-ary {@code noema:Interpretation} node with its grounding, and {@code
 * holdsPerspective} from its holder when it names one (an entity, or a participant of the dialogue
 * layer: the user, or the assistant who spoke nearest to the turn); and the {@code
 * noema:ExtractionActivity}. A claim (or hypothesis) is {@code prov:wasAttributedTo} the
 * participant who spoke the turn it was found in: who put it forward in the dialogue, beside any
 * {@code proposedBy} author it names. A turn where nothing was found still gets a graph holding its
 * activity, recording that it was extracted.
 *
 * <p>Facts, groundings, interpretations and activities are named by {@link Iris#extracted} with a
 * SHA-256 of their content, so the same extraction of an unchanged turn gives the same triples;
 * only the activity's start and end times (when the extraction has them) differ between runs. No
 * blank nodes. Immutable and thread-safe.
 */
public final class ExtractionGraphs {

  /**
   * The content of one extraction graph.
   *
   * @param graphName {@link Iris#extractionGraph} of the conversation, turn and extractor
   * @param turnIndex the turn's index
   * @param inputHash SHA-256 of what the graph was built from (turn text, extractor name, provider,
   *     model, prompt hash, ontology version, the IRIs its entities resolved to): an unchanged hash
   *     means re-extracting the turn would change nothing but the times
   * @param triples the triples, in a stable order without duplicates
   */
  public record TurnGraph(Node graphName, int turnIndex, String inputHash, List<Triple> triples) {
    public TurnGraph {
      triples = List.copyOf(triples);
    }
  }

  private final OntologyModel ontology;
  private final String ontologyVersion;

  public ExtractionGraphs(OntologyModel ontology) {
    this.ontology = ontology;
    this.ontologyVersion = ontology.version();
  }

  /**
   * Builds the graphs, one per active-branch turn of {@code conversation}, in turn order.
   *
   * @param extraction an extraction that passed {@link FactValidator}; its keys must resolve
   * @param conversation the conversation it was extracted from
   * @param entityIris the IRI of each entity, by its key ({@code dev.noema.identity} decides them)
   */
  public List<TurnGraph> graphs(
      Extraction extraction, Conversation conversation, Map<String, Node> entityIris) {
    // Grouped by turn once, so building all graphs is linear in the extraction's size.
    Map<Integer, List<ExtractedEntity>> entities =
        extraction.entities().stream().collect(Collectors.groupingBy(ExtractedEntity::turnIndex));
    Map<Integer, List<ExtractedRelation>> relations =
        extraction.relations().stream()
            .collect(Collectors.groupingBy(ExtractedRelation::turnIndex));
    Map<Integer, List<ExtractedInterpretation>> interpretations =
        extraction.interpretations().stream()
            .collect(Collectors.groupingBy(ExtractedInterpretation::turnIndex));
    List<TurnGraph> result = new ArrayList<>();
    for (Turn turn : conversation.turns()) {
      if (turn.alternativeOf() == null) {
        int index = turn.index();
        result.add(
            graph(
                extraction,
                conversation,
                turn,
                entityIris,
                entities.getOrDefault(index, List.of()),
                relations.getOrDefault(index, List.of()),
                interpretations.getOrDefault(index, List.of())));
      }
    }
    return result;
  }

  private TurnGraph graph(
      Extraction extraction,
      Conversation conversation,
      Turn turn,
      Map<String, Node> entityIris,
      List<ExtractedEntity> entities,
      List<ExtractedRelation> relations,
      List<ExtractedInterpretation> interpretations) {
    ExtractorInfo info = extraction.extractor();
    String conversationId = conversation.id();
    int index = turn.index();
    Node turnNode = Iris.turn(conversationId, index);
    String inputHash =
        sha256(
            turn.text(),
            info.name(),
            info.provider(),
            info.model(),
            info.promptHash(),
            ontologyVersion,
            entities.stream()
                .map(e -> entityIris.get(e.key()).getURI())
                .sorted()
                .collect(Collectors.joining(" ")));
    Node activity =
        Iris.extracted("extraction", sha256(conversationId, Integer.toString(index), inputHash));
    Set<Triple> out = new LinkedHashSet<>();

    out.add(Triple.create(activity, RDF.Nodes.type, Noema.ExtractionActivity));
    out.add(Triple.create(activity, Noema.extractor, string(info.name())));
    optional(out, activity, Noema.llmProvider, info.provider());
    optional(out, activity, Noema.modelName, info.model());
    optional(out, activity, Noema.promptHash, info.promptHash());
    out.add(Triple.create(activity, Noema.ontologyVersion, string(ontologyVersion)));
    out.add(Triple.create(activity, Noema.prov_used, turnNode));
    out.add(Triple.create(activity, Noema.extractedFromTurn, turnNode));
    time(out, activity, Noema.prov_startedAtTime, extraction.startedAt());
    time(out, activity, Noema.prov_endedAtTime, extraction.endedAt());

    for (ExtractedEntity e : entities) {
      Node node = entityIris.get(e.key());
      out.add(Triple.create(node, RDF.Nodes.type, NodeFactory.createURI(e.type())));
      out.add(
          Triple.create(
              node, RDFS.Nodes.label, NodeFactory.createLiteralLang(e.label(), e.language())));
      out.add(Triple.create(node, Noema.canonicalLabel, string(e.canonicalLabel())));
      for (String alias : e.aliases()) {
        out.add(
            Triple.create(
                node, SKOS.altLabel.asNode(), NodeFactory.createLiteralLang(alias, e.language())));
      }
      if (e.definition() != null && !e.definition().isBlank()) {
        out.add(
            Triple.create(
                node,
                SKOS.definition.asNode(),
                NodeFactory.createLiteralLang(e.definition(), e.language())));
      }
      out.add(Triple.create(node, Noema.mentionedInTurn, turnNode));
      if (ontology.isSubClassOf(e.type(), Noema.Claim.getURI())
          && !reportedNotHeld(extraction, e.key())) {
        out.add(Triple.create(node, Noema.prov_wasAttributedTo, participant(turn)));
      }
      ground(out, node, turnNode, e.evidence(), e.span());
    }
    for (ExtractedRelation r : relations) {
      Node s = entityIris.get(r.subject());
      Node p = NodeFactory.createURI(r.predicate());
      Node o = entityIris.get(r.object());
      out.add(Triple.create(s, p, o));
      Node fact =
          Iris.extracted(
              "fact",
              sha256(
                  conversationId,
                  Integer.toString(index),
                  info.name(),
                  s.getURI(),
                  p.getURI(),
                  o.getURI()));
      out.add(Triple.create(fact, RDF.Nodes.type, Noema.Fact));
      out.add(Triple.create(fact, RDF.Nodes.subject, s));
      out.add(Triple.create(fact, RDF.Nodes.predicate, p));
      out.add(Triple.create(fact, RDF.Nodes.object, o));
      out.add(Triple.create(fact, Noema.confidence, decimal(r.confidence())));
      out.add(Triple.create(fact, Noema.weight, decimal(r.weight())));
      out.add(Triple.create(fact, Noema.extractor, string(info.name())));
      out.add(Triple.create(fact, Noema.prov_wasGeneratedBy, activity));
      ground(out, fact, turnNode, r.evidence(), r.span());
    }
    for (ExtractedInterpretation i : interpretations) {
      Node concept = entityIris.get(i.concept());
      Node perspective = entityIris.get(i.perspective());
      Node node =
          Iris.extracted(
              "interpretation",
              sha256(
                  conversationId,
                  Integer.toString(index),
                  info.name(),
                  concept.getURI(),
                  perspective.getURI(),
                  i.statement()));
      Node statement = NodeFactory.createLiteralLang(i.statement(), i.language());
      out.add(Triple.create(node, RDF.Nodes.type, Noema.Interpretation));
      out.add(Triple.create(node, RDFS.Nodes.label, statement));
      out.add(Triple.create(node, Noema.interprets, concept));
      out.add(Triple.create(node, Noema.fromPerspective, perspective));
      out.add(Triple.create(node, Noema.statement, statement));
      out.add(Triple.create(node, Noema.mentionedInTurn, turnNode));
      out.add(Triple.create(node, Noema.extractor, string(info.name())));
      out.add(Triple.create(node, Noema.prov_wasGeneratedBy, activity));
      if (i.holder() != null) {
        out.add(Triple.create(entityIris.get(i.holder()), Noema.holdsPerspective, perspective));
      }
      if (i.participantHolder() != null) {
        speakerOf(conversation, turn, i.participantHolder())
            .ifPresent(
                holder ->
                    out.add(
                        Triple.create(participant(holder), Noema.holdsPerspective, perspective)));
      }
      ground(out, node, turnNode, i.evidence(), i.span());
    }
    return new TurnGraph(
        Iris.extractionGraph(conversationId, index, info.name()),
        index,
        inputHash,
        List.copyOf(out));
  }

  /**
   * The active-branch turn whose speaker is the participant of {@code role} meant in {@code turn}:
   * the turn itself when its speaker has that role, else the nearest such turn before it, else
   * after it; empty when no turn of the conversation has that role.
   */
  private static Optional<Turn> speakerOf(Conversation conversation, Turn turn, Role role) {
    if (turn.role() == role) {
      return Optional.of(turn);
    }
    Turn before = null;
    Turn after = null;
    for (Turn t : conversation.turns()) {
      if (t.alternativeOf() != null || t.role() != role) {
        continue;
      }
      if (t.index() < turn.index()) {
        before = t;
      } else if (after == null) {
        after = t;
      }
    }
    return Optional.ofNullable(before != null ? before : after);
  }

  /**
   * Whether the extraction says a claim is not its speaker's own: it names another author ({@code
   * proposedBy}) or something argues against it. A speaker who reports or rejects a claim ("some
   * say X, but ...") does not put it forward, so such a claim is not attributed to the speaker.
   */
  private boolean reportedNotHeld(Extraction extraction, String claimKey) {
    for (ExtractedRelation r : extraction.relations()) {
      if (r.subject().equals(claimKey) && is(r.predicate(), Noema.proposedBy)
          || r.object().equals(claimKey) && is(r.predicate(), Noema.arguesAgainst)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code predicate} is {@code property} or one of its sub-properties. */
  private boolean is(String predicate, Node property) {
    return ontology.subPropertiesOf(property.getURI()).contains(predicate);
  }

  /** The dialogue layer's participant who spoke {@code turn} (the IRI the dialogue graph uses). */
  private static Node participant(Turn turn) {
    return Iris.participant(turn.role().name().toLowerCase(Locale.ROOT), turn.participantName());
  }

  /**
   * A grounding of {@code body} in the quoted span of the turn; its target and selectors are named
   * after the span, so the groundings of one quote share them. The target has a {@code
   * oa:TextQuoteSelector} with the turn's own text of the span and, beside it, a {@code
   * oa:TextPositionSelector} with the span's offsets in code points; an aligned quote's grounding
   * records its {@code noema:quoteSimilarity}. Without a span (an extraction that was not
   * validated) only the quote as the extractor gave it is written.
   */
  private static void ground(
      Set<Triple> out, Node body, Node turn, String evidence, QuoteSpan span) {
    String quote = span == null ? evidence : span.exact();
    Node grounding = Iris.extracted("grounding", sha256(body.getURI(), turn.getURI(), quote));
    // The target and its selectors depend only on the span: the facts quoting one sentence share
    // them (a Web Annotation target may serve several annotations).
    String spanHash =
        sha256(
            turn.getURI(),
            quote,
            span == null ? "" : Integer.toString(span.start()),
            span == null ? "" : Integer.toString(span.end()));
    Node target = Iris.extracted("target", spanHash);
    Node selector = Iris.extracted("selector", spanHash);
    out.add(Triple.create(grounding, RDF.Nodes.type, Noema.Grounding));
    out.add(Triple.create(grounding, RDF.Nodes.type, OA.Annotation.asNode()));
    out.add(Triple.create(grounding, OA.hasBody.asNode(), body));
    out.add(Triple.create(grounding, OA.hasTarget.asNode(), target));
    out.add(Triple.create(target, RDF.Nodes.type, OA.SpecificResource.asNode()));
    out.add(Triple.create(target, OA.hasSource.asNode(), turn));
    out.add(Triple.create(target, OA.hasSelector.asNode(), selector));
    out.add(Triple.create(selector, RDF.Nodes.type, OA.TextQuoteSelector.asNode()));
    out.add(Triple.create(selector, OA.exact.asNode(), string(quote)));
    if (span != null) {
      Node position = Iris.extracted("position", spanHash);
      out.add(Triple.create(target, OA.hasSelector.asNode(), position));
      out.add(Triple.create(position, RDF.Nodes.type, OA.TextPositionSelector.asNode()));
      out.add(Triple.create(position, OA.start.asNode(), offset(span.start())));
      out.add(Triple.create(position, OA.end.asNode(), offset(span.end())));
      if (span.aligned()) {
        out.add(Triple.create(grounding, Noema.quoteSimilarity, decimal(span.similarity())));
      }
    }
  }

  private static Node offset(int value) {
    return NodeFactory.createLiteralDT(Integer.toString(value), XSDDatatype.XSDnonNegativeInteger);
  }

  private static void optional(Set<Triple> out, Node s, Node p, String value) {
    if (value != null) {
      out.add(Triple.create(s, p, string(value)));
    }
  }

  private static void time(Set<Triple> out, Node s, Node p, Instant value) {
    if (value != null) {
      out.add(
          Triple.create(
              s, p, NodeFactory.createLiteralDT(value.toString(), XSDDatatype.XSDdateTime)));
    }
  }

  private static Node string(String value) {
    return NodeFactory.createLiteralString(value);
  }

  /** A decimal with a fixed lexical form (three places), so equal values give equal literals. */
  private static Node decimal(double value) {
    String lexical = BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).toPlainString();
    return NodeFactory.createLiteralDT(lexical, XSDDatatype.XSDdecimal);
  }

  /**
   * SHA-256 over the parts, each followed by a separator no text contains, so ("ab","c") and
   * ("a","bc") differ.
   */
  static String sha256(String... parts) {
    MessageDigest digest = DigestUtils.getSha256Digest();
    for (String part : parts) {
      DigestUtils.updateDigest(digest, Objects.toString(part, "\u0000null"));
      digest.update((byte) 0x1f);
    }
    return Hex.encodeHexString(digest.digest());
  }
}
