package dev.noema.kb;

import dev.noema.conversation.ConversationFormats;
import dev.noema.conversation.MojibakeRepair;
import dev.noema.ontology.OntologyModel;
import dev.noema.extract.StructuralExtractor;
import dev.noema.store.GraphStore;
import dev.noema.store.SparqlEndpointGraphStore;
import dev.noema.store.Tdb2GraphStore;
import java.nio.file.Path;
import java.util.List;

/**
 * A Noema knowledge base: the store, the ontology it is read with, and the operations on it. Open one, use it, close
 * it; it is safe to use from several threads.
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

  /**
   * Opens the knowledge base over a store the caller has opened (e.g. the SPARQL endpoint of a running {@code noema
   * serve}); closing the knowledge base closes the store.
   */
  public static KnowledgeBase open(KnowledgeBaseConfig config, GraphStore store) {
    OntologyModel ontology = config.ontology() == null ? OntologyModel.loadDefault() : OntologyModel.load(config.ontology());
    return new KnowledgeBase(config, store, ontology);
  }

  /** Imports logs; see {@link ImportRequest} for the options and {@link ImportReport} for what is reported. */
  public ImportReport importLogs(ImportRequest request, ImportListener listener) {
    ExtractionStep extraction = new ExtractionStep(ontology, List.of(new StructuralExtractor(ontology)));
    String pipeline = "ontology=" + ontology.version() + ";extract=" + (request.extract() ? extraction.names() : "none");
    LogImporter importer = new LogImporter(store, formats, new MojibakeRepair()::repair, extraction, pipeline);
    return importer.run(request, listener);
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

  @Override
  public void close() {
    store.close();
  }
}
