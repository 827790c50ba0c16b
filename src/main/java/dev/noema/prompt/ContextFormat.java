package dev.noema.prompt;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a context is written for a prompt. */
public enum ContextFormat {
  /**
   * One fact per line with citation keys, then a legend of the keys: the default, the cheapest in
   * tokens.
   */
  COMPACT,
  /** The facts, their reification, evidence and turns as RDF Turtle. */
  TURTLE,
  /** A JSON object: question, facts with citations, sources by key. */
  JSON,
  /** One (subject, predicate, object) line per fact with its keys, then the legend; no quotes. */
  TRIPLES;

  /**
   * Parses a format name, case-insensitively.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static ContextFormat parse(String name) {
    for (ContextFormat f : values()) {
      if (f.name().equalsIgnoreCase(name.trim())) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown context format '"
            + name
            + "': use one of "
            + Arrays.stream(values())
                .map(f -> f.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")));
  }
}
