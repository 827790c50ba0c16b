package dev.noema.topology;

import dev.noema.ontology.OntologyModel;
import dev.noema.store.GraphChange;
import dev.noema.store.GraphContent;
import dev.noema.store.GraphStore;
import dev.noema.store.Tdb2GraphStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;

/**
 * The hand-made sample meaning layer ({@code sample.trig}) in an in-memory {@link Tdb2GraphStore}.
 */
final class SampleStore {
  static final String E = "https://w3id.org/noema/id/entity/";
  static final OntologyModel ONTOLOGY = OntologyModel.loadDefault();

  private SampleStore() {}

  static Tdb2GraphStore load() {
    return loadInto(Tdb2GraphStore.inMemory());
  }

  /** Writes the sample's named graphs into {@code store} and returns it. */
  static <S extends GraphStore> S loadInto(S store) {
    Dataset dataset = DatasetFactory.create();
    try (InputStream in = SampleStore.class.getResourceAsStream("sample.trig")) {
      RDFDataMgr.read(dataset, in, Lang.TRIG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<GraphContent> graphs = new ArrayList<>();
    dataset
        .asDatasetGraph()
        .listGraphNodes()
        .forEachRemaining(
            (Node g) ->
                graphs.add(
                    new GraphContent(
                        g, "test", dataset.asDatasetGraph().getGraph(g).find().toList())));
    store.apply(new GraphChange(List.of(), List.of(), graphs));
    return store;
  }

  static MeaningGraph graph(TopologyFilter filter) {
    try (Tdb2GraphStore store = load()) {
      return new MeaningGraphLoader(store, ONTOLOGY).load(filter);
    }
  }

  static String e(String slug) {
    return E + slug;
  }
}
