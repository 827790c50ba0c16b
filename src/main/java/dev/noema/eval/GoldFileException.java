package dev.noema.eval;

/**
 * A gold file that cannot be used; the message is one line naming the file and the line or entry.
 */
public final class GoldFileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public GoldFileException(String message) {
    super(message);
  }
}
