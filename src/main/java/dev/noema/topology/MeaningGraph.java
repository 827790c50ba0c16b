package dev.noema.topology;

import dev.noema.meaning.MeaningLayer;
import dev.noema.ontology.Iris;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.AsWeightedGraph;
import org.jgrapht.graph.builder.GraphTypeBuilder;

/**
 * The meaning layer as an in-memory graph: meaning entities as vertices (by IRI), the relations
 * between them merged into one weighted {@link MeaningEdge} per pair.
 *
 * <p>The graph is <b>undirected</b>: centrality, clustering, bridges and paths treat a relation as
 * a tie between two ideas whichever way it was stated; each edge keeps its relations' directions
 * for display. Self-relations are dropped (they carry no topology). Two views: {@link #graph()}
 * counts every edge as 1 (hops: paths, betweenness, bridges) and {@link #weightedGraph()} weighs it
 * by its relations' summed weight (exports). The whole-graph algorithms (PageRank, Leiden, shape)
 * run on a third, numbered copy made with the graph ({@link #indexed()}).
 *
 * <p>Immutable and thread-safe once built. Vertices are in IRI order, edges in the order their
 * pairs were first seen. Build one with {@link #builder()} or make one from the meaning layer with
 * {@link MeaningGraphs}.
 */
public final class MeaningGraph {
  private final Map<String, Entity> entities;
  private final Map<String, TurnInfo> turns;
  private final Graph<String, MeaningEdge> graph;
  private final Graph<String, MeaningEdge> weighted;
  private final IndexedGraph indexed;
  private final Memo<ConceptIndex> index;
  private final MeaningLayer source;

