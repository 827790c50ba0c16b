package dev.noema.prompt;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.noema.meaning.MeaningLayer;
import dev.noema.meaning.MeaningLayers;
import dev.noema.ontology.Iris;
import dev.noema.ontology.OntologyModel.OntProperty;
import dev.noema.prompt.EvidenceIndex.Match;
import dev.noema.prompt.Expansion.Ranked;
import dev.noema.prompt.Expansion.Ranking;
import dev.noema.prompt.MeaningSnapshot.Entity;
import dev.noema.prompt.MeaningSnapshot.Item;
import dev.noema.text.TokenCounter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Retrieves the context for a question from a knowledge base: links the question to nodes ({@link
 * NodeIndex}), expands from them ({@link Expansion}), ranks the facts found with those whose
 * evidence matches the question ({@link EvidenceIndex}), fits the best facts with their evidence
 * into the token budget and renders them.
 *
 * <p>The meaning layer ({@link MeaningLayers}) and its indexes are read on first use. {@link
 * #refresh} asks for the layer as the store holds it now (the store's registry of graph names and
 * content hashes says whether it changed) and rebuilds the index when the layer is another: call it
 * after writing to the store (a chat session calls it before every question). Retrieval itself
 * never looks at the registry, which at a million triples costs more than the retrieval.
 * Thread-safe: calls may run concurrently; a rebuild is done once and swapped in whole.
 */
public final class GraphRetrieval {
  /**
   * A fact cites at most this many pieces of evidence: enough to check it, little enough to leave
   * room.
   */
  static final int MAX_CITATIONS = 2;

  /** At most this many ranked facts are considered for the budget. */
  static final int MAX_CANDIDATES = 400;

  /** No fact line with its citation takes fewer tokens: below this much room the budget is full. */
  static final int MIN_FACT_TOKENS = 12;

  /** After this many facts in a row too large for the room left, the budget counts as full. */
  static final int MAX_MISSES = 20;

  private final MeaningLayers meaning;
  private final EmbeddingModel embeddings;
  private final Path cache;
  private final MissingEmbeddings missing;
  private final TokenCounter tokens = new TokenCounter();
  private final ContextWriter writer = new ContextWriter();
  private volatile Indexed current;

  /** Serialises {@link #embedMissing}, which runs outside this object's lock. */
  private final Object embedding = new Object();

  private record Indexed(MeaningSnapshot graph, NodeIndex index, EvidenceIndex evidence) {}

  /** What a question does when some node texts have no cached embedding yet. */
  public enum MissingEmbeddings {
    /** Embeds them before it is answered: on a large knowledge base the first question waits. */
    EMBED_FIRST,
    /**
     * Is answered at once, those nodes linked lexically only ({@link #embeddedShare} says how many
     * are embedded); {@link #embedMissing} embeds them.
     */
    LINK_WITHOUT
  }

  /**
   * @param meaning the meaning layer of the knowledge base's store
   * @param embeddings the model that embeds node texts and questions, or null for lexical linking
   *     only; the in-process default is {@code AllMiniLmL6V2QuantizedEmbeddingModel}, chosen at
   *     wiring
   */
  public GraphRetrieval(MeaningLayers meaning, EmbeddingModel embeddings) {
    this(meaning, embeddings, null);
  }

  /**
   * As {@link #GraphRetrieval(MeaningLayers, EmbeddingModel)}, with the Lucene index and the
   * embeddings cached in {@code cache} (a knowledge base's {@code index/} folder, created when
   * missing) across processes: they are rebuilt only when the store changed, and only the texts not
   * embedded before are embedded again. Null keeps everything in memory.
   */
  public GraphRetrieval(MeaningLayers meaning, EmbeddingModel embeddings, Path cache) {
    this(meaning, embeddings, cache, MissingEmbeddings.EMBED_FIRST);
  }

