package dev.noema.extract;

import java.util.List;
import java.util.Objects;

/**
 * One meaning entity as an extractor found it in one turn.
 *
 * @param key identifies the entity within its {@link Extraction} (relations and interpretations
 *     refer to it by key); unique within one extraction; the same idea mentioned in two turns is
 *     two entities with the same canonical label
 * @param label the name as written in the turn
 * @param language BCP 47 tag of {@code label} ("ru", "en")
 * @param canonicalLabel the canonical English name that mints the entity's IRI, so one idea is one
 *     node everywhere
 * @param type IRI of an extractable class of the ontology
 * @param aliases other names for it, in the language of {@code label}; empty when none
 * @param definition a short definition from the turn, or null
 * @param turnIndex index of the turn it was found in
 * @param evidence the exact quote from that turn that names or defines it
 * @param span where the evidence sits in the turn, once {@link FactValidator} has found it; null
 *     before validation
 */
public record ExtractedEntity(
    String key,
    String label,
    String language,
    String canonicalLabel,
    String type,
    List<String> aliases,
    String definition,
    int turnIndex,
    String evidence,
    QuoteSpan span) {

  /** An entity as an extractor finds it, before validation locates its evidence. */
  public ExtractedEntity(
      String key,
      String label,
      String language,
      String canonicalLabel,
      String type,
      List<String> aliases,
      String definition,
      int turnIndex,
      String evidence) {
    this(
        key, label, language, canonicalLabel, type, aliases, definition, turnIndex, evidence, null);
  }

  public ExtractedEntity {
    Objects.requireNonNull(key, "entity key");
    Objects.requireNonNull(label, "entity label");
    Objects.requireNonNull(canonicalLabel, "entity canonical label");
    Objects.requireNonNull(type, "entity type");
    Objects.requireNonNull(evidence, "entity evidence");
    language = language == null || language.isBlank() ? "und" : language;
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  /** This entity with its evidence located. */
  public ExtractedEntity located(QuoteSpan at) {
    return new ExtractedEntity(
        key, label, language, canonicalLabel, type, aliases, definition, turnIndex, evidence, at);
  }
}
