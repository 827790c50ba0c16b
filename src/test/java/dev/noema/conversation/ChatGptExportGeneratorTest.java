package dev.noema.conversation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.conversation.format.ChatGptExportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatGptExportGeneratorTest {
  private static final ChatGptExportGenerator.Settings SMALL =
      new ChatGptExportGenerator.Settings(40, 9, 12, 0.3, 0.25, 42L);

  @TempDir Path dir;

  @Test
  void a_generated_export_reads_back_with_the_generated_counts() throws IOException {
    Path file = dir.resolve("conversations.json");
    ChatGptExportGenerator.Totals totals = new ChatGptExportGenerator(SMALL).writeTo(file);
    assertTrue(
        totals.alternatives() > 0 && totals.imageParts() > 0,
        "the settings exercise branches and images");

    List<Conversation> read = new ArrayList<>();
    List<ImportProblem> problems = new ArrayList<>();
    new ChatGptExportFormat()
        .read(
            LogSource.of(file),
            new ReadOptions(true, false, false, false, false, false),
            new ConversationSink() {
              @Override
              public void accept(Conversation conversation) {
                read.add(conversation);
              }

              @Override
              public void reject(ImportProblem problem) {
                problems.add(problem);
              }
            });

    assertEquals(List.of(), problems);
    assertEquals(totals.conversations(), read.size());
    assertEquals(
        totals.activeTurns(), read.stream().mapToLong(Conversation::activeTurnCount).sum());
    assertEquals(
        totals.alternatives(),
        read.stream()
            .flatMap(c -> c.turns().stream())
            .filter(t -> t.alternativeOf() != null)
            .count());
    assertEquals(
        totals.imageParts(),
        read.stream()
            .flatMap(c -> c.turns().stream())
            .mapToLong(t -> t.attachments().size())
            .sum());
    assertEquals(totals.bytes(), Files.size(file));
  }

  @Test
  void the_same_seed_writes_the_same_bytes() throws IOException {
    Path first = dir.resolve("a.json");
    Path second = dir.resolve("b.json");
    new ChatGptExportGenerator(SMALL).writeTo(first);
    new ChatGptExportGenerator(SMALL).writeTo(second);

    assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
  }
}
