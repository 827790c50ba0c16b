package dev.noema.conversation.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.noema.conversation.Conversation;
import dev.noema.conversation.ConversationSink;
import dev.noema.conversation.ImportProblem;
import dev.noema.conversation.LogSource;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Streams the conversations of a JSON export: a top-level array of conversation objects, an object
 * whose {@code conversations} field holds that array, or a top-level object that is itself one
 * conversation (what single-conversation exporters save). Exactly one conversation is in memory at
 * a time, as a Jackson tree.
 *
 * <p>Problems are reported as {@code conversation k of n (id X)}. Counting {@code n} needs a second
 * pass over the file, so it is done lazily, once, on the first problem only (a clean import reads
 * the file once), and at byte level ({@link JsonStructure}), so that it also counts past a syntax
 * error or a too-deep conversation.
 *
 * <p>A JSON syntax error or invalid UTF-8 leaves the parser unable to find the next conversation:
 * it is reported for the conversation it occurs in and the rest of the file is not read; the
 * conversations before it have been delivered. A conversation nested deeper than {@link
 * #MAX_NESTING} levels (well-formed, but past Jackson's {@link StreamReadConstraints}) is reported,
 * skipped at byte level ({@link JsonStructure}) and reading goes on with a fresh parser.
 * Thread-safe: the factory and mapper are immutable after construction; each read has its own
 * parsers.
 */
final class JsonExportReader {
  private static final byte[] RESUME_PREFIX = "[0".getBytes(StandardCharsets.US_ASCII);

  private static final String NOT_AN_EXPORT =
      "expected a JSON list of conversations, an object with a \"conversations\" list, or one"
          + " conversation object";

  /**
   * Jackson's own default; deeper JSON in a chat export is an attack or a broken file, not a
   * conversation.
   */
  static final int MAX_NESTING = StreamReadConstraints.DEFAULT_MAX_DEPTH;

  private final JsonFactory factory;
  private final ObjectMapper mapper;

  JsonExportReader() {
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING)
                    // A pasted log can make a single message tens of megabytes; the pipeline's size
                    // policy
                    // decides what to keep, so the parser must not refuse it (Jackson's default is
                    // 20 M chars).
                    .maxStringLength(Integer.MAX_VALUE)
                    .build())
            // Input streams are closed by whoever opened them: after a skipped conversation a new
            // parser reads on.
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();
    this.mapper = new ObjectMapper(factory);
  }

  /**
   * Turns one element of an export into conversations (usually one; none for an element with
   * nothing to import, several for a side file that holds more than one document), or refuses it
   * with a reason.
   */
  @FunctionalInterface
  interface Converter {
    List<Conversation> convert(JsonNode element) throws UnreadableConversation;
  }

  /**
   * Parses one standalone JSON document (a JSONL line) with the same limits as the streamed
   * exports.
   */
  JsonNode parse(byte[] json, int offset, int length) throws IOException {
    try (JsonParser parser = factory.createParser(json, offset, length)) {
      JsonNode node = mapper.readTree(parser);
      if (parser.nextToken() != null) {
        throw new JsonParseException(parser, "trailing content after the JSON value");
      }
      return node;
    }
  }

  /**
   * Reads every conversation of {@code source} in file order: each one converted by {@code
   * converter} goes to {@link ConversationSink#accept}, each one that cannot be read to {@link
   * ConversationSink#reject}.
   *
   * @throws IOException when the file itself cannot be read
   */
  void read(LogSource source, Converter converter, ConversationSink sink) throws IOException {
    Counter counter = new Counter(source);
    try (InputStream in = source.open()) {
      JsonParser parser = factory.createParser(in);
      try {
        ObjectNode single;
        try {
          Opened opened = openConversations(parser);
          if (opened.notAnExport() != null) {
            sink.reject(new ImportProblem(source.name(), null, opened.notAnExport()));
            return;
          }
          single = opened.single();
        } catch (JsonProcessingException e) {
          sink.reject(
              new ImportProblem(
                  source.name(),
                  null,
                  unreadable(e, parser, Position.START) + "; the rest of the file was not read"));
          return;
        }
        if (single != null) {
          convert(single, 1, source, converter, counter, sink);
          return;
        }
        readArray(parser, in, source, converter, counter, sink);
      } finally {
        parser.close();
      }
    }
  }

  /**
   * Reads the elements of the conversations array the parser stands in, one at a time, until its
   * end (or a syntax error).
   */
  private void readArray(
      JsonParser first,
      InputStream in,
      LogSource source,
      Converter converter,
      Counter counter,
      ConversationSink sink)
      throws IOException {
    JsonParser parser = first;
    try {
      Position base = Position.START;
      int arrayDepth = parser.getParsingContext().getNestingDepth();
      int index = 0;
      while (true) {
        JsonNode node;
        try {
          JsonToken token = parser.nextToken();
          if (token == JsonToken.END_ARRAY || token == null) {
            return;
          }
          index++;
          node = mapper.readTree(parser);
        } catch (StreamConstraintsException e) {
          String reason = unreadable(e, parser, base);
          JsonParser resumed = null;
          Position resumedBase = null;
          int open = parser.getParsingContext().getNestingDepth() - arrayDepth;
          if (open > 0) {
            Position consumed = base.advancedTo(parser.currentLocation());
            ByteArrayOutputStream unread = new ByteArrayOutputStream();
            parser.releaseBuffered(unread);
            InputStream rest =
                new BufferedInputStream(
                    new SequenceInputStream(new ByteArrayInputStream(unread.toByteArray()), in));
            JsonStructure.Progress skipped = JsonStructure.closeLevels(rest, open);
            if (skipped != null) {
              // The new parser starts inside a synthetic array with one dummy element, so the
              // rest of the file (",{...}, ...]") parses as that array's further elements.
              resumed =
                  factory.createParser(
                      new SequenceInputStream(new ByteArrayInputStream(RESUME_PREFIX), rest));
              resumed.nextToken();
              resumed.nextToken();
              resumedBase = consumed.advancedBy(skipped).shiftedBack(RESUME_PREFIX.length);
            }
          }
          sink.reject(
              new ImportProblem(
                  source.name(),
                  counter.location(index, null),
                  resumed == null ? reason + "; the rest of the file was not read" : reason));
          if (resumed == null) {
            return;
          }
          if (parser != first) {
            parser.close();
          }
          parser = resumed;
          base = resumedBase;
          arrayDepth = parser.getParsingContext().getNestingDepth();
          continue;
        } catch (JsonProcessingException e) {
          sink.reject(
              new ImportProblem(
                  source.name(),
                  counter.location(index, null),
                  unreadable(e, parser, base) + "; the rest of the file was not read"));
          return;
        }
        if (!node.isObject()) {
          sink.reject(
              new ImportProblem(
                  source.name(),
                  counter.location(index, null),
                  "expected a conversation object, found " + kind(node)));
          continue;
        }
        convert(node, index, source, converter, counter, sink);
      }
    } finally {
      if (parser != first) {
        parser.close();
      }
    }
  }

  private static void convert(
      JsonNode node,
      int index,
      LogSource source,
      Converter converter,
      Counter counter,
      ConversationSink sink) {
    List<Conversation> conversations;
    try {
      conversations = converter.convert(node);
    } catch (UnreadableConversation e) {
      sink.reject(
          new ImportProblem(source.name(), counter.location(index, idOf(node)), e.getMessage()));
      return;
    }
    conversations.forEach(sink::accept);
  }

  /**
   * How a file holds its conversations, once its start has been read.
   *
   * @param single the file's one conversation, read whole, or null when the parser now stands in an
   *     array of conversations (or the file holds none)
   * @param notAnExport why the file holds no conversations, or null
   */
  private record Opened(ObjectNode single, String notAnExport) {}

  /**
   * Moves the parser into the conversations array (a top-level array, or the {@code
   * "conversations"} array of a top-level object), or reads the top-level object whole when it has
   * no such array: then it is one conversation. Of an export object only the fields before the
   * array are held (its small header), never the array itself.
   */
  private Opened openConversations(JsonParser parser) throws IOException {
    JsonToken first = parser.nextToken();
    if (first == JsonToken.START_ARRAY) {
      return new Opened(null, null);
    }
    if (first != JsonToken.START_OBJECT) {
      return new Opened(null, NOT_AN_EXPORT);
    }
    ObjectNode object = mapper.createObjectNode();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if ("conversations".equals(field) && value == JsonToken.START_ARRAY) {
        return new Opened(null, null);
      }
      object.set(field, mapper.readTree(parser));
    }
    return new Opened(object, null);
  }

  /**
   * One line: what the parser met and where in the file, never Jackson's multi-line message with a
   * source excerpt.
   *
   * @param parser the parser that failed: its position stands in when the exception carries none
   *     (constraint violations)
   * @param base where the parser's input starts in the file
   */
  private static String unreadable(JsonProcessingException e, JsonParser parser, Position base) {
    return describe(e, parser.currentLocation(), base, true);
  }

  /**
   * As for a whole file, for one line of a JSONL file that starts at byte {@code lineStart}: no
   * line number.
   */
  static String unreadableLine(JsonProcessingException e, long lineStart) {
    return describe(e, null, new Position(lineStart, 1, 1), false);
  }

  private static String describe(
      JsonProcessingException e, JsonLocation fallback, Position base, boolean withLine) {
    String message =
        e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    boolean utf8 = message.contains("UTF-8");
    JsonLocation location = e.getLocation() != null ? e.getLocation() : fallback;
    String where = "";
    if (location != null) {
      // Jackson reports a bad UTF-8 byte after consuming it; name the byte itself.
      Position at = base.advancedTo(location).shiftedBack(utf8 ? 1 : 0);
      where =
          (withLine ? " at line " + at.line() + ", column " : " at column ")
              + at.column()
              + " (byte offset "
              + at.byteOffset()
              + ")";
    }
    if (e instanceof StreamConstraintsException && message.contains("nesting depth")) {
      return "JSON nested deeper than " + MAX_NESTING + " levels" + where;
    }
    return (utf8 ? "invalid UTF-8" : "malformed JSON") + where + ": " + message;
  }

  /** A position in the file: byte offset from 0, line and column from 1. */
  private record Position(long byteOffset, long line, long column) {
    static final Position START = new Position(0, 1, 1);

    /** The file position of a location reported by a parser whose input starts here. */
    Position advancedTo(JsonLocation location) {
      long line = location.getLineNr();
      return new Position(
          byteOffset + location.getByteOffset(),
          this.line + line - 1,
          line == 1 ? column + location.getColumnNr() - 1 : location.getColumnNr());
    }

    Position advancedBy(JsonStructure.Progress progress) {
      return new Position(
          byteOffset + progress.bytes(),
          line + progress.newlines(),
          progress.newlines() == 0 ? column + progress.bytes() : progress.bytesSinceNewline() + 1);
    }

    Position shiftedBack(int bytes) {
      return new Position(byteOffset - bytes, line, column - bytes);
    }
  }

  private static String idOf(JsonNode conversation) {
    for (String field : new String[] {"conversation_id", "id", "uuid"}) {
      String id = ExportValues.text(conversation, field);
      if (id != null && !id.isBlank()) {
        return id;
      }
    }
    return null;
  }

  private static String kind(JsonNode node) {
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  /** Counts the conversations of a file on demand, once, for problem locations. */
  private final class Counter {
    private final LogSource source;
    private Integer total;

    Counter(LogSource source) {
      this.source = source;
    }

    String location(int index, String id) {
      if (total == null) {
        total = count();
      }
      String of = total >= index ? " of " + total : "";
      return "conversation " + index + of + (id == null ? "" : " (id " + id + ")");
    }

    /**
     * The number of elements of the conversations array, or -1 when the file cannot be read to its
     * end.
     */
    private int count() {
      try (InputStream in = source.open();
          JsonParser parser = factory.createParser(in)) {
        JsonToken first = parser.nextToken();
        if (first == JsonToken.START_OBJECT) {
          boolean array = false;
          while (!array && parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            array = parser.nextToken() == JsonToken.START_ARRAY && "conversations".equals(field);
            if (!array) {
              parser.skipChildren();
            }
          }
          if (!array) {
            return 1; // the object is one conversation
          }
        } else if (first != JsonToken.START_ARRAY) {
          return -1;
        }
        ByteArrayOutputStream unread = new ByteArrayOutputStream();
        parser.releaseBuffered(unread);
        return JsonStructure.countElements(
            new BufferedInputStream(
                new SequenceInputStream(new ByteArrayInputStream(unread.toByteArray()), in)));
      } catch (IOException | RuntimeException e) {
        // Only a location suffix is lost: the problem itself is still reported.
        return -1;
      }
    }
  }
}
