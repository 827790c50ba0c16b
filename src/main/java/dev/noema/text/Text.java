package dev.noema.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one normalisation of labels in Noema: two labels name the same thing for matching, identity
 * and search exactly when their {@link #key keys} are equal.
 *
 * <p>The rules, in order (Unicode-aware, for every script):
 *
 * <ol>
 *   <li>NFKC, so compatibility forms (ligatures, full-width letters, superscripts) read as their
 *       plain letters;
 *   <li>lower case ({@link Locale#ROOT}), and {@code ß} as {@code ss};
 *   <li>accents folded only on Latin letters ({@code café} = {@code cafe}, {@code Grüße} = {@code
 *       grusse}): users of Latin-script languages routinely type without them. Letters of other
 *       scripts keep their marks, because there the mark makes another letter: Russian {@code й} is
 *       not {@code и} ({@code зайка} and {@code заика} are two words). Two documented exceptions in
 *       Cyrillic: {@code ё} is written {@code е}, as most Russian text does, and stress marks
 *       (combining acute and grave, as in dictionaries and textbooks: {@code внима́ние}) are
 *       dropped, because they never make another letter;
 *   <li>typographic quotes, apostrophes and dashes read as their ASCII forms; every run of
 *       characters that are neither letters, digits nor marks becomes one space; leading and
 *       trailing spaces go.
 * </ol>
 *
 * <p>Thread-safe and stateless.
 */
public final class Text {
  private static final int ACUTE = '\u0301';
  private static final int GRAVE = '\u0300';
  private static final int DIAERESIS = '\u0308';
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern TYPOGRAPHIC_APOSTROPHES = Pattern.compile("[\u2018\u2019\u02BC]");
  private static final Pattern TYPOGRAPHIC_DASHES =
      Pattern.compile("[\u2010\u2011\u2012\u2013\u2014\u2212]");

  private Text() {}

  /**
   * The matching key of a label (the rules above); never null, empty for a label with no letters or
   * digits.
   */
  public static String key(String label) {
    if (label == null || label.isEmpty()) {
      return "";
    }
    return SEPARATORS.matcher(letters(label)).replaceAll(" ").strip();
  }

  /**
   * A word or phrase as {@link #key} compares its letters (rules 1 to 3, and typographic
   * apostrophes and dashes as ASCII), with its punctuation kept and whitespace collapsed: the form
   * the extractor stems words in and looks them up in word lists by, where an apostrophe or a
   * hyphen inside a word is part of it ("l'", "tcc-i"). Never null.
   */
  public static String fold(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    // Stripped last: NFKC turns a no-break space into a space.
    String ascii = TYPOGRAPHIC_APOSTROPHES.matcher(letters(text)).replaceAll("'");
    return WHITESPACE
        .matcher(TYPOGRAPHIC_DASHES.matcher(ascii).replaceAll("-"))
        .replaceAll(" ")
        .strip();
  }

  /**
   * Rules 1 to 3 of the key: compatibility forms, case, accents (the key's and the fold's part).
   */
  private static String letters(String text) {
    String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
    return foldMarks(compatible.toLowerCase(Locale.ROOT).replace("ß", "ss"));
  }

  /**
   * A readable identifier segment for a label: its {@link #key} with spaces as hyphens ({@code
   * "Kirill's theory"} gives {@code kirill-s-theory}); {@code "x"} when the key is empty. Not
   * percent-encoded.
   */
  public static String slug(String label) {
    String key = key(label);
    return key.isEmpty() ? "x" : key.replace(' ', '-');
  }

  /**
   * The primary subtag of a BCP 47 language tag, lower case ({@code "en"} for {@code "en-GB"});
   * empty for a null or blank tag. Word lists, stemmers and name choices go by it.
   */
  public static String primaryLanguage(String tag) {
    if (tag == null || tag.isBlank()) {
      return "";
    }
    String t = tag.strip();
    int dash = t.indexOf('-');
    return (dash < 0 ? t : t.substring(0, dash)).toLowerCase(Locale.ROOT);
  }

  /** Whether two labels have the same {@link #key}. */
  public static boolean sameKey(String a, String b) {
    return key(a).equals(key(b));
  }

  /**
   * Whitespace collapsed and trimmed, NFC: the form a label is stored and shown in. Case, accents
   * and punctuation are kept.
   */
  public static String clean(String label) {
    if (label == null) {
      return "";
    }
    return Normalizer.normalize(label, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
  }

  /**
   * Removes combining marks that follow a Latin letter, the diaeresis of Russian ё, and stress
   * marks on Cyrillic letters.
   */
  private static String foldMarks(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    int base = ' ';
    for (int i = 0; i < decomposed.length(); ) {
      int c = decomposed.codePointAt(i);
      i += Character.charCount(c);
      boolean mark = Character.getType(c) == Character.NON_SPACING_MARK;
      if (mark
          && (Character.UnicodeScript.of(base) == Character.UnicodeScript.LATIN
              || (base == 'е' && c == DIAERESIS)
              || (Character.UnicodeScript.of(base) == Character.UnicodeScript.CYRILLIC
                  && (c == ACUTE || c == GRAVE)))) {
        continue;
      }
      out.appendCodePoint(c);
      if (!mark) {
        base = c;
      }
    }
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }
}
