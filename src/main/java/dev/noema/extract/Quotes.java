package dev.noema.extract;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides whether an evidence quote occurs in a turn's text, forgiving the differences that copying
 * a quote introduces but not a change of words.
 *
 * <p>Both sides are normalised the same way: Unicode NFKC; typographic quotes folded to {@code "}
 * and {@code '}; hyphens and dashes (‐ ‑ ‒ – — ― −) folded to {@code -}; the ellipsis character to
 * three dots; Markdown block-quote markers at line starts and the emphasis and code markers {@code
 * * _ ` ~} removed (a quote copied from rendered text has none, the turn's source has them);
 * whitespace runs collapsed to one space; lower case. Stateless and thread-safe.
 */
public final class Quotes {
  private static final Pattern BLOCK_QUOTE_MARKERS = Pattern.compile("(?m)^[ \\t]*(?:>[ \\t]?)+");
  private static final Pattern EMPHASIS_MARKERS = Pattern.compile("[*_`~]");
  private static final Pattern DOUBLE_QUOTES = Pattern.compile("[\"“”„‟«»″]");
  private static final Pattern SINGLE_QUOTES = Pattern.compile("['‘’‚‛‹›′]");
  private static final Pattern DASHES =
      Pattern.compile("[\\u2010-\\u2015\\u2212\\uFE58\\uFE63\\uFF0D]");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private Quotes() {}

  /** The normal form both a quote and a text are compared in. */
  public static String normalize(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
    s = BLOCK_QUOTE_MARKERS.matcher(s).replaceAll("");
    s = EMPHASIS_MARKERS.matcher(s).replaceAll("");
    s = DOUBLE_QUOTES.matcher(s).replaceAll("\"");
    s = SINGLE_QUOTES.matcher(s).replaceAll("'");
    s = DASHES.matcher(s).replaceAll("-");
    s = s.replace("…", "...");
    return WHITESPACE.matcher(s).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
  }

  /** Whether {@code quote} occurs in {@code text} after normalisation; a blank quote never does. */
  public static boolean occursIn(String quote, String text) {
    String q = normalize(quote);
    return !q.isEmpty() && normalize(text).contains(q);
  }
}
