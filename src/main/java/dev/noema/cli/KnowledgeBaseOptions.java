package dev.noema.cli;

import dev.noema.kb.KnowledgeBase;
import dev.noema.kb.KnowledgeBaseConfig;
import java.nio.file.Path;
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

  KnowledgeBaseConfig config() {
    return new KnowledgeBaseConfig(data, endpoint, ontology);
  }

  KnowledgeBase open() {
    return KnowledgeBase.open(config());
  }
}
