package dev.noema.topology;

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
 * The meaning layer as an in-memory graph: meaning entities as vertices (by IRI), the relations between them merged
 * into one weighted {@link MeaningEdge} per pair.
 *
 * <p>The graph is <b>undirected</b>: centrality, clustering, bridges and paths treat a relation as a tie between two
 * ideas whichever way it was stated; each edge keeps its relations' directions for display. Self-relations are dropped
 * (they carry no topology). Two views: {@link #graph()} counts every edge as 1 (hops: paths, betweenness, bridges,
 * shape) and {@link #weightedGraph()} weighs it by its relations' summed weight (PageRank, Leiden).
 *
 * <p>Immutable and thread-safe once built. Vertices are in IRI order, edges in the order their pairs were first seen.
 * Build one with {@link #builder()} or load one with {@link MeaningGraphLoader}.
 */
public final class MeaningGraph {
  private final Map<String, Entity> entities;
  private final Map<String, TurnInfo> turns;
  private final Graph<String, MeaningEdge> graph;
  private final Graph<String, MeaningEdge> weighted;
  private volatile ConceptIndex index;

  private MeaningGraph(Map<String, Entity> entities, Map<String, TurnInfo> turns, Graph<String, MeaningEdge> graph) {
    this.entities = Collections.unmodifiableMap(entities);
    this.turns = Collections.unmodifiableMap(turns);
    this.graph = new AsUnmodifiableGraph<>(graph);
    this.weighted = new AsUnmodifiableGraph<>(new AsWeightedGraph<>(graph, MeaningEdge::weight, false, false));
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
    return e == null ? Entity.localName(iri) : e.label();
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

  /** The label index for finding entities by name (built on first use). */
  public ConceptIndex index() {
    ConceptIndex result = index;
    if (result == null) {
      synchronized (this) {
        if (index == null) {
          index = new ConceptIndex(entities.values());
        }
        result = index;
      }
    }
    return result;
  }

  /**
   * Collects entities, relations and turns; {@link #build()} merges relations per unordered pair. Not thread-safe.
   */
  public static final class Builder {
    private final Map<String, Entity> entities = new HashMap<>();
    private final Map<String, TurnInfo> turns = new HashMap<>();
    private final Map<List<String>, Relation> relations = new LinkedHashMap<>();

    private Builder() {}

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
     * Adds a relation. The same (subject, property, object) added twice is one relation with summed weight and both
     * evidence lists. Relations whose ends are not both entities at {@link #build()} are left out: they are not part of
     * the meaning layer.
     */
    public Builder relation(Relation relation) {
      relations.merge(List.of(relation.subject(), relation.property(), relation.object()), relation, (a, b) -> {
        List<Evidence> evidence = new ArrayList<>(a.evidence());
        evidence.addAll(b.evidence());
        return new Relation(a.subject(), a.property(), a.object(), a.weight() + b.weight(), evidence);
      });
      return this;
    }

    /** Convenience for {@code relation(new Relation(subject, property, object, weight, List.of()))}. */
    public Builder relation(String subject, String property, String object, double weight) {
      return relation(new Relation(subject, property, object, weight, List.of()));
    }

    public MeaningGraph build() {
      Map<String, Entity> sorted = new TreeMap<>(entities);
      Graph<String, MeaningEdge> graph = GraphTypeBuilder.<String, MeaningEdge>undirected()
          .allowingMultipleEdges(false).allowingSelfLoops(false).weighted(false).buildGraph();
      sorted.keySet().forEach(graph::addVertex);
      Map<List<String>, List<Relation>> pairs = new LinkedHashMap<>();
      for (Relation r : relations.values()) {
        if (!r.subject().equals(r.object()) && sorted.containsKey(r.subject()) && sorted.containsKey(r.object())) {
          List<String> pair = r.subject().compareTo(r.object()) < 0
              ? List.of(r.subject(), r.object()) : List.of(r.object(), r.subject());
          pairs.computeIfAbsent(pair, k -> new ArrayList<>(1)).add(r);
        }
      }
      for (List<Relation> merged : pairs.values()) {
        Relation first = merged.get(0);
        graph.addEdge(first.subject(), first.object(), new MeaningEdge(first.subject(), first.object(), merged));
      }
      Map<String, TurnInfo> turnCopy = new LinkedHashMap<>(new TreeMap<>(turns));
      return new MeaningGraph(new LinkedHashMap<>(sorted), turnCopy, graph);
    }
  }

  @Override
  public String toString() {
    return "MeaningGraph[" + vertexCount() + " entities, " + edgeCount() + " edges]";
  }
}
