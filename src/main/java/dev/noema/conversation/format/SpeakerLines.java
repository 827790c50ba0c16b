package dev.noema.conversation.format;

import dev.noema.conversation.Role;
import dev.noema.conversation.Timestamps;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one way transcripts are told apart into turns: a line that names a speaker from the
 * vocabulary in {@code speakers.tsv} (beside this class), in one of three styles:
 *
 * <ul>
 *   <li>{@link Style#HEADING}: {@code ## User}, {@code ### 🤖 Assistant}, {@code #### You:}, {@code
 *       ## Prompt:}, with an optional message id and time after the label ({@code ## User (`id`) -
 *       2025-10-15T04:37:46+00:00}, {@code ## Human [created:: 2025-06-08T12:37:50Z]}, {@code ## 👤
 *       User · 3/3/2025, 3:35 PM}), or text after a colon;
 *   <li>{@link Style#BOLD}: {@code **ChatGPT:** text}, {@code **Human**: text}, {@code **You** ·
 *       _time_};
 *   <li>{@link Style#PLAIN}: {@code User: text} at the start of a line.
 * </ul>
 *
 * A heading or bold label followed by anything else ({@code ## User experience}) is not a speaker
 * line. Immutable and thread-safe.
 */
final class SpeakerLines {
  /** How a file marks its speakers; a file uses one style throughout. */
  enum Style {
    HEADING,
    BOLD,
    PLAIN
  }

  /**
   * One entry of the vocabulary.
   *
   * @param provider the service an assistant label names ({@code chatgpt} for ChatGPT), or null
   */
  record Speaker(Role role, String provider) {}

  /**
   * A speaker line.
   *
   * @param label the label as written ("ChatGPT", "Prompt")
   * @param messageId the id written after the label, or null
   * @param timeText the time written after the label, or null
   * @param text what follows the label as the turn's first line, or empty
   */
  record Match(
      Style style, String label, Speaker speaker, String messageId, String timeText, String text) {}

  private static final String RESOURCE = "speakers.tsv";

  /** Symbols before the label in a heading or bold label: emoji, ·, -, and the like. */
  private static final String DECORATION = "(?:[^\\p{L}\\p{N}\\s*#]+[ \\t]*)*";

  /** After a label's colon or in its place: an id in backticks, then a time. */
  private static final Pattern METADATA =
      Pattern.compile("^(?:\\(`([^`]+)`\\))?[ \\t]*(?:[-–—·,|][ \\t]*)?(.*)$");

  private static final Pattern DATAVIEW_CREATED =
      Pattern.compile("^\\[created::\\s*(.+?)\\]$", Pattern.CASE_INSENSITIVE);

  private final Map<String, Speaker> vocabulary;
  private final Pattern heading;
  private final Pattern bold;
  private final Pattern plain;

  private SpeakerLines(Map<String, Speaker> vocabulary) {
    this.vocabulary = Map.copyOf(vocabulary);
    String labels =
        vocabulary.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(Pattern::quote)
            .collect(Collectors.joining("|", "(", ")"));
    int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    this.heading =
        Pattern.compile(
            "^#{1,6}[ \\t]+" + DECORATION + labels + "(?![\\p{L}\\p{N}])[ \\t]*(.*)$", flags);
    this.bold =
        Pattern.compile(
            "^\\*\\*" + DECORATION + labels + "(?![\\p{L}\\p{N}])(:?)\\*\\*(:?)[ \\t]*(.*)$",
            flags);
    this.plain = Pattern.compile("^" + labels + ":[ \\t]*(.*)$", flags);
  }

  /** The vocabulary bundled with Noema. */
  static SpeakerLines bundled() {
    Map<String, Speaker> vocabulary = new HashMap<>();
    for (String line : lines()) {
      String[] fields = line.split("\t");
      if (fields.length < 2 || fields.length > 3) {
        throw new IllegalStateException(
            RESOURCE + ": expected 'label<TAB>role[<TAB>provider]', got '" + line + "'");
      }
      Role role = Role.valueOf(fields[1].strip().toUpperCase(Locale.ROOT));
      vocabulary.put(
          key(fields[0].strip()), new Speaker(role, fields.length == 3 ? fields[2].strip() : null));
    }
    return new SpeakerLines(vocabulary);
  }

  /** The speaker line {@code line} is, in any style. */
  Optional<Match> match(String line) {
    if (line.isEmpty()) {
      return Optional.empty();
    }
    char first = line.charAt(0);
    if (first == '#') {
      Matcher m = heading.matcher(line);
      if (m.matches()) {
        String tail = m.group(2).strip();
        boolean colon = tail.startsWith(":");
        return tail(Style.HEADING, m.group(1), colon ? tail.substring(1).strip() : tail, colon);
      }
      return Optional.empty();
    }
    if (first == '*') {
      Matcher m = bold.matcher(line);
      if (m.matches()) {
        boolean colon = !m.group(2).isEmpty() || !m.group(3).isEmpty();
        return tail(Style.BOLD, m.group(1), m.group(4).strip(), colon);
      }
      return Optional.empty();
    }
    Matcher m = plain.matcher(line);
    if (m.matches()) {
      return Optional.of(
          new Match(Style.PLAIN, m.group(1), speaker(m.group(1)), null, null, m.group(2)));
    }
    return Optional.empty();
  }

  /**
   * A heading or bold speaker line from what follows its label: an id and a time, or (after a
   * colon) the turn's first text; anything else after a label without a colon means the line is no
   * speaker line.
   */
  private Optional<Match> tail(Style style, String label, String tail, boolean colon) {
    Speaker speaker = speaker(label);
    if (tail.isEmpty()) {
      return Optional.of(new Match(style, label, speaker, null, null, ""));
    }
    Matcher meta = METADATA.matcher(tail);
    if (meta.matches()) {
      String id = meta.group(1);
      String rest = meta.group(2).strip();
      Matcher dataview = DATAVIEW_CREATED.matcher(rest);
      String time = dataview.matches() ? dataview.group(1) : unemphasised(rest);
      if (rest.isEmpty() && id != null) {
        return Optional.of(new Match(style, label, speaker, id, null, ""));
      }
      if (!rest.isEmpty() && Timestamps.read(time).isPresent()) {
        return Optional.of(new Match(style, label, speaker, id, time, ""));
      }
    }
    return colon
        ? Optional.of(new Match(style, label, speaker, null, null, tail))
        : Optional.empty();
  }

  private Speaker speaker(String label) {
    return vocabulary.get(key(label));
  }

  /** A time written in italics or bold keeps its text. */
  static String unemphasised(String text) {
    String t = text.strip();
    while (t.length() >= 2
        && (t.charAt(0) == '_' || t.charAt(0) == '*')
        && t.charAt(t.length() - 1) == t.charAt(0)) {
      t = t.substring(1, t.length() - 1).strip();
    }
    return t;
  }

  private static String key(String label) {
    return label.toLowerCase(Locale.ROOT);
  }

  private static List<String> lines() {
    InputStream in = SpeakerLines.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("missing resource " + RESOURCE);
    }
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(RESOURCE + ": " + e.getMessage(), e);
    }
    return lines;
  }
}
