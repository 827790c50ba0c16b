package dev.noema.identity;

import dev.noema.ontology.Iris;
import dev.noema.ontology.Noema;
import dev.noema.store.GraphChange;
import dev.noema.store.GraphContent;
import dev.noema.store.GraphEntry;
import dev.noema.store.GraphStore;
import dev.noema.text.Text;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * The user's side of identity: list what was decided and what waits for review; undo a merge
 * ({@link #split}); accept or reject a suspected pair. Each operation reads the store's entities,
 * rewrites every graph the decision changes (extraction graphs whose mention moves, identity
 * graphs) with new registry hashes, so that the Neo4j projection and the caches follow, and writes
 * all of it in one transaction. The decision is recorded as the user's, and holds across re-imports
 * and re-extraction: a split pins the mention (its name, as its extractor used it in its
 * conversation) to its own entity and keeps the two entities apart; an accepted pair is one entity
 * with both sets of names; a rejected pair is never suspected again.
 *
 * <p>Not to be run while an import writes to the same store. Stateless between calls.
 */
public final class IdentityReview {
  private static final String GRAPHS_NAMING =
      "SELECT DISTINCT ?g WHERE { { GRAPH ?g { ?x ?p ?o } } UNION { GRAPH ?g { ?s ?q ?x } } }";

  /** Fewest characters of a decision id the user may type. */
  private static final int MIN_ID_PREFIX = 4;

  private final GraphStore store;
  private final Clock clock;

  public IdentityReview(GraphStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Everything identity decided, and the pairs waiting for review. */
  public IdentityListing list() {
    IdentityIndex index = IdentityIndex.load(store);
    List<Decision> merges = new ArrayList<>();
    List<Decision> pending = new ArrayList<>();
    List<Decision> byUser = new ArrayList<>();
    for (EntityRecord r : index.records()) {
      for (Decision d : r.decisions()) {
        if (d.byUser()) {
          byUser.add(d);
        } else if (d.verdict() == Verdict.PENDING) {
          pending.add(d);
        } else if (d.verdict() == Verdict.SAME && d.other() == null) {
          merges.add(d);
        }
      }
    }
    Map<String, String> names = new HashMap<>();
    for (EntityRecord r : index.records()) {
      names.put(r.iri().getURI(), r.display());
    }
    merges.sort(
        Comparator.comparing((Decision d) -> names.getOrDefault(d.entity().getURI(), ""))
            .thenComparing(Decision::time)
            .thenComparing(d -> d.iri().getURI()));
    pending.sort(
        Comparator.comparingDouble(Decision::score)
            .reversed()
            .thenComparing(d -> d.iri().getURI()));
    byUser.sort(Comparator.comparing(Decision::time).reversed());
    return new IdentityListing(index.records().size(), merges, pending, byUser, names);
  }

  /**
   * Undoes merges: {@code target} is a merge's decision id (or its first characters), or an entity
   * (its IRI or one of its names), whose every merge is undone. The names each merge brought leave
   * the entity and form a new one; the mentions that carry them (the merged mention itself, and any
   * other whose names are all among them) move to it, their extraction graphs rewritten.
   *
   * @throws IllegalArgumentException when {@code target} names no merge, no entity, more than one
   *     entity, or an entity with no merge recorded
   */
  public SplitResult split(String target) {
    IdentityIndex index = IdentityIndex.load(store);
    List<Decision> merges = mergesToUndo(index, target);
    Rewrite rewrite = new Rewrite();
    List<SplitResult.Split> splits = new ArrayList<>();
    for (Decision merge : merges) {
      splits.add(split(index, merge, rewrite));
    }
    rewrite.apply();
    return new SplitResult(splits);
  }

  /**
   * Accepts a pending pair: the two are one entity. The one that existed first ({@code
   * otherEntity}) stays; the other's names and decisions join it, and every graph naming it is
   * rewritten to name the one that stays.
   *
   * @throws IllegalArgumentException when {@code decisionId} names no pending pair
   */
  public MergeResult accept(String decisionId) {
    IdentityIndex index = IdentityIndex.load(store);
    Decision pair = pending(index, decisionId);
    EntityRecord merged = index.find(pair.entity()).orElseThrow();
    EntityRecord kept =
        index
            .find(pair.other())
            .orElseThrow(() -> new IllegalArgumentException("entity " + pair.other() + " is gone"));
    merged.removeDecision(pair.iri());
    Rewrite rewrite = new Rewrite();
    List<EntityName> added = merged.names().stream().filter(n -> !kept.hasKey(n.key())).toList();
    merged.names().forEach(n -> kept.addName(n, merged.isPreferred(n)));
    kept.addDecision(
        Decision.of(
            Verdict.SAME,
            kept.iri(),
            merged.iri(),
            Evidence.USER,
            1.0,
            pair.mention(),
            added,
            pair.mentionType(),
            pair.extractor(),
            pair.used(),
            Decision.USER,
            clock.instant()));
    // Decisions about the merged entity are now about the one kept; a pair of the two is moot.
    for (EntityRecord r : index.records()) {
      List<Decision> repointed = new ArrayList<>();
      for (Decision d : r == merged ? merged.decisions() : r.decisions()) {
        Node entity = d.entity().equals(merged.iri()) ? kept.iri() : d.entity();
        Node other =
            merged.iri().equals(d.other()) && d.verdict() != Verdict.SAME ? kept.iri() : d.other();
        if (!entity.equals(d.entity()) || !Objects.equals(other, d.other())) {
          r.removeDecision(d.iri());
          if (!entity.equals(other)) {
            repointed.add(d.withEntities(entity, other));
          }
        }
      }
      EntityRecord owner = r == merged ? kept : r;
      repointed.forEach(owner::addDecision);
      if (!repointed.isEmpty()) {
        rewrite.identity(owner);
      }
    }
    rewrite.identity(kept);
    int graphs = 0;
    for (Node g : graphsNaming(merged.iri())) {
      if (Iris.entityOfIdentityGraph(g).isEmpty()) {
        rewrite.replace(g, merged.iri(), kept.iri(), pair.iri());
        graphs++;
      }
    }
    rewrite.remove(Iris.identityGraph(merged.iri()));
    index.remove(merged.iri());
    rewrite.apply();
    return new MergeResult(kept.iri().getURI(), merged.iri().getURI(), graphs);
  }

  /**
   * Rejects a pending pair: the two stay two entities and are never suspected again.
   *
   * @return the user's decision
   * @throws IllegalArgumentException when {@code decisionId} names no pending pair
   */
  public Decision reject(String decisionId) {
    IdentityIndex index = IdentityIndex.load(store);
    Decision pair = pending(index, decisionId);
    EntityRecord first = index.find(pair.entity()).orElseThrow();
    first.removeDecision(pair.iri());
    Decision rejected =
        Decision.of(
            Verdict.DIFFERENT,
            pair.entity(),
            pair.other(),
            Evidence.USER,
            pair.score(),
            pair.mention(),
            List.of(),
            pair.mentionType(),
            pair.extractor(),
            pair.used(),
            Decision.USER,
            clock.instant());
    first.addDecision(rejected);
    Rewrite rewrite = new Rewrite();
    rewrite.identity(first);
    rewrite.apply();
    return rejected;
  }

  private SplitResult.Split split(IdentityIndex index, Decision merge, Rewrite rewrite) {
    EntityRecord from = index.find(merge.entity()).orElseThrow();
    List<EntityName> names = merge.added().isEmpty() ? List.of(merge.mention()) : merge.added();
    String type = merge.mentionType() != null ? merge.mentionType() : Noema.Concept.getURI();
    EntityName base =
        names.stream().filter(n -> NameKeys.isLatin(n.key())).findFirst().orElse(names.get(0));
    EntityRecord to = index.record(EntityIris.free(base.text(), type, index::contains));
    names.forEach(n -> to.addName(n, true));
    Set<String> moved = new LinkedHashSet<>();
    merge.added().forEach(n -> moved.add(n.key()));
    from.removeNames(moved);
    from.removeDecision(merge.iri());
    Node conversation = Iris.conversationOfTurn(merge.used()).orElse(null);
    Decision apart =
        Decision.of(
            Verdict.DIFFERENT,
            from.iri(),
            to.iri(),
            Evidence.USER,
            merge.score(),
            merge.mention(),
            List.of(),
            merge.mentionType(),
            merge.extractor(),
            merge.used(),
            Decision.USER,
            clock.instant());
    from.addDecision(apart);
    to.addDecision(
        Decision.of(
            Verdict.SAME,
            to.iri(),
            null,
            Evidence.USER,
            1.0,
            merge.mention(),
            names,
            merge.mentionType(),
            merge.extractor(),
            conversation,
            Decision.USER,
            clock.instant()));
    int graphs = 0;
    for (Node g : graphsNaming(from.iri())) {
      if (Iris.entityOfIdentityGraph(g).isPresent()) {
        continue; // identity graphs are written from the records
      }
      List<Triple> triples = rewrite.current(g);
      if (movesTo(triples, from, to, merge, conversation)) {
        rewrite.replace(g, from.iri(), to.iri(), apart.iri());
        graphs++;
      }
    }
    rewrite.identity(from);
    rewrite.identity(to);
    return new SplitResult.Split(from.iri().getURI(), to.iri().getURI(), names, graphs);
  }

  /**
   * Whether the mention of {@code from} in an extraction graph goes to {@code to}: it is the merged
   * mention (its label, extractor and conversation), or its names are all {@code to}'s and none
   * {@code from}'s.
   */
  private static boolean movesTo(
      List<Triple> triples, EntityRecord from, EntityRecord to, Decision merge, Node conversation) {
    Set<String> keys = new LinkedHashSet<>();
    Set<String> labelKeys = new LinkedHashSet<>();
    Node activity = null;
    Node turn = null;
    for (Triple t : triples) {
      Node p = t.getPredicate();
      if (t.getSubject().equals(from.iri()) && t.getObject().isLiteral()) {
        String key = Text.key(t.getObject().getLiteralLexicalForm());
        if (p.equals(RDFS.Nodes.label)) {
          labelKeys.add(key);
        }
        if (p.equals(RDFS.Nodes.label)
            || p.equals(SKOS.altLabel.asNode())
            || p.equals(Noema.canonicalLabel)) {
          keys.add(key);
        }
      } else if (p.equals(Noema.extractedFromTurn)) {
        activity = t.getSubject();
        turn = t.getObject();
      }
    }
    String extractor = null;
    for (Triple t : triples) {
      if (t.getSubject().equals(activity)
          && t.getPredicate().equals(Noema.extractor)
          && t.getObject().isLiteral()) {
        extractor = t.getObject().getLiteralLexicalForm();
      }
    }
    boolean merged =
        merge.mention() != null
            && Objects.equals(merge.extractor(), extractor)
            && turn != null
            && Objects.equals(Iris.conversationOfTurn(turn).orElse(null), conversation)
            && labelKeys.contains(merge.mention().key());
    keys.remove("");
    return merged
        || (!keys.isEmpty()
            && to.keys().containsAll(keys)
            && keys.stream().noneMatch(from::hasKey));
  }

  private List<Decision> mergesToUndo(IdentityIndex index, String target) {
    String wanted = target.strip();
    List<Decision> byId = new ArrayList<>();
    List<EntityRecord> byName = new ArrayList<>();
    for (EntityRecord r : index.records()) {
      for (Decision d : r.decisions()) {
        if (isMerge(d) && wanted.length() >= MIN_ID_PREFIX && d.id().startsWith(wanted)) {
          byId.add(d);
        }
      }
    }
    if (byId.size() == 1) {
      return byId;
    }
    if (wanted.contains("://")) {
      index.find(org.apache.jena.graph.NodeFactory.createURI(wanted)).ifPresent(byName::add);
    } else {
      byName.addAll(index.byKey(Text.key(wanted)));
    }
    if (byName.size() > 1) {
      throw new IllegalArgumentException(
          "'"
              + target
              + "' names "
              + byName.size()
              + " entities; give one of their IRIs: "
              + String.join(", ", byName.stream().map(r -> r.iri().getURI()).sorted().toList()));
    }
    if (byName.isEmpty()) {
      throw new IllegalArgumentException(
          "'"
              + target
              + "' is neither a merge's id nor an entity (noema resolve --list shows both)");
    }
    List<Decision> merges =
        byName.get(0).decisions().stream().filter(IdentityReview::isMerge).toList();
    if (merges.isEmpty()) {
      throw new IllegalArgumentException(
          "nothing to split: no merge is recorded on " + byName.get(0).iri().getURI());
    }
    return merges;
  }

  /** A mention the resolver merged into an existing entity. */
  private static boolean isMerge(Decision d) {
    return d.verdict() == Verdict.SAME && d.other() == null && !d.byUser();
  }

  private static Decision pending(IdentityIndex index, String decisionId) {
    String wanted = decisionId.strip();
    List<Decision> found = new ArrayList<>();
    for (EntityRecord r : index.records()) {
      for (Decision d : r.decisions()) {
        if (d.verdict() == Verdict.PENDING
            && wanted.length() >= MIN_ID_PREFIX
            && d.id().startsWith(wanted)) {
          found.add(d);
        }
      }
    }
    if (found.size() != 1) {
      throw new IllegalArgumentException(
          found.isEmpty()
              ? "no pending pair '" + decisionId + "' (noema resolve --review lists them)"
              : "'" + decisionId + "' is the start of " + found.size() + " ids; give more of it");
    }
    return found.get(0);
  }

  private List<Node> graphsNaming(Node entity) {
    List<Node> graphs = new ArrayList<>();
    store.select(
        GRAPHS_NAMING,
        Map.of("x", entity),
        rows -> {
          rows.forEachRemaining(row -> graphs.add(row.get("g").asNode()));
          return null;
        });
    graphs.sort(Comparator.comparing(Node::getURI));
    return graphs;
  }

  /** Graphs to rewrite, put whole, with the registry hashes they had; applied in one change. */
  private final class Rewrite {
    private final Map<Node, List<Triple>> graphs = new LinkedHashMap<>();
    private final Map<Node, String> hashes = new HashMap<>();
    private final Map<Node, EntityRecord> identities = new LinkedHashMap<>();
    private final List<Node> removed = new ArrayList<>();
    private Map<Node, String> registry;

    /** The graph's triples as rewritten so far, else as stored. */
    List<Triple> current(Node graph) {
      List<Triple> triples = graphs.get(graph);
      if (triples == null) {
        List<Triple> read = new ArrayList<>();
        store.read(
            List.of(graph),
            new StreamRDFBase() {
              @Override
              public void quad(Quad quad) {
                read.add(quad.asTriple());
              }
            });
        triples = read;
      }
      return triples;
    }

    /** Replaces {@code from} by {@code to} everywhere in {@code graph}, because of {@code why}. */
    void replace(Node graph, Node from, Node to, Node why) {
      List<Triple> rewritten = new ArrayList<>();
      for (Triple t : current(graph)) {
        rewritten.add(
            Triple.create(
                t.getSubject().equals(from) ? to : t.getSubject(),
                t.getPredicate(),
                t.getObject().equals(from) ? to : t.getObject()));
      }
      graphs.put(graph, List.copyOf(new LinkedHashSet<>(rewritten)));
      String previous = hashes.computeIfAbsent(graph, g -> registry().getOrDefault(g, ""));
      hashes.put(graph, Decision.sha256(previous, why.getURI()));
    }

    void identity(EntityRecord record) {
      identities.put(record.iri(), record);
    }

    void remove(Node graph) {
      removed.add(graph);
    }

    void apply() {
      List<GraphContent> put = new ArrayList<>();
      graphs.forEach((g, triples) -> put.add(new GraphContent(g, hashes.get(g), triples)));
      identities.values().forEach(r -> put.add(IdentityGraph.content(r)));
      store.apply(new GraphChange(removed, List.of(), put));
    }

    private Map<Node, String> registry() {
      if (registry == null) {
        registry = new HashMap<>();
        for (GraphEntry e : store.graphs()) {
          registry.put(e.name(), e.contentHash());
        }
      }
      return registry;
    }
  }
}
