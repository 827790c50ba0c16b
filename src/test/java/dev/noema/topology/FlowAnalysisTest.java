package dev.noema.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlowAnalysisTest {

  @Test
  void shows_how_meaning_builds_up_turn_by_turn() {
    FlowResult r = new FlowAnalysis(SampleStore.graph(TopologyFilter.NONE), "sample").result();
    assertEquals(3, r.steps().size());
    FlowResult.Step first = r.steps().get(0);
    assertEquals(List.of("architecture", "emergence", "latent space"), first.introduced());
    assertEquals(
        List.of(3, 2, 1, 0),
        List.of(first.vertices(), first.edges(), first.components(), first.cycleRank()));
    assertEquals(2.0 / 3.0, first.density(), 1e-12);
    FlowResult.Step second = r.steps().get(1);
    assertEquals(
        List.of("Industry perspective", "Kirill", "Kirill's perspective", "the industry"),
        second.introduced());
    assertEquals(List.of("architecture", "emergence"), second.revisited());
    // The industry perspective interprets architecture and emergence, which latent space already
    // links: one cycle.
    assertEquals(
        List.of(7, 7, 1, 1),
        List.of(second.vertices(), second.edges(), second.components(), second.cycleRank()));
    FlowResult.Step third = r.steps().get(2);
    assertEquals(List.of("emergence"), third.revisited());
    assertEquals(
        List.of(11, 11, 1, 1),
        List.of(third.vertices(), third.edges(), third.components(), third.cycleRank()));
    assertEquals("Assistant", second.speaker());
  }

  @Test
  void unknown_conversation_names_the_known_ones() {
    MeaningGraph g = SampleStore.graph(TopologyFilter.NONE);
    TopologyException e = assertThrows(TopologyException.class, () -> new FlowAnalysis(g, "nope"));
    assertTrue(
        e.getMessage()
            .startsWith(
                "no turns of conversation 'nope' in the meaning graph; known conversations: "),
        e.getMessage());
  }

  @Test
  void turns_before_the_first_entity_have_no_components() {
    // A greeting before any idea: the union-find of components is still empty there. JGraphT's
    // UnionFind asserts that
    // it holds a set, so with assertions on (as surefire runs) this failed with an AssertionError.
    assertTrue(
        FlowAnalysisTest.class.desiredAssertionStatus(),
        "this test needs -ea to guard the assertion");
    String conversation = "https://example.org/conversation/c";
    MeaningGraph g =
        MeaningGraph.builder()
            .turn(new TurnInfo("urn:x:t0", conversation, 0, null, "User", null))
            .turn(new TurnInfo("urn:x:t1", conversation, 1, null, "Assistant", null))
            .entity(
                new Entity(
                    SmallGraphs.iri("idea"), "idea", Set.of(), List.of("idea"), Set.of("urn:x:t1")))
            .build();
    FlowResult r = new FlowAnalysis(g, conversation).result();
    assertEquals(
        List.of(0, 0, 0, 0),
        List.of(
            r.steps().get(0).vertices(),
            r.steps().get(0).edges(),
            r.steps().get(0).components(),
            r.steps().get(0).cycleRank()));
    assertEquals(0.0, r.steps().get(0).density());
    assertEquals(List.of("idea"), r.steps().get(1).introduced());
    assertEquals(1, r.steps().get(1).components());
  }
}
