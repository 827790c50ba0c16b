package dev.noema.store;

/**
 * The store cannot do what was asked; the message is one line a user can act on (which folder,
 * which endpoint).
 */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
