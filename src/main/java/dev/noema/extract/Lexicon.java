package dev.noema.extract;

import dev.noema.text.Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The structural extractor's small word lists, read from {@code lexicon.tsv} (form, tab, canonical
 * English label) and {@code acronyms.txt} (one upper-case token a line) beside this class. Both
 * ignore blank lines and {@code #} comments. Forms are matched by {@link Text#key}. Immutable and
 * thread-safe.
 */
final class Lexicon {
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
      canonical.put(Text.key(line.substring(0, tab)), line.substring(tab + 1).strip());
    }
    Set<String> acronyms = new HashSet<>(lines("acronyms.txt"));
    return new Lexicon(canonical, acronyms);
  }

  /** The canonical English label of a term, or null when the lexicon does not list it. */
  String canonical(String label) {
    return canonical.get(Text.key(label));
  }

  boolean isAcronym(String token) {
    return acronyms.contains(token);
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
