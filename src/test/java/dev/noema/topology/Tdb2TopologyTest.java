package dev.noema.topology;

import static dev.noema.topology.SampleStore.e;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.noema.store.Tdb2GraphStore;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The loader and the perspective query against the real TDB2 store (in memory), not the test
 * double.
 */
class Tdb2TopologyTest {

  @Test
  void loads_the_same_meaning_graph_from_tdb2_as_from_the_test_store() {
    MeaningGraph expected = SampleStore.graph(TopologyFilter.NONE);
    try (Tdb2GraphStore store = SampleStore.loadInto(Tdb2GraphStore.inMemory())) {
      MeaningGraph g =
          new MeaningGraphLoader(store, SampleStore.ONTOLOGY).load(TopologyFilter.NONE);
      assertEquals(expected.graph().vertexSet(), g.graph().vertexSet());
      assertEquals(expected.edgeCount(), g.edgeCount());
      assertEquals(2.0, g.graph().getEdge(e("architecture"), e("latent-space")).weight());
      MeaningGraph other =
          new MeaningGraphLoader(store, SampleStore.ONTOLOGY)
              .load(TopologyFilter.NONE.withConversation("other"));
      assertEquals(Set.of(e("architecture"), e("attention")), other.graph().vertexSet());
    }
  }

  @Test
  void reads_perspectives_from_tdb2() {
    try (Tdb2GraphStore store = SampleStore.loadInto(Tdb2GraphStore.inMemory())) {
      MeaningGraph g =
          new MeaningGraphLoader(store, SampleStore.ONTOLOGY).load(TopologyFilter.NONE);
      PerspectivesResult r = new Topology(g).perspectives(store, "emergence");
      assertEquals(
          List.of("Industry perspective"),
          r.interpretations().stream().map(PerspectivesResult.View::perspectiveLabel).toList());
      assertEquals(List.of("the industry"), r.interpretations().get(0).holders());
    }
  }
}
