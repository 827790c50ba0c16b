package dev.noema.identity;

import dev.noema.ontology.Iris;
import dev.noema.ontology.Noema;
import dev.noema.store.GraphContent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

/**
 * An entity's identity graph ({@link Iris#identityGraph}) written from, and read back into, an
 * {@link EntityRecord}: the entity's names ({@code skos:prefLabel}, one per language tag, and
 * {@code skos:altLabel} for the others) and the {@code noema:IdentityDecision}s about it. Its types
 * are not repeated here: they are what the extractions state.
 */
final class IdentityGraph {
  private IdentityGraph() {}

  /** The record as a named graph, its triples sorted, hashed by their content. */
  static GraphContent content(EntityRecord record) {
    List<Triple> triples = triples(record);
    StringBuilder all = new StringBuilder();
    for (Triple t : triples) {
      all.append(FmtUtils.stringForTriple(t)).append('\n');
    }
    return new GraphContent(
        Iris.identityGraph(record.iri()), Decision.sha256(all.toString()), triples);
  }

  static List<Triple> triples(EntityRecord record) {
    Node e = record.iri();
    List<Triple> out = new ArrayList<>();
    for (EntityName name : record.names()) {
      out.add(
          Triple.create(
              e,
              record.isPreferred(name) ? SKOS.prefLabel.asNode() : SKOS.altLabel.asNode(),
              literal(name)));
    }
    for (Decision d : record.decisions()) {
      Node s = d.iri();
      out.add(Triple.create(s, RDF.Nodes.type, Noema.IdentityDecision));
      out.add(Triple.create(s, Noema.decidedEntity, d.entity()));
      if (d.other() != null) {
        out.add(Triple.create(s, Noema.otherEntity, d.other()));
      }
      out.add(Triple.create(s, Noema.verdict, NodeFactory.createLiteralString(d.verdict().id())));
      out.add(Triple.create(s, Noema.evidence, NodeFactory.createLiteralString(d.evidence().id())));
      out.add(Triple.create(s, Noema.score, decimal(d.score())));
      if (d.mention() != null) {
        out.add(Triple.create(s, Noema.mentionLabel, literal(d.mention())));
      }
      for (EntityName added : d.added()) {
        out.add(Triple.create(s, Noema.addedLabel, literal(added)));
      }
      if (d.mentionType() != null) {
        out.add(Triple.create(s, Noema.mentionType, NodeFactory.createURI(d.mentionType())));
      }
      if (d.extractor() != null) {
        out.add(Triple.create(s, Noema.extractor, NodeFactory.createLiteralString(d.extractor())));
      }
      if (d.used() != null) {
        out.add(Triple.create(s, Noema.prov_used, d.used()));
      }
      out.add(Triple.create(s, Noema.prov_wasAssociatedWith, d.agent()));
      out.add(
          Triple.create(
              s,
              Noema.prov_endedAtTime,
              NodeFactory.createLiteralDT(d.time().toString(), XSDDatatype.XSDdateTime)));
    }
    out.sort(Comparator.comparing(FmtUtils::stringForTriple));
    return out;
  }

  /**
   * Reads an identity graph's triples into the record of its entity: names (preferred ones as such)
   * and decisions. Triples it does not know are ignored.
   */
  static void read(EntityRecord record, List<Triple> triples) {
    Map<Node, Map<Node, List<Node>>> bySubject = new HashMap<>();
    for (Triple t : triples) {
      if (t.getSubject().equals(record.iri())) {
        Node o = t.getObject();
        if (o.isLiteral() && t.getPredicate().equals(SKOS.prefLabel.asNode())) {
          record.prefer(name(o));
        } else if (o.isLiteral() && t.getPredicate().equals(SKOS.altLabel.asNode())) {
          record.addName(name(o), false);
        }
      } else {
        bySubject
            .computeIfAbsent(t.getSubject(), k -> new HashMap<>())
            .computeIfAbsent(t.getPredicate(), k -> new ArrayList<>())
            .add(t.getObject());
      }
    }
    bySubject.forEach(
        (s, p) -> {
          if (p.getOrDefault(RDF.Nodes.type, List.of()).contains(Noema.IdentityDecision)) {
            decision(s, p).ifPresent(record::addDecision);
          }
        });
  }

  private static java.util.Optional<Decision> decision(Node s, Map<Node, List<Node>> p) {
    Node entity = first(p, Noema.decidedEntity);
    Node agent = first(p, Noema.prov_wasAssociatedWith);
    Node time = first(p, Noema.prov_endedAtTime);
    Verdict verdict = Verdict.byId(lexical(first(p, Noema.verdict))).orElse(null);
    Evidence evidence = Evidence.byId(lexical(first(p, Noema.evidence))).orElse(null);
    if (entity == null || agent == null || time == null || verdict == null || evidence == null) {
      return java.util.Optional.empty(); // not one of ours, or damaged: it decides nothing
    }
    Node mention = first(p, Noema.mentionLabel);
    Node type = first(p, Noema.mentionType);
    Node score = first(p, Noema.score);
    return java.util.Optional.of(
        new Decision(
            s,
            verdict,
            entity,
            first(p, Noema.otherEntity),
            evidence,
            score == null ? evidence.score() : Double.parseDouble(score.getLiteralLexicalForm()),
            mention == null || !mention.isLiteral() ? null : name(mention),
            p.getOrDefault(Noema.addedLabel, List.of()).stream()
                .filter(Node::isLiteral)
                .map(IdentityGraph::name)
                .toList(),
            type == null || !type.isURI() ? null : type.getURI(),
            lexical(first(p, Noema.extractor)),
            first(p, Noema.prov_used),
            agent,
            Instant.parse(time.getLiteralLexicalForm())));
  }

  private static Node first(Map<Node, List<Node>> p, Node predicate) {
    List<Node> values = p.get(predicate);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static String lexical(Node literal) {
    return literal == null || !literal.isLiteral() ? null : literal.getLiteralLexicalForm();
  }

  static EntityName name(Node literal) {
    return new EntityName(literal.getLiteralLexicalForm(), literal.getLiteralLanguage());
  }

  private static Node literal(EntityName name) {
    return NodeFactory.createLiteralLang(name.text(), name.language());
  }

  private static Node decimal(double value) {
    String lexical = BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).toPlainString();
    return NodeFactory.createLiteralDT(lexical, XSDDatatype.XSDdecimal);
  }
}
