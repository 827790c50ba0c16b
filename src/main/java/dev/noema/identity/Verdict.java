package dev.noema.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an identity decision says. */
public enum Verdict {
  /** One entity: a mention resolved to it, or two entities merged. */
  SAME,
  /** Two entities that must stay two: never merged, never suspected again. */
  DIFFERENT,
  /** Perhaps one entity: waiting in the review queue. */
  PENDING;

  /** The name in the graph ("same", "different", "pending"). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Verdict> byId(String id) {
    return Arrays.stream(values()).filter(v -> v.id().equals(id)).findFirst();
  }
}
