package dev.noema.conversation.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.conversation.Attachment;
import dev.noema.conversation.Conversation;
import dev.noema.conversation.ConversationFormat;
import dev.noema.conversation.ImportProblem;
import dev.noema.conversation.LogSource;
import dev.noema.conversation.MojibakeRepair;
import dev.noema.conversation.ReadOptions;
import dev.noema.conversation.Role;
import dev.noema.conversation.TextRepair;
import dev.noema.conversation.Turn;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NexusMarkdownFormatTest {
  private static final Path SAMPLE = Path.of("import/samples/000_aecd9b8aaabbed65.txt");

  private final NexusMarkdownFormat format = new NexusMarkdownFormat();
  private final MojibakeRepair repair = new MojibakeRepair();

  static LogSource bytes(String name, byte[] data) {
    return new LogSource() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(data);
      }

      @Override
      public long size() {
        return data.length;
      }
    };
  }

  static LogSource text(String name, String text) {
    return bytes(name, text.getBytes(StandardCharsets.UTF_8));
  }

  static LogSource fixture(String name) throws URISyntaxException {
    return LogSource.of(
        Path.of(NexusMarkdownFormatTest.class.getResource("/nexus/" + name).toURI()));
  }

  private CollectingSink read(LogSource source) throws IOException {
    CollectingSink sink = new CollectingSink();
    format.read(source, ReadOptions.defaults(), sink);
    return sink;
  }

  private Conversation readOne(LogSource source) throws IOException {
    CollectingSink sink = read(source);
    assertEquals(List.of(), sink.rejected);
    assertEquals(1, sink.accepted.size());
    return sink.accepted.get(0);
  }

  private ImportProblem rejectedOnly(LogSource source) throws IOException {
    CollectingSink sink = read(source);
    assertEquals(List.of(), sink.accepted);
    assertEquals(1, sink.rejected.size());
    return sink.rejected.get(0);
  }

  @Test
  void reads_the_sample_end_to_end_with_repair() throws IOException {
    Conversation c = repair.repair(readOne(LogSource.of(SAMPLE)));

    assertEquals("000_aecd9b8aaabbed65", c.id());
    assertEquals("000_aecd9b8aaabbed65", c.title());
    assertEquals(NexusMarkdownFormat.NAME, c.format());
    assertEquals(2, c.turns().size());
    Turn user = c.turns().get(0);
    Turn assistant = c.turns().get(1);
    assertEquals(Role.USER, user.role());
    assertEquals(Role.ASSISTANT, assistant.role());
    assertEquals("User", user.speaker());
    assertEquals("Assistant", assistant.speaker());
    assertEquals(Instant.parse("2025-07-26T10:07:00Z"), user.time());
    assertEquals(Instant.parse("2025-07-26T10:07:00Z"), assistant.time());
    assertEquals("040b392a-7dca-4edd-8136-ef08fa452272", user.messageId());
    assertEquals("10f839d5-a157-4e63-aa56-c6697821a1fe", assistant.messageId());
    assertTrue(user.text().startsWith("Теория Кирилла говорит о том"), user.text());
    assertTrue(assistant.text().contains("RECURSIA, OBSTRUCTIO, INSIGHT"));
    assertTrue(
        assistant
            .text()
            .contains(
                "\n| Параметр | Типичное понимание в индустрии |\n"
                    + "|----------------------------|------------------------------------------------------------|\n"));
    assertTrue(
        assistant.text().contains("\n> **Как человек без готовой собственной модели"),
        "nested quote kept once");
    assertTrue(assistant.text().contains("# 🧠 I. Что значит “истинная архитектура нейросетей”?"));
    assertEquals(
        List.of(
            new TextRepair("turn 0 text", List.of("x-MacRoman")),
            new TextRepair("turn 1 text", List.of("x-MacRoman"))),
        c.repairs());
  }

  @Test
  void repaired_sample_contains_no_mojibake_characters() throws IOException {
    Conversation c = repair.repair(readOne(LogSource.of(SAMPLE)));
    for (Turn t : c.turns()) {
      assertFalse(repair.repair(t.text()).repaired(), "nothing left to repair");
      for (String typical :
          List.of("–µ", "–æ", "—Ç", "—ã", "‚Äî", "‚Äú", "√", "Ä", "Ã", "Ð", "Ñ", "\uFFFD")) {
        assertFalse(t.text().contains(typical), typical);
      }
    }
  }

  @Test
  void recognises_the_sample_by_content() throws IOException {
    assertTrue(format.recognises(Files.readString(SAMPLE)));
  }

  @Test
  void reads_callouts_with_front_matter_models_attachments_and_artifacts() throws Exception {
    Conversation c = readOne(fixture("callouts-1.6.md"));

    assertEquals("932facbb-fc64-4afb-ba23-c45342d7b256", c.id());
    assertEquals("Tables: and trees", c.title());
    assertEquals("claude", c.provider());
    assertEquals(Instant.parse("2025-06-20T11:15:33Z"), c.created());
    assertEquals(Instant.parse("2025-06-20T11:59:03Z"), c.updated());
    assertEquals(4, c.turns().size());

    Turn user = c.turns().get(0);
    assertEquals("u-1", user.messageId());
    assertEquals(Instant.parse("2025-06-20T06:15:33Z"), user.time());
    assertEquals("Compare these, please 🌳\n> a quoted line\n> > deeper", user.text());
    assertEquals(
        List.of(new Attachment("paste.txt", "text/plain", "⚠️ Not included in archive.")),
        user.attachments());

    Turn answer = c.turns().get(1);
    assertEquals("a-1", answer.messageId());
    assertEquals("Assistant", answer.speaker());
    assertEquals("claude-sonnet-4-5", answer.model());
    assertEquals(Instant.parse("2025-06-20T18:15:45Z"), answer.time());
    assertEquals("## Result\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nDone.", answer.text());
    assertEquals(
        List.of(
            new Attachment(
                "Tree diagram",
                null,
                "🎨 [[Nexus/Attachments/claude/artifacts/x/tree_v1|View Artifact]]"),
            new Attachment(
                "image.png", "image/png", "![[Nexus/Attachments/claude/images/image.png]]")),
        answer.attachments());

    Turn empty = c.turns().get(2);
    assertEquals(Role.USER, empty.role());
    assertEquals("", empty.text());
    assertEquals("u-2", empty.messageId());

    Turn last = c.turns().get(3);
    assertEquals("gpt-4o-mini", last.model());
    assertEquals("Assistant", last.speaker());
    assertEquals("ok", last.text());
    assertEquals(Instant.parse("2025-06-20T06:16:30Z"), last.time());
  }

  @Test
  void reads_uid_comments_quoted_inside_the_callout_around_rules_and_headings() throws Exception {
    Conversation c = readOne(fixture("quoted-uid.md"));

    assertEquals("3f1e9d2a-quoted", c.id());
    assertEquals("Release notes", c.title());
    assertEquals(
        List.of("6b1a0c7e-user", "8d2f4e9a-agent", "1c3e5a7b-user"),
        c.turns().stream().map(Turn::messageId).toList());
    assertEquals(
        List.of(
            Instant.parse("2025-11-02T18:20:00Z"),
            Instant.parse("2025-11-02T18:21:30Z"),
            Instant.parse("2025-11-02T18:25:00Z")),
        c.turns().stream().map(Turn::time).toList());
    assertEquals(
        "# Release 2.0\n\n---\n\n- Faster imports\n- UTF-16 files", c.turns().get(1).text());
    assertEquals("Perfect.", c.turns().get(2).text());
  }

  @Test
  void reads_heading_style_of_version_1_1_with_invalid_yaml_front_matter() throws Exception {
    Conversation c = readOne(fixture("headings-1.1.md"));

    assertEquals("a6fe4d32-416f-42a6-ac27-59bd47989df9", c.id());
    assertEquals("Error: Missing ffmpeg.dll", c.title());
    assertEquals("chatgpt", c.provider());
    assertEquals(Instant.parse("2024-06-24T14:40:00Z"), c.created());
    assertEquals(2, c.turns().size());
    Turn user = c.turns().get(0);
    assertEquals(Role.USER, user.role());
    assertEquals("I have this error\n> quoted once\n", user.text());
    assertEquals(
        List.of(
            new Attachment(
                "screenshot.png",
                "image/png",
                "![[Nexus_attachments/chatgpt/images/screenshot.png]]")),
        user.attachments());
    assertEquals("aaa22f50-180a-4380-8047-964fac6de095", user.messageId());
    Turn assistant = c.turns().get(1);
    assertEquals(Role.ASSISTANT, assistant.role());
    assertEquals("Assistant", assistant.speaker());
    assertEquals(Instant.parse("2024-06-24T14:41:00Z"), assistant.time());
    assertEquals(
        "This error typically occurs when a DLL is missing:\n\n1. **Reinstall Obsidian**\n"
            + "> a quote inside the answer",
        assistant.text());
    assertEquals("5b1c2d3e-0000-4000-8000-000000000002", assistant.messageId());
  }

  @Test
  void reads_heading_style_of_version_1_0_with_title_heading_and_file_name_id() throws Exception {
    Conversation c = readOne(fixture("headings-1.0.md"));

    assertEquals("headings-1.0", c.id());
    assertEquals("Old style", c.title());
    assertNull(c.provider());
    assertEquals(2, c.turns().size());
    assertEquals("Hello", c.turns().get(0).text());
    assertEquals(
        Instant.parse("2025-05-06T09:15:00Z"), c.turns().get(0).time(), "slashes: month/day");
    assertEquals("ChatGPT", c.turns().get(1).speaker());
    assertEquals(Role.ASSISTANT, c.turns().get(1).role());
    assertEquals("", c.turns().get(1).text(), "[No text content] is an empty turn");
    assertEquals(List.of("m-1", "m-2"), c.turns().stream().map(Turn::messageId).toList());
  }

  @Test
  void id_from_file_name_is_stable_across_folders_and_reimports() throws IOException {
    String note = ">[!nexus_user] **User** - 26.07.2025 at 10:07\n> hi\n<!-- UID: u -->\n";
    assertEquals("chat-42", readOne(text("/a/b/chat-42.md", note)).id());
    assertEquals("chat-42", readOne(text("/elsewhere/chat-42.md", note)).id());
    assertEquals("chat-42", readOne(text("export.zip!notes/chat-42.md", note)).id());
  }

  @Test
  void keeps_turn_with_null_time_when_the_time_cannot_be_read() throws IOException {
    Conversation c =
        readOne(
            text(
                "x.md",
                ">[!nexus_user] **User** - yesterday at teatime\n> hi\n<!-- UID: u -->\n"
                    + ">[!nexus_agent] **Assistant**\n> hello\n<!-- UID: a -->\n"));
    assertEquals(2, c.turns().size());
    assertNull(c.turns().get(0).time());
    assertNull(c.turns().get(1).time());
    assertEquals("hello", c.turns().get(1).text());
  }

  @Test
  void reads_crlf_line_endings_and_a_byte_order_mark() throws IOException {
    Conversation c =
        readOne(
            text(
                "x.md",
                "\uFEFF>[!nexus_user] **User** - 26.07.2025 at 10:07\r\n> a\r\n> b\r\n"
                    + "<!-- UID: u -->\r\n"));
    assertEquals("a\nb", c.turns().get(0).text());
  }

  @Test
  void resolves_ambiguous_day_month_by_an_unambiguous_timestamp_in_the_same_file()
      throws IOException {
    String note =
        ">[!nexus_user] **User** - 05/06/2025 at 10:00\n> a\n<!-- UID: u -->\n"
            + ">[!nexus_agent] **Assistant** - 13/06/2025 at 10:00\n> b\n<!-- UID: a -->\n";
    Conversation c = readOne(text("x.md", note));
    assertEquals(
        Instant.parse("2025-06-05T10:00:00Z"), c.turns().get(0).time(), "13/06 shows day/month");
    assertEquals(Instant.parse("2025-06-13T10:00:00Z"), c.turns().get(1).time());
  }

  @Test
  void resolves_ambiguous_dotted_dates_month_first_when_the_file_shows_it() throws IOException {
    String note =
        ">[!nexus_user] **User** - 05.06.2025 at 10:00\n> a\n<!-- UID: u -->\n"
            + ">[!nexus_agent] **Assistant** - 06.13.2025 at 10:00\n> b\n<!-- UID: a -->\n";
    Conversation c = readOne(text("x.md", note));
    assertEquals(Instant.parse("2025-05-06T10:00:00Z"), c.turns().get(0).time());
  }

  @Test
  void without_evidence_dots_are_day_month_and_slashes_month_day() throws IOException {
    String dots = ">[!nexus_user] **User** - 05.06.2025 at 10:00\n> a\n<!-- UID: u -->\n";
    String slashes = ">[!nexus_user] **User** - 05/06/2025 at 10:00\n> a\n<!-- UID: u -->\n";
    assertEquals(
        Instant.parse("2025-06-05T10:00:00Z"), readOne(text("d.md", dots)).turns().get(0).time());
    assertEquals(
        Instant.parse("2025-05-06T10:00:00Z"),
        readOne(text("s.md", slashes)).turns().get(0).time());
  }

  @Test
  void does_not_recognise_plain_markdown() throws Exception {
    assertFalse(
        format.recognises(
            Files.readString(Path.of(getClass().getResource("/nexus/plain.md").toURI()))));
    assertFalse(format.recognises("# Title\n\n> a quote\n\n<!-- a comment -->\n"));
    assertFalse(format.recognises(""));
  }

  @Test
  void recognises_each_layout_by_content() throws Exception {
    for (String name :
        List.of("callouts-1.6.md", "headings-1.1.md", "headings-1.0.md", "no-messages.md")) {
      String head = Files.readString(Path.of(getClass().getResource("/nexus/" + name).toURI()));
      assertTrue(format.recognises(head), name);
    }
  }

  @Test
  void is_registered_first_in_the_standard_formats() {
    ConversationFormats formats = ConversationFormats.standard();
    assertEquals(NexusMarkdownFormat.NAME, formats.all().get(0).name());
    assertEquals(
        Optional.of(NexusMarkdownFormat.NAME),
        formats.byName("nexus-markdown").map(ConversationFormat::name));
  }

  @Test
  void detects_the_sample_among_the_standard_formats() throws IOException {
    Identification identified =
        ConversationFormats.standard().identify(LogSource.of(SAMPLE), null, ReadOptions.defaults());
    assertEquals(NexusMarkdownFormat.NAME, ((Identification.Readable) identified).format().name());
  }

  @Test
  void rejects_empty_file() throws Exception {
    ImportProblem p = rejectedOnly(fixture("empty.md"));
    assertEquals("empty file", p.reason());
    assertNull(p.location());
    assertTrue(p.source().endsWith("empty.md"));
    assertEquals("empty file", rejectedOnly(fixture("blank.md")).reason());
  }

  @Test
  void rejects_truncated_callout_header_at_end_of_file() throws Exception {
    ImportProblem p = rejectedOnly(fixture("truncated-header.md"));
    assertEquals("line 5", p.location());
    assertTrue(p.reason().startsWith("truncated message"), p.reason());
  }

  @Test
  void rejects_message_cut_mid_way() throws Exception {
    ImportProblem p = rejectedOnly(fixture("truncated-body.md"));
    assertEquals("line 5", p.location());
    assertTrue(p.reason().startsWith("truncated message"), p.reason());
  }

  @Test
  void rejects_invalid_utf8_with_the_line_of_the_first_bad_byte() throws IOException {
    byte[] head =
        ">[!nexus_user] **User** - 26.07.2025 at 10:07\n> ok\n> bad "
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = " byte\n<!-- UID: u -->\n".getBytes(StandardCharsets.UTF_8);
    byte[] data = new byte[head.length + 1 + tail.length];
    System.arraycopy(head, 0, data, 0, head.length);
    data[head.length] = (byte) 0xC3; // a lead byte followed by a space: malformed
    System.arraycopy(tail, 0, data, head.length + 1, tail.length);

    ImportProblem p = rejectedOnly(bytes("bad.md", data));
    assertEquals("line 3", p.location());
    assertEquals("bad.md: line 3: invalid UTF-8: byte 0xC3 cannot be decoded", p.toString());
  }

  @Test
  void rejects_note_without_messages() throws Exception {
    ImportProblem p = rejectedOnly(fixture("no-messages.md"));
    assertEquals("no messages found", p.reason());
  }

  @Test
  void rejects_front_matter_that_is_never_closed() throws IOException {
    ImportProblem p =
        rejectedOnly(text("x.md", "---\nnexus: nexus-ai-chat-importer\n>[!nexus_user] **User**\n"));
    assertEquals("line 1", p.location());
  }

  @Test
  void reads_twenty_thousand_turns_quickly() throws IOException {
    StringBuilder note = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      note.append(i % 2 == 0 ? ">[!nexus_user] **User**" : ">[!nexus_agent] **Assistant**")
          .append(" - 26.07.2025 at 10:07\n> line one of message ")
          .append(i)
          .append("\n> | a | b |\n> > quoted\n<!-- UID: m-")
          .append(i)
          .append(" -->\n\n");
    }
    LogSource source = text("big.md", note.toString());
    // CPU time of this thread, not wall time: the machine is shared and waiting for a core is not
    // our cost
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    Conversation c = readOne(source);
    Conversation repaired = repair.repair(c);
    long millis = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
    assertEquals(20_000, repaired.turns().size());
    assertEquals("m-19999", repaired.turns().get(19_999).messageId());
    // a generous bound (cold JIT included): it catches quadratic work, which would take minutes
    // here
    assertTrue(millis < 5_000, "took " + millis + " ms of CPU");
  }
}
