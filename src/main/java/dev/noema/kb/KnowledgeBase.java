package dev.noema.kb;

import dev.noema.conversation.ConversationFormats;
import dev.noema.conversation.MojibakeRepair;
import dev.noema.ontology.OntologyModel;
import dev.noema.extract.StructuralExtractor;
import dev.noema.neo4j.CypherResult;
import dev.noema.neo4j.GraphMapping;
import dev.noema.neo4j.Neo4jConnection;
import dev.noema.neo4j.Neo4jSync;
import dev.noema.neo4j.SyncSummary;
import dev.noema.store.GraphStore;
import dev.noema.store.SparqlEndpointGraphStore;
import dev.noema.store.Tdb2GraphStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A Noema knowledge base: the store, the ontology it is read with, the Neo4j projection, and the operations on them.
 * Open one, use it, close it; it is safe to use from several threads. Neo4j is opened only when first needed (an
 * embedded Neo4j takes seconds to start), and closed with the knowledge base.
 *
 * <pre>{@code
 * try (KnowledgeBase kb = KnowledgeBase.open(KnowledgeBaseConfig.folder(Path.of("noema-data")))) {
 *   ImportReport report = kb.importLogs(ImportRequest.of(List.of(Path.of("chats/"))), ImportListener.NONE);
 * }
 * }</pre>
 */
public final class KnowledgeBase implements AutoCloseable {
  private final KnowledgeBaseConfig config;
  private final GraphStore store;
  private final OntologyModel ontology;
  private final ConversationFormats formats;
  /** Opened on first use; guarded by {@code this}. */
  private Neo4jConnection neo4j;

  private KnowledgeBase(KnowledgeBaseConfig config, GraphStore store, OntologyModel ontology) {
    this.config = config;
    this.store = store;
    this.ontology = ontology;
    this.formats = ConversationFormats.standard();
  }

  /**
   * Opens the knowledge base the configuration names: a remote endpoint when one is set, else the TDB2 folder.
   *
   * @throws dev.noema.store.StoreException when the store cannot be opened (locked by another process, unreachable)
   * @throws dev.noema.ontology.OntologyException when the ontology cannot be read
   */
  public static KnowledgeBase open(KnowledgeBaseConfig config) {
    OntologyModel ontology = config.ontology() == null ? OntologyModel.loadDefault() : OntologyModel.load(config.ontology());
    GraphStore store = config.endpoint() != null
        ? SparqlEndpointGraphStore.connect(config.endpoint())
        : Tdb2GraphStore.open(config.tdb2Folder());
    return new KnowledgeBase(config, store, ontology);
  }

  /** Imports logs; see {@link ImportRequest} for the options and {@link ImportReport} for what is reported. */
  public ImportReport importLogs(ImportRequest request, ImportListener listener) {
    ExtractionStep extraction = new ExtractionStep(ontology, List.of(new StructuralExtractor(ontology)));
    String pipeline = "ontology=" + ontology.version() + ";extract=" + (request.extract() ? extraction.names() : "none");
    LogImporter importer = new LogImporter(store, formats, new MojibakeRepair()::repair, extraction, pipeline);
    return importer.run(request, listener);
  }

  /**
   * The Neo4j projection, opened on first call: the external server of {@link KnowledgeBaseConfig#neo4jServer()}, or
   * else the embedded Neo4j in {@link KnowledgeBaseConfig#neo4jFolder()}, started in this process.
   *
   * @throws dev.noema.neo4j.Neo4jException with one line when the server cannot be reached or the embedded database
   *     does not start (for example while {@code noema serve} holds its folder)
   */
  public synchronized Neo4jConnection neo4j() {
    if (neo4j == null) {
      neo4j = Neo4jConnection.open(config.neo4j());
    }
    return neo4j;
  }

  /** Projects into Neo4j what changed in the store since the last sync; see {@link Neo4jSync}. */
  public SyncSummary syncNeo4j() {
    return new Neo4jSync(neo4j(), new GraphMapping(ontology)).sync(store);
  }

  /**
   * Runs a read-only Cypher query over the projection. It shows the store as of the last sync.
   *
   * @param params driver parameters ({@code $name} in the query), never spliced into its text
   * @throws dev.noema.neo4j.Neo4jException with one line for a syntax error, a write, or an unreachable server
   */
  public CypherResult cypher(String query, Map<String, Object> params) {
    return neo4j().query(query, params, true);
  }

  public GraphStore store() {
    return store;
  }

  public OntologyModel ontology() {
    return ontology;
  }

  public ConversationFormats formats() {
    return formats;
  }

  public KnowledgeBaseConfig config() {
    return config;
  }

  /** Closes Neo4j when it was opened (stopping an embedded one), then the store. */
  @Override
  public void close() {
    try {
      synchronized (this) {
        if (neo4j != null) {
          neo4j.close();
          neo4j = null;
        }
      }
    } finally {
      store.close();
    }
  }
}
