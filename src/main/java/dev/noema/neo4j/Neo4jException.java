package dev.noema.neo4j;

/**
 * Neo4j cannot do what was asked: unreachable server, data folder in use, a Cypher error. The
 * message is one line a user can act on (the server's message, the URI, the folder); the cause is
 * kept for debugging only.
 */
public final class Neo4jException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean unavailable;

  public Neo4jException(String message) {
    this(message, null, false);
  }

  public Neo4jException(String message, Throwable cause) {
    this(message, cause, false);
  }

  private Neo4jException(String message, Throwable cause, boolean unavailable) {
    super(message, cause);
    this.unavailable = unavailable;
  }

  /** Neo4j is not there to ask: unreachable, not started, or its folder held by another process. */
  static Neo4jException unavailable(String message, Throwable cause) {
    return new Neo4jException(message, cause, true);
  }

  /**
   * Whether the trouble is Neo4j's availability (the service's problem) rather than the request's.
   */
  public boolean unavailable() {
    return unavailable;
  }
}
