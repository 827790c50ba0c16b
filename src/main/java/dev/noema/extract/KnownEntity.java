package dev.noema.extract;

import java.util.Objects;

/**
 * An entity the knowledge base already holds, as an extraction request shows it: so that the same
 * idea, named again, gets the same canonical label (and so the same node).
 *
 * @param name the name by which the text refers to it (a label or alias as stored)
 * @param canonicalLabel its canonical label
 * @param type IRI of its type
 */
public record KnownEntity(String name, String canonicalLabel, String type) {
  public KnownEntity {
    Objects.requireNonNull(name, "known entity name");
    Objects.requireNonNull(canonicalLabel, "known entity canonical label");
    Objects.requireNonNull(type, "known entity type");
  }
}
