package dev.noema.neo4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.types.Entity;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Relationship;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * An open Neo4j: embedded in this process or an external server, always used through the official
 * driver with managed transactions, exactly as a server would be. Closing it closes the driver and
 * stops an embedded database.
 *
 * <p>Thread-safe: the driver is; every call opens its own session.
 */
public final class Neo4jConnection implements AutoCloseable {
  /** How long connecting may take before a server counts as unreachable. */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final DatabaseManagementService embedded;
  private final Driver driver;
  private final String boltUrl;
  private final String database;

  private Neo4jConnection(
      DatabaseManagementService embedded, Driver driver, String boltUrl, String database) {
    this.embedded = embedded;
    this.driver = driver;
    this.boltUrl = boltUrl;
    this.database = database;
  }

  /**
   * Starts the embedded database (about 4 s; needs at least 128 MB of heap for its part) or
   * connects to the server, and checks that it answers.
   *
   * @throws Neo4jException with one line when the server cannot be reached, the data folder is
   *     locked by another process or the embedded database does not start
   */
  public static Neo4jConnection open(Neo4jTarget target) {
    if (target instanceof Neo4jTarget.Embedded e) {
      return openEmbedded(e);
    }
    Neo4jTarget.Server s = (Neo4jTarget.Server) target;
    AuthToken auth =
        s.user() == null ? AuthTokens.none() : AuthTokens.basic(s.user(), s.password());
    return connect(s.uri(), auth, s.database(), null);
  }

