package dev.noema.topology;

import static dev.noema.topology.SampleStore.e;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.noema.meaning.MeaningLayer;
import dev.noema.meaning.MeaningReader;
import dev.noema.meaning.SampleLayer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The meaning graph of the sample as read from a real TDB2 store (in memory, through the one query)
 * beside the graph of the same named graphs read as loose triples: the two readings agree.
 */
class Tdb2TopologyTest {

  @Test
  void the_store_and_the_loose_triples_give_the_same_meaning_graph() {
    MeaningGraph fromStore = SampleStore.graph(TopologyFilter.NONE);
    MeaningReader reader = new MeaningReader(SampleLayer.SCHEMA);
    SampleLayer.graphs().forEach(g -> g.triples().forEach(reader::triple));
    MeaningLayer loose = reader.build("");
    MeaningGraph g = MeaningGraphs.of(loose, TopologyFilter.NONE);
    assertEquals(fromStore.graph().vertexSet(), g.graph().vertexSet());
    assertEquals(fromStore.edgeCount(), g.edgeCount());
    assertEquals(2.0, g.graph().getEdge(e("architecture"), e("latent-space")).weight());
    MeaningGraph other = MeaningGraphs.of(loose, TopologyFilter.NONE.withConversation("other"));
    assertEquals(Set.of(e("architecture"), e("attention")), other.graph().vertexSet());
  }

  @Test
  void reads_perspectives_from_the_layer_the_store_holds() {
    PerspectivesResult r =
        new Topology(SampleStore.graph(TopologyFilter.NONE)).perspectives("emergence");
    assertEquals(
        List.of("Industry perspective"),
        r.interpretations().stream().map(PerspectivesResult.View::perspectiveLabel).toList());
    assertEquals(List.of("the industry"), r.interpretations().get(0).holders());
  }
}
