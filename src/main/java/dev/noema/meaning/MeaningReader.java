package dev.noema.meaning;

import dev.noema.ontology.Noema;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

/**
 * The one reading of the meaning layer's triples: a push sink that takes them in any order, from
 * the store's union graph ({@link MeaningLayers}) or from one named graph (the Neo4j projection),
 * and {@link #build builds} the {@link MeaningLayer} they state. This is the only place that knows
 * how facts are reified ({@code rdf:subject}, {@code rdf:predicate}, {@code rdf:object}) and
 * grounded (an {@code oa:Annotation} whose {@code oa:hasBody} is the fact and whose {@code
 * oa:hasTarget} is a turn, directly or as the {@code oa:hasSource} of a specific resource with an
 * {@code oa:TextQuoteSelector}); {@link #predicates()} are the properties it reads, which is what
 * the store query asks for.
 *
 * <p>Where a property meant to have one value has several (two extractions disagreeing), the least
 * one is kept (lexical order; for numbers, the largest), so the same triples always give the same
 * layer. Not thread-safe; single use.
 */
public final class MeaningReader extends StreamRDFBase {
  /** What a triple's predicate makes of it. */
  private enum Role {
    TYPE,
    START,
    END,
    SIMILARITY,
    NAME,
    DEFINITION,
    STATEMENT,
    MENTION,
    RELATION,
    INTERPRETS,
    FROM_PERSPECTIVE,
    REIFIED_SUBJECT,
    REIFIED_PREDICATE,
    REIFIED_OBJECT,
    WEIGHT,
    CONFIDENCE,
    EXTRACTOR,
    BODY,
    TARGET,
    SOURCE,
    SELECTOR,
    EXACT,
    IN_CONVERSATION,
    TURN_INDEX,
    SPOKEN_BY,
    SPEAKER_NAME,
    PARTICIPANT_ROLE,
    TIMESTAMP,
    MESSAGE_ID,
    CONVERSATION_ID,
    TITLE,
    TEXT
  }

  private final MeaningSchema schema;
  private final Map<Node, Role> roles;
  private final Map<Node, Subject> subjects = new HashMap<>();

  public MeaningReader(MeaningSchema schema) {
    this.schema = schema;
    this.roles = roles(schema);
  }

  /**
   * The properties the reader reads of every subject (besides {@code rdf:type}, and {@code
   * noema:text}, which it reads of the user's turns only), in no particular order.
   */
  public static Set<Node> predicates(MeaningSchema schema) {
    Set<Node> predicates = new LinkedHashSet<>(roles(schema).keySet());
    predicates.remove(RDF.Nodes.type);
    predicates.remove(Noema.text);
    return predicates;
  }

  private static Map<Node, Role> roles(MeaningSchema schema) {
    Map<Node, Role> roles = new HashMap<>();
    roles.put(RDF.Nodes.type, Role.TYPE);
    schema.nameProperties().keySet().forEach(p -> roles.put(NodeFactory.createURI(p), Role.NAME));
    schema.relationProperties().forEach(p -> roles.put(NodeFactory.createURI(p), Role.RELATION));
    roles.put(SKOS.definition.asNode(), Role.DEFINITION);
    roles.put(Noema.statement, Role.STATEMENT);
    roles.put(Noema.mentionedInTurn, Role.MENTION);
    roles.put(Noema.interprets, Role.INTERPRETS);
    roles.put(Noema.fromPerspective, Role.FROM_PERSPECTIVE);
    roles.put(RDF.Nodes.subject, Role.REIFIED_SUBJECT);
    roles.put(RDF.Nodes.predicate, Role.REIFIED_PREDICATE);
    roles.put(RDF.Nodes.object, Role.REIFIED_OBJECT);
    roles.put(Noema.weight, Role.WEIGHT);
    roles.put(Noema.confidence, Role.CONFIDENCE);
    roles.put(Noema.extractor, Role.EXTRACTOR);
    roles.put(OA.hasBody.asNode(), Role.BODY);
    roles.put(OA.hasTarget.asNode(), Role.TARGET);
    roles.put(OA.hasSource.asNode(), Role.SOURCE);
    roles.put(OA.hasSelector.asNode(), Role.SELECTOR);
    roles.put(OA.exact.asNode(), Role.EXACT);
    roles.put(OA.start.asNode(), Role.START);
    roles.put(OA.end.asNode(), Role.END);
    roles.put(Noema.quoteSimilarity, Role.SIMILARITY);
    roles.put(Noema.inConversation, Role.IN_CONVERSATION);
    roles.put(Noema.turnIndex, Role.TURN_INDEX);
    roles.put(Noema.spokenBy, Role.SPOKEN_BY);
    roles.put(Noema.speakerName, Role.SPEAKER_NAME);
    roles.put(Noema.participantRole, Role.PARTICIPANT_ROLE);
    roles.put(Noema.timestamp, Role.TIMESTAMP);
    roles.put(Noema.messageId, Role.MESSAGE_ID);
    roles.put(Noema.conversationId, Role.CONVERSATION_ID);
    roles.put(DCTerms.title.asNode(), Role.TITLE);
    roles.put(Noema.text, Role.TEXT);
    return roles;
  }

