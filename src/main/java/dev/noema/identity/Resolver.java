package dev.noema.identity;

import dev.noema.ontology.Iris;
import dev.noema.ontology.OntologyModel;
import dev.noema.store.GraphContent;
import dev.noema.store.GraphStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;

/**
 * Decides which entity each mention denotes, when facts are written, so that every reader sees one
 * node per real thing without knowing about resolution.
 *
 * <p>A mention resolves, in order, to: the entity the user pinned its label to, as its extractor
 * used it in its conversation; else the best candidate among the entities of a type compatible with
 * its own (not declared disjoint in the ontology, through the class hierarchy) that share a name
 * with it, by the strongest {@link Evidence} of any of its names (label, aliases, canonical label)
 * against any of theirs, if that evidence scores at least {@link #SAME}; else a new entity. A
 * generic name ({@link GenericNames}: "plan", "my recommendation", "the assistant's view") is
 * evidence only for the entities named in the mention's own conversation, so that two
 * conversations' plans stay two things while "Kirill" is one wherever it is said. Candidates rank
 * by score, then by which of the mention's names matched (its label before an alias before its
 * canonical label), then by how close the types are, then by IRI, so the same store always gives
 * the same answer. A new entity's IRI is {@link EntityIris#of} its canonical label (else its
 * label), qualified by its type, then numbered, when another entity holds that IRI.
 *
 * <p>Every decision that changes an entity (a mention that brings it a new name, or a type related
 * to none of its own) is recorded with its evidence and score; a candidate scoring between {@link
 * #DIFFERENT} and {@link #SAME}, or a second entity that the mention also names, makes a pair that
 * waits for review, unless the user has kept the two apart. The identity graphs of the entities
 * changed are collected until {@link #drainChanges}, which the caller writes in the same
 * transaction as the extraction graphs that use them.
 *
 * <p>Reads the store's entities on first use. Thread-safe (one lock).
 */
public final class Resolver {
  /** At or above this score, a mention is the entity. */
  public static final double SAME = 0.9;

  /** Below this score, names are unrelated; between it and {@link #SAME}, the pair is reviewed. */
  public static final double DIFFERENT = 0.75;

  /** How many candidates below {@link #SAME} one new entity is suspected to duplicate, at most. */
  private static final int MAX_SUSPECTS = 3;

  private final GraphStore store;
  private final TypeRules types;
  private final Clock clock;
  private IdentityIndex index;
  private final Set<EntityRecord> changed = new LinkedHashSet<>();

  public Resolver(GraphStore store, OntologyModel ontology, Clock clock) {
    this.store = store;
    this.types = new TypeRules(ontology);
    this.clock = clock;
  }

  /**
   * One of a mention's names, and which: 0 its label, 1 an alias, 2 its canonical label; {@code
   * bound} when it means something only inside the mention's conversation ({@link GenericNames}).
   */
  private record MentionName(EntityName name, int kind, boolean bound) {
    MentionName(EntityName name, int kind) {
      this(name, kind, GenericNames.boundToConversation(name));
    }

    static final int LABEL = 0;
    static final int ALIAS = 1;
    static final int CANONICAL = 2;
  }

  /** A candidate entity and the best evidence found for it. */
  private record Match(
      EntityRecord record, Evidence evidence, double score, int nameRank, int typeRank) {}

  private static final Comparator<Match> BEST_FIRST =
      Comparator.comparingDouble(Match::score)
          .reversed()
          .thenComparingInt(Match::nameRank)
          .thenComparingInt(Match::typeRank)
          .thenComparing(m -> m.record().iri().getURI());

  /** Resolves the mentions in order (each sees the entities the ones before it minted). */
  public synchronized List<Node> resolve(List<Mention> mentions) {
    List<Node> iris = new ArrayList<>(mentions.size());
    for (Mention m : mentions) {
      iris.add(resolve(m));
    }
    return iris;
  }

