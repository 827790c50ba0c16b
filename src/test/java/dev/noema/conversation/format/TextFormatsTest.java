package dev.noema.conversation.format;

import static dev.noema.conversation.format.CollectingSink.fixture;
import static dev.noema.conversation.format.CollectingSink.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.conversation.Conversation;
import dev.noema.conversation.ImportProblem;
import dev.noema.conversation.ReadOptions;
import dev.noema.conversation.Role;
import dev.noema.conversation.Turn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenAI JSONL and plain transcripts. */
class TextFormatsTest {
  @TempDir Path dir;

  @Test
  void jsonl_rejects_a_broken_line_by_number_and_imports_the_others() {
    Path file = fixture("openai-messages.jsonl");
    CollectingSink sink = read(new OpenAiJsonlFormat(), file, ReadOptions.defaults());

    assertEquals(
        List.of("openai-messages.jsonl#1", "openai-messages.jsonl#3"),
        sink.accepted.stream().map(Conversation::id).toList());
    assertEquals(1, sink.rejected.size());
    ImportProblem problem = sink.rejected.get(0);
    assertEquals(file.toString(), problem.source());
    assertEquals("line 2", problem.location());
    assertTrue(problem.reason().startsWith("malformed JSON at column "), problem.reason());
  }

  @Test
  void jsonl_keeps_user_and_assistant_and_text_parts() {
    CollectingSink sink =
        read(new OpenAiJsonlFormat(), fixture("openai-messages.jsonl"), ReadOptions.defaults());

    Conversation first = sink.accepted.get(0);
    assertEquals(
        List.of(Role.USER, Role.ASSISTANT), first.turns().stream().map(Turn::role).toList());
    assertEquals(List.of("User", "Assistant"), first.turns().stream().map(Turn::speaker).toList());
    assertEquals("4", first.turns().get(1).text());
    Conversation third = sink.accepted.get(1);
    assertEquals(
        List.of("Part one.\n\nPart two.", "Done."),
        third.turns().stream().map(Turn::text).toList());
  }

  @Test
  void jsonl_keeps_system_and_tool_messages_when_asked() {
    CollectingSink sink =
        read(
            new OpenAiJsonlFormat(), fixture("openai-messages.jsonl"), CollectingSink.everything());

    assertEquals(
        List.of(Role.SYSTEM, Role.USER, Role.ASSISTANT),
        sink.accepted.get(0).turns().stream().map(Turn::role).toList());
    assertEquals(
        List.of(Role.USER, Role.TOOL, Role.TOOL, Role.ASSISTANT),
        sink.accepted.get(1).turns().stream().map(Turn::role).toList());
  }

  @Test
  void jsonl_names_the_line_and_byte_of_invalid_utf8() throws IOException {
    Path file = dir.resolve("train.jsonl");
    byte[] good = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n".getBytes();
    byte[] bad = "{\"messages\":[{\"role\":\"user\",\"content\":\"\u0000\"}]}\n".getBytes();
    bad[bad.length - 6] = (byte) 0xC3;
    Files.write(file, concat(good, bad, good));

    CollectingSink sink = read(new OpenAiJsonlFormat(), file, ReadOptions.defaults());

    assertEquals(
        List.of("train.jsonl#1", "train.jsonl#3"),
        sink.accepted.stream().map(Conversation::id).toList());
    assertEquals("line 2", sink.rejected.get(0).location());
    assertTrue(
        sink.rejected.get(0).reason().startsWith("invalid UTF-8 at column"),
        sink.rejected.get(0).reason());
  }

  @Test
  void transcript_reads_markdown_headings_and_multi_line_turns() {
    CollectingSink sink =
        read(new PlainTranscriptFormat(), fixture("transcript-chatgpt.md"), ReadOptions.defaults());

    Conversation c = sink.accepted.get(0);
    assertEquals("transcript-chatgpt.md", c.id());
    assertEquals("Feedback loops", c.title());
    assertEquals("chatgpt", c.provider());
    assertEquals(List.of("You", "ChatGPT", "You"), c.turns().stream().map(Turn::speaker).toList());
    assertEquals(
        List.of(Role.USER, Role.ASSISTANT, Role.USER), c.turns().stream().map(Turn::role).toList());
    assertEquals(
        "A loop where output feeds back as input.\n\nFor example:\n```\nUser: this line is inside code\n```",
        c.turns().get(1).text());
  }

  @Test
  void transcript_reads_speaker_lines_with_text_on_the_same_line() {
    Conversation c =
        read(new PlainTranscriptFormat(), fixture("transcript-plain.txt"), ReadOptions.defaults())
            .accepted
            .get(0);

    assertEquals(
        List.of(
            "Hello Claude.\nSecond line of the question.",
            "Hello! How can I help?",
            "Nothing, thanks."),
        c.turns().stream().map(Turn::text).toList());
    assertEquals(
        List.of("Human", "Claude", "Human"), c.turns().stream().map(Turn::speaker).toList());
  }

  @Test
  void transcript_names_the_byte_and_line_of_invalid_utf8() throws IOException {
    Path file = dir.resolve("chat.txt");
    Files.write(
        file,
        concat("User: hi\nAssistant: h".getBytes(), new byte[] {(byte) 0xff}, "llo\n".getBytes()));

    CollectingSink sink = read(new PlainTranscriptFormat(), file, ReadOptions.defaults());

    assertEquals(
        List.of(new ImportProblem(file.toString(), "line 2", "invalid UTF-8 at byte offset 21")),
        sink.rejected);
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
