package dev.noema.topology;

/**
 * PageRank on the weighted undirected meaning graph whose random jumps land on each vertex in
 * proportion to a prior, not uniformly (personalised PageRank, Haveliwala 2002; the biased PageRank
 * of TextRank-style keyphrase ranking): a walker follows an edge with probability {@link #DAMPING},
 * chosen by weight, else jumps; a vertex with no edge jumps. With a uniform prior this is the
 * PageRank of Brin and Page, as JGraphT computes it.
 *
 * <p>Power iteration over {@link IndexedGraph}'s arrays, O(iterations (V + E)), until the scores
 * move by less than {@link #TOLERANCE} in sum or after {@link #MAX_ITERATIONS}. Stateless.
 */
final class PersonalisedPageRank {
  /** The probability of following an edge rather than jumping (Brin and Page's 0.85). */
  static final double DAMPING = 0.85;

  static final int MAX_ITERATIONS = 100;
  static final double TOLERANCE = 1e-6;

  private PersonalisedPageRank() {}

  /**
   * The scores, summing to 1, by vertex number.
   *
   * @param prior each vertex's weight for the jumps, not negative; all zero (or an empty graph)
   *     means uniform jumps
   */
  static double[] scores(IndexedGraph g, double[] prior) {
    int n = g.vertexCount();
    double[] jump = new double[n];
    double total = 0;
    for (double p : prior) {
      total += p;
    }
    for (int v = 0; v < n; v++) {
      jump[v] = total > 0 ? prior[v] / total : 1.0 / n;
    }
    double[] strength = new double[n];
    for (int v = 0; v < n; v++) {
      for (int slot = g.firstSlot(v), end = slot + g.degree(v); slot < end; slot++) {
        strength[v] += g.weight(g.edgeAt(slot));
      }
    }
    double[] score = jump.clone();
    double[] next = new double[n];
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double stranded = 0;
      for (int v = 0; v < n; v++) {
        if (strength[v] <= 0) {
          stranded += score[v];
        }
      }
      double change = 0;
      for (int v = 0; v < n; v++) {
        double inflow = 0;
        for (int slot = g.firstSlot(v), end = slot + g.degree(v); slot < end; slot++) {
          int u = g.neighbourAt(slot);
          if (strength[u] > 0) {
            inflow += score[u] * g.weight(g.edgeAt(slot)) / strength[u];
          }
        }
        next[v] = (1 - DAMPING + DAMPING * stranded) * jump[v] + DAMPING * inflow;
        change += Math.abs(next[v] - score[v]);
      }
      double[] swap = score;
      score = next;
      next = swap;
      if (change < TOLERANCE) {
        break;
      }
    }
    return score;
  }
}
