package dev.noema.prompt;

import dev.noema.conversation.Role;
import dev.noema.meaning.Fact;
import dev.noema.meaning.Grounding;
import dev.noema.meaning.Interpretation;
import dev.noema.meaning.MeaningLayer;
import dev.noema.meaning.MeaningSchema;
import dev.noema.meaning.Name;
import dev.noema.meaning.NameKind;
import dev.noema.meaning.Names;
import dev.noema.meaning.Relation;
import dev.noema.meaning.TurnRef;
import dev.noema.ontology.Iris;
import dev.noema.ontology.Noema;
import dev.noema.prompt.ContextFact.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The meaning layer as retrieval ranks it, made from the {@link MeaningLayer}: entities numbered,
 * with the texts they can be found by; the relation facts, interpretations and definitions with
 * their quoted evidence as candidate items; and an undirected weighted adjacency over the entities
 * for ranking. Immutable and thread-safe once built.
 *
 * <p>Only facts with at least one grounding in a turn become {@link Item}s: a fact the reader
 * cannot check is never put into a prompt.
 */
final class MeaningSnapshot {

  /** A literal with its language tag ("" when untagged). */
  record LangText(String text, String lang) {}

  /** A meaning entity (interpretations included) with the texts it can be found by. */
  record Entity(
      int id,
      String iri,
      String type,
      String canonicalLabel,
      List<LangText> labels,
      List<LangText> altLabels,
      List<LangText> definitions,
      List<LangText> statements,
      Names names) {

    /** The name to show for {@code lang} ("ru", "en"), as {@link Names#display} picks it. */
    String label(String lang) {
      return names.display(lang).orElse(Iris.localName(iri));
    }
  }

  /**
   * A candidate context fact: a relation (subject, predicate, object), an interpretation (node =
   * the interpretation, subject = concept, object = perspective) or a definition of one entity.
   * {@code nodes} are the entity ids it involves, used for ranking.
   */
  record Item(
      String key,
      Kind kind,
      int subject,
      String predicate,
      int object,
      int node,
      String text,
      double confidence,
      List<Evidence> evidence) {

    int[] nodes() {
      return switch (kind) {
        case RELATION -> new int[] {subject, object};
        case INTERPRETATION -> new int[] {node, subject, object};
        case DEFINITION -> new int[] {node};
      };
    }
  }

  private final String fingerprint;
  private final List<Entity> entities;
  private final Map<String, Integer> idByIri;
  private final List<Item> items;
  private final int[][] neighbours;
  private final double[][] weights;
  private final int[][] itemsByNode;
  private final Map<String, String> asked;

  /** How far back from a reply its question is looked for (user, system and tool turns). */
  private static final int MAX_TURNS_BACK = 8;

