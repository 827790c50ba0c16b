package dev.noema.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.conversation.format.ChatGptExportFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSourcesTest {
  private final LogSources sources = LogSources.withDefaultLimits();

  @TempDir Path dir;

  @Test
  void a_plain_file_is_one_source() throws IOException {
    Path file = write("chat.txt", "User: hi\nAssistant: hello\n");

    try (LogSources.Expansion expansion = sources.expand(file)) {
      assertEquals(List.of(file.toString()), names(expansion));
      assertEquals(List.of(), expansion.problems());
    }
  }

  @Test
  void a_missing_path_is_a_problem_not_an_exception() throws IOException {
    Path missing = dir.resolve("nope.json");

    try (LogSources.Expansion expansion = sources.expand(missing)) {
      assertEquals(
          List.of(new ImportProblem(missing.toString(), null, "no such file or folder")),
          expansion.problems());
    }
  }

  @Test
  void a_folder_without_logs_is_a_problem() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("empty"));
    Files.writeString(folder.resolve(".hidden.json"), "[]");
    Files.write(folder.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});

    try (LogSources.Expansion expansion = sources.expand(folder)) {
      assertEquals(List.of(), expansion.sources());
      assertEquals(
          List.of(new ImportProblem(folder.toString(), null, "folder contains no files to import")),
          expansion.problems());
    }
  }

  @Test
  void walks_a_vault_in_sorted_order_skipping_hidden_binary_and_nexus_side_notes()
      throws IOException {
    write(
        "vault/Nexus/Conversations/chatgpt/2024/01/b.md",
        "---\nnexus: nexus-ai-chat-importer\n---\n> [!nexus_user]");
    write(
        "vault/Nexus/Conversations/chatgpt/2024/01/a.md",
        "---\nnexus: nexus-ai-chat-importer\n---\n> [!nexus_user]");
    write("vault/Nexus/Reports/chatgpt/2024 - import summary.md", "# Import Summary\n");
    write("vault/Nexus/Attachments/claude/artifacts/chat/script_v1.md", "print(1)\n");
    write("vault/.obsidian/plugins/data.json", "{}");
    write(
        "vault/notes/artifact.md",
        "---\nnexus: nexus-ai-chat-importer\nartifact_id: a1\nversion_number: 2\n---\ncode");
    write(
        "vault/notes/old-report.md",
        "---\nimportdate: 08/29/2025\ntotalSuccessfulImports: 37\n---\n# Report");
    write("vault/notes/plain-report.md", "# Nexus AI Chat Importer Report\n\n## Summary\n");
    write("vault/notes/Transcript.md", "User: hi\nAssistant: hello\n");
    Files.write(
        dir.resolve("vault/notes/photo.jpg"),
        new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 16});

    try (LogSources.Expansion expansion = sources.expand(dir.resolve("vault"))) {
      assertEquals(
          List.of(
              "vault/Nexus/Conversations/chatgpt/2024/01/a.md",
              "vault/Nexus/Conversations/chatgpt/2024/01/b.md",
              "vault/notes/Transcript.md"),
          relative(expansion));
      assertEquals(List.of(), expansion.problems());
    }
  }

  @Test
  void reads_zip_entries_in_place_detected_by_magic_bytes() throws IOException {
    Path zip = dir.resolve("export.bin");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      entry(out, "b.json", "[1]".getBytes(StandardCharsets.UTF_8));
      entry(out, "a/c.json", "[2]".getBytes(StandardCharsets.UTF_8));
      entry(out, "__MACOSX/._b.json", "x".getBytes(StandardCharsets.UTF_8));
      entry(out, "a/.DS_Store", "x".getBytes(StandardCharsets.UTF_8));
      entry(out, "file-abc.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
    }

    try (LogSources.Expansion expansion = sources.expand(zip)) {
      assertEquals(List.of(zip + "!a/c.json", zip + "!b.json"), names(expansion));
      try (InputStream in = expansion.sources().get(1).open()) {
        assertEquals("[1]", new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      assertEquals(List.of(), expansion.problems());
    }
  }

  @Test
  void refuses_zip_entries_that_traverse_paths() throws IOException {
    Path zip = dir.resolve("evil.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      entry(out, "../../etc/evil.json", "[]".getBytes(StandardCharsets.UTF_8));
      entry(out, "/abs.json", "[]".getBytes(StandardCharsets.UTF_8));
      entry(out, "ok.json", "[]".getBytes(StandardCharsets.UTF_8));
    }

    try (LogSources.Expansion expansion = sources.expand(zip)) {
      assertEquals(List.of(zip + "!ok.json"), names(expansion));
      String reason = "unsafe entry name (absolute or with \"..\", a path traversal); skipped";
      assertEquals(
          List.of(
              new ImportProblem(zip + "!../../etc/evil.json", null, reason),
              new ImportProblem(zip + "!/abs.json", null, reason)),
          expansion.problems());
    }
  }

  @Test
  void stops_an_entry_that_inflates_like_a_zip_bomb() throws IOException {
    Path zip = dir.resolve("bomb.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("conversations.json"));
      byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 20; i++) {
        out.write(spaces);
      }
      out.closeEntry();
    }
    assertTrue(Files.size(zip) < 100_000, "the bomb is small on disk");

    try (LogSources.Expansion expansion = sources.expand(zip)) {
      LogSource bomb = expansion.sources().get(0);
      IOException e = assertThrows(IOException.class, () -> readAll(bomb));
      assertEquals(
          zip
              + "!conversations.json: entry inflates to more than 100 times its compressed size (zip-bomb guard);"
              + " not read further",
          e.getMessage());
    }
  }

  @Test
  void stops_an_archive_past_its_total_inflated_size() throws IOException {
    Path zip = dir.resolve("big.zip");
    Random random = new Random(7);
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (String name : List.of("a.jsonl", "b.jsonl")) {
        StringBuilder text = new StringBuilder();
        while (text.length() < 600_000) {
          text.append((char) ('a' + random.nextInt(26)));
        }
        entry(out, name, text.toString().getBytes(StandardCharsets.US_ASCII));
      }
    }

    try (LogSources.Expansion expansion = new LogSources(1 << 20, 100).expand(zip)) {
      readAll(expansion.sources().get(0));
      IOException e = assertThrows(IOException.class, () -> readAll(expansion.sources().get(1)));
      assertEquals(
          zip
              + "!b.jsonl: archive inflates to more than 1048576 bytes in total (zip-bomb guard); not read further",
          e.getMessage());
    }
  }

  @Test
  void expands_archives_inside_folders_but_not_inside_archives() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("exports"));
    Path inner = dir.resolve("inner.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(inner))) {
      entry(out, "x.json", "[]".getBytes(StandardCharsets.UTF_8));
    }
    Path outer = folder.resolve("outer.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(outer))) {
      entry(out, "conversations.json", Files.readAllBytes(fixture("chatgpt-conversations.json")));
      entry(out, "nested.zip", Files.readAllBytes(inner));
    }

    try (LogSources.Expansion expansion = sources.expand(folder)) {
      assertEquals(List.of(outer + "!conversations.json"), names(expansion));
      assertEquals(
          List.of(
              new ImportProblem(
                  outer + "!nested.zip",
                  null,
                  "archive inside an archive is not read; unpack it first")),
          expansion.problems());
      List<Conversation> read = new ArrayList<>();
      new ChatGptExportFormat()
          .read(
              expansion.sources().get(0),
              ReadOptions.defaults(),
              new ConversationSink() {
                @Override
                public void accept(Conversation conversation) {
                  read.add(conversation);
                }

                @Override
                public void reject(ImportProblem problem) {
                  throw new AssertionError(problem.toString());
                }
              });
      assertEquals(2, read.size());
      assertEquals(outer + "!conversations.json", read.get(0).source());
    }
  }

  private Path write(String relative, String content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  private static void entry(ZipOutputStream out, String name, byte[] content) throws IOException {
    out.putNextEntry(new ZipEntry(name));
    out.write(content);
    out.closeEntry();
  }

  private static void readAll(LogSource source) throws IOException {
    try (InputStream in = source.open()) {
      in.transferTo(OutputStream.nullOutputStream());
    }
  }

  private static List<String> names(LogSources.Expansion expansion) {
    return expansion.sources().stream().map(LogSource::name).toList();
  }

  private List<String> relative(LogSources.Expansion expansion) {
    return expansion.sources().stream()
        .map(s -> dir.relativize(Path.of(s.name())).toString())
        .toList();
  }

  private static Path fixture(String name) {
    try {
      return Path.of(LogSourcesTest.class.getResource("/formats/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
