package dev.noema.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code noema context} never waits for labels to be embedded: an import embeds what it adds, and a
 * question over labels not embedded yet is answered lexically, saying so in one line.
 */
class ContextCommandTest {
  private static final String QUESTION = "What is attention?";

  @Test
  void labels_not_embedded_yet_are_linked_by_their_words_in_one_line_until_sync_index(
      @TempDir Path dir) throws IOException {
    String data = dir.resolve("kb").toString();
    CliRun imported = CliRun.of("import", "--data", data, "--no-progress", "import/samples");
    assertEquals(0, imported.exitCode(), imported.toString());
    assertTrue(
        imported.out().matches("(?s).*index: [1-9]\\d* label\\(s\\) embedded in .*"),
        imported.out());
    CliRun embedded = CliRun.of("context", "--data", data, QUESTION);
    assertEquals(0, embedded.exitCode(), embedded.toString());
    assertFalse(embedded.err().contains("semantic linking"), embedded.err());

    Files.delete(dir.resolve("kb").resolve("index").resolve("embeddings.bin"));
    CliRun lexical = CliRun.of("context", "--data", data, QUESTION);

    assertEquals(0, lexical.exitCode(), lexical.toString());
    assertFalse(lexical.out().isBlank(), lexical.toString());
    assertEquals(
        "semantic linking: 0% of labels embedded (the rest linked by their words; "
            + "'noema sync index' embeds them)\n",
        lexical.err());
    CliRun sync = CliRun.of("sync", "index", "--data", data);
    assertEquals(0, sync.exitCode(), sync.toString());
    assertTrue(sync.out().startsWith("index: "), sync.out());
    CliRun again = CliRun.of("context", "--data", data, QUESTION);
    assertEquals("", again.err());
    assertEquals(embedded.out(), again.out());
  }
}
