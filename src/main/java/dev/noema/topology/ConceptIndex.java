package dev.noema.topology;

import dev.noema.text.Text;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds entities by IRI or by any of their labels, in any language, by their matching key ({@link
 * Text#key}: case, Latin accents, punctuation and spacing ignored; {@code й} stays apart from
 * {@code и}). A miss throws {@link UnknownConceptException} with the closest labels by Levenshtein
 * distance (Apache commons-text).
 *
 * <p>Immutable and thread-safe. When two entities share a label, the one with the smaller IRI wins.
 */
public final class ConceptIndex {
  private static final int SUGGESTIONS = 5;

  private final Map<String, String> byIri = new HashMap<>();
  private final Map<String, String> byKey = new HashMap<>();
  private final Map<String, String> labelOfKey = new HashMap<>();

  ConceptIndex(Collection<Entity> entities) {
    for (Entity e : entities) {
      byIri.put(e.iri(), e.iri());
      Set<String> labels = new LinkedHashSet<>(e.labels());
      labels.add(e.label());
      for (String label : labels) {
        String key = Text.key(label);
        byKey.merge(key, e.iri(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        labelOfKey.putIfAbsent(key, label);
      }
    }
  }

  /**
   * The IRI of the entity named {@code labelOrIri}.
   *
   * @throws UnknownConceptException when no entity has that IRI or label
   */
  public String resolve(String labelOrIri) {
    String trimmed = labelOrIri.strip();
    String iri = byIri.get(trimmed);
    if (iri == null) {
      iri = byKey.get(Text.key(trimmed));
    }
    if (iri == null) {
      throw new UnknownConceptException(trimmed, closest(trimmed));
    }
    return iri;
  }

  /** Up to five labels closest to {@code query}, closest first (ties by label). */
  public List<String> closest(String query) {
    String key = Text.key(query);
    LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
    List<Map.Entry<String, Integer>> scored = new ArrayList<>();
    labelOfKey.forEach((k, label) -> scored.add(Map.entry(label, distance.apply(key, k))));
    return scored.stream()
        .sorted(
            Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                .thenComparing(Map.Entry::getKey))
        .limit(SUGGESTIONS)
        .map(Map.Entry::getKey)
        .toList();
  }
}
