package dev.noema.conversation.format;

import static dev.noema.conversation.format.CollectingSink.fixture;
import static dev.noema.conversation.format.CollectingSink.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.conversation.Conversation;
import dev.noema.conversation.ImportProblem;
import dev.noema.conversation.LogSource;
import dev.noema.conversation.LogSources;
import dev.noema.conversation.ReadOptions;
import dev.noema.conversation.Role;
import dev.noema.conversation.Turn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Markdown styles other exporters write, read by the one transcript reader. */
class TranscriptStylesTest {
  private final PlainTranscriptFormat format = new PlainTranscriptFormat();

  @TempDir Path dir;

  @Test
  void reads_front_matter_ids_and_times_in_headings_and_drops_separators() {
    Conversation c = one("transcript-front-matter.md");

    assertEquals("68ef2c1d-echo", c.id());
    assertEquals("Feedback loops in biology", c.title());
    assertEquals(Instant.parse("2025-10-15T04:37:40Z"), c.created());
    assertEquals(Instant.parse("2025-10-15T04:39:02Z"), c.updated());
    assertEquals(List.of("msg-1", "msg-2", "msg-3"), messageIds(c));
    assertEquals(
        List.of(Role.USER, Role.ASSISTANT, Role.USER), c.turns().stream().map(Turn::role).toList());
    assertEquals(
        List.of(
            Instant.parse("2025-10-15T04:37:46Z"),
            Instant.parse("2025-10-15T04:38:10Z"),
            Instant.parse("2025-10-15T04:39:02Z")),
        c.turns().stream().map(Turn::time).toList());
    assertEquals("Give me an example of a negative feedback loop.", c.turns().get(0).text());
    assertEquals(
        "Blood sugar: insulin lowers it when it rises.\n\n---\n\nA rule inside an answer stays.\n\n"
            + "```markdown\n## User (`fake`) - 2025-01-01T00:00:00+00:00\n"
            + "this heading is inside a code block\n```",
        c.turns().get(1).text());
    assertEquals("Thanks!", c.turns().get(2).text());
  }

  @Test
  void reads_prompt_and_response_headings_with_a_time_line_under_each() {
    Conversation c = one("transcript-prompt-response.md");

    assertEquals("transcript-prompt-response.md", c.id());
    assertEquals("Sourdough hydration", c.title());
    assertEquals(Instant.parse("2025-03-03T15:35:00Z"), c.created());
    assertEquals(Instant.parse("2025-03-03T15:40:00Z"), c.updated());
    assertEquals(
        List.of("Prompt", "Response", "Prompt", "Response"),
        c.turns().stream().map(Turn::speaker).toList());
    assertEquals(
        List.of(Role.USER, Role.ASSISTANT, Role.USER, Role.ASSISTANT),
        c.turns().stream().map(Turn::role).toList());
    assertEquals(Instant.parse("2025-03-03T15:35:20Z"), c.turns().get(1).time());
    assertEquals(
        "Start at 70%.\n\n**User:** a bold line inside an answer is text here.",
        c.turns().get(1).text());
    assertEquals("Work up to 78%.", c.turns().get(3).text(), "the exporter's credit line goes");
  }

  @Test
  void reads_bold_labels_with_text_on_the_same_line_and_keeps_other_styles_as_text() {
    Conversation c = one("transcript-bold.md");

    assertEquals(
        List.of("Human", "ChatGPT", "Human"), c.turns().stream().map(Turn::speaker).toList());
    assertEquals("chatgpt", c.provider());
    assertEquals(
        List.of(
            "Какая погода будет завтра?\nSecond line of the question.",
            "I cannot see forecasts, but here is how to check:\n"
                + "User: a quoted plain line stays in the answer.",
            "Спасибо!"),
        c.turns().stream().map(Turn::text).toList());
  }

