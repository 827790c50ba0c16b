package dev.noema.topology;

import static dev.noema.topology.SmallGraphs.iri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.alg.scoring.PageRank;
import org.junit.jupiter.api.Test;

class PersonalisedPageRankTest {

  @Test
  void uniform_jumps_give_jgrapht_pagerank() {
    MeaningGraph graph = SmallGraphs.random(200, 600, 7);
    IndexedGraph g = graph.indexed();
    double[] ours = PersonalisedPageRank.scores(g, new double[g.vertexCount()]);
    Map<Integer, Double> theirs = new PageRank<>(g, 0.85, 1000, 1e-10).getScores();
    for (int v = 0; v < g.vertexCount(); v++) {
      assertEquals(theirs.get(v), ours[v], 1e-6, "vertex " + v);
    }
    assertEquals(1.0, Arrays.stream(ours).sum(), 1e-9);
  }

  @Test
  void jumps_follow_the_prior() {
    // On a path a - b - c - d - e the middle wins with uniform jumps; a prior on "a" moves it up.
    IndexedGraph g = SmallGraphs.path().indexed();
    double[] prior = new double[g.vertexCount()];
    prior[g.indexOf(iri("a"))] = 1;
    double[] scores = PersonalisedPageRank.scores(g, prior);
    int a = g.indexOf(iri("a"));
    int e = g.indexOf(iri("e"));
    assertTrue(scores[a] > 3 * scores[e], Arrays.toString(scores));
    assertEquals(1.0, Arrays.stream(scores).sum(), 1e-9);
  }

  @Test
  void a_view_without_jumps_scores_less_and_is_not_among_the_ideas() {
    CentresResult withoutJumps = new CentralityAnalysis(viewHoldingFiveIdeas(0)).result();
    CentresResult withJumps = new CentralityAnalysis(viewHoldingFiveIdeas(1)).result();
    assertTrue(score(withoutJumps, "view") < score(withJumps, "view"));
    assertTrue(withoutJumps.centres().stream().anyMatch(c -> c.kind() == Entity.Kind.VIEW));
    List<CentresResult.Centre> ideas = withoutJumps.ideas().centres();
    assertEquals(5, ideas.size());
    assertTrue(ideas.stream().allMatch(c -> c.kind() == Entity.Kind.IDEA));
  }

  private static MeaningGraph viewHoldingFiveIdeas(double viewSalience) {
    MeaningGraph.Builder b = MeaningGraph.builder();
    b.entity(
        new Entity(
            iri("view"),
            "the assistant's view",
            Set.of(),
            List.of(),
            Set.of(),
            viewSalience,
            Entity.Kind.VIEW));
    for (String idea : List.of("i1", "i2", "i3", "i4", "i5")) {
      b.entity(Entity.of(iri(idea), idea));
      b.relation(iri("view"), SmallGraphs.RELATED, iri(idea), 1);
    }
    return b.build();
  }

  private static double score(CentresResult centres, String name) {
    return centres.centres().stream()
        .filter(c -> c.iri().equals(iri(name)))
        .findFirst()
        .orElseThrow()
        .pageRank();
  }
}
