package dev.noema.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.noema.ontology.Iris;
import dev.noema.ontology.OntologyModel;
import dev.noema.store.Tdb2GraphStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Linking with the in-process embedding model (the default when no provider's model is configured). */
class SemanticLinkingTest {

  @Test
  void embeddings_link_a_question_that_shares_no_word_with_the_label() {
    try (Tdb2GraphStore store = Tdb2GraphStore.inMemory()) {
      SampleGraph.writeTo(store);
      GraphRetrieval retrieval =
          new GraphRetrieval(store, OntologyModel.loadDefault(), new AllMiniLmL6V2QuantizedEmbeddingModel());
      List<Link> links = retrieval.link("physicist who studied electrons", 5);
      assertTrue(links.stream().anyMatch(l -> l.semanticRank() > 0 && l.lexicalRank() == 0), links.toString());
      assertTrue(links.stream().anyMatch(l -> l.semanticRank() > 0
          && l.iri().equals(Iris.entity("understanding networks like Feynman understood electrons").getURI())),
          links.toString());
      // Fused: found by both lists, attention ranks first.
      Link top = retrieval.link("attention", 5).get(0);
      assertEquals(Iris.entity("attention").getURI(), top.iri());
      assertEquals(1, top.lexicalRank());
      assertTrue(top.semanticRank() > 0, top.toString());
      GraphContext context = retrieval.context(ContextRequest.of("Как Кирилл понимает внимание?"));
      assertEquals(SampleGraph.KIRILL_INTERPRETATION.getURI(), context.facts().get(0).iri(), context.text());
    }
  }
}