  /**
   * As {@link #GraphRetrieval(MeaningLayers, EmbeddingModel, Path)}; {@code missing} says whether a
   * question waits for node texts not embedded yet. Without a cache they are always embedded first
   * (there is nowhere else to keep them).
   */
  public GraphRetrieval(
      MeaningLayers meaning, EmbeddingModel embeddings, Path cache, MissingEmbeddings missing) {
    this.meaning = Objects.requireNonNull(meaning, "meaning");
    this.embeddings = embeddings;
    this.cache = cache;
    this.missing = cache == null ? MissingEmbeddings.EMBED_FIRST : missing;
  }

  /**
   * The share of the meaning layer's nodes whose text is embedded, from 0 to 1 (1 without an
   * embedding model): below 1, questions link the others lexically only.
   */
  public double embeddedShare() {
    return indexed().index().embeddedShare();
  }

  /**
   * Embeds the node texts not embedded yet (only those: the others come from the cache), in
   * batches, and adds them to the cache; questions asked meanwhile are answered with what was
   * embedded before. Refreshes first, like {@link #refresh}.
   *
   * @return how many nodes were missing an embedding
   */
  public int embedMissing() {
    synchronized (embedding) {
      return embedMissingNow();
    }
  }

  private int embedMissingNow() {
    Indexed before = check(meaning.current());
    int missingCount = before.index().missingEmbeddings();
    if (missingCount == 0) {
      return 0;
    }
    NodeIndex all = before.index().withAllEmbedded(cache);
    synchronized (this) {
      // A rebuild meanwhile (the store changed) keeps its own index: the next call embeds for it.
      if (current == before) {
        current = new Indexed(before.graph(), all, before.evidence());
      }
    }
    return missingCount;
  }

  /**
   * Reads the store and builds the index now, unless the store's registry is unchanged since the
   * last build.
   */
  public void refresh() {
    check(meaning.current());
  }

  private Indexed indexed() {
    Indexed seen = current;
    return seen != null ? seen : check(meaning.last());
  }

  private synchronized Indexed check(MeaningLayer layer) {
    if (current == null || !current.graph().fingerprint().equals(layer.fingerprint())) {
      MeaningSnapshot graph = MeaningSnapshot.of(layer);
      current =
          new Indexed(
              graph,
              new NodeIndex(graph, embeddings, cache, missing == MissingEmbeddings.EMBED_FIRST),
              new EvidenceIndex(graph, cache));
    }
    return current;
  }

  /** The nodes {@code question} links to, best first, at most {@code limit}. */
  public List<Link> link(String question, int limit) {
    return indexed().index().link(question, limit, language(question));
  }

  /**
   * The context for a question: facts most relevant first, each with its evidence, rendered within
   * the budget. A question that neither links to a node nor matches any evidence gives a context
   * with no facts (its text says so), never an exception.
   *
   * <p>The candidates are the facts ranked from the linked nodes ({@link Expansion}) and those
   * whose own evidence matches the question ({@link EvidenceIndex}), wherever they lie. A fact's
   * relevance is its graph share (its score over the best graph score) plus its evidence share (its
   * best quote's score over the best quote's), each in [0, 1] so that neither scale rules the
   * other: PageRank mass thins out as the neighbourhood grows, BM25 grows with the question's
   * length. The graph says what the question is about, the evidence which of those facts the
   * conversations answered it with. Ties break by the fact's key; each fact cites first the quotes
   * that match the question.
   */
  public GraphContext context(ContextRequest request) {
    Indexed indexed = indexed();
    String lang = language(request.question());
    List<Link> links = indexed.index().link(request.question(), request.seeds(), lang);
    Map<Integer, Double> seeds = new LinkedHashMap<>();
    links.forEach(l -> seeds.put(indexed.graph().id(l.iri()), l.score()));
    Ranking ranking =
        seeds.isEmpty()
            ? new Ranking(List.of(), 0)
            : Expansion.rank(indexed.graph(), seeds, request.hops(), MAX_CANDIDATES);
    Map<Integer, Match> matches = indexed.evidence().match(request.question(), MAX_CANDIDATES);
    Map<Integer, Ranked> byItem = new LinkedHashMap<>();
    ranking.best().forEach(r -> byItem.put(r.id(), r));
    int foundByEvidence = 0;
    for (int id : matches.keySet()) {
      if (!byItem.containsKey(id)) {
        byItem.put(id, new Ranked(id, indexed.graph().items().get(id), 0, -1, -1));
        foundByEvidence++;
      }
    }
    double bestGraph = ranking.best().isEmpty() ? 1 : ranking.best().get(0).score();
    double bestEvidence = matches.values().stream().mapToDouble(Match::score).max().orElse(1);
    List<Scored> scored = new ArrayList<>(byItem.size());
    for (Ranked r : byItem.values()) {
      Match match = matches.get(r.id());
      scored.add(
          new Scored(r, r.score() / bestGraph, match == null ? 0 : match.score() / bestEvidence));
    }
    scored.sort(
        Comparator.comparingDouble((Scored s) -> -s.relevance())
            .thenComparing(s -> s.ranked().item().key()));
    List<ContextFact> candidates = new ArrayList<>();
    for (Scored s : scored.subList(0, Math.min(MAX_CANDIDATES, scored.size()))) {
      candidates.add(fact(indexed.graph(), s, matches.get(s.ranked().id()), lang));
    }
    return fit(request, links, candidates, ranking.candidates() + foundByEvidence);
  }

