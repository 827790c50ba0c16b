package dev.noema.topology;

import static dev.noema.topology.SmallGraphs.iri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CentralityAnalysisTest {

  @Test
  void star_centre_has_the_top_pagerank_betweenness_and_degree() {
    CentresResult r = new CentralityAnalysis(SmallGraphs.star()).result();
    CentresResult.Centre top = r.centres().get(0);
    assertEquals(iri("hub"), top.iri());
    assertEquals(1.0, top.betweenness(), 1e-12);
    assertEquals(5, top.degree());
    assertEquals(1, top.pageRankRank());
    assertEquals(1, top.betweennessRank());
    assertEquals(1, top.degreeRank());
    assertEquals(0.0, r.centres().get(1).betweenness(), 1e-12);
    assertEquals(1.0, r.centres().stream().mapToDouble(CentresResult.Centre::pageRank).sum(), 1e-6);
  }

  @Test
  void path_graph_has_the_known_normalised_betweenness() {
    CentralityAnalysis a = new CentralityAnalysis(SmallGraphs.path());
    // c lies on 4 of the 6 shortest paths between the other vertices; b on 3.
    assertEquals(4.0 / 6.0, a.betweenness().get(iri("c")), 1e-12);
    assertEquals(3.0 / 6.0, a.betweenness().get(iri("b")), 1e-12);
    assertEquals(0.0, a.betweenness().get(iri("a")), 1e-12);
    assertEquals(
        List.of(1, 1, 1),
        a.result().centres().stream()
            .filter(c -> c.degree() == 2)
            .map(CentresResult.Centre::degreeRank)
            .toList());
  }

  @Test
  void equal_scores_share_a_competition_rank() {
    CentresResult r = new CentralityAnalysis(SmallGraphs.path()).result();
    // Betweenness c > b = d > a = e; degree b = c = d > a = e.
    assertEquals(
        List.of(4, 2, 1, 2, 4),
        List.of("a", "b", "c", "d", "e").stream()
            .map(
                n ->
                    r.centres().stream()
                        .filter(c -> c.iri().equals(iri(n)))
                        .findFirst()
                        .orElseThrow())
            .map(CentresResult.Centre::betweennessRank)
            .toList());
    assertEquals(
        List.of(4, 1, 1, 1, 4),
        List.of("a", "b", "c", "d", "e").stream()
            .map(
                n ->
                    r.centres().stream()
                        .filter(c -> c.iri().equals(iri(n)))
                        .findFirst()
                        .orElseThrow())
            .map(CentresResult.Centre::degreeRank)
            .toList());
  }

  @Test
  void skips_betweenness_beyond_the_budget_and_says_so() {
    CentresResult r = new CentralityAnalysis(SmallGraphs.star(), 10).result();
    assertFalse(r.betweennessComputed());
    assertNull(r.centres().get(0).betweenness());
    assertTrue(r.note().contains("not computed"), r.note());
  }

  @Test
  void top_keeps_the_first_n() {
    assertEquals(2, new CentralityAnalysis(SmallGraphs.star()).result().top(2).centres().size());
  }

  @Test
  void empty_graph_has_no_centres() {
    assertEquals(List.of(), new CentralityAnalysis(SmallGraphs.empty()).result().centres());
  }
}
