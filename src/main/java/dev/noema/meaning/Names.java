package dev.noema.meaning;

import dev.noema.text.Text;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every name of one resource, in every language, and the one rule that picks the name to show for a
 * language ({@link #display}). Everything in Noema that shows a resource by name (the topology, the
 * map, the prompt's context, the Neo4j projection's {@code label}) asks here.
 *
 * <p>Immutable and thread-safe. {@link #all()} is ordered as {@link #display} ranks names for no
 * language in particular: by kind, then language tag, then text.
 */
public final class Names {
  /**
   * The language names are shown in when the caller has no preference: the canonical labels the
   * extractors mint are English.
   */
  public static final String DEFAULT_LANGUAGE = "en";

  private static final Names NONE = new Names(List.of());

  private final List<Name> all;

  private Names(List<Name> all) {
    this.all = all;
  }

  /** The names given, duplicates (same text, language and property) once. */
  public static Names of(Collection<Name> names) {
    if (names.isEmpty()) {
      return NONE;
    }
    List<Name> sorted = new ArrayList<>(new LinkedHashSet<>(names));
    sorted.sort(
        Comparator.comparing(Name::kind)
            .thenComparing(Name::language)
            .thenComparing(Name::text)
            .thenComparing(Name::property));
    return new Names(List.copyOf(sorted));
  }

  /** No names. */
  public static Names none() {
    return NONE;
  }

  public List<Name> all() {
    return all;
  }

  /**
   * The name to show for {@code language} (a BCP 47 tag such as "ru" or "en-GB"; null or "" for
   * {@link #DEFAULT_LANGUAGE}), or empty when there are no names. Ranked, in order:
   *
   * <ol>
   *   <li>language: a name tagged exactly {@code language}, then one of the same primary language
   *       ("en-GB" for "en"), then an untagged name, then any other;
   *   <li>kind: {@link NameKind#PREFERRED}, then {@link NameKind#PLAIN}, then {@link
   *       NameKind#ALTERNATIVE};
   *   <li>text, in code-point order, so that the same names always give the same choice.
   * </ol>
   */
  public Optional<Name> best(String language) {
    String wanted =
        language == null || language.isBlank()
            ? DEFAULT_LANGUAGE
            : language.toLowerCase(Locale.ROOT);
    String primary = Text.primaryLanguage(wanted);
    Name best = null;
    int bestRank = Integer.MAX_VALUE;
    for (Name name : all) {
      int rank = languageRank(name.language(), wanted, primary);
      if (rank < bestRank || (rank == bestRank && better(name, best))) {
        best = name;
        bestRank = rank;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The text of {@link #best}, or empty when there are no names. */
  public Optional<String> display(String language) {
    return best(language).map(Name::text);
  }

  /**
   * The best name tagged exactly {@code language} (lower case), or empty when no name has that tag.
   */
  public Optional<String> inLanguage(String language) {
    return best(language).filter(n -> n.language().equals(language)).map(Name::text);
  }

  /** The text of the first name stated by {@code property}, or empty. */
  public Optional<String> of(String property) {
    return all.stream().filter(n -> n.property().equals(property)).map(Name::text).findFirst();
  }

  /** Every distinct text, in {@link #all()} order. */
  public List<String> texts() {
    Set<String> texts = new LinkedHashSet<>();
    all.forEach(n -> texts.add(n.text()));
    return List.copyOf(texts);
  }

  /** Every language tag among the names ("" for untagged), sorted. */
  public Set<String> languages() {
    Set<String> languages = new TreeSet<>();
    all.forEach(n -> languages.add(n.language()));
    return languages;
  }

  /**
   * The distinct texts per language tag ("" for untagged), tags sorted, each list preferred names
   * first.
   */
  public Map<String, List<String>> byLanguage() {
    Map<String, Set<String>> grouped = new TreeMap<>();
    all.forEach(
        n -> grouped.computeIfAbsent(n.language(), k -> new LinkedHashSet<>()).add(n.text()));
    Map<String, List<String>> result = new LinkedHashMap<>();
    grouped.forEach((language, texts) -> result.put(language, List.copyOf(texts)));
    return result;
  }

  private static boolean better(Name candidate, Name current) {
    int byKind = candidate.kind().compareTo(current.kind());
    return byKind < 0 || (byKind == 0 && candidate.text().compareTo(current.text()) < 0);
  }

  private static int languageRank(String tag, String wanted, String primary) {
    if (tag.equals(wanted)) {
      return 0;
    }
    if (!tag.isEmpty() && Text.primaryLanguage(tag).equals(primary)) {
      return 1;
    }
    return tag.isEmpty() ? 2 : 3;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Names other && all.equals(other.all);
  }

  @Override
  public int hashCode() {
    return all.hashCode();
  }

  @Override
  public String toString() {
    return all.toString();
  }
}
