package dev.noema.conversation.format;

import dev.noema.conversation.Conversation;
import dev.noema.conversation.ConversationFormat;
import dev.noema.conversation.ConversationSink;
import dev.noema.conversation.ImportProblem;
import dev.noema.conversation.LogSource;
import dev.noema.conversation.ReadOptions;
import dev.noema.conversation.Role;
import dev.noema.conversation.Turn;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain-text or Markdown transcript, one conversation per file: {@code User:} / {@code
 * Assistant:}, {@code You:} / {@code ChatGPT:}, {@code Human:} / {@code Claude:} (and {@code
 * System:}) at the start of a line, optionally as a Markdown heading ({@code #### You:}). A turn
 * runs until the next speaker marker; markers inside fenced code blocks do not count. Text before
 * the first marker is not a turn, except that a leading {@code # Title} heading becomes the title.
 *
 * <p>Recognition is strict so that Markdown notes of other formats are not swallowed: at least two
 * speaker markers at line starts, a user-side and an assistant-side one, and no JSON or Nexus
 * callouts.
 */
public final class PlainTranscriptFormat implements ConversationFormat {
  private static final Pattern MARKER =
      Pattern.compile(
          "^(?:#{1,6}[ \\t]*)?(User|You|Human|Assistant|ChatGPT|Claude|System):[ \\t]*(.*)$");
  private static final Pattern TITLE = Pattern.compile("^#[ \\t]+(.+)$");

  @Override
  public String name() {
    return "plain-transcript";
  }

  @Override
  public boolean recognises(String head) {
    String start = head.stripLeading();
    if (start.isEmpty()
        || start.charAt(0) == '{'
        || start.charAt(0) == '['
        || head.contains(">[!nexus_")
        || head.contains("> [!nexus_")) {
      return false;
    }
    boolean user = false;
    boolean assistant = false;
    boolean fenced = false;
    for (String line : head.split("\r?\n")) {
      if (line.startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      Matcher marker = MARKER.matcher(line);
      if (!fenced && marker.matches()) {
        Role role = roleOf(marker.group(1));
        user |= role == Role.USER;
        assistant |= role == Role.ASSISTANT;
      }
    }
    return user && assistant;
  }

  @Override
  public void read(LogSource source, ReadOptions options, ConversationSink sink)
      throws IOException {
    byte[] bytes;
    try (InputStream in = source.open()) {
      bytes = in.readAllBytes();
    }
    // Strict UTF-8: a bad byte is named by offset and line rather than silently replaced.
    int malformed = firstMalformed(bytes);
    if (malformed >= 0) {
      int line = 1;
      for (int i = 0; i < malformed; i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      sink.reject(
          new ImportProblem(
              source.name(), "line " + line, "invalid UTF-8 at byte offset " + malformed));
      return;
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    String title = null;
    List<Turn> turns = new ArrayList<>();
    String speaker = null;
    StringBuilder body = new StringBuilder();
    boolean fenced = false;
    for (String line : text.split("\r?\n", -1)) {
      Matcher marker = fenced ? null : MARKER.matcher(line);
      if (line.startsWith("```")) {
        fenced = !fenced;
      }
      if (marker != null && marker.matches()) {
        addTurn(turns, speaker, body, options);
        speaker = marker.group(1);
        body.setLength(0);
        body.append(marker.group(2));
        continue;
      }
      if (speaker == null) {
        Matcher heading = TITLE.matcher(line);
        if (title == null && heading.matches()) {
          title = heading.group(1).strip();
        }
        continue;
      }
      body.append('\n').append(line);
    }
    addTurn(turns, speaker, body, options);
    String name = source.name();
    String id =
        name.substring(
            Math.max(name.lastIndexOf('/'), Math.max(name.lastIndexOf('\\'), name.lastIndexOf('!')))
                + 1);
    sink.accept(
        new Conversation(id, title, provider(turns), name(), name, null, null, turns, List.of()));
  }

  private static void addTurn(
      List<Turn> turns, String speaker, StringBuilder body, ReadOptions options) {
    if (speaker == null) {
      return;
    }
    Role role = roleOf(speaker);
    String text = body.toString().strip();
    if (text.isEmpty() || (role == Role.SYSTEM && !options.includeSystem())) {
      return;
    }
    turns.add(Turn.of(turns.size(), null, role, speaker, null, text));
  }

  private static Role roleOf(String speaker) {
    return switch (speaker) {
      case "User", "You", "Human" -> Role.USER;
      case "System" -> Role.SYSTEM;
      default -> Role.ASSISTANT;
    };
  }

  /** Who hosted the conversation, when the assistant's name says it. */
  private static String provider(List<Turn> turns) {
    for (Turn turn : turns) {
      if (turn.role() == Role.ASSISTANT && !"Assistant".equals(turn.speaker())) {
        return turn.speaker().toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }

  /** The offset of the first byte that is not valid UTF-8, or -1 when all are. */
  private static int firstMalformed(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    return decoder.decode(in, CharBuffer.allocate(bytes.length), true).isError()
        ? in.position()
        : -1;
  }
}
