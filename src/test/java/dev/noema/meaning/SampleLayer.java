package dev.noema.meaning;

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
 * The hand-made sample meaning layer ({@code sample.trig}: two conversations, four extraction
 * graphs) in a real TDB2 store in memory.
 */
public final class SampleLayer {
  public static final String E = "https://w3id.org/noema/id/entity/";
  public static final OntologyModel ONTOLOGY = OntologyModel.loadDefault();
  public static final MeaningSchema SCHEMA = MeaningSchema.of(ONTOLOGY);

  private SampleLayer() {}

  /** A TDB2 store in memory holding the sample's named graphs. */
  public static Tdb2GraphStore store() {
    return loadInto(Tdb2GraphStore.inMemory());
  }

  /** Writes the sample's named graphs into {@code store} and returns it. */
  public static <S extends GraphStore> S loadInto(S store) {
    store.apply(new GraphChange(List.of(), List.of(), graphs()));
    return store;
  }

  /** The sample's named graphs. */
  public static List<GraphContent> graphs() {
    Dataset dataset = DatasetFactory.create();
    try (InputStream in = SampleLayer.class.getResourceAsStream("sample.trig")) {
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
    return graphs;
  }

  /** The sample's meaning layer, read from a store. */
  public static MeaningLayer layer() {
    try (Tdb2GraphStore store = store()) {
      return new MeaningLayers(store, SCHEMA).current();
    }
  }

  public static String e(String slug) {
    return E + slug;
  }
}