  private static Neo4jConnection openEmbedded(Neo4jTarget.Embedded target) {
    DatabaseManagementService dbms;
    try {
      Files.createDirectories(target.folder());
      // Usage reporting has no public setting constant: it is set through a properties file
      // (STACK.md, pitfall 3).
      Path conf = target.folder().resolve("neo4j.conf");
      Files.writeString(
          conf, "# Written by Noema on every start.\ndbms.usage_report.enabled=false\n");
      dbms =
          new DatabaseManagementServiceBuilder(target.folder())
              .setConfig(BoltConnector.enabled, true)
              .setConfig(
                  BoltConnector.listen_address, new SocketAddress(target.host(), target.port()))
              .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
              .setConfig(GraphDatabaseSettings.auth_enabled, !target.loopback())
              .setConfig(
                  GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(target.pageCacheMiB()))
              // Bolt's graceful Netty shutdown otherwise takes ~10 s (STACK.md, pitfall 3).
              .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
              .setConfig(
                  GraphDatabaseInternalSettings.netty_server_shutdown_timeout,
                  Duration.ofSeconds(1))
              .loadPropertiesFromFile(conf)
              .build();
    } catch (IOException e) {
      throw new Neo4jException(
          "cannot create the Neo4j data folder " + target.folder() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (causedByLock(e)) {
        throw Neo4jException.unavailable(
            "the Neo4j data folder "
                + target.folder()
                + " is in use by another process (is `noema serve` running?)",
            e);
      }
      throw Neo4jException.unavailable(
          "embedded Neo4j in " + target.folder() + " did not start: " + rootMessage(e), e);
    }
    try {
      GraphDatabaseAPI db =
          (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
      if (!target.loopback()) {
        // The embedded API bypasses auth, so it can set the password the driver then logs in with.
        dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
            .executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                Map.of("password", target.password()));
      }
      int port =
          db.getDependencyResolver()
              .resolveDependency(ConnectorPortRegister.class)
              .getLocalAddress(ConnectorType.BOLT)
              .getPort();
      String host =
          target.host().contains(":") && !target.host().startsWith("[")
              ? "[" + target.host() + "]"
              : target.host();
      String uri = "bolt://" + host + ":" + port;
      AuthToken auth =
          target.loopback() ? AuthTokens.none() : AuthTokens.basic("neo4j", target.password());
      return connect(uri, auth, GraphDatabaseSettings.DEFAULT_DATABASE_NAME, dbms);
    } catch (RuntimeException e) {
      dbms.shutdown();
      throw e instanceof Neo4jException
          ? e
          : Neo4jException.unavailable(
              "embedded Neo4j in " + target.folder() + " did not start: " + rootMessage(e), e);
    }
  }

  private static Neo4jConnection connect(
      String uri, AuthToken auth, String database, DatabaseManagementService dbms) {
    Config config =
        Config.builder()
            .withConnectionTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .withMaxTransactionRetryTime(15, TimeUnit.SECONDS)
            .withLogging(Logging.none())
            .build();
    Driver driver = null;
    try {
      driver = GraphDatabase.driver(uri, auth, config);
      driver.verifyConnectivity();
      return new Neo4jConnection(dbms, driver, uri, database);
    } catch (RuntimeException e) {
      if (driver != null) {
        driver.close();
      }
      throw Neo4jException.unavailable(
          "cannot reach Neo4j at " + uri + ": " + firstLine(rootMessage(e)), e);
    }
  }

  /**
   * The Bolt URL external tools connect to (Browser, cypher-shell, drivers), e.g. {@code
   * bolt://127.0.0.1:40123}.
   */
  public String boltUrl() {
    return boltUrl;
  }

  /** The database used, or null for the server's default one. */
  public String database() {
    return database;
  }

  /** Whether Neo4j runs in this process. */
  public boolean isEmbedded() {
    return embedded != null;
  }

  /**
   * Runs {@code work} in a managed read transaction (retried on transient errors, so it must be
   * idempotent).
   */
  public <T> T read(TransactionCallback<T> work) {
    try (Session session = session(AccessMode.READ)) {
      return session.executeRead(work);
    } catch (org.neo4j.driver.exceptions.Neo4jException e) {
      throw translate(e);
    }
  }

  /**
   * Runs {@code work} in a managed write transaction (retried on transient errors, so it must be
   * idempotent).
   */
  public <T> T write(TransactionCallback<T> work) {
    try (Session session = session(AccessMode.WRITE)) {
      return session.executeWrite(work);
    } catch (org.neo4j.driver.exceptions.Neo4jException e) {
      throw translate(e);
    }
  }

  /**
   * Runs a Cypher query with parameters passed to the server as driver parameters (never spliced
   * into the text).
   *
   * @param readOnly run in a read transaction: the server rejects any write
   * @throws Neo4jException with the server's message on one line for a syntax error or a rejected
   *     write
   */
  public CypherResult query(String cypher, Map<String, Object> params, boolean readOnly) {
    TransactionCallback<CypherResult> work =
        tx -> {
          Result result = tx.run(cypher, params);
          List<String> columns = result.keys();
          List<List<Object>> rows = new ArrayList<>();
          while (result.hasNext()) {
            Record record = result.next();
            List<Object> row = new ArrayList<>(columns.size());
            for (Value value : record.values()) {
              row.add(toJava(value.asObject()));
            }
            rows.add(row);
          }
          return new CypherResult(columns, rows);
        };
    return readOnly ? read(work) : write(work);
  }

  /** Closes the driver, then stops an embedded database (about a second). */
  @Override
  public void close() {
    try {
      driver.close();
    } finally {
      if (embedded != null) {
        embedded.shutdown();
      }
    }
  }

  private Session session(AccessMode mode) {
    SessionConfig.Builder config = SessionConfig.builder().withDefaultAccessMode(mode);
    if (database != null) {
      config.withDatabase(database);
    }
    return driver.session(config.build());
  }

  private Neo4jException translate(org.neo4j.driver.exceptions.Neo4jException e) {
    if (e instanceof ServiceUnavailableException) {
      return Neo4jException.unavailable(
          "cannot reach Neo4j at " + boltUrl + ": " + firstLine(e.getMessage()), e);
    }
    String prefix =
        e instanceof ClientException && e.code() != null && e.code().contains("SyntaxError")
            ? "Cypher syntax error: "
            : "Neo4j: ";
    return new Neo4jException(prefix + firstLine(e.getMessage()), e);
  }

  private static Object toJava(Object value) {
    if (value instanceof Node n) {
      Map<String, Object> map = entityMap(n);
      map.put("_labels", toList(n.labels()));
      return map;
    }
    if (value instanceof Relationship r) {
      Map<String, Object> map = entityMap(r);
      map.put("_type", r.type());
      return map;
    }
    if (value instanceof org.neo4j.driver.types.Path p) {
      List<Object> parts = new ArrayList<>();
      p.forEach(
          segment -> {
            if (parts.isEmpty()) {
              parts.add(toJava(segment.start()));
            }
            parts.add(toJava(segment.relationship()));
            parts.add(toJava(segment.end()));
          });
      return parts;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(toJava(v)));
      return copy;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), toJava(v)));
      return copy;
    }
    return value;
  }

  private static Map<String, Object> entityMap(Entity entity) {
    Map<String, Object> map = new LinkedHashMap<>();
    entity.asMap().forEach((k, v) -> map.put(k, toJava(v)));
    return map;
  }

  private static List<String> toList(Iterable<String> values) {
    List<String> list = new ArrayList<>();
    values.forEach(list::add);
    return list;
  }

  private static boolean causedByLock(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getClass().getSimpleName().equals("FileLockException")
          || String.valueOf(t.getMessage())
              .toLowerCase(Locale.ROOT)
              .contains("lock file has been locked")) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no message";
    }
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).strip();
  }
}