  private MeaningSnapshot(
      String fingerprint, List<Entity> entities, List<Item> items, Map<String, String> asked) {
    this.fingerprint = fingerprint;
    this.asked = Map.copyOf(asked);
    this.entities = List.copyOf(entities);
    this.idByIri = new HashMap<>();
    for (Entity e : entities) {
      idByIri.put(e.iri(), e.id());
    }
    this.items = List.copyOf(items);
    List<Map<Integer, Double>> adjacency = new ArrayList<>(entities.size());
    for (int i = 0; i < entities.size(); i++) {
      adjacency.add(new TreeMap<>());
    }
    for (Item item : items) {
      if (item.kind() == Kind.RELATION) {
        link(adjacency, item.subject(), item.object(), item.confidence());
      } else if (item.kind() == Kind.INTERPRETATION) {
        link(adjacency, item.node(), item.subject(), 1.0);
        link(adjacency, item.node(), item.object(), 1.0);
      }
    }
    List<List<Integer>> incidence = new ArrayList<>(entities.size());
    for (int i = 0; i < entities.size(); i++) {
      incidence.add(new ArrayList<>(2));
    }
    for (int i = 0; i < items.size(); i++) {
      for (int node : items.get(i).nodes()) {
        incidence.get(node).add(i);
      }
    }
    this.itemsByNode = new int[entities.size()][];
    for (int i = 0; i < entities.size(); i++) {
      itemsByNode[i] = incidence.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    this.neighbours = new int[entities.size()][];
    this.weights = new double[entities.size()][];
    for (int i = 0; i < entities.size(); i++) {
      Map<Integer, Double> row = adjacency.get(i);
      neighbours[i] = row.keySet().stream().mapToInt(Integer::intValue).toArray();
      weights[i] = row.values().stream().mapToDouble(Double::doubleValue).toArray();
    }
  }

  private static void link(List<Map<Integer, Double>> adjacency, int a, int b, double weight) {
    if (a != b) {
      adjacency.get(a).merge(b, weight, Double::sum);
      adjacency.get(b).merge(a, weight, Double::sum);
    }
  }

  /**
   * The prompt's view of {@code layer}: every meaning entity (interpretations included) numbered in
   * IRI order, and the grounded facts, interpretations and definitions as candidate items.
   */
  static MeaningSnapshot of(MeaningLayer layer) {
    MeaningSchema schema = layer.schema();
    Map<String, Interpretation> interpretationOf = new HashMap<>();
    layer.interpretations().forEach(i -> interpretationOf.put(i.iri(), i));
    List<Entity> entities = new ArrayList<>(layer.entities().size());
    Map<String, Integer> ids = new HashMap<>();
    for (dev.noema.meaning.Entity e : layer.entities()) {
      ids.put(e.iri(), entities.size());
      Interpretation interpretation = interpretationOf.get(e.iri());
      entities.add(
          new Entity(
              entities.size(),
              e.iri(),
              e.type(),
              e.names().of(Noema.canonicalLabel.getURI()).orElse(null),
              names(e, n -> n.kind() != NameKind.ALTERNATIVE, Noema.canonicalLabel.getURI()),
              names(e, n -> n.kind() == NameKind.ALTERNATIVE, null),
              texts(e.definitions()),
              interpretation == null ? List.of() : texts(interpretation.statements()),
              e.names()));
    }
    Map<String, SourceTurn> turns = new HashMap<>();
    layer
        .turns()
        .values()
        .forEach(
            t ->
                turns.put(
                    t.iri(),
                    new SourceTurn(
                        t.iri(),
                        t.conversation(),
                        t.conversationTitle(),
                        t.index(),
                        t.speakerName(),
                        role(t.speakerRole()),
                        t.timestamp(),
                        t.messageId())));
    List<Item> items = new ArrayList<>();
    for (Relation r : layer.relations()) {
      Integer s = ids.get(r.subject());
      Integer o = ids.get(r.object());
      double confidence = 0;
      List<Evidence> evidence = new ArrayList<>();
      for (Fact f : r.facts()) {
        if (!f.groundings().isEmpty()) {
          confidence = Math.max(confidence, f.confidence() != null ? f.confidence() : 0.5);
          f.groundings().forEach(g -> evidence.add(evidence(turns, g)));
        }
      }
      if (s != null && o != null && !evidence.isEmpty()) {
        items.add(
            new Item(
                r.subject() + " " + r.predicate() + " " + r.object(),
                Kind.RELATION,
                s,
                r.predicate(),
                o,
                -1,
                null,
                confidence,
                sorted(evidence)));
      }
    }
    for (Interpretation i : layer.interpretations()) {
      Integer node = ids.get(i.iri());
      Integer c = ids.get(i.concept());
      Integer p = ids.get(i.perspective());
      if (node != null && c != null && p != null && !i.groundings().isEmpty()) {
        Entity e = entities.get(node);
        LangText statement =
            e.statements().isEmpty() ? new LangText(e.label("en"), "") : e.statements().get(0);
        items.add(
            new Item(
                e.iri(),
                Kind.INTERPRETATION,
                c,
                Noema.interprets.getURI(),
                p,
                node,
                statement.text(),
                1.0,
                sorted(i.groundings().stream().map(g -> evidence(turns, g)).toList())));
      }
    }
    for (dev.noema.meaning.Entity e : layer.entities()) {
      if (!e.definitions().isEmpty() && !schema.isInterpretationClass(e.type())) {
        List<Evidence> found = new ArrayList<>();
        e.groundings().forEach(g -> found.add(evidence(turns, g)));
        e.mentions()
            .forEach(
                t -> found.add(new Evidence(turns.getOrDefault(t, SourceTurn.unknown(t)), null)));
        if (!found.isEmpty()) {
          int id = ids.get(e.iri());
          items.add(
              new Item(
                  e.iri() + " definition",
                  Kind.DEFINITION,
                  id,
                  null,
                  -1,
                  id,
                  entities.get(id).definitions().get(0).text(),
                  1.0,
                  sorted(found)));
        }
      }
    }
    items.sort(Comparator.comparing(Item::key));
    return new MeaningSnapshot(layer.fingerprint(), entities, items, asked(layer));
  }

  /**
   * What each reply was asked, as {@link EvidenceIndex#question} reduces it: for a turn not spoken
   * by the user, the text of the user's turns right before it, joined in order (a user may ask in
   * two turns), passing over system and tool turns between them and the reply and stopping at the
   * assistant's turn before; by the reply's IRI. The layer holds the text of the user's turns that
   * something follows on the conversation's active path, so an edited-away prompt (an alternative
   * with the same index) is never taken for the one answered.
   */
  private static Map<String, String> asked(MeaningLayer layer) {
    Map<String, Role> roleAt = new HashMap<>();
    Map<String, String> userTextAt = new HashMap<>();
    for (TurnRef t : layer.turns().values()) {
      String at = t.conversation() + " " + t.index();
      Role role = role(t.speakerRole());
      if (role != null) {
        roleAt.merge(at, role, (a, b) -> a.compareTo(b) <= 0 ? a : b);
      }
      if (t.text() != null && role == Role.USER) {
        userTextAt.put(at, t.text());
      }
    }
    Map<String, String> asked = new HashMap<>();
    for (TurnRef t : layer.turns().values()) {
      if (t.conversation() == null || t.index() <= 0 || role(t.speakerRole()) == Role.USER) {
        continue;
      }
      Deque<String> question = new ArrayDeque<>();
      for (int i = t.index() - 1, steps = 0; i >= 0 && steps < MAX_TURNS_BACK; i--, steps++) {
        Role role = roleAt.get(t.conversation() + " " + i);
        if (role == null || role == Role.ASSISTANT) {
          break;
        }
        String text = userTextAt.get(t.conversation() + " " + i);
        if (text != null) {
          question.addFirst(text);
        }
      }
      if (!question.isEmpty()) {
        asked.put(t.iri(), EvidenceIndex.question(String.join("\n\n", question)));
      }
    }
    return asked;
  }

  /** The role a participant's {@code noema:participantRole} names, or null for none or another. */
  private static Role role(String literal) {
    for (Role role : Role.values()) {
      if (role.name().equalsIgnoreCase(literal)) {
        return role;
      }
    }
    return null;
  }

  private static Evidence evidence(Map<String, SourceTurn> turns, Grounding g) {
    return new Evidence(turns.getOrDefault(g.turn(), SourceTurn.unknown(g.turn())), g.quote());
  }

  /** The names {@code keep} accepts, except those of {@code leftOut} (a property IRI, or null). */
  private static List<LangText> names(
      dev.noema.meaning.Entity e, Predicate<Name> keep, String leftOut) {
    List<LangText> texts = new ArrayList<>();
    for (Name n : e.names().all()) {
      if (keep.test(n) && !n.property().equals(leftOut)) {
        LangText t = new LangText(n.text(), n.language());
        if (!texts.contains(t)) {
          texts.add(t);
        }
      }
    }
    texts.sort(Comparator.comparing(LangText::lang).thenComparing(LangText::text));
    return List.copyOf(texts);
  }

  private static List<LangText> texts(List<dev.noema.meaning.LangText> texts) {
    return texts.stream().map(t -> new LangText(t.text(), t.language())).toList();
  }

  private static List<Evidence> sorted(List<Evidence> evidence) {
    Map<String, Evidence> unique = new LinkedHashMap<>();
    evidence.stream()
        .sorted(
            Comparator.comparing((Evidence e) -> e.quote() == null ? 1 : 0)
                .thenComparing(e -> e.turn().iri()))
        .forEach(e -> unique.putIfAbsent(e.turn().iri() + "\u0000" + e.quote(), e));
    return List.copyOf(unique.values());
  }

  String fingerprint() {
    return fingerprint;
  }

  /** What turn {@code iri} replies to, as {@link #asked(MeaningLayer)} finds it, or null. */
  String asked(String iri) {
    return asked.get(iri);
  }

  List<Entity> entities() {
    return entities;
  }

  Entity entity(int id) {
    return entities.get(id);
  }

  Integer id(String iri) {
    return idByIri.get(iri);
  }

  List<Item> items() {
    return items;
  }

  int[] neighbours(int id) {
    return neighbours[id];
  }

  double[] weights(int id) {
    return weights[id];
  }

  /** Indexes into {@link #items()} of the items that involve entity {@code id}. */
  int[] itemsOf(int id) {
    return itemsByNode[id];
  }
}
