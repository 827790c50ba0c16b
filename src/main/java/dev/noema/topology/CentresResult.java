package dev.noema.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * Entities ranked by PageRank, with betweenness and degree beside it.
 *
 * @param centres every entity, highest PageRank first (ties by IRI)
 * @param betweennessMethod how betweenness was computed: {@code exact}, {@code estimated from N
 *     pivots}, or {@code not computed} (the graph was too large for the budget; then every
 *     betweenness is null)
 * @param note how the measures were computed
 */
public record CentresResult(List<Centre> centres, String betweennessMethod, String note)
    implements TopologyResult {

  /**
   * One entity's centrality.
   *
   * @param pageRank PageRank on the weighted undirected graph (sums to 1 over the graph)
   * @param betweenness normalised betweenness on the unweighted graph, in [0, 1] (exact or
   *     estimated, see {@code betweennessMethod}); null when not computed
   * @param degree number of distinct neighbours
   * @param pageRankRank 1-based rank by PageRank (ties share the smaller rank)
   * @param betweennessRank 1-based rank by betweenness; null when not computed
   * @param degreeRank 1-based rank by degree
   * @param kind whether the entity is an idea, a perspective (a holder's view of ideas) or a claim
   *     (a statement about them); only ideas are {@link #ideas}
   */
  public record Centre(
      String iri,
      String label,
      String type,
      double pageRank,
      Double betweenness,
      int degree,
      int pageRankRank,
      Integer betweennessRank,
      int degreeRank,
      Entity.Kind kind) {}

  /**
   * What {@link #betweennessMethod()} says when the graph was too large to compute betweenness at
   * all.
   */
  public static final String NOT_COMPUTED = "not computed";

  public CentresResult {
    centres = List.copyOf(centres);
  }

  /** Whether each centre has a betweenness (exact or estimated). */
  public boolean betweennessComputed() {
    return !NOT_COMPUTED.equals(betweennessMethod);
  }

  /** The first {@code n} centres. */
  public CentresResult top(int n) {
    return new CentresResult(
        centres.subList(0, Math.min(n, centres.size())), betweennessMethod, note);
  }

  /**
   * The centres that are ideas, in the same order and with the same ranks: not the perspectives (a
   * perspective collects the claims of its holder and so ranks high in any conversation with one;
   * {@code explore perspectives} compares them), nor the claims (a statement is about the ideas it
   * links and ranks through them; a sentence among the centres names no idea).
   */
  public CentresResult ideas() {
    return new CentresResult(
        centres.stream().filter(c -> c.kind() == Entity.Kind.IDEA).toList(),
        betweennessMethod,
        note);
  }

  @Override
  public List<Table> tables() {
    List<List<String>> rows = new ArrayList<>();
    for (Centre c : centres) {
      rows.add(
          List.of(
              String.valueOf(c.pageRankRank()),
              c.label(),
              c.type(),
              Fmt.num(c.pageRank()),
              Fmt.num(c.betweenness())
                  + (c.betweennessRank() == null ? "" : " (#" + c.betweennessRank() + ")"),
              c.degree() + " (#" + c.degreeRank() + ")"));
    }
    return List.of(
        new Table(
            "Centres (" + centres.size() + ")",
            List.of("#", "entity", "type", "PageRank", "betweenness", "degree"),
            rows,
            List.of(note)));
  }
}
