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

/** DeepSeek and Open WebUI: the other exports stored as message trees. */
class TreeFormatsTest {

  @Test
  void deepseek_follows_the_newest_child_without_a_current_node() {
    CollectingSink sink =
        read(
            new DeepSeekExportFormat(),
            fixture("deepseek-conversations.json"),
            ReadOptions.defaults());

    assertEquals(List.of(), sink.rejected);
    Conversation c = sink.accepted.get(0);
    assertEquals("ds-1", c.id());
    assertEquals("DeepSeek chat", c.title());
    assertEquals("deepseek", c.provider());
    assertEquals(Instant.parse("2025-02-01T02:00:00Z"), c.created());
    assertEquals(List.of("1", "3"), c.turns().stream().map(Turn::messageId).toList());
    Turn answer = c.turns().get(1);
    assertEquals(Role.ASSISTANT, answer.role());
    assertEquals("Rayleigh scattering of sunlight.", answer.text());
    assertEquals("deepseek-reasoner", answer.model());
    assertEquals(Instant.parse("2025-02-01T02:00:03Z"), answer.time());
  }

  @Test
  void deepseek_keeps_thinking_search_and_alternatives_when_asked() {
    Conversation c =
        read(
                new DeepSeekExportFormat(),
                fixture("deepseek-conversations.json"),
                CollectingSink.everything())
            .accepted
            .get(0);

    assertEquals(
        List.of("1", "3#think", "3#search", "3", "2"),
        c.turns().stream().map(Turn::messageId).toList());
    assertEquals(Role.TOOL, c.turns().get(2).role());
    Turn alternative = c.turns().get(4);
    assertEquals("First try.", alternative.text());
    assertEquals("3#think", alternative.alternativeOf());
    assertEquals(1, alternative.index());
  }

  @Test
  void open_webui_walks_up_from_the_current_message() {
    CollectingSink sink =
        read(new OpenWebUiFormat(), fixture("open-webui-export.json"), ReadOptions.defaults());

    assertEquals(List.of(), sink.rejected);
    Conversation c = sink.accepted.get(0);
    assertEquals("ow-1", c.id());
    assertEquals("WebUI chat", c.title());
    assertEquals(Instant.ofEpochSecond(1720000000), c.created());
    assertEquals(Instant.ofEpochSecond(1720000100), c.updated());
    assertEquals(List.of("m1", "m2b", "m3"), c.turns().stream().map(Turn::messageId).toList());
    assertEquals("llama3:8b", c.turns().get(1).model());
    assertEquals(Instant.ofEpochSecond(1720000002), c.turns().get(1).time());
    assertEquals(List.of(new Attachment("cat.png", null, null)), c.turns().get(2).attachments());
  }

  @Test
  void open_webui_keeps_regenerated_answers_as_alternatives() {
    Conversation c =
        read(
                new OpenWebUiFormat(),
                fixture("open-webui-export.json"),
                new ReadOptions(true, false, false, false, false, false))
            .accepted
            .get(0);

    Turn alternative = c.turns().get(3);
    assertEquals("m2", alternative.messageId());
    assertEquals("m2b", alternative.alternativeOf());
    assertEquals(1, alternative.index());
  }
}
