package dev.noema.meaning;

import java.util.Locale;
import java.util.Objects;

/**
 * A text literal with its language tag: a definition or an interpretation's statement.
 *
 * @param text the lexical form
 * @param language the tag in lower case, "" when untagged
 */
public record LangText(String text, String language) {
  public LangText {
    Objects.requireNonNull(text, "text");
    language = language == null ? "" : language.toLowerCase(Locale.ROOT);
  }
}
