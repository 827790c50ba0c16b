package dev.noema.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolveCommandTest {
  @TempDir Path dir;

  @Test
  void list_counts_merges_and_suspected_duplicates_and_review_decides_them() throws Exception {
    Path logs = dir.resolve("logs");
    Files.createDirectories(logs);
    Files.writeString(logs.resolve("a.txt"), "User: **Кирилл**?\nAssistant: **Кирилл** прав.\n");
    Files.writeString(
        logs.resolve("b.txt"), "User: **Kirill**?\nAssistant: **Kirill** is right.\n");
    Files.writeString(logs.resolve("c.txt"), "User: **Дэвид Чалмерс**?\nAssistant: Да.\n");
    Files.writeString(logs.resolve("d.txt"), "User: **David Chalmers**?\nAssistant: Yes.\n");
    String data = "--data=" + dir.resolve("kb");
    assertEquals(0, CliRun.of("import", data, "--no-progress", logs.toString()).exitCode());

    CliRun list = CliRun.of("resolve", data, "--list");

    assertEquals(0, list.exitCode(), list.toString());
    assertTrue(
        list.out().contains("1 merges; 1 pair(s) still suspected to be duplicates"), list.out());
    assertTrue(list.out().contains("transliteration  0.95"), list.out());
    CliRun review = CliRun.of("resolve", data, "--review");
    Matcher id = Pattern.compile("(?m)^([0-9a-f]{10})  David Chalmers").matcher(review.out());
    assertTrue(id.find(), review.toString());

    CliRun rejected = CliRun.of("resolve", data, "--reject", id.group(1));

    assertEquals(0, rejected.exitCode(), rejected.toString());
    assertTrue(CliRun.of("resolve", data).out().contains("0 pair(s) still suspected"));
  }

  @Test
  void an_unknown_decision_is_one_line_and_exit_1() throws Exception {
    Path logs = dir.resolve("a.txt");
    Files.writeString(logs, "User: **Кирилл**?\nAssistant: **Кирилл** прав.\n");
    String data = "--data=" + dir.resolve("kb");
    CliRun.of("import", data, "--no-progress", logs.toString());

    CliRun run = CliRun.of("resolve", data, "--accept", "abcdef");

    assertEquals(1, run.exitCode());
    assertEquals(
        "noema: no pending pair 'abcdef' (noema resolve --review lists them)\n", run.err());
  }
}
