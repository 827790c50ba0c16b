package dev.noema.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The structural extractor's small word lists, read from {@code lexicon.tsv} (form, tab, canonical
 * English label) and {@code acronyms.txt} (one upper-case token a line) beside this class. Both
 * ignore blank lines and {@code #} comments. Immutable and thread-safe.
 */
final class Lexicon {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private final Map<String, String> canonical;
  private final Set<String> acronyms;

  private Lexicon(Map<String, String> canonical, Set<String> acronyms) {
    this.canonical = Map.copyOf(canonical);
    this.acronyms = Set.copyOf(acronyms);
  }

  static Lexicon bundled() {
    Map<String, String> canonical = new HashMap<>();
    for (String line : lines("lexicon.tsv")) {
      int tab = line.indexOf('\t');
      if (tab <= 0) {
        throw new IllegalStateException(
            "lexicon.tsv: expected 'form<TAB>canonical', got '" + line + "'");
      }
      canonical.put(fold(line.substring(0, tab)), line.substring(tab + 1).strip());
    }
    Set<String> acronyms = new HashSet<>(lines("acronyms.txt"));
    return new Lexicon(canonical, acronyms);
  }

  /** The canonical English label of a term, or null when the lexicon does not list it. */
  String canonical(String label) {
    return canonical.get(fold(label));
  }

  boolean isAcronym(String token) {
    return acronyms.contains(token);
  }

  /**
   * Lower case, whitespace collapsed, Latin accents removed and ё written е; other scripts keep
   * their letters (folding every combining mark would turn Russian й into и).
   */
  static String fold(String text) {
    String decomposed =
        Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    char base = ' ';
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      boolean mark = Character.getType(c) == Character.NON_SPACING_MARK;
      boolean latinBase = Character.UnicodeScript.of(base) == Character.UnicodeScript.LATIN;
      boolean yo = base == 'е' && c == '\u0308';
      if (mark && (latinBase || yo)) {
        continue;
      }
      out.append(c);
      base = mark ? base : c;
    }
    return WHITESPACE.matcher(Normalizer.normalize(out, Normalizer.Form.NFC)).replaceAll(" ");
  }

  private static Set<String> lines(String resource) {
    Set<String> result = new HashSet<>();
    try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " missing beside " + Lexicon.class.getName());
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          result.add(line.stripTrailing());
        }
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(resource + ": " + e.getMessage(), e);
    }
  }
}
