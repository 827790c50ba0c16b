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

/** Exports of assistants beyond ChatGPT and Claude: Google Gemini (Takeout) and xAI Grok. */
class OtherAssistantsTest {

  @Test
  void gemini_activity_gives_one_conversation_per_prompt_with_its_answer() {
    CollectingSink sink =
        read(
            new GeminiActivityFormat(), fixture("gemini-my-activity.json"), ReadOptions.defaults());

    assertEquals(List.of(), sink.rejected);
    assertEquals(
        List.of("gemini-2026-02-02T07:24:02.806Z", "gemini-2025-12-31T23:59:59.000Z"),
        sink.accepted.stream().map(Conversation::id).toList(),
        "feedback entries are no exchange");
    Conversation c = sink.accepted.get(0);
    assertEquals("Explain entropy in one paragraph, then give an example.", c.title());
    assertEquals("gemini", c.provider());
    assertEquals(List.of(Role.USER, Role.ASSISTANT), c.turns().stream().map(Turn::role).toList());
    assertEquals(
        "Explain entropy in one paragraph, then give an example.", c.turns().get(0).text());
    assertEquals(
        List.of(new Attachment("image_89b1bd-1e9873211d1a6157.png", null, null)),
        c.turns().get(0).attachments());
    assertEquals(Instant.parse("2026-02-02T07:24:02.806Z"), c.turns().get(1).time());
    assertEquals(
        "## Entropy\n\nEntropy measures how many microstates fit a macrostate & grows in"
            + " **isolated** systems.\n\n- Ice melting\n- Ink spreading\n\n```\nS = k log W\n```",
        c.turns().get(1).text(),
        "the last of the regenerated answers is the one shown");
  }

  @Test
  void gemini_keeps_earlier_drafts_as_alternatives_when_asked() {
    Conversation c =
        read(
                new GeminiActivityFormat(),
                fixture("gemini-my-activity.json"),
                new ReadOptions(true, false, false, false, false, false))
            .accepted
            .get(0);

    Turn draft = c.turns().get(2);
    assertEquals("First draft.", draft.text());
    assertEquals(c.turns().get(1).messageId(), draft.alternativeOf());
    assertEquals(1, draft.index());
  }

  @Test
  void grok_orders_responses_by_time_and_removes_render_tags() {
    CollectingSink sink =
        read(new GrokExportFormat(), fixture("grok-export.json"), ReadOptions.defaults());

    assertEquals(List.of(), sink.rejected);
    Conversation c = sink.accepted.get(0);
    assertEquals("8c0e7a52-grok", c.id());
    assertEquals("Satellites", c.title());
    assertEquals("grok", c.provider());
    assertEquals(Instant.parse("2025-05-01T10:00:00.123456Z"), c.created());
    assertEquals(List.of("r1", "r2", "r3", "r4"), c.turns().stream().map(Turn::messageId).toList());
    assertEquals(
        List.of(Role.USER, Role.ASSISTANT, Role.USER, Role.ASSISTANT),
        c.turns().stream().map(Turn::role).toList());
    assertEquals("They do, but they keep missing the Earth.", c.turns().get(1).text());
    assertEquals(Instant.ofEpochMilli(1746093609000L), c.turns().get(1).time());
    assertEquals("grok-4", c.turns().get(3).model());
    assertEquals("Nothing said", sink.accepted.get(1).title(), "the summary stands in for a title");
  }
}
