package dev.noema.kb;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.noema.conversation.Conversation;
import dev.noema.conversation.MojibakeRepair;
import dev.noema.conversation.format.ConversationFormats;
import dev.noema.eval.CorpusEvaluation;
import dev.noema.extract.Extractor;
import dev.noema.extract.LlmExtractor;
import dev.noema.extract.StructuralExtractor;
import dev.noema.identity.IdentityReview;
import dev.noema.identity.Resolver;
import dev.noema.llm.CacheMode;
import dev.noema.llm.ChatCalls;
import dev.noema.llm.ChatModels;
import dev.noema.llm.LlmConfig;
import dev.noema.llm.LlmException;
import dev.noema.llm.LlmSettings;
import dev.noema.llm.ResponseCache;
import dev.noema.meaning.MeaningLayers;
import dev.noema.meaning.MeaningSchema;
import dev.noema.neo4j.CypherResult;
import dev.noema.neo4j.GraphMapping;
import dev.noema.neo4j.Neo4jConnection;
import dev.noema.neo4j.Neo4jSync;
import dev.noema.neo4j.SyncSummary;
import dev.noema.ontology.OntologyModel;
import dev.noema.prompt.GraphRetrieval;
import dev.noema.prompt.LazyEmbeddingModel;
import dev.noema.store.GraphChange;
import dev.noema.store.GraphStore;
import dev.noema.store.SparqlEndpointGraphStore;
import dev.noema.store.Tdb2GraphStore;
import dev.noema.topology.DerivedMeasures;
import dev.noema.topology.MeaningGraphs;
import dev.noema.topology.Topology;
import dev.noema.topology.TopologyFilter;
import dev.noema.topology.TopologySettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A Noema knowledge base: the store, the ontology it is read with, the LLM (if one is configured),
 * the Neo4j projection, and the operations on them. Open one, use it, close it; it is safe to use
 * from several threads. Neo4j is opened only when first needed (an embedded Neo4j takes seconds to
 * start), and closed with the knowledge base.
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
  private final MeaningLayers meaning;
  private GraphRetrieval retrieval;
  private ChatModel chatModel;
  private final LlmConfig llm;

  /** Opened on first use; guarded by {@code this}. */
  private Neo4jConnection neo4j;

  /**
   * Neo4j being opened in the background ({@link #startNeo4j}), or null; guarded by {@code this}.
   */
  private CompletableFuture<Neo4jConnection> starting;

  /**
   * Serialises syncs: a sync is not safe to run twice at once on one database (see {@link
   * Neo4jSync}).
   */
  private final Object syncLock = new Object();

  private KnowledgeBase(
      KnowledgeBaseConfig config, GraphStore store, OntologyModel ontology, LlmConfig llm) {
    this.config = config;
    this.store = store;
    this.ontology = ontology;
    this.formats = ConversationFormats.standard();
    // Embedded, the layer read last is kept beside the index, so a new process over an unchanged
    // knowledge base (every CLI command) parses one file instead of querying TDB2.
    this.meaning =
        new MeaningLayers(
            store,
            MeaningSchema.of(ontology),
            config.endpoint() == null ? config.indexFolder() : null);
    this.llm = llm;
  }

  /**
   * Opens the knowledge base the configuration names: a remote endpoint when one is set, else the
   * TDB2 folder.
   *
   * @throws dev.noema.store.StoreException when the store cannot be opened (locked by another
   *     process, unreachable)
   * @throws dev.noema.ontology.OntologyException when the ontology cannot be read
   */
  public static KnowledgeBase open(KnowledgeBaseConfig config) {
    return open(config, LlmSettings.NONE, System.getenv());
  }

  /**
   * Opens the knowledge base with an LLM configured by {@code flags} over {@code env} over {@code
   * noema.yaml} in the folder (see {@link LlmConfig#resolve}); with no provider named anywhere,
   * extraction is structural only.
   *
   * @throws LlmException when the LLM configuration is malformed (nothing is opened then)
   */
  public static KnowledgeBase open(
      KnowledgeBaseConfig config, LlmSettings flags, Map<String, String> env) {
    LlmConfig llm = LlmConfig.resolve(flags, env, config.folder()).orElse(null);
    OntologyModel ontology =
        config.ontology() == null
            ? OntologyModel.loadDefault()
            : OntologyModel.load(config.ontology());
    GraphStore store =
        config.endpoint() != null
            ? SparqlEndpointGraphStore.connect(config.endpoint())
            : Tdb2GraphStore.open(config.tdb2Folder());
    return new KnowledgeBase(config, store, ontology, llm);
  }

  /**
   * Opens the knowledge base over a store the caller has opened (e.g. the SPARQL endpoint of a
   * running {@code noema serve}) with an LLM configured as in {@link #open(KnowledgeBaseConfig,
   * LlmSettings, Map)}; closing the knowledge base closes the store.
   */
  public static KnowledgeBase open(
      KnowledgeBaseConfig config, GraphStore store, LlmSettings flags, Map<String, String> env) {
    LlmConfig llm = LlmConfig.resolve(flags, env, config.folder()).orElse(null);
    OntologyModel ontology =
        config.ontology() == null
            ? OntologyModel.loadDefault()
            : OntologyModel.load(config.ontology());
    return new KnowledgeBase(config, store, ontology, llm);
  }

  /**
   * Imports logs; see {@link ImportRequest} for the options and {@link ImportReport} for what is
   * reported.
   */
  public ImportReport importLogs(ImportRequest request, ImportListener listener) {
    return importer(request.extract()).run(request, listener);
  }

  /**
   * Stores conversations that were not read from a file (a recorded {@code ask}), through the
   * import pipeline: they are repaired, extracted and written whole, like any imported
   * conversation.
   */
  public ImportReport record(String sourceName, List<Conversation> conversations) {
    return importer(true).runConversations(sourceName, conversations);
  }

  /**
   * The import pipeline; its extractors (an LLM client among them) are built only when it extracts.
   */
  private LogImporter importer(boolean extract) {
    ExtractionStep extraction =
        new ExtractionStep(
            ontology, extract ? extractors(null, CacheMode.USE, 0, 0) : List.of(), resolver());
    String pipeline =
        "ontology=" + ontology.version() + ";extract=" + (extract ? extraction.names() : "none");
    return new LogImporter(store, formats, new MojibakeRepair()::repair, extraction, pipeline);
  }

  /**
   * The chat model the configured LLM provider serves, or empty when none is configured. Built on
   * first use and kept (a client holds its HTTP clients; the server asks for it on every {@code
   * /api/ask}).
   */
  public synchronized Optional<ChatModel> chatModel() {
    if (chatModel == null && llm != null) {
      chatModel = ChatModels.create(llm);
    }
    return Optional.ofNullable(chatModel);
  }

  /**
   * Retrieval of the subgraph that bears on a question, built on first use (it indexes the store's
   * labels) and refreshed when the store has changed since. With the embedded TDB2 the index and
   * the embeddings (in-process MiniLM, loaded when first needed) are cached in {@code
   * <folder>/index}: a question never waits for labels to be embedded, it links those lexically
   * ({@link GraphRetrieval#embeddedShare}), and {@link #embedLabels} embeds them. Over a remote
   * endpoint everything is kept in memory and embedded before the first question.
   */
  public synchronized GraphRetrieval retrieval() {
    if (retrieval == null) {
      retrieval =
          new GraphRetrieval(
              meaning,
              new LazyEmbeddingModel(
                  AllMiniLmL6V2QuantizedEmbeddingModel.class,
                  AllMiniLmL6V2QuantizedEmbeddingModel::new),
              config.endpoint() == null ? config.indexFolder() : null,
              GraphRetrieval.MissingEmbeddings.LINK_WITHOUT);
    } else {
      retrieval.refresh();
    }
    return retrieval;
  }

  /**
   * Embeds the labels of the meaning layer that have no cached embedding yet (after an import or an
   * extraction: only the new ones), so that questions link them semantically too.
   *
   * @return how many nodes were embedded
   */
  public int embedLabels() {
    return retrieval().embedMissing();
  }

  /**
   * The topology of the meaning layer (restricted by {@code filter}), ready for analysis; analyses
   * run on first use and are cached in the returned object.
   */
  public Topology topology(TopologyFilter filter, TopologySettings settings) {
    return new Topology(MeaningGraphs.of(meaning.current(), filter), settings);
  }

  /**
   * The meaning layer of the store, read once and kept while the store is unchanged: what the
   * topology, retrieval, the map and the Neo4j projection read meaning from.
   */
  public MeaningLayers meaning() {
    return meaning;
  }

  /**
   * Writes the centrality, cluster and bridge measures of {@code topology} into the derived named
   * graph, replacing the previous analysis, with a PROV activity that records the parameters and
   * filter: results are data, for SPARQL, Cypher and the web view.
   */
  public void saveMeasures(Topology topology, TopologyFilter filter) {
    store.apply(
        GraphChange.put(
            new DerivedMeasures(topology, filter, ontology.version(), Clock.systemUTC())
                .graph()
                .content()));
  }

  /**
   * Re-runs extraction on the conversations the store holds (read back from their dialogue graphs),
   * writing each conversation's per-turn graphs in one transaction; a turn's graph is replaced
   * whole. A conversation an extractor fails on (LLM errors, an offline cache miss) keeps its
   * previous graphs for that extractor and is reported.
   *
   * @throws IllegalArgumentException when the request names an unknown conversation or extractor
   * @throws LlmException when the request asks for the LLM extractor and no provider is configured
   */
  public ExtractReport extract(ExtractRequest request) {
    return new Reextraction(this).run(request);
  }

  /**
   * What {@link #extract} would cost with the LLM, without calling it: calls, prompt tokens and
   * expected output tokens over the conversations the request names (see {@link
   * dev.noema.extract.LlmExtractor#estimate}).
   *
   * @throws IllegalArgumentException when the request names an unknown conversation
   * @throws LlmException when no provider is configured
   */
  public ExtractEstimate estimate(ExtractRequest request) {
    return new Reextraction(this).estimate(request);
  }

  /**
   * Scores extraction without writing anything: against gold triples, and/or by running it twice
   * (see {@link EvalRequest}).
   *
   * @throws IllegalArgumentException when the gold file is malformed or the request names something
   *     unknown
   */
  public EvalReport evaluate(EvalRequest request) {
    return new Evaluation(this).run(request);
  }

  /**
   * The user's side of identity: what was merged and why, the pairs waiting for review, and the
   * operations that split, accept and reject (see {@link IdentityReview}).
   */
  public IdentityReview identity() {
    return new IdentityReview(store, Clock.systemUTC());
  }

  /**
   * A resolver over this knowledge base's entities, for one run of writes (it reads them on first
   * use and then keeps what it decides in memory).
   */
  Resolver resolver() {
    return new Resolver(store, ontology, Clock.systemUTC());
  }

  /**
   * Scoring of the knowledge base as stored against a corpus's gold files, and the gold's retrieval
   * questions (see {@link CorpusEvaluation}).
   */
  public CorpusEvaluation corpusEvaluation() {
    return new CorpusEvaluation(store, ontology);
  }

  /** The LLM configuration, or empty when none is configured (structural extraction only). */
  public Optional<LlmConfig> llm() {
    return Optional.ofNullable(llm);
  }

  /** The folder LLM answers are cached in. */
  public java.nio.file.Path llmCacheFolder() {
    return config.folder().resolve("llm-cache");
  }

  /**
   * The extractors a run uses: the structural one always, the LLM one when a provider is
   * configured; or only the one named by {@code only}.
   *
   * @param parallel requests in flight for the LLM, or 0 for the configured default
   * @param maxCalls the most LLM requests to send, or 0 for no limit
   */
  List<Extractor> extractors(String only, CacheMode mode, int parallel, long maxCalls) {
    if (only != null && !only.equals(StructuralExtractor.NAME) && !only.equals(LlmExtractor.NAME)) {
      throw new IllegalArgumentException(
          "unknown extractor '"
              + only
              + "' (known: "
              + StructuralExtractor.NAME
              + ", "
              + LlmExtractor.NAME
              + ")");
    }
    List<Extractor> extractors = new ArrayList<>();
    if (only == null || only.equals(StructuralExtractor.NAME)) {
      // Beside a model, the structural extractor keeps only what the structure makes sure of and
      // leaves names in running prose to the model: its guesses would compete with the model's
      // entities for the centre of the graph and for retrieval (measured on the corpus).
      extractors.add(
          new StructuralExtractor(
              ontology,
              llm == null ? StructuralExtractor.Mode.ALL : StructuralExtractor.Mode.SURE_ONLY));
    }
    if (LlmExtractor.NAME.equals(only) && llm == null) {
      throw new LlmException(
          "no LLM provider configured: set --llm PROVIDER:MODEL, NOEMA_LLM or llm.provider in "
              + config.folder().resolve(LlmConfig.FILE_NAME));
    }
    if ((only == null || only.equals(LlmExtractor.NAME)) && llm != null) {
      LlmConfig run = parallel > 0 ? llm.withParallel(parallel) : llm;
      extractors.add(
          new LlmExtractor(
              ontology,
              ChatCalls.forConfig(run, new ResponseCache(llmCacheFolder()), mode, maxCalls),
              LlmExtractor.DEFAULT_CHUNK_TOKENS,
              new StoredEntityNames(store, ontology, LlmExtractor.NAME)));
    }
    return extractors;
  }

  /**
   * The Neo4j projection, opened on first call: the external server of {@link
   * KnowledgeBaseConfig#neo4jServer()}, or else the embedded Neo4j in {@link
   * KnowledgeBaseConfig#neo4jFolder()}, started in this process.
   *
   * @throws dev.noema.neo4j.Neo4jException with one line when the server cannot be reached or the
   *     embedded database does not start (for example while {@code noema serve} holds its folder)
   */
  public synchronized Neo4jConnection neo4j() {
    if (neo4j == null && starting != null) {
      CompletableFuture<Neo4jConnection> started = starting;
      starting = null;
      try {
        neo4j = started.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }
    if (neo4j == null) {
      neo4j = Neo4jConnection.open(config.neo4j());
    }
    return neo4j;
  }

  /**
   * Starts opening the Neo4j projection on a background thread, and runs there the statement a sync
   * starts with ({@link Neo4jSync#prepare}), for a command that syncs after other work: an embedded
   * Neo4j takes seconds to start and the first Cypher statement seconds to plan. {@link #neo4j()}
   * waits for it, and throws what opening it threw. Does nothing when Neo4j is open or opening.
   */
  public synchronized void startNeo4j() {
    if (neo4j == null && starting == null) {
      starting =
          CompletableFuture.supplyAsync(
              () -> {
                Neo4jConnection connection = Neo4jConnection.open(config.neo4j());
                try {
                  Neo4jSync.prepare(connection);
                } catch (RuntimeException e) {
                  // Only a head start: the sync plans the statement again, and reports what fails.
                }
                return connection;
              },
              work -> {
                Thread thread = new Thread(work, "neo4j-start");
                thread.setDaemon(true);
                thread.start();
              });
    }
  }

  /**
   * Projects into Neo4j what changed in the store since the last sync; see {@link Neo4jSync}. Calls
   * from several threads of this process run one after the other (another process must not sync the
   * same database meanwhile).
   */
  public SyncSummary syncNeo4j() {
    synchronized (syncLock) {
      return new Neo4jSync(neo4j(), new GraphMapping(ontology)).sync(store);
    }
  }

  /**
   * Runs a read-only Cypher query over the projection. It shows the store as of the last sync.
   *
   * @param params driver parameters ({@code $name} in the query), never spliced into its text
   * @throws dev.noema.neo4j.Neo4jException with one line for a syntax error, a write, or an
   *     unreachable server
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

  /**
   * Closes Neo4j when it was opened, or started and not used (stopping an embedded one), then the
   * store.
   */
  @Override
  public void close() {
    try {
      synchronized (this) {
        if (starting != null) {
          try {
            neo4j();
          } catch (RuntimeException e) {
            // It failed to start and nothing used it: nothing to close.
          }
        }
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