  private MeaningGraph(
      Map<String, Entity> entities,
      Map<String, TurnInfo> turns,
      Graph<String, MeaningEdge> graph,
      IndexedGraph indexed,
      MeaningLayer source) {
    this.entities = Collections.unmodifiableMap(entities);
    this.turns = Collections.unmodifiableMap(turns);
    this.graph = new AsUnmodifiableGraph<>(graph);
    this.weighted =
        new AsUnmodifiableGraph<>(new AsWeightedGraph<>(graph, MeaningEdge::weight, false, false));
    this.indexed = indexed;
    this.index = new Memo<>(() -> new ConceptIndex(this.entities.values()));
    this.source = source;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The graph with every edge of weight 1 (hop counts). Unmodifiable. */
  public Graph<String, MeaningEdge> graph() {
    return graph;
  }

  /** The same graph with each edge weighted by {@link MeaningEdge#weight()}. Unmodifiable. */
  public Graph<String, MeaningEdge> weightedGraph() {
    return weighted;
  }

  /** Every entity, in IRI order. */
  public Collection<Entity> entities() {
    return entities.values();
  }

  public Optional<Entity> entity(String iri) {
    return Optional.ofNullable(entities.get(iri));
  }

  /** The display label of an entity, or the IRI's last segment for an IRI that is not a vertex. */
  public String label(String iri) {
    Entity e = entities.get(iri);
    return e == null ? Iris.localName(iri) : e.label();
  }

  /** The turns the entities and relations were found in, by IRI. */
  public Map<String, TurnInfo> turns() {
    return turns;
  }

  public int vertexCount() {
    return entities.size();
  }

  public int edgeCount() {
    return graph.edgeSet().size();
  }

  public boolean isEmpty() {
    return entities.isEmpty();
  }

  /**
   * The graph numbered for the whole-graph algorithms: vertices in IRI order, edges in {@link
   * #graph()}'s order, weights as in {@link #weightedGraph()}.
   */
  IndexedGraph indexed() {
    return indexed;
  }

  /**
   * The meaning layer the graph was made from ({@link MeaningGraphs}), or empty for a graph built
   * by hand.
   */
  public Optional<MeaningLayer> source() {
    return Optional.ofNullable(source);
  }

  /** The label index for finding entities by name (built on first use). */
  public ConceptIndex index() {
    return index.get();
  }

  /**
   * Collects entities, relations and turns; {@link #build()} merges relations per unordered pair.
   * Not thread-safe.
   */
  public static final class Builder {
    private final Map<String, Entity> entities = new HashMap<>();
    private final Map<String, TurnInfo> turns = new HashMap<>();
    private final Map<List<String>, Relation> relations = new LinkedHashMap<>();
    private MeaningLayer source;

    private Builder() {}

    /** The meaning layer the graph is made from, for analyses that read more of it. */
    public Builder source(MeaningLayer layer) {
      this.source = layer;
      return this;
    }

    /** Adds an entity; a second entity with the same IRI replaces the first. */
    public Builder entity(Entity entity) {
      entities.put(entity.iri(), entity);
      return this;
    }

    public Builder turn(TurnInfo turn) {
      turns.put(turn.iri(), turn);
      return this;
    }

    /**
     * Adds a relation. The same (subject, property, object) added twice is one relation with summed
     * weight and both evidence lists. Relations whose ends are not both entities at {@link
     * #build()} are left out: they are not part of the meaning layer.
     */
    public Builder relation(Relation relation) {
      relations.merge(
          List.of(relation.subject(), relation.property(), relation.object()),
          relation,
          (a, b) -> {
            List<Evidence> evidence = new ArrayList<>(a.evidence());
            evidence.addAll(b.evidence());
            return new Relation(
                a.subject(), a.property(), a.object(), a.weight() + b.weight(), evidence);
          });
      return this;
    }

    /**
     * Convenience for {@code relation(new Relation(subject, property, object, weight, List.of()))}.
     */
    public Builder relation(String subject, String property, String object, double weight) {
      return relation(new Relation(subject, property, object, weight, List.of()));
    }

    public MeaningGraph build() {
      List<String> iris = new ArrayList<>(entities.keySet());
      iris.sort(null);
      Map<String, Integer> number = new HashMap<>(iris.size() * 2);
      Map<String, Entity> sorted = new LinkedHashMap<>(iris.size() * 2);
      Graph<String, MeaningEdge> graph =
          GraphTypeBuilder.<String, MeaningEdge>undirected()
              .allowingMultipleEdges(false)
              .allowingSelfLoops(false)
              .weighted(false)
              .buildGraph();
      for (String iri : iris) {
        number.put(iri, number.size());
        sorted.put(iri, entities.get(iri));
        graph.addVertex(iri);
      }
      // Relations merged per unordered pair of entity numbers, in the order the pairs were first
      // seen.
      Map<Long, List<Relation>> pairs = new LinkedHashMap<>();
      for (Relation r : relations.values()) {
        Integer s = number.get(r.subject());
        Integer o = number.get(r.object());
        if (s != null && o != null && !s.equals(o)) {
          long pair = (long) Math.min(s, o) * iris.size() + Math.max(s, o);
          pairs.computeIfAbsent(pair, k -> new ArrayList<>(1)).add(r);
        }
      }
      int[] sources = new int[pairs.size()];
      int[] targets = new int[pairs.size()];
      double[] weights = new double[pairs.size()];
      int e = 0;
      for (List<Relation> merged : pairs.values()) {
        Relation first = merged.get(0);
        MeaningEdge edge = new MeaningEdge(first.subject(), first.object(), merged);
        graph.addEdge(first.subject(), first.object(), edge);
        sources[e] = number.get(first.subject());
        targets[e] = number.get(first.object());
        weights[e] = edge.weight();
        e++;
      }
      Map<String, TurnInfo> turnCopy = new LinkedHashMap<>(new TreeMap<>(turns));
      return new MeaningGraph(
          sorted,
          turnCopy,
          graph,
          new IndexedGraph(List.copyOf(iris), number, sources, targets, weights),
          source);
    }
  }

  @Override
  public String toString() {
    return "MeaningGraph[" + vertexCount() + " entities, " + edgeCount() + " edges]";
  }
}
