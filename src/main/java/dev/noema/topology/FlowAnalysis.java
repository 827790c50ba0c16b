package dev.noema.topology;

import dev.noema.ontology.Iris;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.alg.util.UnionFind;

/**
 * Flow of meaning through one conversation: for each turn i, the entities introduced and revisited,
 * and the components, density and cycle rank of the graph built from turns 0..i. An entity enters
 * at its first mention (or the first grounding of a relation it takes part in) in the conversation;
 * a relation enters at its first grounding in the conversation, or, if it has none there, as soon
 * as both its ends are present. Components are maintained incrementally with a union-find (JGraphT
 * {@link UnionFind}): O((V + E) alpha(V)) overall, plus O(T) for T turns. Thread-safe; computed
 * once.
 */
public final class FlowAnalysis implements Analysis<FlowResult> {
  private final MeaningGraph graph;
  private final String conversation;
  private final List<TurnInfo> turns;
  private final Memo<FlowResult> result;

  /**
   * @param conversation a conversation IRI or id
   * @throws TopologyException when the graph knows no turn of that conversation
   */
  public FlowAnalysis(MeaningGraph graph, String conversation) {
    this.graph = graph;
    this.conversation =
        conversation.contains("://") ? conversation : Iris.conversation(conversation).getURI();
    this.turns =
        graph.turns().values().stream()
            .filter(t -> this.conversation.equals(t.conversation()))
            .sorted(Comparator.comparingInt(TurnInfo::index).thenComparing(TurnInfo::iri))
            .toList();
    if (turns.isEmpty()) {
      Set<String> known = new TreeSet<>();
      graph.turns().values().forEach(t -> known.add(t.conversation()));
      throw new TopologyException(
          "no turns of conversation '"
              + conversation
              + "' in the meaning graph"
              + (known.isEmpty()
                  ? ""
                  : "; known conversations: "
                      + String.join(", ", known.stream().limit(5).toList())
                      + (known.size() > 5 ? " (+" + (known.size() - 5) + ")" : "")));
    }
    this.result = new Memo<>(this::compute);
  }

  @Override
  public FlowResult result() {
    return result.get();
  }

  private FlowResult compute() {
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < turns.size(); i++) {
      position.put(turns.get(i).iri(), i);
    }
    List<Set<String>> metAt = new ArrayList<>();
    List<List<MeaningEdge>> groundedAt = new ArrayList<>();
    for (int i = 0; i < turns.size(); i++) {
      metAt.add(new HashSet<>());
      groundedAt.add(new ArrayList<>());
    }
    for (Entity e : graph.entities()) {
      e.mentions().stream()
          .map(position::get)
          .filter(p -> p != null)
          .forEach(p -> metAt.get(p).add(e.iri()));
    }
    List<MeaningEdge> ungrounded = new ArrayList<>();
    for (MeaningEdge e : graph.graph().edgeSet()) {
      int first =
          e.evidence().stream()
              .map(ev -> position.get(ev.turn()))
              .filter(p -> p != null)
              .mapToInt(Integer::intValue)
              .min()
              .orElse(-1);
      if (first < 0) {
        ungrounded.add(e);
      } else {
        groundedAt.get(first).add(e);
        metAt.get(first).add(e.source());
        metAt.get(first).add(e.target());
      }
    }
    UnionFind<String> components = new UnionFind<>(Set.of());
    Set<String> seen = new HashSet<>();
    Set<MeaningEdge> present = new HashSet<>();
    List<FlowResult.Step> steps = new ArrayList<>();
    for (int i = 0; i < turns.size(); i++) {
      List<String> introduced = new ArrayList<>();
      List<String> revisited = new ArrayList<>();
      for (String v : metAt.get(i)) {
        if (seen.add(v)) {
          components.addElement(v);
          introduced.add(graph.label(v));
        } else {
          revisited.add(graph.label(v));
        }
      }
      List<MeaningEdge> entering = new ArrayList<>(groundedAt.get(i));
      ungrounded.stream()
          .filter(e -> seen.contains(e.source()) && seen.contains(e.target()))
          .forEach(entering::add);
      for (MeaningEdge e : entering) {
        if (present.add(e)) {
          components.union(e.source(), e.target());
        }
      }
      ungrounded.removeIf(present::contains);
      introduced.sort(null);
      revisited.sort(null);
      int v = seen.size();
      int edges = present.size();
      // JGraphT's UnionFind asserts that it holds at least one set: before the first entity there
      // are none.
      int c = v == 0 ? 0 : components.numberOfSets();
      double density = v < 2 ? 0 : 2.0 * edges / ((double) v * (v - 1));
      TurnInfo t = turns.get(i);
      steps.add(
          new FlowResult.Step(
              t.index() >= 0 ? t.index() : i,
              t.iri(),
              t.speakerName() != null
                  ? t.speakerName()
                  : t.speaker() == null ? null : Iris.localName(t.speaker()),
              introduced,
              revisited,
              v,
              edges,
              c,
              density,
              edges - v + c));
    }
    return new FlowResult(conversation, steps);
  }
}