  @Override
  public void quad(Quad quad) {
    triple(quad.asTriple());
  }

  @Override
  public void triple(Triple t) {
    Role role = roles.get(t.getPredicate());
    if (role == null) {
      return;
    }
    Node o = t.getObject();
    switch (role) {
      case TYPE -> {
        if (o.isURI() && schema.isEntityClass(o.getURI())) {
          subject(t).types().add(o.getURI());
        }
      }
      case NAME -> {
        if (o.isLiteral()) {
          Subject s = subject(t);
          s.names()
              .add(
                  new Name(
                      o.getLiteralLexicalForm(),
                      o.getLiteralLanguage(),
                      schema.nameKind(t.getPredicate().getURI()).orElseThrow(),
                      t.getPredicate().getURI()));
        }
      }
      case DEFINITION -> {
        if (o.isLiteral()) {
          subject(t).definitions().add(text(o));
        }
      }
      case STATEMENT -> {
        if (o.isLiteral()) {
          subject(t).statements().add(text(o));
        }
      }
      case MENTION -> {
        if (o.isURI()) {
          subject(t).mentions().add(o.getURI());
        }
      }
      case RELATION -> {
        if (o.isURI()) {
          subject(t).relations().add(List.of(t.getPredicate().getURI(), o.getURI()));
        }
      }
      case INTERPRETS -> {
        Subject s = subject(t);
        s.interprets = least(s.interprets, o);
      }
      case FROM_PERSPECTIVE -> {
        Subject s = subject(t);
        s.fromPerspective = least(s.fromPerspective, o);
      }
      case REIFIED_SUBJECT -> {
        Subject s = subject(t);
        s.reifiedSubject = least(s.reifiedSubject, o);
      }
      case REIFIED_PREDICATE -> {
        Subject s = subject(t);
        s.reifiedPredicate = least(s.reifiedPredicate, o);
      }
      case REIFIED_OBJECT -> {
        Subject s = subject(t);
        s.reifiedObject = least(s.reifiedObject, o);
      }
      case WEIGHT -> {
        Subject s = subject(t);
        s.weight = largest(s.weight, number(o));
      }
      case CONFIDENCE -> {
        Subject s = subject(t);
        s.confidence = largest(s.confidence, number(o));
      }
      case EXTRACTOR -> {
        Subject s = subject(t);
        s.extractor = least(s.extractor, lexical(o));
      }
      case BODY -> subject(t).bodies().add(o);
      case TARGET -> subject(t).targets().add(o);
      case SOURCE -> {
        Subject s = subject(t);
        s.source = least(s.source, o);
      }
      case SELECTOR -> subject(t).selectors().add(o);
      case EXACT -> {
        Subject s = subject(t);
        s.exact = least(s.exact, lexical(o));
      }
      case START -> {
        Double start = number(o);
        if (start != null) {
          subject(t).start = start.intValue();
        }
      }
      case END -> {
        Double end = number(o);
        if (end != null) {
          subject(t).end = end.intValue();
        }
      }
      case SIMILARITY -> subject(t).similarity = number(o);
      case IN_CONVERSATION -> {
        Subject s = subject(t);
        s.conversation = least(s.conversation, o);
      }
      case TURN_INDEX -> {
        Double index = number(o);
        if (index != null) {
          Subject s = subject(t);
          s.index = s.index < 0 ? index.intValue() : Math.min(s.index, index.intValue());
        }
      }
      case SPOKEN_BY -> {
        Subject s = subject(t);
        s.speaker = least(s.speaker, o);
      }
      case SPEAKER_NAME -> {
        Subject s = subject(t);
        s.speakerName = least(s.speakerName, lexical(o));
      }
      case PARTICIPANT_ROLE -> {
        Subject s = subject(t);
        s.participantRole = least(s.participantRole, lexical(o));
      }
      case TIMESTAMP -> {
        Subject s = subject(t);
        s.timestamp = least(s.timestamp, lexical(o));
      }
      case MESSAGE_ID -> {
        Subject s = subject(t);
        s.messageId = least(s.messageId, lexical(o));
      }
      case CONVERSATION_ID -> {
        Subject s = subject(t);
        s.conversationId = least(s.conversationId, lexical(o));
      }
      case TITLE -> {
        Subject s = subject(t);
        s.title = least(s.title, lexical(o));
      }
      case TEXT -> {
        Subject s = subject(t);
        s.text = least(s.text, lexical(o));
      }
    }
  }