  /** The entity {@code mention} denotes, minted when none does. */
  public synchronized Node resolve(Mention mention) {
    IdentityIndex idx = index();
    List<MentionName> names = names(mention);
    Node pinned =
        idx.pinned(
            Iris.conversation(mention.conversationId()),
            mention.extractor(),
            NameKeys.exact(mention.label()));
    if (pinned != null && idx.contains(pinned)) {
      // The user's decision holds for this mention only: its names are no evidence for others.
      EntityRecord record = idx.record(pinned);
      record.addType(mention.type());
      record.addConversation(mention.conversationId());
      return record.iri();
    }
    List<Match> candidates = candidates(mention, names);
    Match best = candidates.isEmpty() ? null : candidates.get(0);
    EntityRecord target;
    int suspectsFrom;
    if (best != null && best.score() >= SAME) {
      target = best.record();
      Set<String> before = Set.copyOf(target.keys());
      boolean unrelatedType = !target.types().isEmpty() && best.typeRank() == TypeRules.COMPATIBLE;
      List<EntityName> added = attach(target, mention, names);
      if (!added.isEmpty() || (unrelatedType && !before.isEmpty())) {
        record(
            target,
            Decision.of(
                Verdict.SAME,
                target.iri(),
                null,
                best.evidence(),
                best.score(),
                names.get(0).name(),
                added,
                mention.type(),
                mention.extractor(),
                Iris.turn(mention.conversationId(), mention.turnIndex()),
                Decision.RESOLVER,
                clock.instant()));
      }
      suspectsFrom = 1;
    } else {
      target = mint(mention, names);
      suspectsFrom = 0;
    }
    int suspects = 0;
    for (int i = suspectsFrom; i < candidates.size() && suspects < MAX_SUSPECTS; i++) {
      Match other = candidates.get(i);
      if (other.score() < DIFFERENT) {
        break;
      }
      if (suspect(target, other, mention, names.get(0).name())) {
        suspects++;
      }
    }
    return target.iri();
  }

  /**
   * The identity graphs of the entities changed since the last call, each with its whole current
   * content; write them in the same transaction as the graphs that use the entities, and in the
   * order drained (a later drain holds a later state).
   */
  public synchronized List<GraphContent> drainChanges() {
    List<GraphContent> graphs = new ArrayList<>(changed.size());
    for (EntityRecord record : changed) {
      graphs.add(IdentityGraph.content(record));
    }
    changed.clear();
    return graphs;
  }

  /** The index, read from the store on first use. */
  private IdentityIndex index() {
    if (index == null) {
      index = IdentityIndex.load(store);
    }
    return index;
  }

  /** The mention's names: its label first, then its aliases, then its canonical label. */
  private static List<MentionName> names(Mention m) {
    List<MentionName> names = new ArrayList<>();
    names.add(new MentionName(new EntityName(m.label(), m.language()), MentionName.LABEL));
    for (String alias : m.aliases()) {
      names.add(new MentionName(new EntityName(alias, m.language()), MentionName.ALIAS));
    }
    String key =
        m.canonicalLabel() == null || m.canonicalLabel().isBlank()
            ? null
            : NameKeys.exact(m.canonicalLabel());
    // The canonical label is English by definition, but an extractor without a translation (the
    // structural one) gives the label's own key ("lumiere" for "lumière"): that is no English
    // name, and as one it would be shown instead of the label.
    if (key != null && !key.equals(NameKeys.exact(m.label()))) {
      names.add(
          new MentionName(
              new EntityName(m.canonicalLabel(), NameKeys.isLatin(key) ? "en" : m.language()),
              MentionName.CANONICAL));
    }
    return names;
  }

