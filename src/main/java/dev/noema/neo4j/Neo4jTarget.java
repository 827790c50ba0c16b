package dev.noema.neo4j;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where Neo4j runs: embedded in this process (the default) or an external server reached through
 * Bolt.
 */
public sealed interface Neo4jTarget {

  /**
   * An embedded Neo4j 5.26 with its data in the knowledge base, Bolt on loopback, no auth, 32 MiB
   * page cache.
   */
  static Embedded embedded(Path folder) {
    return new Embedded(folder, Embedded.LOOPBACK, 0, null, 32);
  }

  /**
   * Neo4j started in this process.
   *
   * @param folder data folder, created when absent (for example {@code <kb>/neo4j})
   * @param host address the Bolt connector binds; auth is off only on a loopback address
   * @param port Bolt port, 0 for any free one (the real one is in {@link
   *     Neo4jConnection#boltUrl()})
   * @param password password of user {@code neo4j}; required when {@code host} is not a loopback
   *     address, null otherwise
   * @param pageCacheMiB page cache size
   */
  record Embedded(Path folder, String host, int port, String password, int pageCacheMiB)
      implements Neo4jTarget {
    public static final String LOOPBACK = "127.0.0.1";

    public Embedded {
      Objects.requireNonNull(folder, "data folder");
      Objects.requireNonNull(host, "host");
      if (!isLoopback(host) && (password == null || password.isEmpty())) {
        throw new Neo4jException(
            "embedded Neo4j on " + host + " needs a password: auth may be off only on loopback");
      }
      if (port < 0 || port > 65535) {
        throw new Neo4jException("embedded Neo4j: port " + port + " is not between 0 and 65535");
      }
    }

    /**
     * Whether the connector binds only this machine, so that running without auth exposes nothing.
     */
    public boolean loopback() {
      return isLoopback(host);
    }

    private static boolean isLoopback(String host) {
      return host.equals("localhost")
          || host.startsWith("127.")
          || host.equals("::1")
          || host.equals("[::1]");
    }
  }

  /**
   * An external Neo4j server or cluster (Aura included).
   *
   * @param uri {@code bolt://}, {@code bolt+s://}, {@code neo4j://} or {@code neo4j+s://} URI
   * @param user user name, null for a server without auth
   * @param password password, null for a server without auth
   * @param database database name, null for the server's default database
   */
  record Server(String uri, String user, String password, String database) implements Neo4jTarget {
    public Server {
      Objects.requireNonNull(uri, "uri");
      if (!uri.matches("(bolt|neo4j)(\\+s|\\+ssc)?://.+")) {
        throw new Neo4jException("not a Neo4j URI (bolt:// or neo4j://): " + uri);
      }
    }

    /** A server's password never shows in logs or messages. */
    @Override
    public String toString() {
      return "Server[uri=" + uri + ", user=" + user + ", database=" + database + "]";
    }
  }
}