  /**
   * The layer the triples read so far state.
   *
   * @param fingerprint the store state they were read from, or "" (see {@link
   *     MeaningLayer#fingerprint})
   */
  public MeaningLayer build(String fingerprint) {
    Map<Node, List<Grounding>> groundings = groundings();
    Map<String, Node> entities = new TreeMap<>();
    Map<String, Node> interpreting = new TreeMap<>();
    subjects.forEach(
        (node, s) -> {
          if (s.types != null && node.isURI()) {
            entities.put(node.getURI(), node);
          }
          if (s.interprets != null
              && s.fromPerspective != null
              && s.interprets.isURI()
              && s.fromPerspective.isURI()) {
            interpreting.put(key(node), node);
          }
        });
    List<Entity> entityList = new ArrayList<>(entities.size());
    Comparator<LangText> byLanguage =
        Comparator.comparing(LangText::language).thenComparing(LangText::text);
    entities.forEach(
        (iri, node) -> {
          Subject s = subjects.get(node);
          Set<String> types = schema.withoutFallback(s.types);
          entityList.add(
              new Entity(
                  iri,
                  types,
                  schema.mostSpecific(types),
                  s.names == null ? Names.none() : Names.of(s.names),
                  sorted(s.definitions, byLanguage),
                  sorted(s.mentions, Comparator.naturalOrder()),
                  groundings.getOrDefault(node, List.of())));
        });

    List<Fact> facts = facts(groundings);
    Map<List<String>, List<Fact>> factsByTriple = new HashMap<>();
    for (Fact fact : facts) {
      factsByTriple
          .computeIfAbsent(
              List.of(fact.subject(), fact.predicate(), fact.object()), k -> new ArrayList<>(1))
          .add(fact);
    }

    List<Relation> relations = new ArrayList<>();
    Comparator<List<String>> byPredicateThenObject =
        Comparator.<List<String>, String>comparing(po -> po.get(0)).thenComparing(po -> po.get(1));
    entities.forEach(
        (iri, node) -> {
          Subject s = subjects.get(node);
          if (s.relations != null) {
            for (List<String> po : sorted(s.relations, byPredicateThenObject)) {
              if (entities.containsKey(po.get(1))) {
                List<String> triple = List.of(iri, po.get(0), po.get(1));
                relations.add(
                    new Relation(
                        iri, po.get(0), po.get(1), factsByTriple.getOrDefault(triple, List.of())));
              }
            }
          }
        });

    List<Interpretation> interpretations = new ArrayList<>(interpreting.size());
    interpreting.forEach(
        (key, node) -> {
          Subject s = subjects.get(node);
          interpretations.add(
              new Interpretation(
                  key,
                  s.interprets.getURI(),
                  s.fromPerspective.getURI(),
                  sorted(s.statements, byLanguage),
                  groundings.getOrDefault(node, List.of()),
                  sorted(s.mentions, Comparator.naturalOrder())));
        });

    Map<String, TurnRef> turns = new TreeMap<>();
    subjects.forEach(
        (node, s) -> {
          if (s.conversation != null && node.isURI()) {
            Subject c = subjects.get(s.conversation);
            Subject speaker = s.speaker == null ? null : subjects.get(s.speaker);
            turns.put(
                node.getURI(),
                new TurnRef(
                    node.getURI(),
                    key(s.conversation),
                    c == null ? null : c.conversationId,
                    c == null ? null : c.title,
                    s.index,
                    s.speaker == null ? null : key(s.speaker),
                    s.speakerName,
                    speaker == null ? null : speaker.participantRole,
                    instant(s.timestamp),
                    s.messageId,
                    s.text));
          }
        });
    return new MeaningLayer(
        schema, fingerprint, entityList, relations, facts, interpretations, turns);
  }

