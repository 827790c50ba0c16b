package dev.noema.kb;

import java.nio.file.Path;

/**
 * Where a knowledge base lives and what it is read with.
 *
 * @param folder the knowledge-base folder: TDB2 in {@code folder/tdb2}, embedded Neo4j in {@code folder/neo4j}, the LLM
 *     cache and {@code noema.yaml} beside them
 * @param endpoint a remote SPARQL 1.1 dataset URL to use instead of the embedded TDB2, or null
 * @param ontology an ontology file to use instead of Noema's own, or null
 */
public record KnowledgeBaseConfig(Path folder, String endpoint, Path ontology) {

  /** The default folder when neither {@code --data} nor {@code NOEMA_DATA} says otherwise. */
  public static final Path DEFAULT_FOLDER = Path.of("noema-data");

  public static KnowledgeBaseConfig folder(Path folder) {
    return new KnowledgeBaseConfig(folder, null, null);
  }

  /** The TDB2 folder inside the knowledge base. */
  public Path tdb2Folder() {
    return folder.resolve("tdb2");
  }
}
