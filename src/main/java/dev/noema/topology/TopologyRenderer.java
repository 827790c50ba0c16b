package dev.noema.topology;

/**
 * Turns a result into text for the CLI: {@link TableRenderer} for people, {@link JsonRenderer} for
 * programs.
 */
public interface TopologyRenderer {

  /** The whole result as text, ending with a newline. */
  String render(TopologyResult result);
}
