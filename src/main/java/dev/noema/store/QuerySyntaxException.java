package dev.noema.store;

/** A query does not parse; the message says where (line, column) and what was expected. */
public final class QuerySyntaxException extends StoreException {
  private static final long serialVersionUID = 1L;

  public QuerySyntaxException(String message, Throwable cause) {
    super(message, cause);
  }
}
