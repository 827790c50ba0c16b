package dev.noema.meaning;

import dev.noema.text.Text;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds resources by any of their names, in any language, the way people type them: two names match
 * when their {@link Text#key keys} are equal (case, Latin accents, punctuation and spacing
 * ignored). The one way Noema looks up a concept by name: {@code noema explore} and the map's
 * search both ask here.
 *
 * <p>Immutable and thread-safe. When two resources share a name, the one with the smaller IRI wins
 * {@link #find}.
 */
public final class NameIndex {
  /** A resource as the index knows it: its IRI, the name it is shown by, and every name. */
  public record Entry(String iri, String label, List<String> names) {
    public Entry {
      names = List.copyOf(names);
    }
  }

  /**
   * A name close to what was asked for.
   *
   * @param name the name as written
   * @param distance the Levenshtein distance between its key and the query's
   */
  public record Suggestion(String iri, String name, int distance) {}

  private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

  private final List<Entry> entries;
  private final Map<String, Entry> byIri = new HashMap<>();
  private final Map<String, Entry> byKey = new HashMap<>();

  /** Per entry (same order), the distinct keys of its names, its label's first. */
  private final List<List<String>> keys = new ArrayList<>();

  public NameIndex(Collection<Entry> entries) {
    this.entries = List.copyOf(entries);
    for (Entry e : this.entries) {
      byIri.put(e.iri(), e);
      Set<String> own = new LinkedHashSet<>();
      own.add(Text.key(e.label()));
      e.names().forEach(n -> own.add(Text.key(n)));
      own.remove("");
      for (String key : own) {
        byKey.merge(key, e, (a, b) -> a.iri().compareTo(b.iri()) <= 0 ? a : b);
      }
      keys.add(List.copyOf(own));
    }
  }

  /** The resource whose IRI is {@code nameOrIri}, else the one with a name of that key. */
  public Optional<Entry> find(String nameOrIri) {
    String trimmed = nameOrIri.strip();
    Entry e = byIri.get(trimmed);
    return Optional.ofNullable(e != null ? e : byKey.get(Text.key(trimmed)));
  }

  /**
   * The resources with a name whose key contains the query's: those with a name of exactly that key
   * first, then by shorter label, then label; at most {@code limit}. Empty for a query without
   * letters or digits.
   */
  public List<Entry> containing(String query, int limit) {
    String wanted = Text.key(query);
    if (wanted.isEmpty()) {
      return List.of();
    }
    List<Entry> found = new ArrayList<>();
    List<Boolean> exact = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      List<String> own = keys.get(i);
      if (own.stream().anyMatch(k -> k.contains(wanted))) {
        found.add(entries.get(i));
        exact.add(own.contains(wanted));
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.<Integer, Boolean>comparing(i -> !exact.get(i))
            .thenComparingInt(i -> found.get(i).label().length())
            .thenComparing(i -> found.get(i).label()));
    return order.stream().limit(limit).map(found::get).toList();
  }

  /**
   * The names closest to {@code query} by the Levenshtein distance of their keys (Apache
   * commons-text), closest first, then by name; one per key, at most {@code limit}.
   */
  public List<Suggestion> closest(String query, int limit) {
    String wanted = Text.key(query);
    Map<String, Suggestion> byName = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      List<String> names = new ArrayList<>();
      names.add(e.label());
      names.addAll(e.names());
      for (String name : names) {
        String key = Text.key(name);
        if (!key.isEmpty()) {
          Suggestion s = new Suggestion(e.iri(), name, DISTANCE.apply(wanted, key));
          byName.merge(key, s, (a, b) -> better(b, a) ? b : a);
        }
      }
    }
    return byName.values().stream()
        .sorted(
            Comparator.comparingInt(Suggestion::distance)
                .thenComparing(Suggestion::name)
                .thenComparing(Suggestion::iri))
        .limit(limit)
        .toList();
  }

  private static boolean better(Suggestion candidate, Suggestion current) {
    int byIri = candidate.iri().compareTo(current.iri());
    return byIri < 0 || (byIri == 0 && candidate.name().compareTo(current.name()) < 0);
  }
}
