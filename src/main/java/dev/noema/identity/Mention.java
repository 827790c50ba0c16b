package dev.noema.identity;

import java.util.List;
import java.util.Objects;

/**
 * One entity as one extractor named it in one turn: what the {@link Resolver} decides about.
 *
 * @param label the name as written in the turn
 * @param language BCP 47 tag of {@code label} and {@code aliases} ("und" when unknown)
 * @param aliases other names for it in the same language; empty when none
 * @param canonicalLabel the extractor's English name for it, or null
 * @param type IRI of the ontology class it was extracted as
 * @param extractor the extractor's name ("structural", "llm")
 * @param conversationId the conversation of the turn
 * @param turnIndex the turn's index
 */
public record Mention(
    String label,
    String language,
    List<String> aliases,
    String canonicalLabel,
    String type,
    String extractor,
    String conversationId,
    int turnIndex) {

  public Mention {
    Objects.requireNonNull(label, "mention label");
    Objects.requireNonNull(type, "mention type");
    Objects.requireNonNull(extractor, "mention extractor");
    Objects.requireNonNull(conversationId, "mention conversation");
    language = language == null || language.isBlank() ? "und" : language;
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }
}