  /** Compatible candidates, best first. */
  private List<Match> candidates(Mention mention, List<MentionName> names) {
    IdentityIndex idx = index();
    Map<EntityRecord, Match> best = new LinkedHashMap<>();
    for (MentionName mentionName : names) {
      EntityName name = mentionName.name();
      int nameRank = mentionName.kind();
      NameKeys.Keys keys = idx.keys(name);
      if (keys.exact().isEmpty()) {
        continue;
      }
      // A generic name is evidence only for the entities its own conversation names.
      String within = mentionName.bound() ? mention.conversationId() : null;
      consider(best, idx.byKey(keys.exact()), Evidence.SAME_NAME, nameRank, mention, within);
      if (keys.latin()) {
        consider(
            best,
            idx.byTransliteration(keys.exact()),
            Evidence.TRANSLITERATION,
            nameRank,
            mention,
            within);
      }
      for (String transliterated : keys.transliterations()) {
        consider(
            best, idx.byKey(transliterated), Evidence.TRANSLITERATION, nameRank, mention, within);
      }
      for (String skeleton : keys.skeletons()) {
        consider(
            best,
            idx.bySkeleton(skeleton, keys.latin()),
            Evidence.SOUNDS_ALIKE,
            nameRank,
            mention,
            within);
      }
      if (keys.stem() != null) {
        consider(best, idx.byStem(keys.stem()), Evidence.STEM, nameRank, mention, within);
      }
    }
    List<Match> ranked = new ArrayList<>(best.values());
    ranked.sort(BEST_FIRST);
    return ranked;
  }

  private void consider(
      Map<EntityRecord, Match> best,
      Set<EntityRecord> records,
      Evidence evidence,
      int nameRank,
      Mention mention,
      String withinConversation) {
    for (EntityRecord r : records) {
      if (withinConversation != null && !r.namedIn(withinConversation)) {
        continue;
      }
      if (!types.compatible(mention.type(), r.types())) {
        continue;
      }
      Match m =
          new Match(
              r, evidence, evidence.score(), nameRank, types.relation(mention.type(), r.types()));
      best.merge(r, m, (a, b) -> BEST_FIRST.compare(a, b) <= 0 ? a : b);
    }
  }

  /** Gives the record the mention's type and names; returns the names whose keys it lacked. */
  private List<EntityName> attach(EntityRecord record, Mention mention, List<MentionName> names) {
    record.addType(mention.type());
    record.addConversation(mention.conversationId());
    List<EntityName> added = new ArrayList<>();
    for (MentionName mentionName : names) {
      EntityName name = mentionName.name();
      boolean newKey = !record.hasKey(name.key());
      if (record.addName(name, mentionName.kind() != MentionName.ALIAS)) {
        index.indexName(record, name);
        changed.add(record);
        if (newKey) {
          added.add(name);
        }
      }
    }
    return added;
  }

  /** A new entity for the mention, under a free IRI. */
  private EntityRecord mint(Mention mention, List<MentionName> names) {
    String base =
        mention.canonicalLabel() == null || mention.canonicalLabel().isBlank()
            ? mention.label()
            : mention.canonicalLabel();
    Node iri = EntityIris.free(base, mention.type(), index::contains);
    EntityRecord record = index.record(iri);
    attach(record, mention, names);
    changed.add(record);
    return record;
  }

  /** Records that {@code target} may be {@code other}; false when that is known or decided. */
  private boolean suspect(EntityRecord target, Match other, Mention mention, EntityName name) {
    Node a = target.iri();
    Node b = other.record().iri();
    if (a.equals(b) || index.keptApart(a, b) || index.isPending(a, b)) {
      return false;
    }
    record(
        target,
        Decision.of(
            Verdict.PENDING,
            a,
            b,
            other.evidence(),
            other.score(),
            name,
            List.of(),
            mention.type(),
            mention.extractor(),
            Iris.turn(mention.conversationId(), mention.turnIndex()),
            Decision.RESOLVER,
            clock.instant()));
    return true;
  }

  private void record(EntityRecord record, Decision decision) {
    record.addDecision(decision);
    index.indexDecision(decision);
    changed.add(record);
  }
}