  /** A candidate with its graph and evidence shares, each in [0, 1]. */
  private record Scored(Ranked ranked, double graph, double evidence) {
    double relevance() {
      return graph + evidence;
    }
  }

  /**
   * Greedy by rank: a fact goes in when its estimated cost (its own text plus the legend entries of
   * turns not cited yet) still fits; a fact that does not fit is skipped and smaller later ones may
   * still go in. Estimates are of pieces rendered alone, so the whole is then rendered and counted,
   * dropping the lowest-ranked facts until it fits.
   */
  private GraphContext fit(
      ContextRequest request, List<Link> links, List<ContextFact> candidates, int ranked) {
    ContextFormat format = request.format();
    int used =
        tokens.count(
            writer.render(format, request.question(), List.of(), Map.of(), request.explain()));
    Map<String, String> keys = new HashMap<>();
    List<ContextFact> chosen = new ArrayList<>();
    // Headers of a non-empty context ("Facts...", "Sources:") are counted once, through the first
    // fact's margin.
    int overhead = tokens.count(ContextWriter.factsHeader(format) + ContextWriter.SOURCES_HEADER);
    used += overhead;
    int misses = 0;
    for (ContextFact candidate : candidates) {
      if (request.budget() - used < MIN_FACT_TOKENS || misses >= MAX_MISSES) {
        break;
      }
      ContextFact keyed = withKeys(candidate, keys, new HashMap<>(keys));
      int cost = tokens.count(writer.fact(format, keyed, request.explain())) + 1;
      Map<String, SourceTurn> fresh = new LinkedHashMap<>();
      for (Citation c : keyed.citations()) {
        if (!keys.containsKey(c.turn().iri())) {
          fresh.put(c.key(), c.turn());
        }
      }
      for (Map.Entry<String, SourceTurn> e : fresh.entrySet()) {
        cost += tokens.count(writer.source(format, e.getKey(), e.getValue())) + 1;
      }
      if (used + cost <= request.budget()) {
        used += cost;
        chosen.add(candidate);
        keyed.citations().forEach(c -> keys.putIfAbsent(c.turn().iri(), c.key()));
        misses = 0;
      } else {
        misses++;
      }
    }
    // Estimates usually hold, so the whole choice is tried first.
    Rendered best = render(request, chosen);
    int low = 0;
    int high = 0;
    if (best.tokens() > request.budget()) {
      high = chosen.size() - 1;
      best = render(request, chosen.subList(0, 0));
    }
    // Else the largest prefix of the chosen facts whose rendering fits (rendering more facts never
    // takes fewer tokens).
    while (low < high) {
      int mid = (low + high + 1) / 2;
      Rendered attempt = render(request, chosen.subList(0, mid));
      if (attempt.tokens() <= request.budget()) {
        low = mid;
        best = attempt;
      } else {
        high = mid - 1;
      }
    }
    if (best.tokens() > request.budget()) {
      throw new IllegalArgumentException(
          "--budget "
              + request.budget()
              + " is too small even for an empty context ("
              + best.tokens()
              + " tokens)");
    }
    return new GraphContext(
        request.question(),
        links,
        best.facts(),
        best.sources(),
        format,
        best.text(),
        best.tokens(),
        request.budget(),
        ranked);
  }

