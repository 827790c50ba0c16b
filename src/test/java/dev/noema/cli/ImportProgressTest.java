package dev.noema.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import org.junit.jupiter.api.Test;

class ImportProgressTest {
  private final long[] now = {0};

  private ImportProgress progress(List<String> drawn) {
    return new ImportProgress(
        true, new DelegatingProgressBarConsumer(drawn::add, 200), () -> now[0]);
  }

  @Test
  void fraction_is_the_share_of_the_file_read() {
    ImportProgress progress = progress(new ArrayList<>());
    assertEquals(OptionalDouble.empty(), progress.fraction());
    progress.fileStarted("/x/conversations.json", "chatgpt-json", 8_000_000);
    progress.bytesRead("/x/conversations.json", 2_000_000);
    assertEquals(OptionalDouble.of(0.25), progress.fraction());
    progress.bytesRead("/x/conversations.json", 8_000_000);
    assertEquals(OptionalDouble.of(1.0), progress.fraction());
    progress.close();
  }

  @Test
  void fraction_is_unknown_for_a_file_of_unknown_size() {
    ImportProgress progress = progress(new ArrayList<>());
    progress.fileStarted("/x/export.zip!conversations.json", "chatgpt-json", -1);
    progress.bytesRead("/x/export.zip!conversations.json", 5_000);
    assertEquals(OptionalDouble.empty(), progress.fraction());
  }

  @Test
  void status_counts_conversations_and_turns_over_all_files_with_the_turn_rate() {
    ImportProgress progress = progress(new ArrayList<>());
    progress.fileStarted("a.json", "chatgpt-json", 100);
    progress.conversationDone("a.json", 30);
    progress.fileStarted("b.md", "nexus-markdown", 100);
    progress.conversationDone("b.md", 10);
    now[0] = 2_000_000_000L;
    assertEquals("2 conv, 40 turns, 20 turns/s", progress.status());
  }

  @Test
  void a_big_file_draws_a_bar_with_percentage_and_counts() {
    List<String> drawn = new ArrayList<>();
    ImportProgress progress = progress(drawn);
    progress.fileStarted("/x/conversations.json", "chatgpt-json", 4_000_000);
    progress.bytesRead("/x/conversations.json", 1_000_000);
    now[0] = 1_000_000_000L;
    progress.conversationDone("/x/conversations.json", 12);
    progress.close();
    String last = drawn.get(drawn.size() - 1);
    assertTrue(
        last.contains("conversations.json")
            && last.contains("25%")
            && last.contains("1/4 MB")
            && last.contains("1 conv, 12 turns, 12 turns/s"),
        last);
  }

  @Test
  void a_small_file_draws_no_bar_but_counts() {
    List<String> drawn = new ArrayList<>();
    ImportProgress progress = progress(drawn);
    progress.fileStarted("note.md", "nexus-markdown", ImportProgress.MIN_BAR_BYTES - 1);
    progress.conversationDone("note.md", 4);
    progress.close();
    assertEquals(List.of(), drawn);
    assertTrue(progress.status().startsWith("1 conv, 4 turns"), progress.status());
  }
}
