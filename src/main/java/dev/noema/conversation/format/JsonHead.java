package dev.noema.conversation.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What detection can tell from the (possibly cut-off) first 64 KiB of a JSON export: the field
 * names of its first conversation, as slash-separated paths relative to that conversation ({@code
 * mapping}, {@code chat/history}). Arrays add no path segment. The first conversation is the first
 * element of a top-level array, the first element of the array under a top-level {@code
 * conversations} field, or a top-level object itself.
 *
 * <p>Parsing stops quietly at the end of the first conversation, at the end of the head, or at the
 * first syntax error, keeping what it saw: a head cut off mid-string still tells its format.
 */
final class JsonHead {
  /** Where the first conversation was found. */
  enum Shape {
    /** Not JSON, or JSON with no conversation object in it ({@code []}, {@code 42}). */
    NONE,
    /** The first element of a top-level array (or of a top-level {@code conversations} array). */
    ARRAY,
    /** A top-level object. */
    OBJECT
  }

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final int MAX_PATH_DEPTH = 6;

  private final Shape shape;
  private final Set<String> paths;
  private final boolean oneLine;

  private JsonHead(Shape shape, Set<String> paths, boolean oneLine) {
    this.shape = shape;
    this.paths = paths;
    this.oneLine = oneLine;
  }

  static JsonHead of(String head) {
    String trimmed = head.stripLeading();
    if (trimmed.isEmpty() || (trimmed.charAt(0) != '[' && trimmed.charAt(0) != '{')) {
      return new JsonHead(Shape.NONE, Set.of(), false);
    }
    Set<String> paths = new LinkedHashSet<>();
    Shape shape = Shape.NONE;
    boolean topLevelObject = false;
    JsonParser parser = null;
    try {
      parser = FACTORY.createParser(trimmed);
      JsonToken first = parser.nextToken();
      if (first == JsonToken.START_ARRAY) {
        if (parser.nextToken() == JsonToken.START_OBJECT) {
          shape = Shape.ARRAY;
          collect(parser, paths, false);
        }
      } else if (first == JsonToken.START_OBJECT) {
        shape = Shape.OBJECT;
        if (parser.nextToken() == JsonToken.FIELD_NAME
            && "conversations".equals(parser.currentName())
            && parser.nextToken() == JsonToken.START_ARRAY) {
          shape = parser.nextToken() == JsonToken.START_OBJECT ? Shape.ARRAY : Shape.NONE;
          if (shape == Shape.ARRAY) {
            collect(parser, paths, false);
          }
        } else if (parser.currentToken() == JsonToken.FIELD_NAME) {
          topLevelObject = true;
          collect(parser, paths, true);
        }
      }
    } catch (IOException cutOffOrMalformed) {
      // The head ends mid-document, or the file is not JSON: what was collected so far decides.
    }
    // Where reading stopped (the end of the first object, or where the head was cut off) is still
    // on
    // the first line for JSON Lines, never for a pretty-printed object.
    boolean oneLine = topLevelObject && parser != null && parser.currentLocation().getLineNr() == 1;
    if (parser != null) {
      try {
        parser.close();
      } catch (IOException closingAString) {
        // Nothing to release: the parser reads a String.
      }
    }
    return new JsonHead(shape, paths, oneLine);
  }

  /**
   * Collects the paths of the object the parser is in, until its end.
   *
   * @param atField whether the parser already stands on the object's first field name (else just
   *     after its start)
   */
  private static void collect(JsonParser parser, Set<String> paths, boolean atField)
      throws IOException {
    Deque<String> stack = new ArrayDeque<>();
    stack.push("");
    JsonToken token = atField ? parser.currentToken() : parser.nextToken();
    while (token != null) {
      switch (token) {
        case FIELD_NAME -> {
          String path =
              stack.peek().isEmpty()
                  ? parser.currentName()
                  : stack.peek() + "/" + parser.currentName();
          if (stack.size() <= MAX_PATH_DEPTH) {
            paths.add(path);
          }
          JsonToken value = parser.nextToken();
          if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
            stack.push(path);
          }
        }
        case START_OBJECT, START_ARRAY -> stack.push(stack.peek());
        case END_OBJECT, END_ARRAY -> stack.pop();
        default -> {}
      }
      if (stack.isEmpty()) {
        return; // the parser stays on the object's end
      }
      token = parser.nextToken();
    }
  }

  Shape shape() {
    return shape;
  }

  /** Whether the first conversation has this field path. */
  boolean has(String path) {
    return paths.contains(path);
  }

  /** The first conversation's own field names (no nested ones), in file order. */
  List<String> keys() {
    return paths.stream().filter(p -> p.indexOf('/') < 0).toList();
  }

  /**
   * Whether the head is a top-level object that ends on its first line: the first line of a JSON
   * Lines file, not a pretty-printed document.
   */
  boolean objectOnFirstLine() {
    return oneLine;
  }

  /** Whether any field of the first conversation, at any depth, is named {@code name}. */
  boolean hasAnywhere(String name) {
    String suffix = "/" + name;
    return paths.stream().anyMatch(p -> p.equals(name) || p.endsWith(suffix));
  }
}