  @Test
  void reads_dataview_created_fields_and_leaves_a_heading_that_only_starts_with_a_label() {
    Conversation c = one("transcript-dataview.md");

    assertEquals(List.of("Human", "Gemini"), c.turns().stream().map(Turn::speaker).toList());
    assertEquals("gemini", c.provider());
    assertEquals(Instant.parse("2025-06-08T12:38:05Z"), c.turns().get(1).time());
    assertEquals(
        "Yes: choose My Activity, then Gemini Apps.\n\n"
            + "### 🤖 Assistant heading of another style is text",
        c.turns().get(1).text());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "## User\nhi\n## Assistant\nhello\n",
        "### 👤 User\nhi\n\n### 🤖 Assistant\nhello\n",
        "#### You:\nhi\n#### ChatGPT:\nhello\n",
        "## Prompt:\nhi\n\n## Response:\nhello\n",
        "**Human:** hi\n\n**Claude:** hello\n",
        "**You** · _3/3/2025, 3:35 PM_\nhi\n\n**Assistant** · _3/3/2025, 3:36 PM_\nhello\n",
        "## Пользователь\nпривет\n## Ассистент\nздравствуйте\n",
        "User: hi\nAssistant: hello\n"
      })
  void every_speaker_style_gives_two_turns(String transcript) throws IOException {
    Path file = Files.writeString(dir.resolve("chat.md"), transcript);

    assertTrue(format.recognises(transcript), transcript);
    Conversation c = read(format, file, ReadOptions.defaults()).accepted.get(0);
    assertEquals(List.of(Role.USER, Role.ASSISTANT), c.turns().stream().map(Turn::role).toList());
    assertEquals(2, c.turns().stream().map(Turn::text).filter(t -> !t.isBlank()).count());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "# Notes\n\n## User experience\nGood.\n\n## Assistant tools\nMany.\n",
        "```\n## User\nhi\n## Assistant\nhello\n```\n",
        "Just a note.\nUser: only one speaker\n"
      })
  void headings_that_only_start_with_a_label_or_sit_in_code_are_no_transcript(String text) {
    assertEquals(false, format.recognises(text), text);
  }

  @Test
  void a_folder_of_notes_in_different_styles_imports_like_a_vault() throws Exception {
    Path vault = Files.createDirectories(dir.resolve("vault/chats"));
    for (String note :
        List.of(
            "transcript-front-matter.md", "transcript-prompt-response.md", "transcript-bold.md")) {
      Files.copy(fixture(note), vault.resolve(note));
    }
    Files.copy(NexusMarkdownFormatTest.fixture("quoted-uid.md").open(), vault.resolve("nexus.md"));
    ConversationFormats formats = ConversationFormats.standard();
    List<String> read = new ArrayList<>();
    try (LogSources.Expansion expansion =
        LogSources.withDefaultLimits().expand(dir.resolve("vault"))) {
      for (LogSource source : expansion.sources()) {
        Identification.Readable readable =
            assertInstanceOf(
                Identification.Readable.class,
                formats.identify(source, null, ReadOptions.defaults()));
        CollectingSink sink = new CollectingSink();
        readable.format().read(readable.text(source), ReadOptions.defaults(), sink);
        assertEquals(List.of(), sink.rejected);
        sink.accepted.forEach(c -> read.add(readable.format().name() + " " + c.id()));
      }
    }

    assertEquals(
        List.of(
            "nexus-markdown 3f1e9d2a-quoted",
            "plain-transcript transcript-bold.md",
            "plain-transcript 68ef2c1d-echo",
            "plain-transcript transcript-prompt-response.md"),
        read);
  }

  @Test
  void a_front_matter_block_never_closed_is_one_problem() throws IOException {
    Path file =
        Files.writeString(dir.resolve("open.md"), "---\ntitle: x\n## User\nhi\n## Assistant\nyo\n");

    assertEquals(
        List.of(
            new ImportProblem(
                file.toString(), "line 1", "front matter is not closed by a '---' line")),
        read(format, file, ReadOptions.defaults()).rejected);
  }

  private Conversation one(String fixture) {
    CollectingSink sink = read(format, fixture(fixture), ReadOptions.defaults());
    assertEquals(List.of(), sink.rejected);
    assertEquals(1, sink.accepted.size());
    return sink.accepted.get(0);
  }

  private static List<String> messageIds(Conversation c) {
    return c.turns().stream().map(Turn::messageId).toList();
  }
}
