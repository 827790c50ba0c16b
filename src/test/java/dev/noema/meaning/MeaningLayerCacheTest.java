package dev.noema.meaning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.noema.store.GraphChange;
import dev.noema.store.GraphContent;
import dev.noema.store.Tdb2GraphStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layer kept on disk for the next process: read back the same, read around when damaged. */
class MeaningLayerCacheTest {
  @TempDir Path cache;

  private static List<Path> cached(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".rt.gz")).toList();
    }
  }

  private static String summary(MeaningLayer layer) {
    return layer.entities() + "\n" + layer.facts() + "\n" + layer.interpretations();
  }

  @Test
  void a_new_reader_over_the_unchanged_store_gets_the_same_layer_from_the_file()
      throws IOException {
    try (Tdb2GraphStore store = SampleLayer.store()) {
      MeaningLayer fromStore = new MeaningLayers(store, SampleLayer.SCHEMA).current();
      MeaningLayer first = new MeaningLayers(store, SampleLayer.SCHEMA, cache).current();
      List<Path> files = cached(cache);
      MeaningLayer fromFile = new MeaningLayers(store, SampleLayer.SCHEMA, cache).current();

      assertEquals(1, files.size(), "one file for the store as it is");
      assertEquals(summary(fromStore), summary(first));
      assertEquals(summary(fromStore), summary(fromFile));
      assertEquals(fromStore.fingerprint(), fromFile.fingerprint());
    }
  }

  @Test
  void a_damaged_file_is_read_around_and_a_changed_store_replaces_the_file() throws IOException {
    try (Tdb2GraphStore store = SampleLayer.store()) {
      MeaningLayer before = new MeaningLayers(store, SampleLayer.SCHEMA, cache).current();
      Path file = cached(cache).get(0);
      Files.write(file, new byte[] {1, 2, 3, 4, 5});

      MeaningLayer readAround = new MeaningLayers(store, SampleLayer.SCHEMA, cache).current();
      assertEquals(summary(before), summary(readAround));

      store.apply(
          new GraphChange(
              List.of(),
              List.of(),
              List.of(
                  new GraphContent(
                      NodeFactory.createURI("https://w3id.org/noema/graph/test/more"),
                      "more",
                      List.of(
                          Triple.create(
                              NodeFactory.createURI(SampleLayer.e("tides")),
                              RDF.Nodes.type,
                              NodeFactory.createURI("https://w3id.org/noema/ontology#Concept")),
                          Triple.create(
                              NodeFactory.createURI(SampleLayer.e("tides")),
                              RDFS.Nodes.label,
                              NodeFactory.createLiteralLang("tides", "en")))))));
      MeaningLayer after = new MeaningLayers(store, SampleLayer.SCHEMA, cache).current();

      assertNotEquals(summary(before), summary(after));
      assertEquals(before.entities().size() + 1, after.entities().size());
      assertEquals(1, cached(cache).size(), "the file of the store as it was is gone");
      assertNotEquals(file, cached(cache).get(0));
    }
  }
}
