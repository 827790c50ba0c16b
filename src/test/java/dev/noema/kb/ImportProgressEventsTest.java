package dev.noema.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.conversation.ChatGptExportGenerator;
import dev.noema.conversation.ReadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listener learns how far into each file reading has got, so that a progress bar can show the
 * time left.
 */
class ImportProgressEventsTest {
  private static final int CONVERSATIONS = 120;

  @TempDir Path dir;

  /** What a listener heard: "size N" at a file's start, "bytes N" and "done" per conversation. */
  private List<String> heard(Path input) {
    List<String> events = new ArrayList<>();
    try (KnowledgeBase kb = KnowledgeBase.open(KnowledgeBaseConfig.folder(dir.resolve("kb")))) {
      ImportReport report =
          kb.importLogs(
              new ImportRequest(
                  List.of(input),
                  null,
                  ReadOptions.defaults(),
                  false,
                  false,
                  ImportRequest.DEFAULT_MAX_TURN_CHARS),
              new ImportListener() {
                @Override
                public void fileStarted(String source, String format, long bytes) {
                  events.add("size " + bytes);
                }

                @Override
                public void bytesRead(String source, long bytesRead) {
                  events.add("bytes " + bytesRead);
                }

                @Override
                public void conversationDone(String source, int turns) {
                  events.add("done");
                }
              });
      assertEquals(CONVERSATIONS, report.imported(), report::toString);
    }
    return events;
  }

  private Path export() throws IOException {
    Path file = dir.resolve("conversations.json");
    new ChatGptExportGenerator(
            new ChatGptExportGenerator.Settings(CONVERSATIONS, 4, 20, 0.2, 0.2, 3L))
        .writeTo(file);
    return file;
  }

  private static void assertBytesClimbToTheSize(List<String> events, long size) {
    assertEquals("size " + size, events.get(0));
    assertEquals(1 + 2 * CONVERSATIONS, events.size());
    long previous = 0;
    for (int i = 1; i < events.size(); i += 2) {
      assertTrue(
          events.get(i).startsWith("bytes "), "bytes before each conversation: " + events.get(i));
      assertEquals("done", events.get(i + 1));
      long bytes = Long.parseLong(events.get(i).substring("bytes ".length()));
      assertTrue(
          bytes >= previous && bytes <= size,
          "bytes read climbs within the file: " + previous + ", " + bytes);
      previous = bytes;
    }
    assertTrue(
        Long.parseLong(events.get(1).substring(6)) < size,
        "the first conversation is not at the end");
    assertEquals(size, previous, "the last conversation is read with the end of the file");
  }

  @Test
  void bytes_read_climbs_to_the_file_size() throws IOException {
    Path file = export();
    assertBytesClimbToTheSize(heard(file), Files.size(file));
  }

  @Test
  void bytes_read_of_a_zip_entry_climbs_to_its_inflated_size() throws IOException {
    Path file = export();
    Path zip = dir.resolve("export.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("conversations.json"));
      Files.copy(file, out);
      out.closeEntry();
    }
    assertBytesClimbToTheSize(heard(zip), Files.size(file));
  }
}
