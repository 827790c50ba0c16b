package dev.noema.extract;

import java.util.Optional;

/**
 * One turn's text, prepared for finding quotes in it: its {@link Quotes#normalize normal form} and
 * its words (letters and digits), each with the offsets of the original characters every character
 * came from, so that a quote found in either form is a span of the original text.
 *
 * <p>A quote is looked for first as it is (normalised: markup, typographic quotes and dashes, case
 * and whitespace do not count), then by alignment: the stretch of the turn's words closest to the
 * quote's words by edit distance (approximate substring matching, Sellers 1980: O(m·n) for a quote
 * of m and a turn of n characters), kept when its similarity {@code 1 - distance / length} is at
 * least {@link #ALIGNMENT_THRESHOLD}. Alignment forgives what copying a quote by hand introduces
 * (dropped or changed punctuation, an inflected or changed word in a sentence) but not a
 * paraphrase; quotes too short for a similarity to mean anything ({@link #MIN_ALIGNED_WORDS}) are
 * taken only as they are.
 *
 * <p>Not thread-safe (the word form is built on first need); one instance serves one validation.
 */
final class TurnText {
  /** The least similarity of an aligned quote's words to the turn's. */
  static final double ALIGNMENT_THRESHOLD = 0.85;

  /** Quotes of fewer words are only taken as they are. */
  static final int MIN_ALIGNED_WORDS = 3;

  /** Beyond this many cells (quote × turn characters) alignment is not tried: too slow to pay. */
  private static final long MAX_ALIGNMENT_CELLS = 50_000_000L;

  private final String text;
  private final Quotes.Mapped normal;
  private Quotes.Mapped words;

  TurnText(String text) {
    this.text = text;
    this.normal = Quotes.mapped(text);
  }

  /** The normal form of the whole text. */
  String normalized() {
    return normal.text();
  }

  /** Where {@code quote} sits in the text, or empty when it is not grounded there. */
  Optional<QuoteSpan> locate(String quote) {
    String q = Quotes.normalize(quote == null ? "" : quote);
    if (q.isEmpty()) {
      return Optional.empty();
    }
    int at = normal.text().indexOf(q);
    if (at >= 0) {
      int from = normal.from(at);
      int to = normal.to(at + q.length() - 1);
      return Optional.of(
          new QuoteSpan(
              text.codePointCount(0, from), text.codePointCount(0, to), quote.strip(), 1.0, false));
    }
    return align(q);
  }

  private Optional<QuoteSpan> align(String normalizedQuote) {
    String q = Quotes.words(normalizedQuote).text();
    if (q.isEmpty() || q.split(" ").length < MIN_ALIGNED_WORDS) {
      return Optional.empty();
    }
    if (words == null) {
      words = Quotes.words(normal.text());
    }
    String t = words.text();
    if ((long) q.length() * t.length() > MAX_ALIGNMENT_CELLS || t.isEmpty()) {
      return Optional.empty();
    }
    int m = q.length();
    int n = t.length();
    // prev/cur: the edit distance of q[0..i) to the best substring of t ending at j, and where that
    // substring starts.
    int[] prev = new int[n + 1];
    int[] prevStart = new int[n + 1];
    int[] cur = new int[n + 1];
    int[] curStart = new int[n + 1];
    for (int j = 0; j <= n; j++) {
      prevStart[j] = j;
    }
    for (int i = 1; i <= m; i++) {
      cur[0] = i;
      curStart[0] = 0;
      char qc = q.charAt(i - 1);
      for (int j = 1; j <= n; j++) {
        int diagonal = prev[j - 1] + (qc == t.charAt(j - 1) ? 0 : 1);
        int skipQuote = prev[j] + 1;
        int skipText = cur[j - 1] + 1;
        if (diagonal <= skipQuote && diagonal <= skipText) {
          cur[j] = diagonal;
          curStart[j] = prevStart[j - 1];
        } else if (skipQuote <= skipText) {
          cur[j] = skipQuote;
          curStart[j] = prevStart[j];
        } else {
          cur[j] = skipText;
          curStart[j] = curStart[j - 1];
        }
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
      swap = prevStart;
      prevStart = curStart;
      curStart = swap;
    }
    int bestEnd = -1;
    for (int j = 1; j <= n; j++) {
      if (bestEnd < 0 || prev[j] < prev[bestEnd]) {
        bestEnd = j;
      }
    }
    int start = prevStart[bestEnd];
    int end = bestEnd;
    double similarity = 1.0 - (double) prev[bestEnd] / Math.max(m, end - start);
    if (end <= start || similarity < ALIGNMENT_THRESHOLD) {
      return Optional.empty();
    }
    // Whole words: a span that starts or ends inside a word takes all of it.
    while (start > 0 && t.charAt(start - 1) != ' ') {
      start--;
    }
    while (end < n && t.charAt(end) != ' ') {
      end++;
    }
    while (start < end && t.charAt(start) == ' ') {
      start++;
    }
    while (end > start && t.charAt(end - 1) == ' ') {
      end--;
    }
    int first = words.from(start);
    int last = words.to(end - 1);
    // The word form's offsets point into the normal form; map them on to the original text.
    int from = normal.from(first);
    int to = normal.to(last - 1);
    return Optional.of(
        new QuoteSpan(
            text.codePointCount(0, from),
            text.codePointCount(0, to),
            Quotes.plain(text.substring(from, to)),
            similarity,
            true));
  }
}
