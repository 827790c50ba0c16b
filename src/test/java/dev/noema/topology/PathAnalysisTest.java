package dev.noema.topology;

import static dev.noema.topology.SampleStore.e;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathAnalysisTest {

  private static List<String> labels(PathsResult.Path p) {
    if (p.hops().isEmpty()) {
      return List.of();
    }
    List<String> labels = new java.util.ArrayList<>();
    labels.add(p.hops().get(0).fromLabel());
    p.hops().forEach(h -> labels.add(h.toLabel()));
    return labels;
  }

  @Test
  void gives_the_shortest_path_then_the_next_shortest() {
    PathsResult r = new PathAnalysis(SmallGraphs.twoTriangles(), "a", "f", 2).result();
    assertEquals(List.of("a", "c", "d", "f"), labels(r.paths().get(0)));
    assertEquals(List.of(3, 4, 4), r.paths().stream().map(PathsResult.Path::length).toList());
  }

  @Test
  void each_hop_carries_its_relation_quote_and_turn() {
    MeaningGraph g = SampleStore.graph(TopologyFilter.NONE);
    PathsResult.Hop first =
        new PathAnalysis(g, "architecture", "latent space", 0)
            .result()
            .paths()
            .get(0)
            .hops()
            .get(0);
    assertEquals(List.of("architecture relatedTo latent space"), first.relations());
    assertEquals(
        List.of(
            new Evidence(
                "структура смыслопотока в latent space",
                "https://w3id.org/noema/id/conversation/sample/turn/0")),
        first.evidence());
  }

  @Test
  void perspectives_are_linked_through_the_concept_they_both_interpret() {
    MeaningGraph g = SampleStore.graph(TopologyFilter.NONE);
    PathsResult r = new PathAnalysis(g, "Kirill's perspective", "industry perspective", 0).result();
    assertEquals(
        List.of("Kirill's perspective", "architecture", "Industry perspective"),
        labels(r.paths().get(0)));
    assertEquals(
        List.of("Industry perspective interprets architecture"),
        r.paths().get(0).hops().get(1).relations());
  }

  @Test
  void disconnected_ends_give_no_path() {
    MeaningGraph g = SmallGraphs.graph(new String[] {"x", "y"});
    assertEquals(List.of(), new PathAnalysis(g, "x", "y", 3).result().paths());
  }

  @Test
  void unknown_end_suggests_the_closest_labels() {
    MeaningGraph g = SampleStore.graph(TopologyFilter.NONE);
    UnknownConceptException x =
        assertThrows(
            UnknownConceptException.class,
            () -> new PathAnalysis(g, "architectur", e("emergence"), 0));
    assertEquals("architecture", x.suggestions().get(0));
    assertTrue(
        x.getMessage().startsWith("unknown concept 'architectur'; did you mean: architecture, "),
        x.getMessage());
  }
}
