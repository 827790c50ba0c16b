package dev.noema.conversation.format;

import dev.noema.conversation.Attachment;
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
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Markdown notes written by the Obsidian plugin "Nexus AI Chat Importer", one
 * conversation per note, in every layout the plugin has written:
 *
 * <ul>
 *   <li>1.0 and 1.1 headings: {@code ### User, on <time>;} and {@code #### Assistant, on <time>;}
 *       (or {@code ChatGPT}), the user's lines quoted with {@code > } and the assistant's with
 *       {@code >> };
 *   <li>1.2 and later callouts: {@code >[!nexus_user] **User** - <time>} and {@code >[!nexus_agent]
 *       **Assistant** - <time>}, every line quoted with {@code > }; since 1.6 the assistant's model
 *       follows a middle dot ({@code **Assistant · gpt-4o**} or {@code **Assistant** · gpt-4o});
 *   <li>each message closed by {@code <!-- UID: <message id> -->}, on a line of its own or quoted
 *       inside the callout ({@code > <!-- UID: ... -->});
 *   <li>optional YAML front matter ({@code conversation_id}, {@code provider}, {@code create_time},
 *       {@code update_time}, {@code title} or {@code aliases}) and a {@code # Title: ...} heading.
 * </ul>
 *
 * <p>What a turn gets: its text with the message's quote marker removed exactly once from every
 * line ({@code > > x} keeps {@code > x}) and everything else kept as written (tables, headings,
 * code, emoji); {@code [No content found]} (and the older {@code [No content]}, {@code [No text
 * content]}) gives an empty text. Attachment, artifact and prompt callouts ({@code
 * [!nexus_attachment]}, {@code [!nexus_artifact]}, {@code [!nexus_prompt]}, at the message's level
 * or nested inside it) and the 1.1 {@code **📎 Attachment:**} blocks become {@link Attachment}s of
 * the message they belong to (name from the bold text, media type from the parenthesis, content
 * from the lines under it) and are left out of its text. Times are read by {@link Timestamps}, with
 * the day/month order decided once per file; a time that cannot be read leaves the turn with a null
 * time.
 *
 * <p>The conversation id is the front matter's {@code conversation_id}, else the file name without
 * its extension; the title is the front matter's {@code title} or first alias, else the first
 * {@code # } heading before the first message (without a leading {@code Title:}), else the file
 * name without its extension.
 *
 * <p>Rejected whole, with one problem each: an empty file ({@code empty file}); bytes that are not
 * UTF-8 ({@code line N: invalid UTF-8 ...}, and nothing of the file is read); a note without
 * messages ({@code no messages found}); a message whose UID comment is missing at the end of the
 * file ({@code line N: truncated message ...}, N the line of its header), since a note is one
 * conversation and a partial one would be taken for the whole.
 *
 * <p>Reads line by line in one pass; holds one conversation in memory. Stateless and thread-safe.
 */
public final class NexusMarkdownFormat implements ConversationFormat {

  /** The format's name in {@code --format} and provenance. */
  public static final String NAME = "nexus-markdown";

  private static final Pattern CALLOUT_HEADER =
      Pattern.compile("^>\\s*\\[!nexus_(user|agent)\\][+-]?\\s*(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern HEADING_HEADER =
      Pattern.compile("^(#{3,4})\\s+(.+?),\\s+on\\s+(.+?);?\\s*$");

  /**
   * The UID comment, on its own line or quoted inside the message's callout ({@code > <!-- ...}).
   */
  private static final Pattern UID =
      Pattern.compile("^(?:\\s*>)*\\s*<!--\\s*UID:\\s*(.*?)\\s*-->\\s*$");

  private static final Pattern ATTACHMENT_CALLOUT =
      Pattern.compile(
          "^\\[!nexus_(attachment|artifact|prompt)\\][+-]?\\s*(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern LEGACY_ATTACHMENT =
      Pattern.compile("^\\*\\*📎\\s*(?:Missing\\s+)?Attachment:\\*\\*\\s*(.*)$");
  private static final Pattern BOLD_NAME = Pattern.compile("^\\*\\*(.+?)\\*\\*\\s*(.*)$");
  private static final Pattern MEDIA_TYPE = Pattern.compile("\\(([\\w.+-]+/[\\w.+-]+)\\)");
  private static final Pattern CREATED_LINE = Pattern.compile("^(Created|Last Updated):\\s*(.+)$");

  /**
   * Recognition: a callout marker at a line start, or a heading header, or front matter naming the
   * plugin.
   */
  private static final Pattern RECOGNISE_CALLOUT =
      Pattern.compile(
          "^>\\s*\\[!nexus_(?:user|agent)\\]", Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);

  private static final Pattern RECOGNISE_HEADING =
      Pattern.compile("^#{3,4} .+, on .+;[ \\t]*\\r?$", Pattern.MULTILINE);
  private static final Pattern RECOGNISE_UID =
      Pattern.compile("^(?:>\\s*)*<!-- UID: .+ -->", Pattern.MULTILINE);
  private static final Pattern RECOGNISE_FRONT_MATTER =
      Pattern.compile("\\A\\uFEFF?---\\r?\\n((?:.*\\r?\\n)*?)---\\r?$", Pattern.MULTILINE);
  private static final Pattern NEXUS_KEY =
      Pattern.compile("^nexus:\\s*[\"']?nexus-ai-chat-importer", Pattern.MULTILINE);

  private static final Set<String> NO_CONTENT =
      Set.of("[No content found]", "[No content]", "[No text content]");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Obsidian notes of the Nexus AI Chat Importer plugin, one conversation per note, every"
        + " layout since 1.0; recognised by [!nexus_user]/[!nexus_agent] callouts, \"### User, on"
        + " <time>;\" headings with UID comments, or front matter naming the plugin.";
  }

  @Override
  public String example() {
    return """
        ---
        nexus: nexus-ai-chat-importer
        provider: chatgpt
        conversation_id: n-1
        title: Tides
        create_time: 2025-07-26T10:07:00Z
        ---

        >[!nexus_user] **User** - 26.07.2025 at 10:07
        > What causes tides?
        <!-- UID: u-1 -->

        >[!nexus_agent] **Assistant** - 26.07.2025 at 10:08
        > Mostly the Moon's gravity.
        <!-- UID: a-1 -->
        """;
  }

  @Override
  public boolean recognises(String head) {
    if (head == null || head.isEmpty()) {
      return false;
    }
    return RECOGNISE_CALLOUT.matcher(head).find()
        || nexusFrontMatter(head)
        || (RECOGNISE_HEADING.matcher(head).find() && RECOGNISE_UID.matcher(head).find());
  }

  @Override
  public void read(LogSource source, ReadOptions options, ConversationSink sink)
      throws IOException {
    Note note = new Note(source.name());
    try (InputStream in = source.open()) {
      Utf8Lines lines = new Utf8Lines(in);
      String line;
      while ((line = lines.next()) != null) {
        note.line(lines.lineNumber(), line);
      }
    } catch (MalformedLine e) {
      sink.reject(
          new ImportProblem(
              source.name(),
              "line " + e.line,
              String.format(Locale.ROOT, "invalid UTF-8: byte 0x%02X cannot be decoded", e.value)));
      return;
    }
    note.finish(sink);
  }

  private static boolean nexusFrontMatter(String head) {
    Matcher m = RECOGNISE_FRONT_MATTER.matcher(head);
    return m.find() && NEXUS_KEY.matcher(m.group(1)).find();
  }

  /**
   * Whether a {@code [!nexus_...]} callout marker opens somewhere in the line: a cheap test before
   * the patterns.
   */
  private static boolean hasNexusCallout(String line) {
    int i = line.indexOf("[!");
    return i >= 0 && line.regionMatches(true, i + 2, "nexus_", 0, 6);
  }

  /** The file name without folders, archive path and extension. */
  private static String fileStem(String sourceName) {
    int cut =
        Math.max(
            sourceName.lastIndexOf('/'),
            Math.max(sourceName.lastIndexOf('\\'), sourceName.lastIndexOf('!')));
    String name = sourceName.substring(cut + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /**
   * Removes {@code depth} quote markers ({@code >} and at most one space after each), or null if
   * fewer are there.
   */
  private static String unquote(String line, int depth) {
    int i = 0;
    for (int d = 0; d < depth; d++) {
      while (d > 0
          && i < line.length()
          && line.charAt(i) == ' '
          && i + 1 < line.length()
          && line.charAt(i + 1) == '>') {
        i++; // "> >" nests as ">>" does
      }
      if (i >= line.length() || line.charAt(i) != '>') {
        return null;
      }
      i++;
      if (i < line.length()
          && line.charAt(i) == ' '
          && (d == depth - 1 || i + 1 >= line.length() || line.charAt(i + 1) != '>')) {
        i++;
      }
    }
    return line.substring(i);
  }

  /** The state of one note being read: front matter, preamble, then messages. */
  private final class Note {
    private final String sourceName;
    private boolean sawContent;
    private boolean inFrontMatter;
    private int frontMatterStart;
    private StringBuilder frontMatterText;
    private Map<String, String> frontMatter = Map.of();
    private String headingTitle;
    private String createdText;
    private String updatedText;
    private final List<Message> messages = new ArrayList<>();
    private Message current;

    Note(String sourceName) {
      this.sourceName = sourceName;
    }

    void line(int number, String line) {
      if (!line.isBlank()) {
        sawContent = true;
      }
      if (number == 1 && line.strip().equals("---")) {
        inFrontMatter = true;
        frontMatterStart = number;
        frontMatterText = new StringBuilder();
        return;
      }
      if (inFrontMatter) {
        if (line.strip().equals("---") || line.strip().equals("...")) {
          inFrontMatter = false;
          frontMatter = FrontMatter.parse(frontMatterText.toString());
          frontMatterText = null;
        } else {
          frontMatterText.append(line).append('\n');
        }
        return;
      }
      Matcher m;
      if (line.startsWith(">") && hasNexusCallout(line)) {
        m = CALLOUT_HEADER.matcher(line);
        if (m.matches()) {
          startCallout(
              number, m.group(1).equalsIgnoreCase("user") ? Role.USER : Role.ASSISTANT, m.group(2));
          return;
        }
      }
      if (line.startsWith("#")) {
        m = HEADING_HEADER.matcher(line);
        if (m.matches()) {
          boolean user = m.group(1).length() == 3;
          startMessage(
              new Message(
                  number,
                  user ? Role.USER : Role.ASSISTANT,
                  m.group(2).strip(),
                  null,
                  m.group(3).strip(),
                  user ? 1 : 2));
          return;
        }
      }
      if (line.contains("<!--")) {
        m = UID.matcher(line);
        if (m.matches()) {
          if (current != null) {
            current.uid = m.group(1).isEmpty() ? null : m.group(1);
            current = null;
          }
          return;
        }
      }
      if (current != null) {
        current.body(line);
      } else if (messages.isEmpty()) {
        preamble(line);
      }
    }

    private void preamble(String line) {
      if (headingTitle == null && line.startsWith("# ")) {
        String title = line.substring(2).strip();
        if (title.regionMatches(true, 0, "Title:", 0, 6)) {
          title = title.substring(6).strip();
        }
        headingTitle = title.isEmpty() ? null : title;
        return;
      }
      Matcher m = CREATED_LINE.matcher(line);
      if (m.matches()) {
        if (m.group(1).equals("Created")) {
          createdText = createdText == null ? m.group(2).strip() : createdText;
        } else {
          updatedText = updatedText == null ? m.group(2).strip() : updatedText;
        }
      }
    }

    private void startCallout(int number, Role role, String rest) {
      String speakerPart;
      String after;
      Matcher bold = BOLD_NAME.matcher(rest.strip());
      if (bold.matches()) {
        speakerPart = bold.group(1);
        after = bold.group(2).strip();
      } else {
        int sep = rest.indexOf(" - ");
        speakerPart = sep < 0 ? rest : rest.substring(0, sep);
        after = sep < 0 ? "" : rest.substring(sep + 1).strip();
      }
      String model = null;
      int dot = speakerPart.indexOf('·');
      if (dot >= 0) {
        model = speakerPart.substring(dot + 1).strip();
        speakerPart = speakerPart.substring(0, dot);
      }
      if (after.startsWith("·")) {
        after = after.substring(1).strip();
        int sep = after.indexOf(" - ");
        model = (sep < 0 ? after : after.substring(0, sep)).strip();
        after = sep < 0 ? "" : after.substring(sep + 1).strip();
      }
      if (!after.isEmpty() && "-–—".indexOf(after.charAt(0)) >= 0) {
        after = after.substring(1).strip();
      }
      startMessage(
          new Message(
              number,
              role,
              speakerPart.strip(),
              model == null || model.isEmpty() ? null : model,
              after,
              1));
    }

    private void startMessage(Message message) {
      messages.add(message);
      current = message;
    }

    void finish(ConversationSink sink) {
      if (!sawContent) {
        sink.reject(new ImportProblem(sourceName, null, "empty file"));
        return;
      }
      if (inFrontMatter) {
        sink.reject(
            new ImportProblem(
                sourceName,
                "line " + frontMatterStart,
                "front matter is not closed by a '---' line"));
        return;
      }
      if (messages.isEmpty()) {
        sink.reject(new ImportProblem(sourceName, null, "no messages found"));
        return;
      }
      if (current != null) {
        sink.reject(
            new ImportProblem(
                sourceName,
                "line " + current.headerLine,
                "truncated message: the "
                    + current.role.name().toLowerCase(Locale.ROOT)
                    + " message starting here has no closing UID comment"));
        return;
      }
      List<Timestamps.WrittenTime> written = new ArrayList<>();
      Timestamps.WrittenTime created =
          Timestamps.read(frontMatter.get("create_time"))
              .orElseGet(() -> Timestamps.read(createdText).orElse(null));
      Timestamps.WrittenTime updated =
          Timestamps.read(frontMatter.get("update_time"))
              .orElseGet(() -> Timestamps.read(updatedText).orElse(null));
      written.add(created);
      written.add(updated);
      for (Message message : messages) {
        message.written = Timestamps.read(message.timeText).orElse(null);
        written.add(message.written);
      }
      Timestamps.DateOrder order = Timestamps.fileOrder(written);
      List<Turn> turns = new ArrayList<>(messages.size());
      for (Message message : messages) {
        Instant time = message.written == null ? null : message.written.resolve(order);
        turns.add(message.toTurn(turns.size(), time));
      }
      String stem = fileStem(sourceName);
      String id = firstNonBlank(frontMatter.get("conversation_id"), stem);
      String title =
          firstNonBlank(frontMatter.get("title"), frontMatter.get("aliases"), headingTitle, stem);
      sink.accept(
          new Conversation(
              id,
              title,
              emptyToNull(frontMatter.get("provider")),
              NAME,
              sourceName,
              created == null ? null : created.resolve(order),
              updated == null ? null : updated.resolve(order),
              turns,
              List.of()));
    }
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  private static String emptyToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** One message being read: its header, text lines and attachments. */
  private static final class Message {
    final int headerLine;
    final Role role;
    final String speaker;
    final String model;
    final String timeText;

    /**
     * How many quote markers the plugin put before each of this message's lines (2 for 1.1
     * assistant lines).
     */
    final int depth;

    final StringBuilder text = new StringBuilder();
    int textLines;
    final List<PendingAttachment> attachments = new ArrayList<>();

    /** The attachment whose lines are being read, or null. */
    PendingAttachment open;

    String uid;
    Timestamps.WrittenTime written;

    Message(int headerLine, Role role, String speaker, String model, String timeText, int depth) {
      this.headerLine = headerLine;
      this.role = role;
      this.speaker = speaker;
      this.model = model;
      this.timeText = timeText;
      this.depth = depth;
    }

    void body(String line) {
      if (line.isBlank()) {
        open = null; // a blank line ends a callout block
        return;
      }
      boolean quoted = line.startsWith(">");
      boolean callout = quoted && hasNexusCallout(line);
      Matcher m = callout ? ATTACHMENT_CALLOUT.matcher(unquote(line, 1)) : null;
      if (m != null && m.matches()) {
        startAttachment(m.group(1), m.group(2), 1);
        return;
      }
      if (open != null) {
        String content = unquote(line, open.depth);
        if (content != null) {
          m = callout ? ATTACHMENT_CALLOUT.matcher(content) : null;
          if (m != null && m.matches()) {
            startAttachment(m.group(1), m.group(2), open.depth);
          } else {
            open.add(content);
          }
          return;
        }
        open = null;
      }
      String inner = unquote(line, depth);
      if (inner == null) {
        inner =
            quoted
                ? unquote(line, 1)
                : line; // liberal: a line quoted less than the others, or not at all
      }
      if (callout && inner.startsWith(">")) {
        m = ATTACHMENT_CALLOUT.matcher(unquote(inner, 1));
        if (m.matches()) {
          startAttachment(m.group(1), m.group(2), depth + 1);
          return;
        }
      }
      m = inner.startsWith("**") ? LEGACY_ATTACHMENT.matcher(inner) : null;
      if (m != null && m.matches()) {
        // "name (type) - size": the 1.1 block lists the file's lines under it, quoted like the
        // message
        String rest = m.group(1);
        int end = rest.length();
        for (String stop : new String[] {" (", " - "}) {
          int at = rest.indexOf(stop);
          end = at >= 0 ? Math.min(end, at) : end;
        }
        open(rest.substring(0, end), mediaType(rest), "attachment", depth);
        return;
      }
      if (textLines++ > 0) {
        text.append('\n');
      }
      text.append(inner);
    }

    /**
     * Starts a callout attachment from its header: {@code **name** (type) - size}, or the kind
     * alone.
     */
    private void startAttachment(String kind, String header, int attachmentDepth) {
      String name = header.strip();
      String rest = "";
      Matcher bold = BOLD_NAME.matcher(name);
      if (bold.matches()) {
        name = bold.group(1);
        rest = bold.group(2);
      }
      open(name, mediaType(rest), kind, attachmentDepth);
    }

    private void open(String name, String mediaType, String kind, int attachmentDepth) {
      String n = name.strip();
      open =
          new PendingAttachment(
              n.isEmpty() ? kind.toLowerCase(Locale.ROOT) : n, mediaType, attachmentDepth);
      attachments.add(open);
    }

    private static String mediaType(String text) {
      Matcher type = MEDIA_TYPE.matcher(text);
      return type.find() ? type.group(1) : null;
    }

    Turn toTurn(int index, Instant time) {
      String body = text.toString();
      if (NO_CONTENT.contains(body.strip())) {
        body = "";
      }
      List<Attachment> done = new ArrayList<>(attachments.size());
      for (PendingAttachment a : attachments) {
        done.add(a.toAttachment());
      }
      return new Turn(index, uid, role, speaker, model, time, body, done, null);
    }
  }

  private static final class PendingAttachment {
    final String name;
    final String mediaType;
    final int depth;
    final StringBuilder content = new StringBuilder();
    int lines;

    PendingAttachment(String name, String mediaType, int depth) {
      this.name = name;
      this.mediaType = mediaType;
      this.depth = depth;
    }

    void add(String line) {
      if (lines++ > 0) {
        content.append('\n');
      }
      content.append(line);
    }

    Attachment toAttachment() {
      String text = content.toString();
      return new Attachment(name, mediaType, text.isBlank() ? null : text);
    }
  }

  /** A line that is not valid UTF-8. */
  private static final class MalformedLine extends IOException {
    private static final long serialVersionUID = 1L;
    final int line;
    final int value;

    MalformedLine(int line, int value) {
      super("invalid UTF-8 on line " + line);
      this.line = line;
      this.value = value;
    }
  }

  /**
   * Splits a byte stream into lines at {@code \n} (a byte that never occurs inside a UTF-8
   * sequence) and decodes each strictly, so that the first invalid byte is reported with its line
   * number. Drops a trailing {@code \r} and a leading byte order mark.
   */
  private static final class Utf8Lines {
    private final InputStream in;
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk = new byte[64 * 1024];
    private int chunkPos;
    private int chunkEnd;
    private byte[] lineBytes = new byte[1024];
    private CharBuffer chars = CharBuffer.allocate(1024);
    private int lineNumber;
    private boolean eof;

    Utf8Lines(InputStream in) {
      this.in = in;
    }

    int lineNumber() {
      return lineNumber;
    }

    /** The next line, or null at the end of the stream. */
    String next() throws IOException {
      if (eof) {
        return null;
      }
      int len = 0;
      boolean any = false;
      while (true) {
        if (chunkPos == chunkEnd) {
          chunkEnd = in.read(chunk);
          chunkPos = 0;
          if (chunkEnd <= 0) {
            chunkEnd = 0;
            eof = true;
            if (!any) {
              return null;
            }
            break;
          }
        }
        any = true;
        int start = chunkPos;
        while (chunkPos < chunkEnd && chunk[chunkPos] != '\n') {
          chunkPos++;
        }
        int n = chunkPos - start;
        if (len + n > lineBytes.length) {
          lineBytes = Arrays.copyOf(lineBytes, Math.max(lineBytes.length * 2, len + n));
        }
        System.arraycopy(chunk, start, lineBytes, len, n);
        len += n;
        if (chunkPos < chunkEnd) {
          chunkPos++; // the '\n'
          break;
        }
      }
      lineNumber++;
      if (len > 0 && lineBytes[len - 1] == '\r') {
        len--;
      }
      return decode(len);
    }

    private String decode(int len) throws MalformedLine {
      if (chars.capacity() < len) {
        chars = CharBuffer.allocate(Math.max(len, chars.capacity() * 2));
      }
      chars.clear();
      ByteBuffer bytes = ByteBuffer.wrap(lineBytes, 0, len);
      decoder.reset();
      CoderResult result = decoder.decode(bytes, chars, true);
      if (!result.isError()) {
        result = decoder.flush(chars);
      }
      if (result.isError()) {
        throw new MalformedLine(lineNumber, lineBytes[bytes.position()] & 0xFF);
      }
      chars.flip();
      String s = chars.toString();
      return lineNumber == 1 && s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
  }
}
