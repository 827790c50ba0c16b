package dev.noema.identity;

import dev.noema.ontology.Iris;
import dev.noema.ontology.Noema;
import dev.noema.store.GraphEntry;
import dev.noema.store.GraphStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Every entity of a knowledge base with its names, found by any of them: by key, by transliterated
 * key, by stem key and by consonant skeleton ({@link NameKeys}); with the decisions of the user
 * (names pinned to an entity in one conversation, pairs kept apart) and the pairs waiting for
 * review. Read from a store by {@link #load}; not thread-safe (its owner locks).
 */
final class IdentityIndex {
  private static final String TYPES =
      "SELECT ?e ?t WHERE { ?e a ?t FILTER(STRSTARTS(STR(?e), ?prefix)) }";

  /** The names of entities that have no identity graph yet (written before identity existed). */
  private static final String LABELS =
      "SELECT ?e ?p ?name WHERE { { ?e ?label ?name BIND(?label AS ?p) }"
          + " UNION { ?e ?alt ?name BIND(?alt AS ?p) }"
          + " UNION { ?e ?canonical ?name BIND(?canonical AS ?p) }"
          + " FILTER(STRSTARTS(STR(?e), ?prefix)) }";

  private final Map<Node, EntityRecord> records = new LinkedHashMap<>();
  private final Map<String, Set<EntityRecord>> byKey = new HashMap<>();

  /** Transliterated keys of names not in Latin letters. */
  private final Map<String, Set<EntityRecord>> byTransliteration = new HashMap<>();

  private final Map<String, Set<EntityRecord>> byStem = new HashMap<>();

  /** Consonant skeletons of names, prefixed "L" for Latin names and "T" for transliterated ones. */
  private final Map<String, Set<EntityRecord>> bySkeleton = new HashMap<>();

  private final Map<String, NameKeys.Keys> keyCache = new HashMap<>();
  private final Map<String, Node> pins = new HashMap<>();
  private final Set<String> apart = new HashSet<>();
  private final Set<String> pending = new HashSet<>();

  /**
   * Reads every entity of {@code store}: types from the union graph, names and decisions from the
   * identity graphs, and for an entity with no identity graph (a store written before identity was
   * decided) its labels, alternative and canonical labels from the union graph.
   */
  static IdentityIndex load(GraphStore store) {
    IdentityIndex index = new IdentityIndex();
    Map<String, Node> prefix = Map.of("prefix", literal(Iris.ENTITY));
    store.select(
        TYPES,
        prefix,
        rows -> {
          rows.forEachRemaining(
              row -> {
                Node e = row.get("e").asNode();
                Node t = row.get("t").asNode();
                if (e.isURI() && t.isURI()) {
                  index.record(e).addType(t.getURI());
                }
              });
          return null;
        });
    List<Node> identityGraphs = new ArrayList<>();
    for (GraphEntry entry : store.graphs()) {
      if (Iris.entityOfIdentityGraph(entry.name()).isPresent()) {
        identityGraphs.add(entry.name());
      }
    }
    Map<Node, List<Triple>> byGraph = new HashMap<>();
    store.read(
        identityGraphs,
        new StreamRDFBase() {
          @Override
          public void quad(Quad quad) {
            byGraph.computeIfAbsent(quad.getGraph(), k -> new ArrayList<>()).add(quad.asTriple());
          }
        });
    Set<Node> described = new HashSet<>();
    byGraph.forEach(
        (graph, triples) -> {
          Node entity = Iris.entityOfIdentityGraph(graph).orElseThrow();
          IdentityGraph.read(index.record(entity), triples);
          described.add(entity);
        });
    if (!described.containsAll(index.records.keySet())) {
      index.readLabels(store, described);
    }
    index.records.values().forEach(index::indexAll);
    return index;
  }

  private void readLabels(GraphStore store, Set<Node> described) {
    Map<String, Node> params = new HashMap<>();
    params.put("prefix", literal(Iris.ENTITY));
    params.put("label", RDFS.Nodes.label);
    params.put("alt", SKOS.altLabel.asNode());
    params.put("canonical", Noema.canonicalLabel);
    // Sorted, so that the preferred name of each language is the same whatever order the store
    // returns them in.
    Map<Node, TreeMap<String, EntityName>> labels = new HashMap<>();
    Map<Node, List<EntityName>> canonicals = new HashMap<>();
    Map<Node, List<EntityName>> others = new HashMap<>();
    store.select(
        LABELS,
        params,
        rows -> {
          rows.forEachRemaining(
              row -> {
                Node e = row.get("e").asNode();
                if (described.contains(e) || !records.containsKey(e)) {
                  return;
                }
                QuerySolution r = row;
                Node name = r.get("name").asNode();
                if (!name.isLiteral()) {
                  return;
                }
                Node p = r.get("p").asNode();
                if (p.equals(RDFS.Nodes.label)) {
                  EntityName n = IdentityGraph.name(name);
                  labels
                      .computeIfAbsent(e, k -> new TreeMap<>())
                      .put(n.language() + '\n' + n.text(), n);
                } else if (p.equals(Noema.canonicalLabel)) {
                  canonicals.computeIfAbsent(e, k -> new ArrayList<>()).add(canonical(name));
                } else {
                  others.computeIfAbsent(e, k -> new ArrayList<>()).add(IdentityGraph.name(name));
                }
              });
          return null;
        });
    labels.forEach((e, names) -> names.values().forEach(n -> records.get(e).addName(n, true)));
    // A canonical label is the entity's English name when no English label says otherwise.
    canonicals.forEach(
        (e, names) ->
            names.stream()
                .sorted(java.util.Comparator.comparing(EntityName::toString))
                .forEach(n -> records.get(e).addName(n, true)));
    others.forEach(
        (e, names) ->
            names.stream()
                .sorted(java.util.Comparator.comparing(EntityName::toString))
                .forEach(n -> records.get(e).addName(n, false)));
  }

  /** A canonical label as a name: English when it is written in Latin letters. */
  private static EntityName canonical(Node literal) {
    String text = literal.getLiteralLexicalForm();
    String language = literal.getLiteralLanguage();
    return new EntityName(
        text,
        NameKeys.isLatin(NameKeys.exact(text)) ? "en" : language.isEmpty() ? "und" : language);
  }

  /** The record of {@code iri}, created (with no names) when absent. */
  EntityRecord record(Node iri) {
    return records.computeIfAbsent(iri, EntityRecord::new);
  }

  Optional<EntityRecord> find(Node iri) {
    return Optional.ofNullable(records.get(iri));
  }

  boolean contains(Node iri) {
    return records.containsKey(iri);
  }

  Collection<EntityRecord> records() {
    return records.values();
  }

  /** Drops an entity (merged into another, or left without names and mentions). */
  void remove(Node iri) {
    EntityRecord gone = records.remove(iri);
    if (gone != null) {
      for (Map<String, Set<EntityRecord>> map :
          List.of(byKey, byTransliteration, byStem, bySkeleton)) {
        map.values().forEach(set -> set.remove(gone));
      }
    }
  }

  /** Indexes every name and decision of a record. */
  void indexAll(EntityRecord record) {
    record.names().forEach(n -> indexName(record, n));
    record.decisions().forEach(this::indexDecision);
  }

  /** Makes {@code record} findable by {@code name}. */
  void indexName(EntityRecord record, EntityName name) {
    NameKeys.Keys k = keys(name);
    if (k.exact().isEmpty()) {
      return;
    }
    add(byKey, k.exact(), record);
    k.transliterations().forEach(latin -> add(byTransliteration, latin, record));
    k.skeletons().forEach(skeleton -> add(bySkeleton, (k.latin() ? "L" : "T") + skeleton, record));
    if (k.stem() != null) {
      add(byStem, k.stem(), record);
    }
  }

  /**
   * The keys of a name, computed once per run and language: transliteration is the dearest step of
   * resolution, and the same names come back in every turn.
   */
  NameKeys.Keys keys(EntityName name) {
    return keyCache.computeIfAbsent(
        name.language() + '\n' + name.text(), k -> NameKeys.Keys.of(name.key(), name.language()));
  }

  /** Takes in what a decision says about pins, pairs kept apart and pairs pending. */
  void indexDecision(Decision d) {
    if (d.other() != null) {
      String pair = pair(d.entity(), d.other());
      if (d.verdict() == Verdict.DIFFERENT) {
        apart.add(pair);
        pending.remove(pair);
      } else if (d.verdict() == Verdict.PENDING && !apart.contains(pair)) {
        pending.add(pair);
      }
    } else if (d.byUser()
        && d.verdict() == Verdict.SAME
        && d.mention() != null
        && d.used() != null
        && d.used().isURI()) {
      pins.put(pin(d.used(), d.extractor(), d.mention().key()), d.entity());
    }
  }

  /** Forgets a decision's pair (once the user has decided it). */
  void forgetPending(Node a, Node b) {
    pending.remove(pair(a, b));
  }

  Set<EntityRecord> byKey(String key) {
    return byKey.getOrDefault(key, Set.of());
  }

  /** Entities with a name not in Latin letters whose transliteration has this key. */
  Set<EntityRecord> byTransliteration(String latinKey) {
    return byTransliteration.getOrDefault(latinKey, Set.of());
  }

  Set<EntityRecord> byStem(String stemKey) {
    return byStem.getOrDefault(stemKey, Set.of());
  }

  /**
   * Entities with a name in the other script than {@code fromLatin} says whose consonant skeleton
   * is {@code skeleton}.
   */
  Set<EntityRecord> bySkeleton(String skeleton, boolean fromLatin) {
    return bySkeleton.getOrDefault((fromLatin ? "T" : "L") + skeleton, Set.of());
  }

  /**
   * The entity the user pinned this name, as this extractor used it in this conversation, to; or
   * null.
   */
  Node pinned(Node conversation, String extractor, String key) {
    return pins.get(pin(conversation, extractor, key));
  }

  boolean keptApart(Node a, Node b) {
    return apart.contains(pair(a, b));
  }

  boolean isPending(Node a, Node b) {
    return pending.contains(pair(a, b));
  }

  private static String pin(Node conversation, String extractor, String key) {
    return conversation.getURI() + '\n' + extractor + '\n' + key;
  }

  private static String pair(Node a, Node b) {
    String x = a.getURI();
    String y = b.getURI();
    return x.compareTo(y) <= 0 ? x + ' ' + y : y + ' ' + x;
  }

  private static void add(Map<String, Set<EntityRecord>> map, String key, EntityRecord record) {
    map.computeIfAbsent(key, k -> new LinkedHashSet<>(2)).add(record);
  }

  private static Node literal(String value) {
    return org.apache.jena.graph.NodeFactory.createLiteralString(value);
  }
}
