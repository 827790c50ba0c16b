package dev.noema.conversation.format;

import static dev.noema.conversation.format.CollectingSink.fixture;
import static dev.noema.conversation.format.CollectingSink.read;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.noema.conversation.Attachment;
import dev.noema.conversation.Conversation;
import dev.noema.conversation.ReadOptions;
import dev.noema.conversation.Role;
import dev.noema.conversation.Turn;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaudeExportFormatTest {
  private final ClaudeExportFormat format = new ClaudeExportFormat();

  @Test
  void reads_the_older_text_shape_in_created_at_order() {
    CollectingSink sink =
        read(format, fixture("claude-conversations.json"), ReadOptions.defaults());

    assertEquals(List.of(), sink.rejected);
    Conversation c = sink.accepted.get(0);
    assertEquals("claude-old", c.id());
    assertEquals("Old shape", c.title());
    assertEquals("claude", c.provider());
    assertEquals(Instant.parse("2024-03-01T10:00:00Z"), c.created());
    assertEquals(Instant.parse("2024-03-01T10:05:00Z"), c.updated());
    // m3 and m4 share a time: file order decides between them.
    assertEquals(List.of("m1", "m2", "m3", "m4"), c.turns().stream().map(Turn::messageId).toList());
    assertEquals(
        List.of(Role.USER, Role.ASSISTANT, Role.USER, Role.ASSISTANT),
        c.turns().stream().map(Turn::role).toList());
    assertEquals(
        List.of("Human", "Claude", "Human", "Claude"),
        c.turns().stream().map(Turn::speaker).toList());
    assertEquals(Instant.parse("2024-03-01T10:00:30Z"), c.turns().get(0).time());
  }

  @Test
  void records_attachments_with_extracted_content_and_files() {
    Turn first =
        read(format, fixture("claude-conversations.json"), ReadOptions.defaults())
            .accepted
            .get(0)
            .turns()
            .get(0);

    assertEquals("Summarise the attached notes.", first.text());
    assertEquals(
        List.of(
            new Attachment("notes.txt", "text/plain", "Meaning is use."),
            new Attachment("photo.jpg", null, null)),
        first.attachments());
  }

  @Test
  void reads_content_blocks_and_leaves_out_thinking_and_tools_by_default() {
    Conversation c =
        read(format, fixture("claude-conversations.json"), ReadOptions.defaults()).accepted.get(1);

    assertEquals(List.of("n1", "n2"), c.turns().stream().map(Turn::messageId).toList());
    assertEquals("Search the weather.", c.turns().get(0).text());
    assertEquals("It is sunny.\n\nAbout 20 C.", c.turns().get(1).text());
  }

  @Test
  void keeps_thinking_and_tool_blocks_as_turns_in_block_order_when_asked() {
    Conversation c =
        read(
                format,
                fixture("claude-conversations.json"),
                new ReadOptions(false, false, true, true, false, false))
            .accepted
            .get(1);

    assertEquals(
        List.of("n1", "n2#0", "n2#1", "n2#2", "n2"),
        c.turns().stream().map(Turn::messageId).toList());
    assertEquals(
        List.of(Role.USER, Role.ASSISTANT, Role.TOOL, Role.TOOL, Role.ASSISTANT),
        c.turns().stream().map(Turn::role).toList());
    assertEquals("The user wants weather.", c.turns().get(1).text());
    assertEquals("web_search\n{\"query\":\"weather\"}", c.turns().get(2).text());
    assertEquals("Sunny, 20 C", c.turns().get(3).text());
    assertEquals(List.of(0, 1, 2, 3, 4), c.turns().stream().map(Turn::index).toList());
  }
}
