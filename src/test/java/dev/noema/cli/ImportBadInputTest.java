package dev.noema.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.store.StoreStats;
import dev.noema.store.Tdb2GraphStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input: one line naming the file, a non-zero exit, and the store exactly as it was. */
class ImportBadInputTest {
  @TempDir Path dir;

  Path kb() {
    return dir.resolve("kb");
  }

  CliRun importing(Path... paths) {
    String[] args = new String[paths.length + 4];
    args[0] = "import";
    args[1] = "--data";
    args[2] = kb().toString();
    args[3] = "--no-progress";
    for (int i = 0; i < paths.length; i++) {
      args[i + 4] = paths[i].toString();
    }
    return CliRun.of(args);
  }

  void assertStoreEmpty() {
    try (Tdb2GraphStore store = Tdb2GraphStore.open(kb().resolve("tdb2"))) {
      assertEquals(new StoreStats(0, 0), store.stats());
    }
  }

  static long problemLines(CliRun run) {
    return run.err()
        .lines()
        .filter(l -> l.startsWith("  failed") || l.startsWith("  skipped"))
        .count();
  }

  @Test
  void missing_file_is_named_in_one_line() {
    Path missing = dir.resolve("nowhere.json");
    CliRun run = importing(missing);
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.err().contains(missing + ": no such file or folder"), run::toString);
    assertEquals(1, problemLines(run), run::toString);
    assertStoreEmpty();
  }

  @Test
  void folder_without_logs_says_so() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Files.writeString(empty.resolve(".hidden"), "not a log");
    CliRun run = importing(empty);
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.err().contains(empty + ": folder contains no files to import"), run::toString);
    assertStoreEmpty();
  }

  @Test
  void empty_file_is_rejected() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.md"), "");
    CliRun run = importing(empty);
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.err().contains(empty + ": empty file"), run::toString);
    assertStoreEmpty();
  }

  @Test
  void binary_file_is_rejected() throws IOException {
    Path binary =
        Files.write(
            dir.resolve("picture.md"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2});
    CliRun run = importing(binary);
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.err().contains(binary + ": binary file"), run::toString);
    assertStoreEmpty();
  }

  @Test
  void text_in_no_known_format_is_rejected() throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.txt"), "Shopping list\n- milk\n- bread\n");
    CliRun run = importing(notes);
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(
        run.err().contains(notes + ": not a conversation log in any known format"), run::toString);
    assertStoreEmpty();
  }

  @Test
  void json_in_no_known_format_names_its_keys_and_the_formats_tried() throws IOException {
    Path json = Files.writeString(dir.resolve("chats.json"), "[{\"chat_id\": 1, \"lines\": []}]");
    CliRun run = importing(json);
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(
        run.err()
            .contains(
                json
                    + ": a JSON list of objects with the keys chat_id, lines, which no format reads"
                    + " (tried nexus-markdown, "),
        run::toString);
    assertEquals(1, problemLines(run), run::toString);
    assertStoreEmpty();
  }

  @Test
  void invalid_utf16_names_the_byte_offset() throws IOException {
    byte[] text = "\uFEFFUser: hi\nAssistant: hello\n".getBytes(StandardCharsets.UTF_16LE);
    text[14] = 0x00; // the "h" of "hi" becomes U+DC00, a low surrogate alone
    text[15] = (byte) 0xDC;
    Path transcript = Files.write(dir.resolve("chat.txt"), text);
    CliRun run = importing(transcript);
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(
        run.err()
            .contains(
                transcript
                    + ": invalid UTF-16LE at byte offset 14; the rest of the file was not read"),
        run::toString);
    assertEquals(1, problemLines(run), run::toString);
    assertStoreEmpty();
  }

  @Test
  void a_side_file_of_an_export_named_alone_has_nothing_to_import() throws IOException {
    Path feedback =
        Files.writeString(
            dir.resolve("message_feedback.json"),
            "[{\"id\": \"f\", \"conversation_id\": \"c\", \"rating\": \"thumbsDown\"}]");
    CliRun run = importing(feedback);
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(
        run.err().contains(feedback + ": nothing to import: ChatGPT message_feedback.json"),
        run::toString);
    assertStoreEmpty();
  }

  @Test
  void a_fifty_megabyte_message_is_skipped_with_the_limit_named() throws IOException {
    Path huge = dir.resolve("huge.md");
    try (java.io.BufferedWriter out = Files.newBufferedWriter(huge)) {
      out.write(">[!nexus_user] **User** - 26.07.2025 at 10:07\n");
      String line = "> " + "смысл ".repeat(100) + "\n";
      for (long written = 0; written < 50_000_000; written += line.length()) {
        out.write(line);
      }
      out.write(
          "<!-- UID: 1 -->\n\n>[!nexus_agent] **Assistant** - 26.07.2025 at 10:08\n> ok\n<!-- UID: 2 -->\n");
    }
    CliRun run = importing(huge);
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(
        run.err().contains(huge + ": conversation huge: turn 0 is ")
            && run.err().contains("over the 16.0 MB limit (--max-turn-size)"),
        run::toString);
    assertEquals(1, problemLines(run), run::toString);
    assertStoreEmpty();
  }

  @Test
  void an_unknown_format_name_is_rejected_with_the_known_ones() throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.txt"), "User: hi\nAssistant: hello\n");
    CliRun run =
        CliRun.of(
            "import", "--data", kb().toString(), "--format", "no-such-format", notes.toString());
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.err().contains("unknown format 'no-such-format'"), run::toString);
  }

  @Test
  void a_knowledge_base_held_by_another_process_names_that_process() throws Exception {
    Path ready = dir.resolve("ready");
    Process holder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                HoldKnowledgeBase.class.getName(),
                kb().resolve("tdb2").toString(),
                ready.toString())
            .redirectErrorStream(true)
            .start();
    try {
      for (int i = 0; i < 300 && !Files.exists(ready); i++) {
        Thread.sleep(100);
      }
      assertTrue(Files.exists(ready), "the holder process did not open the store");
      CliRun run = CliRun.of("stats", "--data", kb().toString());
      assertEquals(1, run.exitCode(), run::toString);
      assertTrue(
          run.err().contains("in use by another Noema process (PID " + holder.pid() + ")"),
          run::toString);
      assertEquals(1, run.err().lines().count(), run::toString);
    } finally {
      holder.destroyForcibly().waitFor();
    }
  }

  /** Opens a store and keeps it open until killed: another process holding the knowledge base. */
  public static final class HoldKnowledgeBase {
    public static void main(String[] args) throws Exception {
      Tdb2GraphStore store = Tdb2GraphStore.open(Path.of(args[0]));
      store.stats();
      Files.writeString(Path.of(args[1]), "ready");
      Thread.sleep(120_000);
    }
  }
}
