package dev.noema.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PerspectiveAnalysisTest {

  @Test
  void shows_each_perspective_on_a_concept_with_holder_and_turn() {
    MeaningGraph g = SampleStore.graph(TopologyFilter.NONE);
    PerspectivesResult r = new PerspectiveAnalysis(g, "архитектура").result();
    assertEquals("architecture", r.conceptLabel());
    assertEquals(
        List.of("Industry perspective", "Kirill's perspective"),
        r.interpretations().stream().map(PerspectivesResult.View::perspectiveLabel).toList());
    PerspectivesResult.View industry = r.interpretations().get(0);
    assertEquals(List.of("the industry"), industry.holders());
    assertEquals(
        "Architecture is transformer blocks, attention heads and MLPs.", industry.statement());
    assertEquals(
        List.of(
            new Evidence(
                "Transformer blocks, attention heads, MLPs",
                "https://w3id.org/noema/id/conversation/sample/turn/1")),
        industry.evidence());
    PerspectivesResult.View kirill = r.interpretations().get(1);
    assertEquals(List.of("Kirill"), kirill.holders());
    assertEquals(
        List.of(new Evidence(null, "https://w3id.org/noema/id/conversation/sample/turn/1")),
        kirill.evidence());
  }

  @Test
  void a_graph_built_by_hand_has_no_layer_and_no_perspectives() {
    MeaningGraph g = MeaningGraph.builder().entity(Entity.of("urn:x:a", "attention")).build();
    assertEquals(List.of(), new PerspectiveAnalysis(g, "attention").result().interpretations());
  }

  @Test
  void a_concept_nobody_interprets_has_no_perspectives() {
    MeaningGraph g = SampleStore.graph(TopologyFilter.NONE);
    assertEquals(List.of(), new PerspectiveAnalysis(g, "RECURSIA").result().interpretations());
  }
}