  /**
   * The reified facts the triples read so far state, with their groundings, in subject, predicate,
   * object, then IRI order: all {@link #build} would give as {@link MeaningLayer#facts()}, without
   * the rest of the layer (what a projection of one named graph needs).
   */
  public List<Fact> facts() {
    return facts(groundings());
  }

  private List<Fact> facts(Map<Node, List<Grounding>> groundings) {
    List<Fact> facts = new ArrayList<>();
    subjects.forEach(
        (node, s) -> {
          if (s.reifiedSubject != null
              && s.reifiedPredicate != null
              && s.reifiedObject != null
              && s.reifiedSubject.isURI()
              && s.reifiedPredicate.isURI()
              && s.reifiedObject.isURI()) {
            facts.add(
                new Fact(
                    key(node),
                    s.reifiedSubject.getURI(),
                    s.reifiedPredicate.getURI(),
                    s.reifiedObject.getURI(),
                    s.weight,
                    s.confidence,
                    s.extractor,
                    groundings.getOrDefault(node, List.of())));
          }
        });
    facts.sort(
        Comparator.comparing(Fact::subject)
            .thenComparing(Fact::predicate)
            .thenComparing(Fact::object)
            .thenComparing(Fact::iri));
    return facts;
  }

  /**
   * Per body (fact, entity, interpretation), its groundings: each target's source turn with each of
   * its selectors' quotes. A target that is itself a resource without a source or selector of its
   * own is the turn.
   */
  private Map<Node, List<Grounding>> groundings() {
    Map<Node, Set<Grounding>> found = new HashMap<>();
    subjects.forEach(
        (annotation, s) -> {
          if (s.bodies == null || s.targets == null) {
            return;
          }
          List<Grounding> parts = new ArrayList<>();
          for (Node target : s.targets) {
            Subject t = subjects.get(target);
            // A target without a source of its own is the turn itself (a Web Annotation may target
            // the whole resource).
            Node turn = t != null && t.source != null ? t.source : target;
            if (!turn.isURI() || (turn == target && t != null && t.selectors != null)) {
              continue;
            }
            if (t == null || t.selectors == null) {
              parts.add(new Grounding(turn.getURI(), null));
            } else {
              // A target's quote selector gives the words, its position selector (when written)
              // where they are; the annotation itself says how closely an aligned quote matched.
              Integer start = null;
              Integer end = null;
              List<String> quotes = new ArrayList<>();
              for (Node selector : t.selectors) {
                Subject sel = subjects.get(selector);
                if (sel != null && sel.start != null && sel.end != null) {
                  start = sel.start;
                  end = sel.end;
                } else {
                  quotes.add(sel == null ? null : sel.exact);
                }
              }
              for (String quote : quotes) {
                parts.add(new Grounding(turn.getURI(), quote, start, end, s.similarity));
              }
            }
          }
          for (Node body : s.bodies) {
            found.computeIfAbsent(body, k -> new LinkedHashSet<>()).addAll(parts);
          }
        });
    Comparator<Grounding> order =
        Comparator.comparing(Grounding::turn)
            .thenComparing(Grounding::quote, Comparator.nullsLast(Comparator.naturalOrder()));
    Map<Node, List<Grounding>> result = new HashMap<>(found.size() * 2);
    found.forEach((body, set) -> result.put(body, sorted(set, order)));
    return result;
  }

