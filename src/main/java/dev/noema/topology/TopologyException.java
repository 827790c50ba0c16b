package dev.noema.topology;

/** An exploration cannot be answered as asked; the message is one line a user can act on. */
public class TopologyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TopologyException(String message) {
    super(message);
  }
}
