package dev.noema.conversation.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.conversation.Conversation;
import dev.noema.conversation.ConversationFormat;
import dev.noema.conversation.ImportProblem;
import dev.noema.conversation.LogSource;
import dev.noema.conversation.ReadOptions;
import dev.noema.conversation.Turn;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every format must do, run against every format Noema ships (a new format is in it by being
 * in {@link ConversationFormats#standard()}): its own example is recognised, identified as it among
 * all formats, and read cleanly into well-formed conversations, the same in every text encoding;
 * reading is repeatable; invalid bytes and empty files give problems, never exceptions.
 */
class ConversationFormatContractTest {
  /** Options under which every format reads its files (project documents are opt-in). */
  private static final ReadOptions OPTIONS =
      new ReadOptions(false, false, false, false, false, true);

  @TempDir Path dir;

  static Stream<ConversationFormat> formats() {
    return ConversationFormats.standard().all().stream();
  }

  @ParameterizedTest
  @MethodSource("formats")
  void recognises_its_own_example_and_is_identified_as_the_format_that_reads_it(
      ConversationFormat format) throws IOException {
    assertTrue(format.recognises(format.example()), format.name());
    Identification identified =
        ConversationFormats.standard().identify(write("example", format.example()), null, OPTIONS);
    Identification.Readable readable = assertInstanceOf(Identification.Readable.class, identified);
    assertEquals(format.name(), readable.format().name());
  }

  @ParameterizedTest
  @MethodSource("formats")
  void reads_its_example_into_well_formed_conversations(ConversationFormat format)
      throws IOException {
    LogSource source = write("example", format.example());
    CollectingSink sink = read(format, source);

    assertEquals(List.of(), sink.rejected, format.name());
    assertFalse(sink.accepted.isEmpty(), format.name());
    for (Conversation c : sink.accepted) {
      assertEquals(format.name(), c.format());
      assertEquals(source.name(), c.source());
      assertFalse(c.turns().isEmpty(), c.id());
      for (int i = 0; i < c.turns().size(); i++) {
        Turn turn = c.turns().get(i);
        assertEquals(i, turn.index(), c.id() + " turn " + i);
        assertNull(turn.alternativeOf(), "no alternatives by default");
        assertFalse(turn.text().isBlank() && turn.attachments().isEmpty(), c.id() + " turn " + i);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("formats")
  void reading_is_repeatable(ConversationFormat format) throws IOException {
    LogSource source = write("example", format.example());

    assertEquals(read(format, source).accepted, read(format, source).accepted);
  }

  @ParameterizedTest
  @MethodSource("formats")
  void reads_the_same_conversations_from_utf16_and_from_utf8_with_a_byte_order_mark(
      ConversationFormat format) throws IOException {
    List<Conversation> plain = read(format, write("plain/example", format.example())).accepted;

    for (String charset : List.of("UTF-16LE", "UTF-16BE", "UTF-8")) {
      Path file = dir.resolve(charset).resolve("example");
      Files.createDirectories(file.getParent());
      Files.write(file, withByteOrderMark(format.example(), Charset.forName(charset)));
      LogSource raw = LogSource.of(file);
      Identification.Readable readable =
          assertInstanceOf(
              Identification.Readable.class,
              ConversationFormats.standard().identify(raw, null, OPTIONS),
              charset);
      List<Conversation> decoded = read(format, readable.text(raw)).accepted;

      assertEquals(ids(plain), ids(decoded), charset);
      assertEquals(texts(plain), texts(decoded), charset);
    }
  }

  @ParameterizedTest
  @MethodSource("formats")
  void an_invalid_byte_is_a_problem_naming_utf8_not_an_exception(ConversationFormat format)
      throws IOException {
    byte[] example = format.example().getBytes(StandardCharsets.UTF_8);
    // Inside a word past the middle: inside a JSON string, or a Markdown message.
    int middle = example.length / 2;
    while (!(Character.isLetter(example[middle]) && Character.isLetter(example[middle - 1]))) {
      middle++;
    }
    example[middle] = (byte) 0xFF;
    Path file = dir.resolve("broken");
    Files.write(file, example);

    CollectingSink sink = read(format, LogSource.of(file));

    assertFalse(sink.rejected.isEmpty(), format.name());
    assertTrue(
        sink.rejected.stream().map(ImportProblem::reason).anyMatch(r -> r.contains("UTF-8")),
        sink.rejected.toString());
  }

  @ParameterizedTest
  @MethodSource("formats")
  void an_empty_file_gives_no_conversation_and_no_exception(ConversationFormat format)
      throws IOException {
    assertEquals(List.of(), read(format, write("empty", "")).accepted);
  }

  private LogSource write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return LogSource.of(file);
  }

  private static byte[] withByteOrderMark(String text, Charset charset) {
    return ("\uFEFF" + text).getBytes(charset);
  }

  private static CollectingSink read(ConversationFormat format, LogSource source)
      throws IOException {
    CollectingSink sink = new CollectingSink();
    format.read(source, OPTIONS, sink);
    return sink;
  }

  private static List<String> ids(List<Conversation> conversations) {
    return conversations.stream().map(Conversation::id).toList();
  }

  private static List<List<String>> texts(List<Conversation> conversations) {
    return conversations.stream().map(c -> c.turns().stream().map(Turn::text).toList()).toList();
  }
}
