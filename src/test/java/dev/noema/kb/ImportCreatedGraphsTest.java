package dev.noema.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.ontology.Noema;
import dev.noema.store.GraphChange;
import dev.noema.store.GraphEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The importer writes a conversation without dropping first only when the registry lists none of
 * its graphs.
 */
class ImportCreatedGraphsTest {
  @TempDir Path dir;

  private static long count(KnowledgeBase kb, String where) {
    return kb.store()
        .select(
            "SELECT (COUNT(*) AS ?n) WHERE { " + where + " }",
            Map.of(),
            rs -> rs.next().getLiteral("n").getLong());
  }

  @Test
  void extraction_graphs_left_without_their_dialogue_graph_are_replaced_not_added_to() {
    try (KnowledgeBase kb = KnowledgeBase.open(KnowledgeBaseConfig.folder(dir))) {
      kb.importLogs(
          ImportRequest.of(List.of(KnowledgeBaseExtractTest.SAMPLE)), ImportListener.NONE);
      List<GraphEntry> graphs = kb.store().graphs();
      Node dialogue =
          graphs.stream()
              .map(GraphEntry::name)
              .filter(g -> g.getURI().startsWith(Noema.GRAPH + "conversation/"))
              .findFirst()
              .orElseThrow();
      long quads = kb.store().stats().quads();
      String registered = "GRAPH ?r { ?g <" + DCTerms.modified.getURI() + "> ?m }";
      assertEquals(graphs.size(), count(kb, registered));
      assertTrue(graphs.size() > 1, "the sample has extraction graphs");

      // The dialogue graph goes; its extraction graphs stay in the registry. A new hash there would
      // make a plain put
      // without a drop keep both the old and the new registry entry.
      kb.store().apply(new GraphChange(List.of(dialogue), List.of(), List.of()));
      ImportReport again =
          kb.importLogs(
              ImportRequest.of(List.of(KnowledgeBaseExtractTest.SAMPLE)), ImportListener.NONE);

      assertEquals(1, again.imported());
      assertEquals(quads, kb.store().stats().quads());
      assertEquals(graphs.size(), count(kb, registered));
    }
  }
}
