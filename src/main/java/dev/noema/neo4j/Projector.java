package dev.noema.neo4j;

import dev.noema.meaning.MeaningReader;
import dev.noema.meaning.Name;
import dev.noema.meaning.NameKind;
import dev.noema.meaning.Names;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.datatypes.DatatypeFormatException;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Turns the triples of one named graph into node and relationship rows, following a {@link
 * GraphMapping}. Pure: no I/O, no state between calls; thread-safe.
 *
 * <p>A list property ({@link GraphMapping#isList}, and {@link GraphMapping#ALL_LABELS}) holds every
 * value the triples give, distinct and sorted by lexical form. Any other property has one value:
 * when the triples give several, the least in lexical order is kept, so that the same triples
 * always give the same rows.
 */
final class Projector {
  /**
   * Placeholder for an unknown turn, conversation or extractor in the per-graph lists (lists cannot
   * hold null).
   */
  static final String NONE = "";

  /** Placeholder for an unknown confidence in the per-graph list. */
  static final double NO_CONFIDENCE = -1;

  /**
   * A node: its IRI, ontology labels (sorted, without {@link GraphMapping#RESOURCE}), single-valued
   * properties and list properties (never empty lists).
   */
  record NodeRow(
      String iri, Set<String> labels, Map<String, Object> props, Map<String, List<Object>> lists) {
    /** A node known only as the object of a relationship, until its own triples say more. */
    static NodeRow placeholder(String iri) {
      return new NodeRow(iri, Set.of(), Map.of(), Map.of());
    }

    /** Single values and lists together: the node's whole property map. */
    Map<String, Object> properties() {
      Map<String, Object> all = new LinkedHashMap<>(props);
      all.putAll(lists);
      return all;
    }
  }

  /** A relationship as one graph states it, with what the graph's reified fact says about it. */
  record RelRow(
      String type, String start, String end, String turn, String extractor, double confidence) {}

  /** The rows of one graph, nodes and relationships each in a stable order. */
  record Rows(List<NodeRow> nodes, List<RelRow> relationships) {}

  private final GraphMapping mapping;

  Projector(GraphMapping mapping) {
    this.mapping = mapping;
  }

  Rows project(Node graphName, List<Triple> triples) {
    Map<Node, List<Triple>> bySubject = new HashMap<>();
    Map<Node, Set<String>> types = new HashMap<>();
    for (Triple t : triples) {
      bySubject.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t);
      if (t.getPredicate().equals(RDF.Nodes.type) && t.getObject().isURI()) {
        types.computeIfAbsent(t.getSubject(), k -> new TreeSet<>()).add(t.getObject().getURI());
      }
    }
    MeaningReader reader = new MeaningReader(mapping.meaning());
    triples.forEach(reader::triple);
    Map<List<String>, Fact> facts = facts(reader.facts());

    Map<String, NodeRow> nodes = new TreeMap<>();
    Map<String, RelRow> relationships = new TreeMap<>();
    for (Map.Entry<Node, List<Triple>> e : bySubject.entrySet()) {
      Node subject = e.getKey();
      if (!isNode(subject, graphName, types)) {
        continue;
      }
      nodes.put(subject.getURI(), node(subject.getURI(), e.getValue()));
      for (Triple t : e.getValue()) {
        Node object = t.getObject();
        String type = mapping.relationshipType(t.getPredicate().getURI()).orElse(null);
        if (type == null || !isNode(object, graphName, types)) {
          continue;
        }
        // A placeholder until (unless) the object's own triples replace it.
        nodes.putIfAbsent(object.getURI(), NodeRow.placeholder(object.getURI()));
        Fact fact =
            facts.getOrDefault(
                List.of(subject.getURI(), t.getPredicate().getURI(), object.getURI()), Fact.NONE);
        relationships.put(
            type + ' ' + subject.getURI() + ' ' + object.getURI(),
            new RelRow(
                type,
                subject.getURI(),
                object.getURI(),
                fact.turn,
                fact.extractor,
                fact.confidence));
      }
    }
    return new Rows(List.copyOf(nodes.values()), List.copyOf(relationships.values()));
  }

  /**
   * The node for a resource from the triples about it (its types, labels and literal properties).
   */
  NodeRow node(String iri, List<Triple> aboutIt) {
    Set<String> types = new TreeSet<>();
    Map<String, Node> chosen = new TreeMap<>();
    // Per list property, its literals by lexical form: distinct and sorted.
    Map<String, Map<String, Node>> listed = new TreeMap<>();
    List<Name> names = new ArrayList<>();
    for (Triple t : aboutIt) {
      Node p = t.getPredicate();
      Node o = t.getObject();
      if (p.equals(RDF.Nodes.type) && o.isURI()) {
        types.add(o.getURI());
      } else if (o.isLiteral()) {
        NameKind kind = mapping.meaning().nameKind(p.getURI()).orElse(null);
        if (kind != null) {
          names.add(new Name(o.getLiteralLexicalForm(), o.getLiteralLanguage(), kind, p.getURI()));
          if (p.equals(RDFS.Nodes.label)) {
            listed
                .computeIfAbsent(GraphMapping.ALL_LABELS, k -> new TreeMap<>())
                .putIfAbsent(o.getLiteralLexicalForm(), o);
          }
        }
        String name = mapping.propertyName(p.getURI()).orElse(null);
        if (name != null && mapping.isList(p.getURI())) {
          listed
              .computeIfAbsent(name, k -> new TreeMap<>())
              .putIfAbsent(o.getLiteralLexicalForm(), o);
        } else if (name != null) {
          chosen.merge(
              name,
              o,
              (a, b) ->
                  a.getLiteralLexicalForm().compareTo(b.getLiteralLexicalForm()) <= 0 ? a : b);
        }
      }
    }
    Map<String, Object> props = new LinkedHashMap<>();
    Names named = Names.of(names);
    named.display(Names.DEFAULT_LANGUAGE).ifPresent(label -> props.put("label", label));
    for (String language : named.languages()) {
      if (!language.isEmpty()) {
        named
            .inLanguage(language)
            .ifPresent(label -> props.put("label_" + language.replace('-', '_'), label));
      }
    }
    chosen.forEach((name, literal) -> props.put(name, value(literal)));
    Map<String, List<Object>> lists = new LinkedHashMap<>();
    listed.forEach((name, literals) -> lists.put(name, listValue(literals)));
    return new NodeRow(iri, mapping.labels(types), props, lists);
  }

  /**
   * Literals as the values of one list property; as their lexical forms when their values differ in
   * type, since Neo4j stores only lists of one type.
   */
  private static List<Object> listValue(Map<String, Node> byLexicalForm) {
    List<Object> values = byLexicalForm.values().stream().map(Projector::value).toList();
    return values.stream().map(Object::getClass).distinct().count() > 1
        ? List.copyOf(byLexicalForm.keySet())
        : values;
  }

  private boolean isNode(Node n, Node graphName, Map<Node, Set<String>> types) {
    return n.isURI() && !n.equals(graphName) && !mapping.folded(types.getOrDefault(n, Set.of()));
  }

  /**
   * A literal as the Java value the driver turns into the matching Neo4j type; the lexical form
   * when it is invalid.
   */
  static Object value(Node literal) {
    String lexical = literal.getLiteralLexicalForm();
    RDFDatatype dt = literal.getLiteralDatatype();
    try {
      if (dt.equals(XSDDatatype.XSDdateTime) || dt.equals(XSDDatatype.XSDdateTimeStamp)) {
        return lexical.matches(".*(Z|[+-]\\d\\d:\\d\\d)$")
            ? OffsetDateTime.parse(lexical)
            : LocalDateTime.parse(lexical);
      }
      if (dt.equals(XSDDatatype.XSDdate)) {
        return LocalDate.parse(lexical);
      }
      if (dt.equals(XSDDatatype.XSDboolean)) {
        return Boolean.valueOf(literal.getLiteralValue().toString());
      }
      Object value = literal.getLiteralValue();
      if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
        return ((Number) value).doubleValue();
      }
      if (value instanceof BigInteger
          || value instanceof Long
          || value instanceof Integer
          || value instanceof Short
          || value instanceof Byte) {
        return ((Number) value).longValue();
      }
    } catch (DateTimeParseException | DatatypeFormatException e) {
      return lexical;
    }
    return lexical;
  }

  /** What a graph's reified facts and groundings say about one of its triples. */
  private record Fact(String turn, String extractor, double confidence) {
    static final Fact NONE = new Fact(Projector.NONE, Projector.NONE, NO_CONFIDENCE);
  }

  /**
   * The graph's reified facts, as the meaning package reads them, keyed by (subject, predicate,
   * object): the turn of the first grounding, the extractor and the confidence. When several facts
   * state one triple, the highest confidence and the least turn and extractor in lexical order are
   * kept.
   */
  private static Map<List<String>, Fact> facts(List<dev.noema.meaning.Fact> read) {
    Map<List<String>, Fact> facts = new HashMap<>();
    for (dev.noema.meaning.Fact f : read) {
      Fact fact =
          new Fact(
              f.groundings().isEmpty() ? NONE : f.groundings().get(0).turn(),
              f.extractor() == null ? NONE : f.extractor(),
              f.confidence() == null ? NO_CONFIDENCE : f.confidence());
      facts.merge(List.of(f.subject(), f.predicate(), f.object()), fact, Projector::merge);
    }
    return facts;
  }

  private static Fact merge(Fact a, Fact b) {
    return new Fact(
        least(a.turn, b.turn),
        least(a.extractor, b.extractor),
        Math.max(a.confidence, b.confidence));
  }

  private static String least(String a, String b) {
    if (a.equals(NONE)) {
      return b;
    }
    return b.equals(NONE) || a.compareTo(b) <= 0 ? a : b;
  }
}
