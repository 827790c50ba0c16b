package dev.noema.conversation.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.noema.conversation.ConversationFormat;
import dev.noema.conversation.LogSource;
import dev.noema.conversation.ReadOptions;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConversationFormatsTest {
  private final ConversationFormats formats = ConversationFormats.standard();

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "chatgpt-conversations.json, chatgpt-json",
    "chatgpt-wrapped.json, chatgpt-json",
    "chatgpt-conversations-000.json, chatgpt-json",
    "chatgpt-bad-conversations.json, chatgpt-json",
    "claude-conversations.json, claude-json",
    "deepseek-conversations.json, deepseek-json",
    "open-webui-export.json, open-webui-json",
    "openai-messages.jsonl, openai-jsonl",
    "transcript-chatgpt.md, plain-transcript",
    "transcript-plain.txt, plain-transcript"
  })
  void detects_each_format_from_content(String fixture, String expected) throws IOException {
    assertEquals(Optional.of(expected), detect(LogSource.of(fixture(fixture))));
  }

  @Test
  void detects_by_content_not_by_file_name() throws IOException {
    Path renamed = dir.resolve("notes.txt");
    Files.copy(fixture("claude-conversations.json"), renamed);

    assertEquals(Optional.of("claude-json"), detect(LogSource.of(renamed)));
  }

  @Test
  void detects_an_export_whose_first_conversation_is_cut_off_by_the_head() throws IOException {
    Path big = dir.resolve("conversations.json");
    String text = Files.readString(fixture("chatgpt-conversations.json"));
    String padded = text.replace("\"An older answer.\"", "\"" + "x".repeat(100_000) + "\"");
    Files.writeString(big, padded);

    assertEquals(Optional.of("chatgpt-json"), detect(LogSource.of(big)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"foo\":1}",
        "[]",
        "[{\"foo\": 1}]",
        "{\"conversations\": []}",
        "[{\"mapping\": 3}]",
        "{\"messages\": 1}",
        "42",
        "",
        "Just a note.\nUser: only one marker",
        "User: hello\nUser: again"
      })
  void generic_json_and_text_match_no_format(String content) throws IOException {
    Path file = dir.resolve("unknown.json");
    Files.writeString(file, content);

    assertEquals(Optional.empty(), detect(LogSource.of(file)));
  }

  @Test
  void a_nexus_note_is_detected_as_nexus_and_not_as_a_plain_transcript() throws IOException {
    String head = Files.readString(fixture("nexus-note.md"));

    assertEquals(
        Optional.of(NexusMarkdownFormat.NAME), detect(LogSource.of(fixture("nexus-note.md"))));
    assertFalse(new PlainTranscriptFormat().recognises(head));
  }

  private Optional<String> detect(LogSource source) throws IOException {
    Identification identified = formats.identify(source, null, ReadOptions.defaults());
    return identified instanceof Identification.Readable readable
        ? Optional.of(readable.format().name())
        : Optional.empty();
  }

  static Path fixture(String name) {
    try {
      return Path.of(ConversationFormatsTest.class.getResource("/formats/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void standard_formats_have_unique_names() {
    List<String> names = formats.all().stream().map(ConversationFormat::name).toList();
    assertEquals(names.size(), names.stream().distinct().count());
  }
}
