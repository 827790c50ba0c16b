package dev.noema.conversation.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Small, lenient readers of the values every JSON export carries: texts, times, citation markers.
 */
final class ExportValues {
  /**
   * ChatGPT's inline markup between private-use delimiters: citations {@code
   * \ue200cite\ue202turn0search1\ue201}, file citations, navigation lists. The whole sequence goes,
   * not only its delimiters, or "cite" and the reference ids would be left in the text.
   */
  private static final Pattern CITATION_SEQUENCE = Pattern.compile("\ue200[^\ue201]*\ue201");

  /**
   * An entity mention, {@code \ue200entity\ue202["people","Ada Lovelace",...]\ue201}: its display
   * name is part of the sentence, so it stays.
   */
  private static final Pattern ENTITY_SEQUENCE =
      Pattern.compile(
          "\ue200entity\ue202\\[\"(?:[^\"\\\\]|\\\\.)*\",\\s*\"((?:[^\"\\\\]|\\\\.)*)\"[^\ue201]*\ue201");

  private static final Pattern PRIVATE_USE = Pattern.compile("[\ue000-\uf8ff]");

  /** Epoch values above this are milliseconds: seconds would be past the year 33658. */
  private static final double MILLIS_THRESHOLD = 1e12;

  private ExportValues() {}

  /** The field's text, or null when it is missing, null or not a scalar. */
  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
  }

  /** The field's text, or {@code fallback} when it is missing, null, blank or not a scalar. */
  static String text(JsonNode node, String field, String fallback) {
    String value = text(node, field);
    return value == null || value.isBlank() ? fallback : value;
  }

  /**
   * An epoch time in seconds (or milliseconds, told apart by size), or null when missing or not a
   * number.
   */
  static Instant epoch(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || !value.isNumber()) {
      return null;
    }
    double seconds = value.asDouble();
    if (Math.abs(seconds) >= MILLIS_THRESHOLD) {
      seconds /= 1000;
    }
    long whole = (long) Math.floor(seconds);
    long nanos = Math.round((seconds - whole) * 1e9);
    return Instant.ofEpochSecond(whole, nanos);
  }

  /**
   * An ISO-8601 time with or without an offset (without one it is taken as UTC), or an epoch
   * number; null when missing or unparseable: a bad time drops that time, not the conversation.
   */
  static Instant iso(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      return epoch(node, field);
    }
    String text = value.asText().trim();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException unparseable) {
        return null;
      }
    }
  }

  /**
   * The text without citation sequences (entity mentions reduced to their name) and without any
   * other private-use character.
   */
  static String stripCitations(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '\ue000' && c <= '\uf8ff') {
        String entities = ENTITY_SEQUENCE.matcher(text).replaceAll("$1");
        return PRIVATE_USE
            .matcher(CITATION_SEQUENCE.matcher(entities).replaceAll(""))
            .replaceAll("");
      }
    }
    return text;
  }

  /** The non-blank texts joined by {@code separator}; empty when there are none. */
  static String joined(List<String> texts, String separator) {
    StringBuilder out = new StringBuilder();
    for (String text : texts) {
      if (text == null || text.isBlank()) {
        continue;
      }
      if (out.length() > 0) {
        out.append(separator);
      }
      out.append(text);
    }
    return out.toString();
  }
}
