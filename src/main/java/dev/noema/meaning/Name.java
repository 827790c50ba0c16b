package dev.noema.meaning;

import java.util.Locale;
import java.util.Objects;

/**
 * One name of a resource: a literal of one of the label properties the ontology declares.
 *
 * @param text the literal's lexical form, as written
 * @param language its language tag in lower case, "" when untagged
 * @param kind how it ranks as a display name
 * @param property the IRI of the label property that states it
 */
public record Name(String text, String language, NameKind kind, String property) {
  public Name {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(property, "property");
    language = language == null ? "" : language.toLowerCase(Locale.ROOT);
  }
}
