package dev.noema.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.noema.identity.EntityIris;
import dev.noema.meaning.MeaningLayers;
import dev.noema.ontology.OntologyModel;
import dev.noema.store.Tdb2GraphStore;
import org.junit.jupiter.api.Test;

/**
 * Linking with the in-process embedding model (the default when no provider's model is configured).
 */
class SemanticLinkingTest {

  @Test
  void embeddings_link_a_question_that_shares_no_word_with_the_label() {
    try (Tdb2GraphStore store = Tdb2GraphStore.inMemory()) {
      SampleGraph.writeTo(store);
      GraphRetrieval retrieval =
          new GraphRetrieval(
              MeaningLayers.of(store, OntologyModel.loadDefault()),
              new AllMiniLmL6V2QuantizedEmbeddingModel());
      Link physicist = retrieval.link("quantum physicist", 5).get(0);
      assertEquals(EntityIris.of("Feynman").getURI(), physicist.iri());
      assertEquals(0, physicist.lexicalRank());
      assertEquals(1, physicist.semanticRank());
      assertEquals(
          EntityIris.of("attention").getURI(), retrieval.link("focus of the mind", 5).get(0).iri());
      // Fused: found by both lists, attention ranks first.
      Link top = retrieval.link("attention", 5).get(0);
      assertEquals(EntityIris.of("attention").getURI(), top.iri());
      assertEquals(1, top.lexicalRank());
      assertTrue(top.semanticRank() > 0, top.toString());
      GraphContext context = retrieval.context(ContextRequest.of("Как Кирилл понимает внимание?"));
      assertEquals(
          SampleGraph.KIRILL_INTERPRETATION.getURI(), context.facts().get(0).iri(), context.text());
    }
  }
}
