package dev.noema.topology;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.noema.ontology.Iris;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
 * @param kind whether it is an idea, a holder's view of ideas, or a statement about them
 */
public record Entity(
    String iri,
    String label,
    Set<String> types,
    List<String> labels,
    Set<String> mentions,
    double salience,
    Kind kind) {

  /**
   * What an entity stands for, as the centres tell ideas from the rest: the ontology makes a claim
   * disjoint from a concept, and a perspective is a holder's view of concepts.
   */
  public enum Kind {
    /** A concept, person, module, method, work...: what the ideas of a conversation are. */
    IDEA,
    /** A perspective ({@code noema:Perspective}): a holder's view of ideas. */
    VIEW,
    /** A claim or hypothesis ({@code noema:Claim}): a statement about ideas. */
    STATEMENT;

    /** How JSON writes it: in lower case, as the other kinds Noema writes. */
    @JsonValue
    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Entity {
    Objects.requireNonNull(iri, "iri");
    Objects.requireNonNull(label, "label");
    types = Set.copyOf(types);
    labels = List.copyOf(labels);
    mentions = Set.copyOf(mentions);
    Objects.requireNonNull(kind, "kind");
    if (!(salience >= 0)) {
      throw new IllegalArgumentException("salience must not be negative: " + salience);
    }
  }

  /** An idea of salience 1, as every entity of a graph built by hand. */
  public Entity(
      String iri, String label, Set<String> types, List<String> labels, Set<String> mentions) {
    this(iri, label, types, labels, mentions, 1.0, Kind.IDEA);
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
