package dev.noema.topology;

import dev.noema.meaning.NameIndex;
import java.util.Collection;
import java.util.List;

/**
 * Finds the entities of a meaning graph by IRI or by any of their labels, in any language, as the
 * meaning package's {@link NameIndex} matches names (their {@link dev.noema.text.Text#key keys}). A
 * miss throws {@link UnknownConceptException} with the closest labels ("did you mean").
 *
 * <p>Immutable and thread-safe. When two entities share a label, the one with the smaller IRI wins.
 */
public final class ConceptIndex {
  private static final int SUGGESTIONS = 5;

  private final NameIndex names;

  ConceptIndex(Collection<Entity> entities) {
    this.names =
        new NameIndex(
            entities.stream()
                .map(e -> new NameIndex.Entry(e.iri(), e.label(), e.labels()))
                .toList());
  }

  /**
   * The IRI of the entity named {@code labelOrIri}.
   *
   * @throws UnknownConceptException when no entity has that IRI or label
   */
  public String resolve(String labelOrIri) {
    return names
        .find(labelOrIri)
        .map(NameIndex.Entry::iri)
        .orElseThrow(() -> new UnknownConceptException(labelOrIri.strip(), closest(labelOrIri)));
  }

  /** Up to five labels closest to {@code query}, closest first (ties by label). */
  public List<String> closest(String query) {
    return names.closest(query, SUGGESTIONS).stream().map(NameIndex.Suggestion::name).toList();
  }
}
