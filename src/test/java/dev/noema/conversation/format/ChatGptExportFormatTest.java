package dev.noema.conversation.format;

import static dev.noema.conversation.format.CollectingSink.fixture;
import static dev.noema.conversation.format.CollectingSink.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.conversation.Attachment;
import dev.noema.conversation.Conversation;
import dev.noema.conversation.ConversationSink;
import dev.noema.conversation.ImportProblem;
import dev.noema.conversation.LogSource;
import dev.noema.conversation.ReadOptions;
import dev.noema.conversation.Role;
import dev.noema.conversation.StrictModeAbort;
import dev.noema.conversation.Turn;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatGptExportFormatTest {
  private final ChatGptExportFormat format = new ChatGptExportFormat();

  @TempDir Path dir;

  @Test
  void reads_the_active_branch_in_tree_order_not_time_order() {
    CollectingSink sink =
        read(format, fixture("chatgpt-conversations.json"), ReadOptions.defaults());

    assertEquals(List.of(), sink.rejected);
    assertEquals(2, sink.accepted.size());
    Conversation c = sink.accepted.get(0);
    assertEquals("conv-branching", c.id());
    assertEquals("Inverse modelling", c.title());
    assertEquals("chatgpt", c.provider());
    assertEquals("chatgpt-json", c.format());
    assertEquals(Instant.ofEpochSecond(1700000000), c.created());
    assertEquals(Instant.ofEpochSecond(1700000200), c.updated());
    assertEquals(List.of("u1", "a1", "u2", "a2"), c.turns().stream().map(Turn::messageId).toList());
    assertEquals(List.of(0, 1, 2, 3), c.turns().stream().map(Turn::index).toList());
    assertEquals(
        List.of(Role.USER, Role.ASSISTANT, Role.USER, Role.ASSISTANT),
        c.turns().stream().map(Turn::role).toList());
    assertEquals(
        List.of("User", "ChatGPT", "User", "ChatGPT"),
        c.turns().stream().map(Turn::speaker).toList());
  }

  @Test
  void records_times_models_and_strips_citation_markers() {
    Conversation c =
        read(format, fixture("chatgpt-conversations.json"), ReadOptions.defaults()).accepted.get(0);

    Turn question = c.turns().get(0);
    assertEquals("What is inverse modelling?", question.text());
    assertEquals(Instant.ofEpochSecond(1700000010, 500_000_000), question.time());
    assertNull(question.model());
    Turn answer = c.turns().get(1);
    assertEquals("Inverse modelling infers causes from effects.", answer.text());
    assertEquals("gpt-4o", answer.model());
    assertEquals(Instant.ofEpochSecond(1699999999, 250_000_000), answer.time());
  }

  @Test
  void keeps_multimodal_text_parts_and_records_asset_pointers_as_attachments() {
    Turn image =
        read(format, fixture("chatgpt-conversations.json"), ReadOptions.defaults())
            .accepted
            .get(0)
            .turns()
            .get(2);

    assertEquals("Look at this diagram.\n\nand tell me what you see", image.text());
    assertEquals(
        List.of(
            new Attachment("file-service://file-abc", null, null),
            new Attachment("sediment://file-voice", "audio/wav", null),
            new Attachment("diagram.png", "image/png", null)),
        image.attachments());
  }

  @Test
  void keeps_alternative_branches_beside_the_active_turn_they_stand_for() {
    Conversation c =
        read(
                format,
                fixture("chatgpt-conversations.json"),
                new ReadOptions(true, false, false, false, false, false))
            .accepted
            .get(0);

    assertEquals(4, c.activeTurnCount());
    List<Turn> alternatives = c.turns().subList(4, c.turns().size());
    // a1old is a sibling of the (skipped) thoughts node: it stands beside the first visible answer
    // after it.
    assertEquals(
        List.of("a1old", "u2edit", "a2edit"), alternatives.stream().map(Turn::messageId).toList());
    assertEquals(
        List.of("a1", "u2", "u2"), alternatives.stream().map(Turn::alternativeOf).toList());
    assertEquals(List.of(1, 2, 2), alternatives.stream().map(Turn::index).toList());
    assertEquals("gpt-4", alternatives.get(0).model());
  }

  @Test
  void includes_system_context_thinking_and_tools_only_when_asked() {
    Conversation c =
        read(
                format,
                fixture("chatgpt-conversations.json"),
                new ReadOptions(false, true, true, true, true, false))
            .accepted
            .get(0);

    assertEquals(
        List.of("sys", "ctx", "u1", "th", "recap", "call", "out", "a1", "u2", "a2"),
        c.turns().stream().map(Turn::messageId).toList());
    Turn system = c.turns().get(0);
    assertEquals(Role.SYSTEM, system.role());
    assertEquals("You are ChatGPT.", system.text());
    assertEquals("I am Kirill.\n\nAnswer briefly.", c.turns().get(1).text());
    assertEquals("Recall\nIt inverts a forward model.", c.turns().get(3).text());
    assertEquals("Thought for 4 seconds", c.turns().get(4).text());
    Turn call = c.turns().get(5);
    assertEquals(Role.TOOL, call.role());
    assertEquals("print(1+1)", call.text());
    Turn output = c.turns().get(6);
    assertEquals(Role.TOOL, output.role());
    assertEquals("python", output.speaker());
    assertEquals("2", output.text());
  }

  @Test
  void reads_tether_quotes_and_conversation_id_from_id() {
    Conversation c =
        read(format, fixture("chatgpt-conversations.json"), ReadOptions.defaults()).accepted.get(1);

    assertEquals("conv-short", c.id());
    assertEquals("Example\nhttps://example.org\nQuoted text", c.turns().get(1).text());
    assertEquals("gpt-4o-mini", c.turns().get(1).model());
  }

  @Test
  void reads_the_conversations_wrapper_object_and_split_files() {
    assertEquals(
        List.of("conv-short"),
        ids(read(format, fixture("chatgpt-wrapped.json"), ReadOptions.defaults()).accepted));
    assertEquals(
        List.of("split-1"),
        ids(
            read(format, fixture("chatgpt-conversations-000.json"), ReadOptions.defaults())
                .accepted));
    assertEquals(
        List.of("split-2"),
        ids(
            read(format, fixture("chatgpt-conversations-001.json"), ReadOptions.defaults())
                .accepted));
  }

  @Test
  void rejects_bad_conversations_and_imports_the_others() {
    Path file = fixture("chatgpt-bad-conversations.json");
    CollectingSink sink = read(format, file, ReadOptions.defaults());

    assertEquals(List.of("c1", "c5", "c6"), ids(sink.accepted));
    assertEquals(
        List.of(
            new ImportProblem(
                file.toString(), "conversation 2 of 6 (id c2)", "no \"mapping\" of messages"),
            new ImportProblem(
                file.toString(),
                "conversation 3 of 6 (id c3)",
                "current_node \"ghost\" is not a message of the conversation"),
            new ImportProblem(
                file.toString(),
                "conversation 4 of 6 (id c4)",
                "the parent links form a cycle through message \"a\"")),
        sink.rejected);
    // Null messages are skipped, the rest of that conversation kept.
    assertEquals(List.of("a"), sink.accepted.get(1).turns().stream().map(Turn::messageId).toList());
  }

  @Test
  void malformed_json_stops_the_file_after_delivering_what_came_before() throws IOException {
    Path file = dir.resolve("conversations.json");
    String good = Files.readString(fixture("chatgpt-conversations-000.json"));
    good = good.substring(1, good.length() - 1);
    Files.writeString(
        file, "[" + good + ",\n" + good + ",\n{\"title\": \"x\", \"mapping\": {,}}, " + good + "]");

    CollectingSink sink = read(format, file, ReadOptions.defaults());

    assertEquals(2, sink.accepted.size());
    assertEquals(1, sink.rejected.size());
    ImportProblem problem = sink.rejected.get(0);
    assertEquals("conversation 3 of 4", problem.location());
    assertTrue(problem.reason().startsWith("malformed JSON at line 3, column "), problem.reason());
    assertTrue(problem.reason().endsWith("the rest of the file was not read"), problem.reason());
  }

  @Test
  void invalid_utf8_is_one_line_naming_the_byte_offset() throws IOException {
    Path file = dir.resolve("conversations.json");
    String good = Files.readString(fixture("chatgpt-conversations-000.json"));
    good = good.substring(1, good.length() - 1);
    byte[] head = ("[" + good + ",{\"title\": \"").getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(head);
      out.write(new byte[] {(byte) 0xff, (byte) 0xfe});
      out.write("\"}]".getBytes(StandardCharsets.UTF_8));
    }

    CollectingSink sink = read(format, file, ReadOptions.defaults());

    assertEquals(1, sink.accepted.size());
    ImportProblem problem = sink.rejected.get(0);
    assertEquals("conversation 2 of 2", problem.location());
    assertTrue(problem.reason().startsWith("invalid UTF-8 at line 1, column "), problem.reason());
    assertTrue(problem.reason().contains("(byte offset " + head.length + ")"), problem.reason());
    assertEquals(1, problem.toString().lines().count());
  }

  @Test
  void deep_nesting_is_a_one_line_problem_and_reading_goes_on() throws IOException {
    Path file = dir.resolve("conversations.json");
    String good = Files.readString(fixture("chatgpt-conversations-000.json"));
    good = good.substring(1, good.length() - 1);
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(
          ("["
                  + good
                  + ",{\"conversation_id\": \"deep\", \"mapping\": {\"x\": {\"message\": {\"content\": ")
              .getBytes(StandardCharsets.UTF_8));
      out.write("[".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
      out.write("]".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
      out.write(("}}}}," + good + "]").getBytes(StandardCharsets.UTF_8));
    }

    CollectingSink sink = read(format, file, ReadOptions.defaults());

    assertEquals(
        2, sink.accepted.size(), "the conversations before and after the deep one are read");
    assertEquals(1, sink.rejected.size());
    ImportProblem problem = sink.rejected.get(0);
    assertEquals("conversation 2 of 3", problem.location());
    assertTrue(
        problem.reason().startsWith("JSON nested deeper than 1000 levels at line 1, column "),
        problem.reason());
  }

  @Test
  void imports_a_50_megabyte_message() throws IOException {
    Path file = dir.resolve("conversations.json");
    int size = 50 * 1024 * 1024;
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(
          ("[{\"conversation_id\": \"big\", \"current_node\": \"a\", \"mapping\": {"
                  + "\"a\": {\"id\": \"a\", \"parent\": null, \"children\": [], \"message\": {\"author\": {\"role\": \"user\"},"
                  + " \"content\": {\"content_type\": \"text\", \"parts\": [\"")
              .getBytes(StandardCharsets.UTF_8));
      byte[] chunk = "abcdefgh".repeat(1024).getBytes(StandardCharsets.US_ASCII);
      for (int written = 0; written < size; written += chunk.length) {
        out.write(chunk);
      }
      out.write("\"]}}}}}]".getBytes(StandardCharsets.UTF_8));
    }

    CollectingSink sink = read(format, file, ReadOptions.defaults());

    assertEquals(List.of(), sink.rejected);
    assertEquals(size, sink.accepted.get(0).turns().get(0).text().length());
  }

  @Test
  void strict_mode_abort_propagates() {
    ConversationSink strict =
        new ConversationSink() {
          @Override
          public void accept(Conversation conversation) {}

          @Override
          public void reject(ImportProblem problem) {
            throw new StrictModeAbort(problem);
          }
        };

    StrictModeAbort abort =
        assertThrows(
            StrictModeAbort.class,
            () ->
                format.read(
                    LogSource.of(fixture("chatgpt-bad-conversations.json")),
                    ReadOptions.defaults(),
                    strict));
    assertEquals("conversation 2 of 6 (id c2)", abort.problem().location());
  }

  private static List<String> ids(List<Conversation> conversations) {
    return conversations.stream().map(Conversation::id).toList();
  }
}
