package dev.noema.meaning;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A meaning entity: a resource typed with a sub-class of {@code noema:MeaningEntity}
 * (interpretations included).
 *
 * @param types its meaning-entity classes as the ontology means them, sorted: Concept, the
 *     fallback, is left out beside a type that says more ({@link MeaningSchema#withoutFallback});
 *     the store keeps every graph's own
 * @param type the most specific of them ({@link MeaningSchema#mostSpecific})
 * @param names every name, in every language
 * @param definitions its {@code skos:definition}s, by language then text
 * @param mentions IRIs of the turns it is mentioned in ({@code noema:mentionedInTurn}), sorted
 * @param groundings the groundings whose body is the entity itself, in turn order
 */
public record Entity(
    String iri,
    Set<String> types,
    String type,
    Names names,
    List<LangText> definitions,
    List<String> mentions,
    List<Grounding> groundings) {
  public Entity {
    Objects.requireNonNull(iri, "iri");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(names, "names");
    types = Set.copyOf(types);
    definitions = List.copyOf(definitions);
    mentions = List.copyOf(mentions);
    groundings = List.copyOf(groundings);
  }
}
