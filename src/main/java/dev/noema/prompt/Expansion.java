package dev.noema.prompt;

import dev.noema.prompt.MeaningSnapshot.Item;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Expands linked seeds over the meaning graph and ranks the facts found.
 *
 * <p>A breadth-first search from all seeds at once marks the nodes within {@code hops} hops (with
 * the nearest seed of each). Personalised PageRank (Haveliwala, WWW 2002) on that neighbourhood,
 * restarting at the seeds in proportion to their link scores, is then approximated by the local
 * push of Andersen, Chung and Lang (FOCS 2006): residual mass starts at the seeds, and a node whose
 * residual is at least {@link #EPSILON} times its weighted degree keeps the restart share of it and
 * pushes the rest to its neighbours inside the neighbourhood (mass with nowhere to go returns to
 * the seeds, so the walk stays personalised). Each node's estimate is below its PageRank by at most
 * {@code EPSILON} times its degree, and the work is O(1 / (EPSILON x restart probability)) whatever
 * the size of the graph: a hub among the seeds spreads its mass thinly and the push stops where the
 * mass does.
 *
 * <p>A fact is a candidate when all of its nodes lie in the neighbourhood and one of them received
 * mass; its score is the mass of its nodes divided by their count plus one (so a fact joining two
 * relevant nodes outranks a lone definition), times its confidence mapped to [0.5, 1]. Ties break
 * by the fact's key: the ranking is deterministic.
 *
 * <p>Cost: the breadth-first search (edges of the nodes closer than {@code hops}), the push, and
 * the facts of the nodes that received mass, of which only the best {@code limit} are sorted.
 * Stateless.
 */
final class Expansion {
  /** Probability of following an edge rather than returning to the seeds. */
  static final double DAMPING = 0.85;

  /** Residual per unit of degree below which a node stops pushing. */
  static final double EPSILON = 1e-5;

  /**
   * A ranked candidate fact.
   *
   * @param id the item's index in the snapshot's items
   * @param seed the entity id of its nearest seed
   * @param hops how far that seed is from the fact's nearest node
   */
  record Ranked(int id, Item item, double score, int seed, int hops) {}

  /**
   * The best candidates and how many there were.
   *
   * @param best at most the limit asked for, best first
   * @param candidates how many facts were ranked in all
   */
  record Ranking(List<Ranked> best, int candidates) {}

  private static final Comparator<Ranked> BEST_FIRST =
      Comparator.comparingDouble((Ranked r) -> -r.score()).thenComparing(r -> r.item().key());

  private Expansion() {}

  /** The best {@code limit} candidate facts around {@code seeds} (entity id to restart weight). */
  static Ranking rank(MeaningSnapshot graph, Map<Integer, Double> seeds, int hops, int limit) {
    Ball ball = Ball.around(graph, seeds.keySet(), hops);
    double[] rank = push(graph, ball, seeds);
    PriorityQueue<Ranked> best = new PriorityQueue<>(BEST_FIRST.reversed());
    boolean[] seen = new boolean[graph.items().size()];
    int candidates = 0;
    for (int at = 0; at < ball.size(); at++) {
      if (rank[at] == 0) {
        continue;
      }
      for (int itemId : graph.itemsOf(ball.nodes[at])) {
        if (seen[itemId]) {
          continue;
        }
        seen[itemId] = true;
        Item item = graph.items().get(itemId);
        double mass = 0;
        int nearest = -1;
        boolean inside = true;
        for (int n : item.nodes()) {
          int local = ball.local(n);
          if (local < 0) {
            inside = false;
            break;
          }
          mass += rank[local];
          if (nearest < 0 || ball.distance[local] < ball.distance[nearest]) {
            nearest = local;
          }
        }
        if (inside) {
          candidates++;
          double score =
              mass
                  / (item.nodes().length + 1)
                  * (0.5 + 0.5 * Math.min(1, Math.max(0, item.confidence())));
          // Most candidates lose to the worst of the best kept so far: they are dropped before
          // being built.
          Ranked worst = best.size() < limit ? null : best.peek();
          if (worst == null
              || score > worst.score()
              || (score == worst.score() && item.key().compareTo(worst.item().key()) < 0)) {
            best.add(
                new Ranked(
                    itemId, item, score, ball.nodes[ball.origin[nearest]], ball.distance[nearest]));
            if (best.size() > limit) {
              best.poll();
            }
          }
        }
      }
    }
    List<Ranked> sorted = new ArrayList<>(best);
    sorted.sort(BEST_FIRST);
    return new Ranking(sorted, candidates);
  }

  /**
   * The nodes within {@code hops} of the seeds, in breadth-first order, with distances and nearest
   * seeds.
   */
  private static final class Ball {
    final int[] nodes;
    final int[] distance;

    /** Local index of each node's nearest seed. */
    final int[] origin;

    /**
     * Entity id to local index + 1 (0: outside); graph-sized, as clearing a hash map costs more at
     * these sizes.
     */
    private final int[] localOf;

    private final int size;

    private Ball(int[] nodes, int[] distance, int[] origin, int[] localOf, int size) {
      this.nodes = nodes;
      this.distance = distance;
      this.origin = origin;
      this.localOf = localOf;
      this.size = size;
    }

    static Ball around(MeaningSnapshot graph, Iterable<Integer> seeds, int hops) {
      int[] localOf = new int[graph.entities().size()];
      int[] nodes = new int[16];
      int[] distance = new int[16];
      int[] origin = new int[16];
      int size = 0;
      List<Integer> sortedSeeds = new ArrayList<>();
      seeds.forEach(sortedSeeds::add);
      sortedSeeds.sort(null);
      for (int seed : sortedSeeds) {
        localOf[seed] = size + 1;
        nodes[size] = seed;
        origin[size] = size;
        size++;
        if (size == nodes.length) {
          nodes = Arrays.copyOf(nodes, size * 2);
          distance = Arrays.copyOf(distance, size * 2);
          origin = Arrays.copyOf(origin, size * 2);
        }
      }
      for (int head = 0; head < size; head++) {
        if (distance[head] == hops) {
          continue;
        }
        for (int next : graph.neighbours(nodes[head])) {
          if (localOf[next] == 0) {
            if (size == nodes.length) {
              nodes = Arrays.copyOf(nodes, size * 2);
              distance = Arrays.copyOf(distance, size * 2);
              origin = Arrays.copyOf(origin, size * 2);
            }
            localOf[next] = size + 1;
            nodes[size] = next;
            distance[size] = distance[head] + 1;
            origin[size] = origin[head];
            size++;
          }
        }
      }
      return new Ball(nodes, distance, origin, localOf, size);
    }

    int size() {
      return size;
    }

    /** The local index of entity {@code id}, or -1 when it lies outside. */
    int local(int id) {
      return localOf[id] - 1;
    }
  }

  /**
   * Andersen-Chung-Lang push on the ball; returns each ball node's PageRank estimate by local
   * index.
   */
  private static double[] push(MeaningSnapshot graph, Ball ball, Map<Integer, Double> seeds) {
    int n = ball.size();
    double[] restart = new double[n];
    double total = seeds.values().stream().mapToDouble(Double::doubleValue).sum();
    seeds.forEach(
        (seed, weight) ->
            restart[ball.local(seed)] = total == 0 ? 1.0 / seeds.size() : weight / total);
    // Each node's weighted degree inside the ball, computed when the node is first pushed.
    double[] degree = new double[n];
    Arrays.fill(degree, -1);
    double[] estimate = new double[n];
    double[] residual = restart.clone();
    int[] queue = new int[Math.max(16, seeds.size())];
    boolean[] queued = new boolean[n];
    int head = 0;
    int tail = 0;
    for (int at = 0; at < n && tail < seeds.size(); at++) {
      if (restart[at] > 0) {
        queue[tail++] = at;
        queued[at] = true;
      }
    }
    // A ring buffer of nodes whose residual may exceed their threshold; each node is in it at most
    // once.
    int count = tail;
    while (count > 0) {
      int u = queue[head];
      head = (head + 1) % queue.length;
      count--;
      queued[u] = false;
      if (degree[u] < 0) {
        degree[u] = degreeInside(graph, ball, u);
      }
      double r = residual[u];
      if (r < EPSILON * Math.max(degree[u], 1)) {
        continue;
      }
      residual[u] = 0;
      estimate[u] += (1 - DAMPING) * r;
      double moving = DAMPING * r;
      if (degree[u] == 0) {
        // Nowhere to go inside the ball: the mass returns to the seeds.
        for (int s = 0; s < n && s < seeds.size(); s++) {
          if (restart[s] > 0) {
            residual[s] += moving * restart[s];
            if (!queued[s]) {
              if (count == queue.length) {
                queue = grow(queue, head, count);
                head = 0;
              }
              queue[(head + count) % queue.length] = s;
              count++;
              queued[s] = true;
            }
          }
        }
        continue;
      }
      int[] neighbours = graph.neighbours(ball.nodes[u]);
      double[] weights = graph.weights(ball.nodes[u]);
      for (int j = 0; j < neighbours.length; j++) {
        int v = ball.local(neighbours[j]);
        if (v < 0) {
          continue;
        }
        residual[v] += moving * weights[j] / degree[u];
        if (!queued[v]) {
          if (count == queue.length) {
            queue = grow(queue, head, count);
            head = 0;
          }
          queue[(head + count) % queue.length] = v;
          count++;
          queued[v] = true;
        }
      }
    }
    return estimate;
  }

  private static double degreeInside(MeaningSnapshot graph, Ball ball, int u) {
    int[] neighbours = graph.neighbours(ball.nodes[u]);
    double[] weights = graph.weights(ball.nodes[u]);
    double out = 0;
    for (int j = 0; j < neighbours.length; j++) {
      if (ball.local(neighbours[j]) >= 0) {
        out += weights[j];
      }
    }
    return out;
  }

  /**
   * The ring buffer's {@code count} entries from {@code head}, in order, in an array twice as
   * large.
   */
  private static int[] grow(int[] queue, int head, int count) {
    int[] bigger = new int[queue.length * 2];
    for (int i = 0; i < count; i++) {
      bigger[i] = queue[(head + i) % queue.length];
    }
    return bigger;
  }
}
