package dev.noema.topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.cwts.networkanalysis.Clustering;
import nl.cwts.networkanalysis.LeidenAlgorithm;
import nl.cwts.networkanalysis.Network;
import nl.cwts.util.LargeDoubleArray;
import nl.cwts.util.LargeIntArray;

/**
 * Clusters of meaning by the Leiden algorithm (Traag, Waltman and van Eck 2019, "From Louvain to
 * Leiden: guaranteeing well-connected communities"), through CWTS {@code networkanalysis}'s {@link
 * LeidenAlgorithm}, optimising modularity on the weighted undirected graph: the CPM resolution is
 * set to {@code resolution / 2m} and node weights to weighted degrees, as the CWTS command-line
 * tool does for modularity. Starts from singletons, runs {@value #ITERATIONS} iterations with one
 * random start. Each iteration is roughly O(E); memory O(V + E).
 *
 * <p>Deterministic for a given graph, resolution and seed. Clusters are ordered largest first and
 * named by their most central members according to the given centrality (PageRank in {@link
 * Topology}). Thread-safe; computed once.
 */
public final class LeidenClustering implements Analysis<ClustersResult> {
  /** Leiden iterations per run. */
  public static final int ITERATIONS = 10;

  public static final double DEFAULT_RESOLUTION = 1.0;
  public static final long DEFAULT_SEED = 42L;
  private static final int NAME_MEMBERS = 3;

  private final MeaningGraph graph;
  private final double resolution;
  private final long seed;
  private final Function<String, Double> centrality;
  private final Memo<ClustersResult> result;

  /**
   * @param resolution positive resolution; 1 is classic modularity
   * @param centrality a score per entity IRI used to order members and name clusters (higher is
   *     more central)
   */
  public LeidenClustering(
      MeaningGraph graph, double resolution, long seed, Function<String, Double> centrality) {
    if (!(resolution > 0) || Double.isInfinite(resolution)) {
      throw new IllegalArgumentException("resolution must be a positive number, not " + resolution);
    }
    this.graph = graph;
    this.resolution = resolution;
    this.seed = seed;
    this.centrality = centrality;
    this.result = new Memo<>(this::compute);
  }

  @Override
  public ClustersResult result() {
    return result.get();
  }

  private ClustersResult compute() {
    IndexedGraph indexed = graph.indexed();
    int n = indexed.vertexCount();
    if (n == 0) {
      return new ClustersResult(resolution, seed, 0, List.of(), Map.of());
    }
    Network network = network(indexed);
    Clustering clustering = new Clustering(n);
    clustering.initSingletonClusters();
    double modularity = 0;
    if (network.getNEdges() > 0) {
      double scale = 2 * network.getTotalEdgeWeight() + network.getTotalEdgeWeightSelfLinks();
      LeidenAlgorithm leiden =
          new LeidenAlgorithm(
              resolution / scale, ITERATIONS, LeidenAlgorithm.DEFAULT_RANDOMNESS, new Random(seed));
      leiden.improveClustering(network, clustering);
      // CWTS normalises the CPM quality by 2m already: with these settings it is the modularity.
      modularity = leiden.calcQuality(network, clustering);
    }
    clustering.orderClustersByNNodes();
    int[][] nodesPerCluster = clustering.getNodesPerCluster();
    Comparator<String> byCentrality =
        Comparator.<String>comparingDouble(v -> -centrality.apply(v)).thenComparing(v -> v);
    List<ClustersResult.Cluster> clusters = new ArrayList<>();
    Map<String, Integer> membership = new HashMap<>(n * 2);
    for (int c = 0; c < nodesPerCluster.length; c++) {
      if (nodesPerCluster[c].length == 0) {
        continue;
      }
      List<String> members = new ArrayList<>(nodesPerCluster[c].length);
      for (int node : nodesPerCluster[c]) {
        members.add(indexed.iri(node));
      }
      members.sort(byCentrality);
      int id = clusters.size();
      members.forEach(m -> membership.put(m, id));
      String name =
          members.stream().limit(NAME_MEMBERS).map(graph::label).collect(Collectors.joining(" / "));
      clusters.add(new ClustersResult.Cluster(id, members.size(), name, members));
    }
    return new ClustersResult(resolution, seed, modularity, clusters, membership);
  }

  /**
   * The graph as a CWTS network: each undirected edge listed once, weighted, node weights =
   * weighted degrees.
   */
  static Network network(IndexedGraph graph) {
    int m = graph.edgeCount();
    LargeIntArray[] edges = {new LargeIntArray(m), new LargeIntArray(m)};
    LargeDoubleArray weights = new LargeDoubleArray(m);
    for (int e = 0; e < m; e++) {
      edges[0].set(e, graph.source(e));
      edges[1].set(e, graph.target(e));
      weights.set(e, graph.weight(e));
    }
    return new Network(graph.vertexCount(), true, edges, weights, false, false);
  }
}
