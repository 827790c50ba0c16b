package dev.noema.meaning;

import java.util.Objects;

/**
 * Where something was said: a Web Annotation ({@code noema:Grounding}) whose target is a span of a
 * turn.
 *
 * @param turn IRI of the turn the target's source is
 * @param quote the selector's exact quote ({@code oa:exact}), or null when the target has none
 */
public record Grounding(String turn, String quote) {
  public Grounding {
    Objects.requireNonNull(turn, "turn");
  }
}
