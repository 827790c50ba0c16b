package dev.noema.neo4j;

/**
 * Neo4j cannot do what was asked: unreachable server, data folder in use, a Cypher error. The message is one line a
 * user can act on (the server's message, the URI, the folder); the cause is kept for debugging only.
 */
public final class Neo4jException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public Neo4jException(String message) {
    super(message);
  }

  public Neo4jException(String message, Throwable cause) {
    super(message, cause);
  }
}
