package dev.noema.cli;

import dev.noema.kb.KnowledgeBase;
import dev.noema.kb.KnowledgeBaseConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the knowledge base is: shared by every command that opens one. */
final class KnowledgeBaseOptions {
  @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:NOEMA_DATA:-noema-data}",
      description = "Knowledge-base folder (default: $NOEMA_DATA, else ./noema-data).")
  Path data;

  @Option(names = "--endpoint", paramLabel = "URL", defaultValue = "${env:NOEMA_ENDPOINT}",
      description = "Use a remote SPARQL 1.1 dataset (query, update, graph store protocol) instead of the embedded "
          + "TDB2 store, e.g. http://localhost:3030/noema.")
  String endpoint;

  @Option(names = "--ontology", paramLabel = "FILE",
      description = "Use this ontology instead of Noema's own ontology/noema.ttl.")
  Path ontology;

  @Option(names = "--neo4j-uri", paramLabel = "URI", defaultValue = "${env:NOEMA_NEO4J_URI}",
      description = "Project into this Neo4j server or cluster (bolt:// or neo4j://; user, password and database from "
          + "$NOEMA_NEO4J_USER, $NOEMA_NEO4J_PASSWORD, $NOEMA_NEO4J_DATABASE) instead of the embedded Neo4j in DIR/neo4j "
          + "(default: $NOEMA_NEO4J_URI).")
  String neo4jUri;

  KnowledgeBaseConfig config() {
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("NOEMA_NEO4J_URI", neo4jUri);
    return new KnowledgeBaseConfig(data, endpoint, ontology, KnowledgeBaseConfig.neo4jServer(environment));
  }

  KnowledgeBase open() {
    return KnowledgeBase.open(config());
  }
}
