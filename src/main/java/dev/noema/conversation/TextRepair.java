package dev.noema.conversation;

import java.util.List;

/**
 * A repair made to a text field while reading it.
 *
 * @param field which field was repaired ("title", "turn 3", ...)
 * @param layers the wrong decodings undone, outermost first (for example {@code ["x-MacRoman"]})
 */
public record TextRepair(String field, List<String> layers) {
  public TextRepair {
    layers = List.copyOf(layers);
  }
}
