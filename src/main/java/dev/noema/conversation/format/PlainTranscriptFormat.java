package dev.noema.conversation.format;

import dev.noema.conversation.Conversation;
import dev.noema.conversation.ConversationFormat;
import dev.noema.conversation.ConversationSink;
import dev.noema.conversation.ImportProblem;
import dev.noema.conversation.LogSource;
import dev.noema.conversation.ReadOptions;
import dev.noema.conversation.Role;
import dev.noema.conversation.Timestamps;
import dev.noema.conversation.Turn;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A transcript in plain text or Markdown, one conversation per file, as people paste them and as
 * browser extensions and other exporters write them. Speakers are told by {@link SpeakerLines} (the
 * vocabulary is a resource file, in several languages): {@code User:} at a line start, a heading
 * ({@code ## User}, {@code ### 🤖 Assistant}, {@code ## Prompt:}) or a bold label ({@code
 * **ChatGPT:**}). A file uses the style that most of its speaker lines use; lines of another style
 * are text (an answer that quotes {@code User: ...} keeps it). A turn runs until the next speaker
 * line; speaker lines inside fenced code blocks do not count.
 *
 * <p>What else is read: YAML front matter ({@code id}/{@code conversation_id}, {@code title},
 * {@code created}/{@code created_at}, {@code updated}/{@code updated_at}, {@code provider}); before
 * the first speaker, a {@code # Title} heading and {@code Created:}/{@code Updated:} lines (also in
 * bold, {@code **Created:**}); a message id and time in a speaker heading ({@code ## User (`id`) -
 * 2025-10-15T04:37:46+00:00}); a turn whose first line is only a time ({@code ## Prompt:} then
 * {@code 3/3/2025, 3:35:00 PM}, or {@code **Created:** ...}) takes that time. A {@code ---} (or
 * {@code ***}, {@code ___}) rule that ends a turn is a separator and is dropped; one inside a turn
 * is kept. Times are read by {@link Timestamps}, the day/month order decided once per file.
 *
 * <p>The id is the front matter's, else the file name; the title the front matter's, else the
 * heading, else none. System turns are kept with {@link ReadOptions#includeSystem()}.
 *
 * <p>Recognition: a user-side and an assistant-side speaker line of the same style outside code
 * blocks, and no JSON or Nexus callouts. Rejected whole, one line each: bytes that are not UTF-8
 * (line and byte offset), a front matter block that is never closed, a file whose speakers say
 * nothing. Holds one file in memory (one conversation). Stateless and thread-safe.
 */
public final class PlainTranscriptFormat implements ConversationFormat {
  private static final Pattern TITLE = Pattern.compile("^#[ \\t]+(.+)$");
  private static final Pattern PREAMBLE_TIME =
      Pattern.compile(
          "^(?:\\*\\*)?(Created|Updated|Last Updated|Date)(?::\\*\\*|\\*\\*:|:)[ \\t]*(.+)$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern FENCE = Pattern.compile("^[ \\t]{0,3}(`{3,}|~{3,})");
  private static final Pattern RULE =
      Pattern.compile("^[ \\t]{0,3}(?:-{3,}|\\*{3,}|_{3,})[ \\t]*$");

  private final SpeakerLines speakers = SpeakerLines.bundled();

  @Override
  public String name() {
    return "plain-transcript";
  }

  @Override
  public String description() {
    return "A transcript in plain text or Markdown, one conversation per file: speakers as"
        + " \"User:\" lines, headings (## User, ### Assistant, ## Prompt:/## Response:, with an"
        + " optional (`id`) and time) or bold labels (**ChatGPT:**), optional YAML front matter;"
        + " recognised by a user-side and an assistant-side speaker line.";
  }

  @Override
  public String example() {
    return """
        ---
        id: chat-42
        title: Feedback loops
        created_at: 2025-10-15T04:37:40Z
        ---

        # Feedback loops

        ## User (`m-1`) - 2025-10-15T04:37:46+00:00

        What is a feedback loop?

        ---

        ## Assistant (`m-2`) - 2025-10-15T04:37:52+00:00

        A loop where output feeds back as input:

        ```
        ## User: this line is inside code, not a speaker
        ```
        """;
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
    Map<SpeakerLines.Style, Set<Role>> roles = new EnumMap<>(SpeakerLines.Style.class);
    for (Line line : lines(head)) {
      if (line.speaker != null) {
        roles
            .computeIfAbsent(line.speaker.style(), s -> EnumSet.noneOf(Role.class))
            .add(line.speaker.speaker().role());
      }
    }
    return roles.values().stream()
        .anyMatch(r -> r.contains(Role.USER) && r.contains(Role.ASSISTANT));
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
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    new Transcript(source.name(), options).read(text, sink);
  }

  /** One line with what it is: its number, and the speaker line it is (outside code blocks). */
  private record Line(int number, String text, SpeakerLines.Match speaker) {}

  /** The lines of {@code text}, each with its speaker match when it is one outside a code block. */
  private List<Line> lines(String text) {
    String[] raw = text.split("\r?\n", -1);
    List<Line> lines = new ArrayList<>(raw.length);
    String fence = null;
    for (int i = 0; i < raw.length; i++) {
      String line = raw[i];
      Matcher f = FENCE.matcher(line);
      SpeakerLines.Match speaker = null;
      if (f.lookingAt()) {
        String marker = f.group(1);
        if (fence == null) {
          fence = marker;
        } else if (marker.charAt(0) == fence.charAt(0) && marker.length() >= fence.length()) {
          fence = null;
        }
      } else if (fence == null) {
        speaker = speakers.match(line).filter(m -> m.speaker() != null).orElse(null);
      }
      lines.add(new Line(i + 1, line, speaker));
    }
    return lines;
  }

  /** One file being read. */
  private final class Transcript {
    private final String sourceName;
    private final ReadOptions options;
    private Map<String, String> frontMatter = Map.of();
    private String headingTitle;
    private String createdText;
    private String updatedText;

    Transcript(String sourceName, ReadOptions options) {
      this.sourceName = sourceName;
      this.options = options;
    }

    void read(String text, ConversationSink sink) {
      List<Line> lines = lines(text);
      int from = 0;
      if (!lines.isEmpty() && lines.get(0).text().strip().equals("---")) {
        int end = 1;
        while (end < lines.size()
            && !lines.get(end).text().strip().equals("---")
            && !lines.get(end).text().strip().equals("...")) {
          end++;
        }
        if (end == lines.size()) {
          sink.reject(
              new ImportProblem(
                  sourceName, "line 1", "front matter is not closed by a '---' line"));
          return;
        }
        StringBuilder yaml = new StringBuilder();
        for (Line line : lines.subList(1, end)) {
          yaml.append(line.text()).append('\n');
        }
        frontMatter = FrontMatter.parse(yaml.toString());
        from = end + 1;
      }
      SpeakerLines.Style style = dominantStyle(lines.subList(from, lines.size()));
      List<Message> messages = new ArrayList<>();
      Message current = null;
      for (Line line : lines.subList(from, lines.size())) {
        if (line.speaker() != null && line.speaker().style() == style) {
          current = new Message(line.speaker());
          messages.add(current);
        } else if (current != null) {
          current.lines.add(line.text());
        } else {
          preamble(line.text());
        }
      }
      if (messages.isEmpty()) {
        sink.reject(new ImportProblem(sourceName, null, "no speaker lines (User:, ## User, ...)"));
        return;
      }
      List<Timestamps.WrittenTime> written = new ArrayList<>();
      Timestamps.WrittenTime created =
          time(FrontMatter.first(frontMatter, "created", "created_at", "create_time", "date"))
              .orElseGet(() -> time(createdText).orElse(null));
      Timestamps.WrittenTime updated =
          time(FrontMatter.first(frontMatter, "updated", "updated_at", "update_time", "modified"))
              .orElseGet(() -> time(updatedText).orElse(null));
      written.add(created);
      written.add(updated);
      for (Message message : messages) {
        message.finish();
        written.add(message.written);
      }
      Timestamps.DateOrder order = Timestamps.fileOrder(written);
      List<Turn> turns = new ArrayList<>();
      String provider = FrontMatter.first(frontMatter, "provider", "platform");
      for (Message message : messages) {
        Role role = message.speaker.speaker().role();
        if (message.text.isEmpty() || role == Role.SYSTEM && !options.includeSystem()) {
          continue;
        }
        if (provider == null && role == Role.ASSISTANT) {
          provider = message.speaker.speaker().provider();
        }
        turns.add(
            Turn.of(
                turns.size(),
                message.speaker.messageId(),
                role,
                message.speaker.label(),
                message.written == null ? null : message.written.resolve(order),
                message.text));
      }
      if (turns.isEmpty()) {
        sink.reject(
            new ImportProblem(sourceName, null, "the speaker lines have no text under them"));
        return;
      }
      String name = fileName(sourceName);
      sink.accept(
          new Conversation(
              firstNonBlank(FrontMatter.first(frontMatter, "id", "conversation_id", "uuid"), name),
              firstNonBlank(FrontMatter.first(frontMatter, "title"), headingTitle),
              provider == null ? null : provider.toLowerCase(Locale.ROOT),
              name(),
              sourceName,
              resolve(created, order),
              resolve(updated, order),
              turns,
              List.of()));
    }

    private void preamble(String line) {
      Matcher title = TITLE.matcher(line);
      if (headingTitle == null && title.matches()) {
        String t = title.group(1).strip();
        if (t.regionMatches(true, 0, "Title:", 0, 6)) {
          t = t.substring(6).strip();
        }
        headingTitle = t.isEmpty() ? null : t;
        return;
      }
      Matcher m = PREAMBLE_TIME.matcher(line.strip());
      if (m.matches()) {
        String value = SpeakerLines.unemphasised(m.group(2));
        if (m.group(1).equalsIgnoreCase("Created") || m.group(1).equalsIgnoreCase("Date")) {
          createdText = createdText == null ? value : createdText;
        } else {
          updatedText = updatedText == null ? value : updatedText;
        }
      }
    }
  }

  /**
   * The style most speaker lines use (ties: heading, then bold, then plain), so that a file's
   * quoted {@code User: ...} inside an answer under {@code ## Assistant} stays text.
   */
  private static SpeakerLines.Style dominantStyle(List<Line> lines) {
    Map<SpeakerLines.Style, Integer> counts = new EnumMap<>(SpeakerLines.Style.class);
    for (Line line : lines) {
      if (line.speaker() != null) {
        counts.merge(line.speaker().style(), 1, Integer::sum);
      }
    }
    SpeakerLines.Style best = null;
    for (SpeakerLines.Style style : SpeakerLines.Style.values()) {
      if (counts.getOrDefault(style, 0) > counts.getOrDefault(best, 0)) {
        best = style;
      }
    }
    return best;
  }

  /** One turn being read: its speaker line and the lines under it. */
  private static final class Message {
    final SpeakerLines.Match speaker;
    final List<String> lines = new ArrayList<>();
    String text;
    Timestamps.WrittenTime written;

    Message(SpeakerLines.Match speaker) {
      this.speaker = speaker;
      if (!speaker.text().isEmpty()) {
        lines.add(speaker.text());
      }
    }

    /**
     * Settles the text: a leading time line becomes the time, a trailing separator rule and blank
     * lines go.
     */
    void finish() {
      int start = 0;
      while (start < lines.size() && lines.get(start).isBlank()) {
        start++;
      }
      String timeText = speaker.timeText();
      if (timeText == null && start < lines.size() && speaker.text().isEmpty()) {
        Optional<String> alone = timeLine(lines.get(start));
        if (alone.isPresent()) {
          timeText = alone.get();
          start++;
        }
      }
      int end = lines.size();
      while (end > start && lines.get(end - 1).isBlank()) {
        end--;
      }
      if (end > start && RULE.matcher(lines.get(end - 1)).matches()) {
        end--;
        while (end > start && lines.get(end - 1).isBlank()) {
          end--;
        }
      }
      text = String.join("\n", lines.subList(start, end)).strip();
      written = time(timeText).orElse(null);
    }

    /** The time a line holds when it is nothing but a time (bare, emphasised or "Created:"). */
    private static Optional<String> timeLine(String line) {
      String candidate = line.strip();
      Matcher created = PREAMBLE_TIME.matcher(candidate);
      if (created.matches()) {
        candidate = created.group(2);
      }
      candidate = SpeakerLines.unemphasised(candidate);
      return Timestamps.read(candidate).isPresent() ? Optional.of(candidate) : Optional.empty();
    }
  }

  private static Optional<Timestamps.WrittenTime> time(String text) {
    return text == null ? Optional.empty() : Timestamps.read(text);
  }

  private static Instant resolve(Timestamps.WrittenTime time, Timestamps.DateOrder order) {
    return time == null ? null : time.resolve(order);
  }

  private static String firstNonBlank(String first, String second) {
    return first != null && !first.isBlank() ? first.strip() : second;
  }

  /**
   * The last segment of a path or archive entry name: ids must not depend on where the file was
   * unpacked.
   */
  private static String fileName(String sourceName) {
    int cut =
        Math.max(
            sourceName.lastIndexOf('/'),
            Math.max(sourceName.lastIndexOf('\\'), sourceName.lastIndexOf('!')));
    return sourceName.substring(cut + 1);
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
