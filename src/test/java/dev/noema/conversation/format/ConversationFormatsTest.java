package dev.noema.conversation.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"id\": \"user-x\", \"email\": \"a@b.c\", \"chatgpt_plus_user\": false, \"phone_number\": null}"
            + "| ChatGPT user.json",
        "[{\"id\": \"f1\", \"conversation_id\": \"c1\", \"user_id\": \"u\", \"rating\": \"thumbsUp\"}]"
            + "| ChatGPT message_feedback.json",
        "[{\"id\": \"s1\", \"conversation_id\": \"c1\", \"title\": \"t\", \"is_anonymous\": true}]"
            + "| ChatGPT shared_conversations.json",
        "[{\"uuid\": \"u1\", \"full_name\": \"Ada\", \"email_address\": \"a@b.c\"}]"
            + "| Claude users.json",
        "<!DOCTYPE html><html><head><title>ChatGPT Data Export</title></head><body><script>"
            + "var jsonData = [];</script></body></html>| ChatGPT chat.html",
        "[ ]| an empty JSON list"
      })
  void side_files_of_exports_are_passed_over(String content, String what) throws IOException {
    Path file = Files.writeString(dir.resolve("side.json"), content);

    Identification identified = formats.identify(LogSource.of(file), null, ReadOptions.defaults());

    assertTrue(
        identified instanceof Identification.PassedOver passed && passed.what().startsWith(what),
        identified.toString());
  }

  @Test
  void a_json_file_no_format_reads_names_its_keys_and_the_formats_tried() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("export.json"), "[{\"chat_id\": 1, \"turns\": [], \"when\": \"x\"}]");

    Identification identified = formats.identify(LogSource.of(file), null, ReadOptions.defaults());

    String reason = ((Identification.Unreadable) identified).reason();
    assertTrue(
        reason.startsWith(
            "a JSON list of objects with the keys chat_id, turns, when, which no"
                + " format reads (tried nexus-markdown, claude-json, "),
        reason);
    assertTrue(reason.endsWith("; 'noema formats' shows what each reads)"), reason);
  }

  @Test
  void a_perplexity_thread_and_a_takeout_html_page_are_refused_with_what_to_do()
      throws IOException {
    Path perplexity =
        Files.writeString(
            dir.resolve("thread.md"),
            "<img src=\"https://r2cdn.perplexity.ai/pplx-full-logo-primary-dark%402x.png\""
                + " class=\"logo\" width=\"120\"/>\n\n# why is the sky blue\n\nRayleigh.\n");
    Path takeout =
        Files.writeString(
            dir.resolve("MyActivity.html"),
            "<!DOCTYPE html><html><body><div class=\"mdl-grid\"><p"
                + " class=\"mdl-typography--title\">Gemini Apps<br></p></div></body></html>");

    assertTrue(reason(perplexity).startsWith("a Perplexity thread exported as Markdown"));
    assertTrue(
        reason(takeout).startsWith("Google Takeout My Activity as HTML: ask Takeout for JSON"));
  }

  @Test
  void empty_and_binary_files_are_unreadable_before_any_format_is_asked() throws IOException {
    Path empty = Files.write(dir.resolve("empty.json"), new byte[0]);
    Path png =
        Files.write(
            dir.resolve("image.json"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2});

    assertEquals("empty file", reason(empty));
    assertTrue(reason(png).startsWith("binary file"), reason(png));
  }

  @Test
  void a_utf16_export_is_identified_and_read_as_text() throws IOException {
    Path utf16 = dir.resolve("conversations.json");
    Files.write(
        utf16,
        Files.readString(fixture("claude-conversations.json"))
            .getBytes(java.nio.charset.StandardCharsets.UTF_16LE));

    Identification.Readable readable =
        (Identification.Readable)
            formats.identify(LogSource.of(utf16), null, ReadOptions.defaults());
    CollectingSink sink = new CollectingSink();
    readable.format().read(readable.text(LogSource.of(utf16)), ReadOptions.defaults(), sink);

    assertEquals("claude-json", readable.format().name());
    assertEquals("UTF-16LE", readable.encoding().label());
    assertEquals(List.of(), sink.rejected);
    assertEquals(
        CollectingSink.read(
                readable.format(), fixture("claude-conversations.json"), ReadOptions.defaults())
            .accepted
            .size(),
        sink.accepted.size());
  }

  private String reason(Path file) throws IOException {
    Identification identified = formats.identify(LogSource.of(file), null, ReadOptions.defaults());
    return ((Identification.Unreadable) identified).reason();
  }
}
