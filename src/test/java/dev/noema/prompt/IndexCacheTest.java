package dev.noema.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.noema.conversation.Role;
import dev.noema.identity.EntityIris;
import dev.noema.meaning.MeaningLayers;
import dev.noema.ontology.OntologyModel;
import dev.noema.store.Tdb2GraphStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The on-disk cache of the retrieval index: reused while the store is unchanged, refreshed when it
 * changes.
 */
class IndexCacheTest {
  private static final OntologyModel ONTOLOGY = OntologyModel.loadDefault();
  private static final String QUESTION = "Как Кирилл понимает внимание?";

  /** A deterministic embedding model that records every text it embeds. */
  private static final class CountingModel implements EmbeddingModel {
    final List<String> embedded = new ArrayList<>();

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
      List<Embedding> out = new ArrayList<>();
      for (TextSegment s : segments) {
        embedded.add(s.text());
        float[] v = new float[8];
        byte[] bytes = s.text().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
          v[i % v.length] += bytes[i];
        }
        out.add(Embedding.from(v));
      }
      return Response.from(out);
    }
  }

  @Test
  void a_second_start_on_an_unchanged_store_embeds_nothing_and_retrieves_the_same(
      @TempDir Path dir) {
    try (Tdb2GraphStore store = Tdb2GraphStore.inMemory()) {
      SampleGraph.writeTo(store);
      CountingModel first = new CountingModel();
      GraphContext cold =
          new GraphRetrieval(MeaningLayers.of(store, ONTOLOGY), first, dir)
              .context(ContextRequest.of(QUESTION));
      assertTrue(first.embedded.size() > 10, first.embedded.toString());
      CountingModel second = new CountingModel();
      GraphContext warm =
          new GraphRetrieval(MeaningLayers.of(store, ONTOLOGY), second, dir)
              .context(ContextRequest.of(QUESTION));
      assertEquals(List.of(QUESTION), second.embedded);
      assertEquals(cold.text(), warm.text());
      assertEquals(SampleGraph.KIRILL_INTERPRETATION.getURI(), warm.facts().get(0).iri());
    }
  }

  @Test
  void an_unchanged_store_reuses_the_node_and_evidence_index_files(@TempDir Path dir)
      throws IOException {
    try (Tdb2GraphStore store = Tdb2GraphStore.inMemory()) {
      SampleGraph.writeTo(store);
      new GraphRetrieval(MeaningLayers.of(store, ONTOLOGY), null, dir).refresh();
      for (String index : List.of("lucene", "evidence")) {
        assertTrue(!listing(dir.resolve(index)).isEmpty(), index + " was not written");
      }
      List<String> nodes = listing(dir.resolve("lucene"));
      List<String> evidence = listing(dir.resolve("evidence"));
      new GraphRetrieval(MeaningLayers.of(store, ONTOLOGY), null, dir).refresh();
      assertEquals(nodes, listing(dir.resolve("lucene")));
      assertEquals(evidence, listing(dir.resolve("evidence")));
      moreKnowledge(store);
      new GraphRetrieval(MeaningLayers.of(store, ONTOLOGY), null, dir).refresh();
      assertTrue(
          !nodes.equals(listing(dir.resolve("lucene"))),
          "the node index was not rebuilt after a change");
      assertTrue(
          !evidence.equals(listing(dir.resolve("evidence"))),
          "the evidence index was not rebuilt after a change");
    }
  }

  @Test
  void a_change_to_the_store_embeds_only_the_new_texts(@TempDir Path dir) {
    try (Tdb2GraphStore store = Tdb2GraphStore.inMemory()) {
      SampleGraph.writeTo(store);
      CountingModel model = new CountingModel();
      GraphRetrieval retrieval = new GraphRetrieval(MeaningLayers.of(store, ONTOLOGY), model, dir);
      retrieval.refresh();
      model.embedded.clear();
      moreKnowledge(store);
      retrieval.refresh();
      assertEquals(1, model.embedded.size(), model.embedded.toString());
      assertTrue(model.embedded.get(0).contains("Mindfulness"), model.embedded.toString());
      Link top = retrieval.link("mindfulness", 1).get(0);
      assertEquals("Mindfulness", top.label());
    }
  }

  @Test
  void a_question_over_labels_not_embedded_yet_is_answered_lexically_without_embedding_anything(
      @TempDir Path dir) {
    try (Tdb2GraphStore store = Tdb2GraphStore.inMemory()) {
      SampleGraph.writeTo(store);
      CountingModel model = new CountingModel();
      GraphRetrieval retrieval =
          new GraphRetrieval(
              MeaningLayers.of(store, ONTOLOGY),
              model,
              dir,
              GraphRetrieval.MissingEmbeddings.LINK_WITHOUT);

      GraphContext context = retrieval.context(ContextRequest.of("How does Kirill see attention?"));

      assertEquals(List.of(), model.embedded);
      assertEquals(0.0, retrieval.embeddedShare());
      assertTrue(
          context.links().stream().allMatch(l -> l.semanticRank() == 0),
          context.links().toString());
      assertTrue(!context.facts().isEmpty(), context.text());
    }
  }

  @Test
  void embedding_the_missing_labels_embeds_only_the_new_ones_and_the_next_start_reads_them(
      @TempDir Path dir) {
    try (Tdb2GraphStore store = Tdb2GraphStore.inMemory()) {
      SampleGraph.writeTo(store);
      CountingModel model = new CountingModel();
      GraphRetrieval retrieval =
          new GraphRetrieval(
              MeaningLayers.of(store, ONTOLOGY),
              model,
              dir,
              GraphRetrieval.MissingEmbeddings.LINK_WITHOUT);
      int all = retrieval.embedMissing();
      assertTrue(all > 10, "embedded " + all);
      assertEquals(all, model.embedded.size());
      assertEquals(1.0, retrieval.embeddedShare());
      moreKnowledge(store);
      CountingModel next = new CountingModel();
      GraphRetrieval after =
          new GraphRetrieval(
              MeaningLayers.of(store, ONTOLOGY),
              next,
              dir,
              GraphRetrieval.MissingEmbeddings.LINK_WITHOUT);
      assertTrue(
          after.embeddedShare() < 1 && after.embeddedShare() > 0.9, "" + after.embeddedShare());

      assertEquals(1, after.embedMissing());

      assertEquals(1, next.embedded.size(), next.embedded.toString());
      assertTrue(next.embedded.get(0).contains("Mindfulness"), next.embedded.toString());
      assertEquals(1.0, after.embeddedShare());
      Link top = after.link("mindfulness", 1).get(0);
      assertEquals("Mindfulness", top.label());
      assertTrue(top.semanticRank() > 0, top.toString());
      assertEquals(0, after.embedMissing());
    }
  }

  @Test
  void a_corrupt_cache_is_rebuilt(@TempDir Path dir) throws IOException {
    try (Tdb2GraphStore store = Tdb2GraphStore.inMemory()) {
      SampleGraph.writeTo(store);
      GraphContext cold =
          new GraphRetrieval(MeaningLayers.of(store, ONTOLOGY), new CountingModel(), dir)
              .context(ContextRequest.of(QUESTION));
      Files.write(dir.resolve("embeddings.bin"), new byte[] {1, 2, 3});
      for (String index : List.of("lucene", "evidence")) {
        for (String file : listing(dir.resolve(index))) {
          Files.write(dir.resolve(index).resolve(file), new byte[] {0});
        }
      }
      CountingModel model = new CountingModel();
      GraphContext rebuilt =
          new GraphRetrieval(MeaningLayers.of(store, ONTOLOGY), model, dir)
              .context(ContextRequest.of(QUESTION));
      assertEquals(cold.text(), rebuilt.text());
      assertTrue(model.embedded.size() > 10, model.embedded.toString());
    }
  }

  @Test
  void an_unusable_cache_folder_leaves_the_index_in_memory(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
    try (Tdb2GraphStore store = Tdb2GraphStore.inMemory()) {
      SampleGraph.writeTo(store);
      GraphContext context =
          new GraphRetrieval(MeaningLayers.of(store, ONTOLOGY), new CountingModel(), file)
              .context(ContextRequest.of(QUESTION));
      assertEquals(SampleGraph.KIRILL_INTERPRETATION.getURI(), context.facts().get(0).iri());
    }
  }

  /**
   * A new conversation that adds one entity, "Mindfulness", with a fact relating it to attention.
   */
  private static void moreKnowledge(Tdb2GraphStore store) {
    MeaningGraphBuilder b = new MeaningGraphBuilder("more", "More");
    b.turn(Role.USER, "Kirill", "2025-03-02T10:00:00Z", "x-0", "Mindfulness trains attention.");
    Node mindfulness = b.entity(0, "Concept", "Mindfulness", "Mindfulness@en");
    Node attention = EntityIris.of("attention");
    b.fact(0, mindfulness, "relatedTo", attention, 0.9, "Mindfulness trains attention");
    b.writeTo(store);
  }

  private static List<String> listing(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.equals("write.lock"))
          .sorted()
          .toList();
    }
  }
}
