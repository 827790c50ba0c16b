package dev.noema.topology;

import dev.noema.meaning.MeaningLayer;
import dev.noema.meaning.SampleLayer;
import dev.noema.ontology.OntologyModel;

/**
 * The hand-made sample meaning layer ({@code dev/noema/meaning/sample.trig}), read once from a TDB2
 * store in memory, and the meaning graphs made from it.
 */
final class SampleStore {
  static final String E = SampleLayer.E;
  static final OntologyModel ONTOLOGY = SampleLayer.ONTOLOGY;
  private static final MeaningLayer LAYER = SampleLayer.layer();

  private SampleStore() {}

  /** The sample's meaning layer. */
  static MeaningLayer layer() {
    return LAYER;
  }

  static MeaningGraph graph(TopologyFilter filter) {
    return MeaningGraphs.of(LAYER, filter);
  }

  static String e(String slug) {
    return E + slug;
  }
}
