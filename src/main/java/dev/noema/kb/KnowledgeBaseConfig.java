package dev.noema.kb;

import dev.noema.neo4j.Neo4jTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a knowledge base lives and what it is read with.
 *
 * @param folder the knowledge-base folder: TDB2 in {@code folder/tdb2}, embedded Neo4j in {@code
 *     folder/neo4j}, the LLM cache, the retrieval index cache ({@code folder/index}) and {@code
 *     noema.yaml} beside them
 * @param endpoint a remote SPARQL 1.1 dataset URL to use instead of the embedded TDB2, or null
 * @param ontology an ontology file to use instead of Noema's own, or null
 * @param neo4jServer an external Neo4j server or cluster for the projection, or null for the
 *     embedded Neo4j in {@code folder/neo4j}
 * @param embeddedNeo4j how to start the embedded Neo4j (Bolt address, port, password), or null for
 *     {@link Neo4jTarget#embedded} of {@link #neo4jFolder()}; ignored when {@code neo4jServer} is
 *     set
 */
public record KnowledgeBaseConfig(
    Path folder,
    String endpoint,
    Path ontology,
    Neo4jTarget.Server neo4jServer,
    Neo4jTarget.Embedded embeddedNeo4j) {

  /** The default folder when neither {@code --data} nor {@code NOEMA_DATA} says otherwise. */
  public static final Path DEFAULT_FOLDER = Path.of("noema-data");

  /** A knowledge base with no external Neo4j server. */
  public KnowledgeBaseConfig(Path folder, String endpoint, Path ontology) {
    this(folder, endpoint, ontology, null, null);
  }

  /** A knowledge base whose embedded Neo4j, if used, starts with the defaults. */
  public KnowledgeBaseConfig(
      Path folder, String endpoint, Path ontology, Neo4jTarget.Server neo4jServer) {
    this(folder, endpoint, ontology, neo4jServer, null);
  }

  public static KnowledgeBaseConfig folder(Path folder) {
    return new KnowledgeBaseConfig(folder, null, null, null, null);
  }

  /**
   * This configuration with the embedded Neo4j's Bolt connector on {@code host:port} ({@code noema
   * serve --bolt-host}): auth off on loopback, else on with {@code password} for user {@code
   * neo4j}.
   *
   * @throws dev.noema.neo4j.Neo4jException when {@code host} is not loopback and there is no
   *     password
   */
  public KnowledgeBaseConfig withEmbeddedBolt(String host, int port, String password) {
    return new KnowledgeBaseConfig(
        folder,
        endpoint,
        ontology,
        neo4jServer,
        new Neo4jTarget.Embedded(
            neo4jFolder(),
            host,
            port,
            password,
            Neo4jTarget.embedded(neo4jFolder()).pageCacheMiB()));
  }

  /**
   * The external Neo4j the environment names: {@code NOEMA_NEO4J_URI} with {@code
   * NOEMA_NEO4J_USER}, {@code NOEMA_NEO4J_PASSWORD} and {@code NOEMA_NEO4J_DATABASE} (each
   * optional); null when no URI is set.
   *
   * @throws dev.noema.neo4j.Neo4jException when the URI is not a bolt:// or neo4j:// URI
   */
  public static Neo4jTarget.Server neo4jServer(Map<String, String> environment) {
    String uri = blankToNull(environment.get("NOEMA_NEO4J_URI"));
    return uri == null
        ? null
        : new Neo4jTarget.Server(
            uri,
            blankToNull(environment.get("NOEMA_NEO4J_USER")),
            blankToNull(environment.get("NOEMA_NEO4J_PASSWORD")),
            blankToNull(environment.get("NOEMA_NEO4J_DATABASE")));
  }

  /** The TDB2 folder inside the knowledge base. */
  public Path tdb2Folder() {
    return folder.resolve("tdb2");
  }

  /**
   * The cache of the retrieval index (Lucene and embeddings) inside the knowledge base; safe to
   * delete.
   */
  public Path indexFolder() {
    return folder.resolve("index");
  }

  /**
   * The folder of the embedded Neo4j inside the knowledge base (used only without an external
   * server).
   */
  public Path neo4jFolder() {
    return folder.resolve("neo4j");
  }

  /**
   * Where the Neo4j projection lives: the external server when one is set, else the embedded one.
   */
  public Neo4jTarget neo4j() {
    if (neo4jServer != null) {
      return neo4jServer;
    }
    return embeddedNeo4j != null ? embeddedNeo4j : Neo4jTarget.embedded(neo4jFolder());
  }

  /**
   * Whether the user uses Neo4j with this knowledge base: an external server is configured, or the
   * embedded Neo4j has been started here before (its folder exists). Commands that change the store
   * sync Neo4j only then.
   */
  public boolean neo4jInUse() {
    return neo4jServer != null || Files.isDirectory(neo4jFolder());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
