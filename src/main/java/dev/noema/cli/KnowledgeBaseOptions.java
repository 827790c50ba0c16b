package dev.noema.cli;

import dev.noema.kb.KnowledgeBase;
import dev.noema.kb.KnowledgeBaseConfig;
import dev.noema.llm.LlmSettings;
import dev.noema.server.ServerClient;
import dev.noema.server.ServerFile;
import dev.noema.store.SparqlEndpointGraphStore;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the knowledge base is: shared by every command that opens one. */
final class KnowledgeBaseOptions {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "${env:NOEMA_DATA:-noema-data}",
      description = "Knowledge-base folder (default: $NOEMA_DATA, else ./noema-data).")
  Path data;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      defaultValue = "${env:NOEMA_ENDPOINT}",
      description =
          "Use a remote SPARQL 1.1 dataset (query, update, graph store protocol) instead of the embedded "
              + "TDB2 store, e.g. http://localhost:3030/noema.")
  String endpoint;

  @Option(
      names = "--ontology",
      paramLabel = "FILE",
      description = "Use this ontology instead of Noema's own ontology/noema.ttl.")
  Path ontology;

  @Option(
      names = "--neo4j-uri",
      paramLabel = "URI",
      defaultValue = "${env:NOEMA_NEO4J_URI}",
      description =
          "Project into this Neo4j server or cluster (bolt:// or neo4j://; user, password and database from "
              + "$NOEMA_NEO4J_USER, $NOEMA_NEO4J_PASSWORD, $NOEMA_NEO4J_DATABASE) instead of the embedded Neo4j in DIR/neo4j "
              + "(default: $NOEMA_NEO4J_URI).")
  String neo4jUri;

  KnowledgeBaseConfig config() {
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("NOEMA_NEO4J_URI", neo4jUri);
    return new KnowledgeBaseConfig(
        data, endpoint, ontology, KnowledgeBaseConfig.neo4jServer(environment));
  }

  /**
   * Opens the knowledge base: through the running {@code noema serve} that holds the folder when
   * there is one (TDB2 locks its folder to one process), else directly.
   */
  KnowledgeBase open() {
    return open(LlmSettings.NONE);
  }

  /**
   * As {@link #open()}, with an LLM configured by {@code flags} over the environment over
   * noema.yaml.
   */
  KnowledgeBase open(LlmSettings flags) {
    if (endpoint == null) {
      Optional<ServerFile> server = ServerFile.live(data);
      if (server.isPresent()) {
        return KnowledgeBase.open(
            config(),
            SparqlEndpointGraphStore.connect(server.get().datasetUrl(), server.get().secret()),
            flags,
            System.getenv());
      }
    }
    return KnowledgeBase.open(config(), flags, System.getenv());
  }

  /**
   * The running {@code noema serve} that owns this knowledge base's embedded Neo4j projection, if
   * one holds the folder: Cypher queries and syncs go through it (the embedded Neo4j locks its
   * folder, and only one process may sync it). Empty with a remote endpoint or an external Neo4j
   * server, which this process reaches itself.
   */
  Optional<ServerClient> neo4jThroughServer() {
    if (endpoint != null || neo4jUri != null && !neo4jUri.isBlank()) {
      return Optional.empty();
    }
    return ServerFile.live(data).map(ServerClient::new);
  }

  /**
   * For commands that need the folder itself: one line naming the server that holds it, if one
   * does.
   */
  void requireNotServed() {
    ServerFile.live(data)
        .ifPresent(
            server -> {
              throw new CommandFailure(
                  "the knowledge base is served by noema serve (PID "
                      + server.pid()
                      + ") at "
                      + server.url()
                      + "; stop it or use its API");
            });
  }
}
