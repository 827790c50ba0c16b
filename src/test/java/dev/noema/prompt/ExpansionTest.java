package dev.noema.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.conversation.Role;
import dev.noema.meaning.MeaningLayers;
import dev.noema.ontology.OntologyModel;
import dev.noema.prompt.Expansion.Ranked;
import dev.noema.prompt.Expansion.Ranking;
import dev.noema.store.Tdb2GraphStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;

/** The local push against personalised PageRank by power iteration on the same neighbourhood. */
class ExpansionTest {
  private static final OntologyModel ONTOLOGY = OntologyModel.loadDefault();

  @Test
  void push_ranks_the_sample_as_power_iteration_does_from_every_seed() {
    try (Tdb2GraphStore store = Tdb2GraphStore.inMemory()) {
      SampleGraph.writeTo(store);
      MeaningSnapshot graph = MeaningSnapshot.of(MeaningLayers.of(store, ONTOLOGY).current());
      for (int seed = 0; seed < graph.entities().size(); seed++) {
        for (int hops = 0; hops <= 3; hops++) {
          Map<Integer, Double> seeds = Map.of(seed, 1.0);
          assertSameRanking(graph, seeds, hops);
        }
      }
    }
  }

  @Test
  void push_ranks_a_random_graph_with_a_hub_as_power_iteration_does() {
    try (Tdb2GraphStore store = Tdb2GraphStore.inMemory()) {
      Random random = new Random(3);
      MeaningGraphBuilder b = new MeaningGraphBuilder("hub", "Hub");
      b.turn(Role.USER, "Kirill", "2025-01-01T00:00:00Z", "h-0", "text");
      List<Node> nodes = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        nodes.add(b.entity(0, "Concept", "node " + i, "node " + i + "@en"));
      }
      for (int i = 1; i < 60; i++) {
        b.fact(0, nodes.get(0), "relatedTo", nodes.get(i), 0.9, "hub " + i);
        b.fact(
            0,
            nodes.get(i),
            "partOf",
            nodes.get(1 + random.nextInt(59)),
            random.nextDouble(),
            "edge " + i);
      }
      b.writeTo(store);
      MeaningSnapshot graph = MeaningSnapshot.of(MeaningLayers.of(store, ONTOLOGY).current());
      Map<Integer, Double> seeds = new HashMap<>();
      seeds.put(graph.id(nodes.get(0).getURI()), 0.03);
      seeds.put(graph.id(nodes.get(7).getURI()), 0.01);
      assertSameRanking(graph, seeds, 2);
      Ranking ranking = Expansion.rank(graph, seeds, 2, 5);
      assertEquals(5, ranking.best().size());
      assertTrue(ranking.candidates() > 100, "candidates: " + ranking.candidates());
    }
  }

  private static void assertSameRanking(
      MeaningSnapshot graph, Map<Integer, Double> seeds, int hops) {
    List<String> expected = reference(graph, seeds, hops);
    Ranking ranking = Expansion.rank(graph, seeds, hops, 10);
    List<String> actual = ranking.best().stream().map(r -> r.item().key()).toList();
    assertEquals(
        expected.subList(0, Math.min(10, expected.size())),
        actual,
        "seeds " + seeds + ", " + hops + " hops");
  }

  /**
   * The keys of the facts ranked by exact personalised PageRank (power iteration to convergence) on
   * the ball.
   */
  private static List<String> reference(
      MeaningSnapshot graph, Map<Integer, Double> seeds, int hops) {
    int n = graph.entities().size();
    int[] distance = new int[n];
    Arrays.fill(distance, -1);
    List<Integer> queue = new ArrayList<>(seeds.keySet());
    queue.forEach(s -> distance[s] = 0);
    for (int head = 0; head < queue.size(); head++) {
      int u = queue.get(head);
      if (distance[u] < hops) {
        for (int v : graph.neighbours(u)) {
          if (distance[v] < 0) {
            distance[v] = distance[u] + 1;
            queue.add(v);
          }
        }
      }
    }
    double total = seeds.values().stream().mapToDouble(Double::doubleValue).sum();
    double[] restart = new double[n];
    seeds.forEach((s, w) -> restart[s] = w / total);
    double[] rank = restart.clone();
    for (int iteration = 0; iteration < 1000; iteration++) {
      double[] next = new double[n];
      double dangling = 0;
      for (int u = 0; u < n; u++) {
        if (distance[u] < 0) {
          continue;
        }
        double out = 0;
        for (int j = 0; j < graph.neighbours(u).length; j++) {
          out += distance[graph.neighbours(u)[j]] >= 0 ? graph.weights(u)[j] : 0;
        }
        if (out == 0) {
          dangling += rank[u];
          continue;
        }
        for (int j = 0; j < graph.neighbours(u).length; j++) {
          int v = graph.neighbours(u)[j];
          if (distance[v] >= 0) {
            next[v] += Expansion.DAMPING * rank[u] * graph.weights(u)[j] / out;
          }
        }
      }
      for (int u = 0; u < n; u++) {
        next[u] += ((1 - Expansion.DAMPING) + Expansion.DAMPING * dangling) * restart[u];
      }
      rank = next;
    }
    List<Ranked> ranked = new ArrayList<>();
    for (MeaningSnapshot.Item item : graph.items()) {
      double mass = 0;
      boolean inside = true;
      for (int node : item.nodes()) {
        inside &= distance[node] >= 0;
        mass += distance[node] >= 0 ? rank[node] : 0;
      }
      if (inside && mass > 0) {
        double score =
            mass
                / (item.nodes().length + 1)
                * (0.5 + 0.5 * Math.min(1, Math.max(0, item.confidence())));
        ranked.add(new Ranked(-1, item, score, -1, -1));
      }
    }
    ranked.sort(
        (a, c) ->
            a.score() != c.score()
                ? Double.compare(c.score(), a.score())
                : a.item().key().compareTo(c.item().key()));
    return ranked.stream().map(r -> r.item().key()).toList();
  }
}
