package dev.noema.meaning;

import java.util.Objects;

/**
 * Where something was said: a Web Annotation ({@code noema:Grounding}) whose target is a span of a
 * turn.
 *
 * @param turn IRI of the turn the target's source is
 * @param quote the selector's exact quote ({@code oa:exact}), or null when the target has none
 * @param start the span's first code point in the turn's text ({@code oa:TextPositionSelector}), or
 *     null for a grounding written without offsets
 * @param end the code point after the span, or null with {@code start}
 * @param similarity for a quote found by alignment rather than verbatim, how close the model's
 *     quote was to the turn's text ({@code noema:quoteSimilarity}); else null
 */
public record Grounding(String turn, String quote, Integer start, Integer end, Double similarity) {
  public Grounding {
    Objects.requireNonNull(turn, "turn");
  }

  /** A grounding without offsets or similarity. */
  public Grounding(String turn, String quote) {
    this(turn, quote, null, null, null);
  }
}
