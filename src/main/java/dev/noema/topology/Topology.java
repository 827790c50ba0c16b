package dev.noema.topology;

/**
 * The explorations of one meaning graph, wired together: what {@code noema explore} calls.
 * Centrality, clusters, bridges and shape are computed once and shared (clusters are named by
 * PageRank; shape reuses both); path, neighbourhood, flow and perspective analyses are made per
 * question.
 *
 * <p>Thread-safe. Methods that take a concept accept a label in any language (case- and
 * accent-insensitive) or an IRI, and throw {@link UnknownConceptException} ("did you mean") on a
 * miss. An empty graph gives empty results.
 */
public final class Topology {
  private final MeaningGraph graph;
  private final TopologySettings settings;
  private final CentralityAnalysis centrality;
  private final LeidenClustering clustering;
  private final BridgeAnalysis bridges;
  private final ShapeAnalysis shape;

  public Topology(MeaningGraph graph) {
    this(graph, TopologySettings.DEFAULT);
  }

  public Topology(MeaningGraph graph, TopologySettings settings) {
    this.graph = graph;
    this.settings = settings;
    this.centrality = new CentralityAnalysis(graph, settings.betweennessBudget());
    this.clustering =
        new LeidenClustering(
            graph,
            settings.resolution(),
            settings.seed(),
            v -> centrality.pageRank().getOrDefault(v, 0.0));
    this.bridges = new BridgeAnalysis(graph);
    this.shape = new ShapeAnalysis(graph, centrality::result, clustering::result);
  }

  public MeaningGraph graph() {
    return graph;
  }

  public TopologySettings settings() {
    return settings;
  }

  /**
   * Every entity by PageRank, with betweenness and degree (perspectives included: exports and
   * derived measures carry them); {@code explore centres} shows its {@link CentresResult#ideas}.
   */
  public CentresResult centres() {
    return centrality.result();
  }

  /** {@code explore clusters}: Leiden clusters at the settings' resolution and seed. */
  public ClustersResult clusters() {
    return clustering.result();
  }

  /** {@code explore bridges}: articulation points and bridge edges. */
  public BridgesResult bridges() {
    return bridges.result();
  }

  /** {@code explore shape}: the global summary. */
  public ShapeResult shape() {
    return shape.result();
  }

  /** {@code explore path A B}: the shortest path and {@code alternatives} next-shortest ones. */
  public PathsResult path(String from, String to, int alternatives) {
    return new PathAnalysis(graph, from, to, alternatives).result();
  }

  /** {@code explore around X --hops N}. */
  public NeighbourhoodResult around(String concept, int hops) {
    return new NeighbourhoodAnalysis(graph, concept, hops).result();
  }

  /**
   * {@code explore flow CONVERSATION}; {@link TopologyException} when the graph has no turn of it.
   */
  public FlowResult flow(String conversation) {
    return new FlowAnalysis(graph, conversation).result();
  }

  /** {@code explore perspectives X}, from the meaning layer the graph was made from. */
  public PerspectivesResult perspectives(String concept) {
    return new PerspectiveAnalysis(graph, concept).result();
  }

  /** The graph with its measures, for {@code noema export --graph meaning}. */
  public GraphExport export() {
    return new GraphExport(graph, centres(), clusters());
  }
}
