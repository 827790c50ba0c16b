package dev.noema.conversation.format;

import java.io.IOException;
import java.io.InputStream;

/**
 * A byte-level walk over JSON structure (strings and brackets only, no tokens, no nesting stack),
 * for where Jackson cannot go on: past a conversation nested deeper than the parser allows, and
 * counting the conversations of a file for problem locations. Any depth costs constant memory. It
 * trusts the bytes to be JSON; on malformed input its answers are wrong but finite.
 */
final class JsonStructure {
  /** How far a walk went: bytes consumed, and the line/column movement for locations. */
  record Progress(long bytes, long newlines, long bytesSinceNewline) {}

  private JsonStructure() {}

  /**
   * Reads {@code in} until {@code open} enclosing levels have been closed, stopping right after the
   * closing bracket.
   *
   * @return how far it read, or null when the input ends first
   */
  static Progress closeLevels(InputStream in, int open) throws IOException {
    int depth = open;
    boolean inString = false;
    boolean escaped = false;
    long bytes = 0;
    long newlines = 0;
    long sinceNewline = 0;
    for (int b = in.read(); b >= 0; b = in.read()) {
      bytes++;
      sinceNewline++;
      if (b == '\n') {
        newlines++;
        sinceNewline = 0;
      }
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '[' || b == '{') {
        depth++;
      } else if (b == ']' || b == '}') {
        depth--;
        if (depth == 0) {
          return new Progress(bytes, newlines, sinceNewline);
        }
      }
    }
    return null;
  }

  /**
   * Counts the elements of the array whose opening bracket was the last byte read from {@code in}.
   *
   * @return the count, or -1 when the input ends before the array does
   */
  static int countElements(InputStream in) throws IOException {
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    boolean empty = true;
    int commas = 0;
    for (int b = in.read(); b >= 0; b = in.read()) {
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
        }
        continue;
      }
      if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
        continue;
      }
      if (depth == 0 && b == ']') {
        return empty ? 0 : commas + 1;
      }
      empty = false;
      if (b == '"') {
        inString = true;
      } else if (b == '[' || b == '{') {
        depth++;
      } else if (b == ']' || b == '}') {
        depth--;
      } else if (b == ',' && depth == 0) {
        commas++;
      }
    }
    return -1;
  }
}
