package dev.noema.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.noema.conversation.ChatGptExportGenerator;
import dev.noema.ontology.Iris;
import dev.noema.store.GraphEntry;
import dev.noema.store.Tdb2GraphStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-importing a big export rewrites only the conversations that changed, and the summary says so.
 */
class ReimportTest {
  private static final int CONVERSATIONS = 5_000;
  private static final int[] CHANGED = {7, 2_500, 4_999};

  @TempDir Path dir;

  @Test
  void reimport_with_three_of_five_thousand_changed_rewrites_only_those_three() throws IOException {
    Path export = dir.resolve("conversations.json");
    new ChatGptExportGenerator(new ChatGptExportGenerator.Settings(CONVERSATIONS, 2, 4, 0, 0, 7L))
        .writeTo(export);
    CliRun first = importing(export);
    assertEquals(0, first.exitCode(), first::toString);
    assertTrue(
        first.out().contains("total: 5000 imported, 0 replaced, 0 unchanged, 0 skipped"),
        first::toString);
    Map<String, Instant> before = written();

    editFirstMessages(export);
    CliRun second = importing(export);

    assertEquals(0, second.exitCode(), second::toString);
    assertTrue(
        second.out().contains("total: 0 imported, 3 replaced, 4997 unchanged, 0 skipped"),
        second::toString);
    Map<String, Instant> after = written();
    Set<String> rewritten = new TreeSet<>();
    after.forEach(
        (graph, modified) -> {
          if (!modified.equals(before.get(graph))) {
            rewritten.add(graph);
          }
        });
    Set<String> expected = new TreeSet<>();
    for (int c : CHANGED) {
      expected.add(Iris.conversationGraph(id(c)).getURI());
    }
    assertEquals(expected, rewritten);
  }

  private CliRun importing(Path export) {
    return CliRun.of(
        "import",
        "--data",
        dir.resolve("kb").toString(),
        "--no-progress",
        "--no-extract",
        "--no-sync",
        export.toString());
  }

  /** When each graph of the store was last written. */
  private Map<String, Instant> written() {
    Map<String, Instant> modified = new HashMap<>();
    try (Tdb2GraphStore store = Tdb2GraphStore.open(dir.resolve("kb").resolve("tdb2"))) {
      for (GraphEntry entry : store.graphs()) {
        modified.put(entry.name().getURI(), entry.modified());
      }
    }
    return modified;
  }

  /** Rewrites the text of the first user message of each conversation in {@link #CHANGED}. */
  private static void editFirstMessages(Path export) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ArrayNode conversations = (ArrayNode) json.readTree(export.toFile());
    for (int c : CHANGED) {
      JsonNode message = conversations.get(c).path("mapping").path(id(c) + "-0").path("message");
      assertTrue(message instanceof ObjectNode, "the generator's shape: " + message);
      ((ArrayNode) message.path("content").path("parts")).set(0, "an edited question " + c);
    }
    json.writeValue(export.toFile(), conversations);
  }

  private static String id(int conversation) {
    return String.format("conv-%08d", conversation);
  }
}
