package dev.noema.topology;

import dev.noema.ontology.Iris;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A vertex of the meaning graph: a resource typed with a sub-class of {@code noema:MeaningEntity}.
 *
 * @param iri the entity's IRI
 * @param label its display name ({@link dev.noema.meaning.Names#display}), else the IRI's last
 *     segment
 * @param types the IRIs of its classes, sorted
 * @param labels every name it carries (canonical, preferred, plain, alternative), any language, for
 *     look-up
 * @param mentions IRIs of the turns it is mentioned in ({@code noema:mentionedInTurn})
 * @param salience how much the conversation is about it, the weight of its random jumps in PageRank
 *     ({@link Salience}); not negative
 * @param view whether it is a perspective (a holder's view of ideas rather than an idea)
 */
public record Entity(
    String iri,
    String label,
    Set<String> types,
    List<String> labels,
    Set<String> mentions,
    double salience,
    boolean view) {
  public Entity {
    Objects.requireNonNull(iri, "iri");
    Objects.requireNonNull(label, "label");
    types = Set.copyOf(types);
    labels = List.copyOf(labels);
    mentions = Set.copyOf(mentions);
    if (!(salience >= 0)) {
      throw new IllegalArgumentException("salience must not be negative: " + salience);
    }
  }

  /** An entity of salience 1 that is no view, as every entity of a graph built by hand. */
  public Entity(
      String iri, String label, Set<String> types, List<String> labels, Set<String> mentions) {
    this(iri, label, types, labels, mentions, 1.0, false);
  }

  /** An entity with only an IRI and a label (tests, generated graphs). */
  public static Entity of(String iri, String label) {
    return new Entity(iri, label, Set.of(), List.of(label), Set.of());
  }

  /** The local name of the first type, for display ("Concept"), or "" when untyped. */
  public String typeName() {
    return types.stream().min(Comparator.naturalOrder()).map(Iris::localName).orElse("");
  }
}
