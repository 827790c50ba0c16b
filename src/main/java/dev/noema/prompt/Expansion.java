package dev.noema.prompt;

import dev.noema.prompt.MeaningSnapshot.Item;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands linked seeds over the meaning graph and ranks the facts found.
 *
 * <p>A breadth-first search from all seeds at once marks the nodes within {@code hops} hops (with the nearest seed of
 * each); personalised PageRank (Haveliwala, WWW 2002) then runs by power iteration on that neighbourhood, restarting
 * at the seeds in proportion to their link scores. A fact is a candidate when all of its nodes lie in the
 * neighbourhood; its score is the PageRank mass of its nodes divided by their count plus one (so a fact joining two
 * relevant nodes outranks a lone definition), times its confidence mapped to [0.5, 1]. Ties break by the fact's key:
 * the ranking is deterministic.
 *
 * <p>Cost: O(hops-neighbourhood edges x iterations). Stateless.
 */
final class Expansion {
  /** Probability of following an edge rather than returning to the seeds. */
  static final double DAMPING = 0.85;
  static final int ITERATIONS = 40;
  private static final double TOLERANCE = 1e-6;

  /** A ranked candidate fact. */
  record Ranked(Item item, double score, int seed, int hops) {}

  private Expansion() {}

  /** The candidate facts around {@code seeds} (entity id to restart weight), best first. */
  static List<Ranked> rank(MeaningSnapshot graph, Map<Integer, Double> seeds, int hops) {
    Map<Integer, Integer> local = new LinkedHashMap<>();
    List<Integer> nodes = new ArrayList<>();
    List<Integer> distance = new ArrayList<>();
    List<Integer> origin = new ArrayList<>();
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    seeds.keySet().stream().sorted().forEach(seed -> {
      local.put(seed, nodes.size());
      nodes.add(seed);
      distance.add(0);
      origin.add(seed);
      queue.add(seed);
    });
    while (!queue.isEmpty()) {
      int node = queue.poll();
      int at = local.get(node);
      if (distance.get(at) == hops) {
        continue;
      }
      for (int next : graph.neighbours(node)) {
        if (!local.containsKey(next)) {
          local.put(next, nodes.size());
          nodes.add(next);
          distance.add(distance.get(at) + 1);
          origin.add(origin.get(at));
          queue.add(next);
        }
      }
    }
    double[] rank = pageRank(graph, nodes, local, seeds);
    Map<Integer, Ranked> ranked = new HashMap<>();
    for (int node : nodes) {
      for (int itemId : graph.itemsOf(node)) {
        if (ranked.containsKey(itemId)) {
          continue;
        }
        Item item = graph.items().get(itemId);
        double mass = 0;
        int nearest = -1;
        boolean inside = true;
        for (int n : item.nodes()) {
          Integer at = local.get(n);
          if (at == null) {
            inside = false;
            break;
          }
          mass += rank[at];
          if (nearest < 0 || distance.get(at) < distance.get(nearest)) {
            nearest = at;
          }
        }
        if (inside) {
          double score = mass / (item.nodes().length + 1) * (0.5 + 0.5 * Math.min(1, Math.max(0, item.confidence())));
          ranked.put(itemId, new Ranked(item, score, origin.get(nearest), distance.get(nearest)));
        }
      }
    }
    return ranked.values().stream()
        .sorted(Comparator.comparingDouble((Ranked r) -> -r.score()).thenComparing(r -> r.item().key()))
        .toList();
  }

  private static double[] pageRank(
      MeaningSnapshot graph, List<Integer> nodes, Map<Integer, Integer> local, Map<Integer, Double> seeds) {
    int n = nodes.size();
    double[] restart = new double[n];
    double total = seeds.values().stream().mapToDouble(Double::doubleValue).sum();
    seeds.forEach((seed, weight) -> restart[local.get(seed)] = total == 0 ? 1.0 / seeds.size() : weight / total);
    // The neighbourhood as local arrays, each edge's weight already divided by its source's out-weight.
    int[][] to = new int[n][];
    double[][] share = new double[n][];
    for (int i = 0; i < n; i++) {
      int[] neighbours = graph.neighbours(nodes.get(i));
      double[] weights = graph.weights(nodes.get(i));
      int[] targets = new int[neighbours.length];
      double[] w = new double[neighbours.length];
      int count = 0;
      double out = 0;
      for (int j = 0; j < neighbours.length; j++) {
        Integer target = local.get(neighbours[j]);
        if (target != null) {
          targets[count] = target;
          w[count++] = weights[j];
          out += weights[j];
        }
      }
      for (int j = 0; j < count; j++) {
        w[j] /= out;
      }
      to[i] = Arrays.copyOf(targets, count);
      share[i] = Arrays.copyOf(w, count);
    }
    double[] rank = restart.clone();
    double[] next = new double[n];
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      Arrays.fill(next, 0);
      double dangling = 0;
      for (int i = 0; i < n; i++) {
        if (to[i].length == 0) {
          dangling += rank[i];
          continue;
        }
        double mass = DAMPING * rank[i];
        for (int j = 0; j < to[i].length; j++) {
          next[to[i][j]] += mass * share[i][j];
        }
      }
      double change = 0;
      for (int i = 0; i < n; i++) {
        // Mass that cannot move on (restart and dangling nodes) returns to the seeds: the walk stays personalised.
        next[i] += ((1 - DAMPING) + DAMPING * dangling) * restart[i];
        change += Math.abs(next[i] - rank[i]);
      }
      double[] swap = rank;
      rank = next;
      next = swap;
      if (change < TOLERANCE) {
        break;
      }
    }
    return rank;
  }
}
