package dev.noema.identity;

import java.util.Objects;

/**
 * One name of an entity.
 *
 * @param text the name as written
 * @param language its BCP 47 tag ("und" when unknown)
 */
public record EntityName(String text, String language) {
  public EntityName {
    Objects.requireNonNull(text, "name text");
    language = language == null || language.isBlank() ? "und" : language;
  }

  /** The name's {@link dev.noema.text.Text#key}. */
  public String key() {
    return NameKeys.exact(text);
  }

  @Override
  public String toString() {
    return "\"" + text + "\"@" + language;
  }
}
