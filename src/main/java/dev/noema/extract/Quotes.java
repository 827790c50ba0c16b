package dev.noema.extract;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether an evidence quote occurs in a turn's text, forgiving the differences that copying
 * a quote introduces but not a change of words.
 *
 * <p>Both sides are normalised the same way: Unicode NFKC; typographic quotes folded to {@code "}
 * and {@code '}; hyphens and dashes (‐ ‑ ‒ – — ― −) folded to {@code -}; the ellipsis character to
 * three dots; Markdown block-quote markers at line starts and the emphasis and code markers {@code
 * * _ ` ~} removed (a quote copied from rendered text has none, the turn's source has them);
 * whitespace runs collapsed to one space; lower case. The normal form is built character by
 * character with the offsets of the characters each came from ({@link #mapped}), so a match in it
 * is a span of the original text. Stateless and thread-safe.
 */
public final class Quotes {
  private static final Pattern BLOCK_QUOTE_MARKERS = Pattern.compile("(?m)^[ \\t]*(?:>[ \\t]?)+");
  private static final String EMPHASIS_MARKERS = "*_`~";
  private static final String DOUBLE_QUOTES = "\"“”„‟«»″";
  private static final String SINGLE_QUOTES = "'‘’‚‛‹›′";

  /**
   * A text derived from another, with for each of its characters the offsets {@code [from, to)} of
   * the original characters it came from.
   */
  record Mapped(String text, int[] fromOffsets, int[] toOffsets) {
    int from(int index) {
      return fromOffsets[index];
    }

    int to(int index) {
      return toOffsets[index];
    }
  }

  private Quotes() {}

  /** The normal form both a quote and a text are compared in. */
  public static String normalize(String text) {
    return mapped(text).text();
  }

  /** Whether {@code quote} occurs in {@code text} after normalisation; a blank quote never does. */
  public static boolean occursIn(String quote, String text) {
    String q = normalize(quote);
    return !q.isEmpty() && normalize(text).contains(q);
  }

  /**
   * {@code text} as a reader sees it rendered: without block-quote, emphasis and code markers, its
   * whitespace runs one space; case, quotes and dashes as written.
   */
  static String plain(String text) {
    String s = BLOCK_QUOTE_MARKERS.matcher(text).replaceAll("");
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (EMPHASIS_MARKERS.indexOf(c) < 0) {
        out.append(c);
      }
    }
    return out.toString().replaceAll("\\s+", " ").strip();
  }

  /** The normal form of {@code text}, mapped to the offsets of {@code text}. */
  static Mapped mapped(String text) {
    boolean[] marker = new boolean[text.length()];
    Matcher m = BLOCK_QUOTE_MARKERS.matcher(text);
    while (m.find()) {
      Arrays.fill(marker, m.start(), m.end(), true);
    }
    Builder out = new Builder(text.length());
    int i = 0;
    while (i < text.length()) {
      // A base character with the combining marks after it is normalised as one unit, so that NFKC
      // can compose them.
      int end = i + Character.charCount(text.codePointAt(i));
      while (end < text.length() && isMark(text.codePointAt(end))) {
        end += Character.charCount(text.codePointAt(end));
      }
      if (!marker[i]) {
        String unit = text.substring(i, end);
        if ((end - i > 1 || text.charAt(i) >= 0x80)
            && !Normalizer.isNormalized(unit, Normalizer.Form.NFKC)) {
          unit = Normalizer.normalize(unit, Normalizer.Form.NFKC);
        }
        for (int k = 0; k < unit.length(); k++) {
          out.add(fold(unit.charAt(k)), i, end);
        }
      }
      i = end;
    }
    return out.build();
  }

  /**
   * The words of an already normalised text: its letters and digits, every other run of characters
   * one space, mapped to the offsets of {@code normalized}.
   */
  static Mapped words(String normalized) {
    Builder out = new Builder(normalized.length());
    for (int i = 0; i < normalized.length(); i++) {
      char c = normalized.charAt(i);
      out.add(Character.isLetterOrDigit(c) ? String.valueOf(c) : " ", i, i + 1);
    }
    return out.build();
  }

  /** One character of the normal form: "" to drop it, " " for whitespace. */
  private static String fold(char c) {
    if (EMPHASIS_MARKERS.indexOf(c) >= 0) {
      return "";
    }
    if (DOUBLE_QUOTES.indexOf(c) >= 0) {
      return "\"";
    }
    if (SINGLE_QUOTES.indexOf(c) >= 0) {
      return "'";
    }
    if (c >= '\u2010' && c <= '\u2015'
        || c == '\u2212'
        || c == '\uFE58'
        || c == '\uFE63'
        || c == '\uFF0D') {
      return "-";
    }
    if (c == '…') {
      return "...";
    }
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return " ";
    }
    if (Character.isSurrogate(c)) {
      return String.valueOf(c);
    }
    return String.valueOf(c).toLowerCase(Locale.ROOT);
  }

  private static boolean isMark(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /** Appends folded characters, collapsing spaces and dropping them at both ends. */
  private static final class Builder {
    private final StringBuilder text;
    private int[] from;
    private int[] to;
    private boolean pendingSpace;
    private int spaceFrom;
    private int spaceTo;

    Builder(int capacity) {
      this.text = new StringBuilder(capacity);
      this.from = new int[Math.max(16, capacity)];
      this.to = new int[Math.max(16, capacity)];
    }

    void add(String folded, int sourceFrom, int sourceTo) {
      for (int k = 0; k < folded.length(); k++) {
        char c = folded.charAt(k);
        if (c == ' ') {
          if (!pendingSpace && text.length() > 0) {
            pendingSpace = true;
            spaceFrom = sourceFrom;
            spaceTo = sourceTo;
          }
          continue;
        }
        if (pendingSpace) {
          put(' ', spaceFrom, spaceTo);
          pendingSpace = false;
        }
        put(c, sourceFrom, sourceTo);
      }
    }

    private void put(char c, int sourceFrom, int sourceTo) {
      if (text.length() == from.length) {
        from = Arrays.copyOf(from, from.length * 2);
        to = Arrays.copyOf(to, to.length * 2);
      }
      from[text.length()] = sourceFrom;
      to[text.length()] = sourceTo;
      text.append(c);
    }

    Mapped build() {
      return new Mapped(
          text.toString(), Arrays.copyOf(from, text.length()), Arrays.copyOf(to, text.length()));
    }
  }
}