  private record Rendered(
      List<ContextFact> facts, Map<String, SourceTurn> sources, String text, int tokens) {}

  private Rendered render(ContextRequest request, List<ContextFact> facts) {
    Map<String, String> keys = new HashMap<>();
    Map<String, SourceTurn> sources = new LinkedHashMap<>();
    List<ContextFact> keyed = new ArrayList<>(facts.size());
    for (ContextFact f : facts) {
      ContextFact k = withKeys(f, keys, keys);
      k.citations().forEach(c -> sources.putIfAbsent(c.key(), c.turn()));
      keyed.add(k);
    }
    String text =
        writer.render(request.format(), request.question(), keyed, sources, request.explain());
    return new Rendered(keyed, sources, text, tokens.count(text));
  }

  /**
   * {@code fact} with citation keys from {@code known}, new turns numbered on from it and recorded
   * in {@code into}.
   */
  private static ContextFact withKeys(
      ContextFact fact, Map<String, String> known, Map<String, String> into) {
    List<Citation> citations = new ArrayList<>();
    for (Citation c : fact.citations()) {
      String key = known.get(c.turn().iri());
      if (key == null) {
        key = "T" + (into.size() + 1);
        into.put(c.turn().iri(), key);
      }
      citations.add(new Citation(key, c.turn(), c.quote()));
    }
    return new ContextFact(
        fact.kind(),
        fact.iri(),
        fact.subject(),
        fact.subjectLabel(),
        fact.predicate(),
        fact.predicateLabel(),
        fact.object(),
        fact.objectLabel(),
        fact.statement(),
        citations,
        fact.score(),
        fact.evidence(),
        fact.seed(),
        fact.hops());
  }

  /**
   * The context fact of candidate {@code s}: its first {@link #MAX_CITATIONS} pieces of evidence,
   * those that match the question first ({@code match}, null when none does).
   */
  private ContextFact fact(MeaningSnapshot graph, Scored s, Match match, String lang) {
    Ranked r = s.ranked();
    Item item = r.item();
    Entity subject = graph.entity(item.subject());
    Entity object = item.object() >= 0 ? graph.entity(item.object()) : null;
    List<Integer> order = new ArrayList<>(MAX_CITATIONS);
    if (match != null) {
      for (int e : match.evidence()) {
        order.add(e);
      }
    }
    for (int e = 0; e < item.evidence().size() && order.size() < MAX_CITATIONS; e++) {
      if (!order.contains(e)) {
        order.add(e);
      }
    }
    List<Citation> citations =
        order.stream()
            .limit(MAX_CITATIONS)
            .map(item.evidence()::get)
            .map(e -> new Citation("", e.turn(), e.quote()))
            .toList();
    String iri =
        item.kind() == ContextFact.Kind.RELATION ? subject.iri() : graph.entity(item.node()).iri();
    return new ContextFact(
        item.kind(),
        iri,
        subject.iri(),
        subject.label(lang),
        item.predicate(),
        item.predicate() == null ? null : predicateLabel(item.predicate()),
        object == null ? null : object.iri(),
        object == null ? null : object.label(lang),
        item.text(),
        citations,
        s.relevance(),
        s.evidence(),
        r.seed() < 0 ? null : graph.entity(r.seed()).label(lang),
        r.hops());
  }

  private String predicateLabel(String iri) {
    return meaning
        .schema()
        .ontology()
        .property(iri)
        .map(OntProperty::label)
        .orElse(Iris.localName(iri));
  }

  /** "ru" for a question with Cyrillic letters, else "en": the language labels are shown in. */
  static String language(String question) {
    return NodeIndex.isCyrillic(question) ? "ru" : "en";
  }
}
