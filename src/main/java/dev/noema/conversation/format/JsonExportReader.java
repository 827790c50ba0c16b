package dev.noema.conversation.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.noema.conversation.Conversation;
import dev.noema.conversation.ConversationSink;
import dev.noema.conversation.ImportProblem;
import dev.noema.conversation.LogSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Streams the conversations of a JSON export: a top-level array of conversation objects, or an object whose
 * {@code conversations} field holds that array. Exactly one conversation is in memory at a time, as a Jackson tree.
 *
 * <p>Problems are reported as {@code conversation k of n (id X)}. Counting {@code n} needs a second pass over the
 * file, so it is done lazily, once, on the first problem only: a clean import reads the file once.
 *
 * <p>A JSON syntax error, invalid UTF-8 or a nesting deeper than {@link #MAX_NESTING} levels leaves the parser unable
 * to find the next conversation: it is reported for the conversation it occurs in and the rest of the file is not
 * read; the conversations before it have been delivered. Thread-safe: the factory and mapper are immutable after
 * construction.
 */
final class JsonExportReader {
  /** Jackson's own default; deeper JSON in a chat export is an attack or a broken file, not a conversation. */
  static final int MAX_NESTING = StreamReadConstraints.DEFAULT_MAX_DEPTH;

  private final JsonFactory factory;
  private final ObjectMapper mapper;

  JsonExportReader() {
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING)
                    // A pasted log can make a single message tens of megabytes; the pipeline's size policy
                    // decides what to keep, so the parser must not refuse it (Jackson's default is 20 M chars).
                    .maxStringLength(Integer.MAX_VALUE)
                    .build())
            .build();
    this.mapper = new ObjectMapper(factory);
  }

  /** Turns one conversation's JSON into a {@link Conversation}, or refuses it with a reason. */
  @FunctionalInterface
  interface Converter {
    Conversation convert(JsonNode conversation, int index) throws UnreadableConversation;
  }

  /** Parses one standalone JSON document (a JSONL line) with the same limits as the streamed exports. */
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
   * Reads every conversation of {@code source} in file order: each one converted by {@code converter} goes to {@link
   * ConversationSink#accept}, each one that cannot be read to {@link ConversationSink#reject}.
   *
   * @throws IOException when the file itself cannot be read
   */
  void read(LogSource source, Converter converter, ConversationSink sink) throws IOException {
    Counter counter = new Counter(source);
    try (InputStream in = source.open();
        JsonParser parser = factory.createParser(in)) {
      String notAnExport;
      try {
        notAnExport = openConversationArray(parser);
      } catch (JsonProcessingException e) {
        notAnExport = unreadable(e);
      }
      if (notAnExport != null) {
        sink.reject(new ImportProblem(source.name(), null, notAnExport));
        return;
      }
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
        } catch (JsonProcessingException e) {
          sink.reject(
              new ImportProblem(
                  source.name(),
                  counter.location(index, null),
                  unreadable(e) + "; the rest of the file was not read"));
          return;
        }
        if (!node.isObject()) {
          sink.reject(
              new ImportProblem(
                  source.name(), counter.location(index, null), "expected a conversation object, found " + kind(node)));
          continue;
        }
        Conversation conversation;
        try {
          conversation = converter.convert(node, index);
        } catch (UnreadableConversation e) {
          sink.reject(new ImportProblem(source.name(), counter.location(index, idOf(node)), e.getMessage()));
          continue;
        }
        sink.accept(conversation);
      }
    }
  }

  /**
   * Moves the parser onto the conversations array.
   *
   * @return null when it is there, else why the file is not a conversation export
   */
  private static String openConversationArray(JsonParser parser) throws IOException {
    JsonToken first = parser.nextToken();
    if (first == JsonToken.START_ARRAY) {
      return null;
    }
    if (first != JsonToken.START_OBJECT) {
      return "expected a JSON array of conversations";
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if ("conversations".equals(field) && value == JsonToken.START_ARRAY) {
        return null;
      }
      parser.skipChildren();
    }
    return "expected a JSON array of conversations or an object with a \"conversations\" array";
  }

  /** One line: what the parser met and where, never Jackson's multi-line message with the source excerpt. */
  static String unreadable(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where =
        at == null
            ? ""
            : " at line " + at.getLineNr() + ", column " + at.getColumnNr() + " (byte offset " + at.getByteOffset() + ")";
    String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    if (e instanceof StreamConstraintsException && message.contains("nesting depth")) {
      return "JSON nested deeper than " + MAX_NESTING + " levels" + where;
    }
    String what = message.contains("UTF-8") ? "invalid UTF-8" : "malformed JSON";
    return what + where + ": " + message;
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

    /** The number of elements of the conversations array, or -1 when the file cannot be parsed to its end. */
    private int count() {
      JsonFactory lenient =
          factory.rebuild().streamReadConstraints(
              factory.streamReadConstraints().rebuild().maxNestingDepth(Integer.MAX_VALUE).build())
              .build();
      try (InputStream in = source.open();
          JsonParser parser = lenient.createParser(in)) {
        if (openConversationArray(parser) != null) {
          return -1;
        }
        int n = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
          if (token == null) {
            return -1;
          }
          parser.skipChildren();
          n++;
        }
        return n;
      } catch (IOException | RuntimeException e) {
        // Only a location suffix is lost: the problem itself is still reported.
        return -1;
      }
    }
  }
}
