package dev.noema.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.noema.identity.EntityIris;
import dev.noema.meaning.MeaningLayers;
import dev.noema.ontology.OntologyModel;
import dev.noema.store.Tdb2GraphStore;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process model is loaded only when something must be embedded. */
class LazyEmbeddingModelTest {
  private static final OntologyModel ONTOLOGY = OntologyModel.loadDefault();

  @Test
  void is_named_by_its_class_unbuilt_and_built_once_on_first_embedding() {
    AtomicInteger builds = new AtomicInteger();
    LazyEmbeddingModel lazy =
        new LazyEmbeddingModel(
            AllMiniLmL6V2QuantizedEmbeddingModel.class,
            () -> {
              builds.incrementAndGet();
              return new AllMiniLmL6V2QuantizedEmbeddingModel();
            });
    assertEquals(AllMiniLmL6V2QuantizedEmbeddingModel.class.getName(), lazy.modelName());
    assertEquals(0, builds.get());
    assertEquals(384, lazy.embed("attention").content().vector().length);
    assertEquals(384, lazy.embed("focus").content().vector().length);
    assertEquals(1, builds.get());
  }

  @Test
  void a_question_in_another_script_over_cached_embeddings_never_loads_the_english_model(
      @TempDir Path cache) {
    try (Tdb2GraphStore store = Tdb2GraphStore.inMemory()) {
      SampleGraph.writeTo(store);
      new GraphRetrieval(
              MeaningLayers.of(store, ONTOLOGY), new AllMiniLmL6V2QuantizedEmbeddingModel(), cache)
          .refresh();
      AtomicInteger builds = new AtomicInteger();
      GraphRetrieval retrieval =
          new GraphRetrieval(
              MeaningLayers.of(store, ONTOLOGY),
              new LazyEmbeddingModel(
                  AllMiniLmL6V2QuantizedEmbeddingModel.class,
                  () -> {
                    builds.incrementAndGet();
                    return new AllMiniLmL6V2QuantizedEmbeddingModel();
                  }),
              cache);
      GraphContext russian = retrieval.context(ContextRequest.of("Как Кирилл понимает внимание?"));
      assertEquals(SampleGraph.KIRILL_INTERPRETATION.getURI(), russian.facts().get(0).iri());
      assertEquals(0, builds.get(), "the model was loaded for a question it does not rank");
      assertEquals(
          EntityIris.of("Feynman").getURI(), retrieval.link("quantum physicist", 5).get(0).iri());
      assertEquals(1, builds.get());
    }
  }
}