  private Subject subject(Triple t) {
    return subjects.computeIfAbsent(t.getSubject(), k -> new Subject());
  }

  private static <T> List<T> sorted(Collection<T> values, Comparator<? super T> order) {
    if (values == null || values.isEmpty()) {
      return List.of();
    }
    List<T> list = new ArrayList<>(new LinkedHashSet<>(values));
    list.sort(order);
    return list;
  }

  private static String key(Node node) {
    return node.isURI()
        ? node.getURI()
        : node.isBlank() ? "_:" + node.getBlankNodeLabel() : node.toString();
  }

  private static LangText text(Node literal) {
    return new LangText(literal.getLiteralLexicalForm(), literal.getLiteralLanguage());
  }

  private static String lexical(Node node) {
    return node.isLiteral() ? node.getLiteralLexicalForm() : key(node);
  }

  /** A numeric literal's value, or null when the node is not a number. */
  private static Double number(Node node) {
    if (!node.isLiteral() || !(node.getLiteralValue() instanceof Number n)) {
      return null;
    }
    return n.doubleValue();
  }

  private static Double largest(Double current, Double candidate) {
    if (candidate == null) {
      return current;
    }
    return current == null ? candidate : Math.max(current, candidate);
  }

  private static String least(String current, String candidate) {
    return current == null || candidate.compareTo(current) < 0 ? candidate : current;
  }

  private static Node least(Node current, Node candidate) {
    return current == null || key(candidate).compareTo(key(current)) < 0 ? candidate : current;
  }

  /**
   * An xsd:dateTime with or without offset (a local time is taken as UTC); null when absent or
   * malformed.
   */
  static Instant instant(String lexical) {
    if (lexical == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(lexical).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(lexical).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException malformed) {
        return null;
      }
    }
  }

  /**
   * Everything the triples say of one subject that the layer needs. Lists and sets are made on
   * first use: most subjects fill few of them.
   */
  private static final class Subject {
    Set<String> types;
    List<Name> names;
    List<LangText> definitions;
    List<LangText> statements;
    Set<String> mentions;
    Set<List<String>> relations;
    Node interprets;
    Node fromPerspective;
    Node reifiedSubject;
    Node reifiedPredicate;
    Node reifiedObject;
    Double weight;
    Double confidence;
    String extractor;
    List<Node> bodies;
    List<Node> targets;
    Node source;
    List<Node> selectors;
    String exact;
    Integer start;
    Integer end;
    Double similarity;
    Node conversation;
    int index = -1;
    Node speaker;
    String speakerName;
    String participantRole;
    String timestamp;
    String messageId;
    String conversationId;
    String title;
    String text;

    Set<String> types() {
      return types == null ? types = new TreeSet<>() : types;
    }

    List<Name> names() {
      return names == null ? names = new ArrayList<>(2) : names;
    }

    List<LangText> definitions() {
      return definitions == null ? definitions = new ArrayList<>(1) : definitions;
    }

    List<LangText> statements() {
      return statements == null ? statements = new ArrayList<>(1) : statements;
    }

    Set<String> mentions() {
      return mentions == null ? mentions = new LinkedHashSet<>(2) : mentions;
    }

    Set<List<String>> relations() {
      return relations == null ? relations = new LinkedHashSet<>(2) : relations;
    }

    List<Node> bodies() {
      return bodies == null ? bodies = new ArrayList<>(1) : bodies;
    }

    List<Node> targets() {
      return targets == null ? targets = new ArrayList<>(1) : targets;
    }

    List<Node> selectors() {
      return selectors == null ? selectors = new ArrayList<>(1) : selectors;
    }
  }
}
