package dev.noema.topology;

import com.sun.management.OperatingSystemMXBean;
import dev.noema.meaning.MeaningLayers;
import dev.noema.ontology.OntologyModel;
import dev.noema.store.GraphChange;
import dev.noema.store.GraphContent;
import dev.noema.store.Tdb2GraphStore;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import nl.cwts.networkanalysis.Clustering;
import nl.cwts.networkanalysis.LeidenAlgorithm;
import nl.cwts.networkanalysis.Network;
import nl.cwts.util.LargeDoubleArray;
import nl.cwts.util.LargeIntArray;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * Time and peak heap of each analysis on generated meaning graphs of 10k, 100k and 1M edges, and
 * PageRank and Leiden through Noema beside the bare library calls on an equivalent plain graph (the
 * floor). Not a test: run it with {@code java -Xmx2g -cp ... dev.noema.topology.TopologyBenchmark
 * [edges...]}.
 *
 * <p>The generator is seeded preferential attachment (each new entity links to {@value #LINKS}
 * earlier ones, chosen in proportion to degree nine times in ten and uniformly otherwise), which
 * gives the heavy-tailed degrees of real concept graphs. Loading through the store (TDB2 in memory,
 * the real SPARQL query) is measured up to {@value #STORE_LIMIT} edges.
 */
public final class TopologyBenchmark {
  private static final int LINKS = 5;
  private static final int STORE_LIMIT = 10_000;
  private static final String NS = "https://w3id.org/noema/ontology#";
  private static final String[] RELATIONS = {
    "relatedTo", "partOf", "causes", "enables", "contrastsWith"
  };

  private TopologyBenchmark() {}

  public static void main(String[] args) {
    List<Integer> sizes = new ArrayList<>();
    for (String a : args) {
      sizes.add(Integer.parseInt(a));
    }
    if (sizes.isEmpty()) {
      sizes.addAll(List.of(10_000, 100_000, 1_000_000));
    }
    System.out.printf(
        Locale.ROOT,
        "max heap %d MB, %d cores%n",
        Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors());
    System.out.println("| edges | step | seconds | CPU s | peak heap MB |");
    System.out.println("|---:|---|---:|---:|---:|");
    warmUp();
    for (int edges : sizes) {
      run(edges);
    }
  }

  /**
   * Runs the compared calls once on a small graph, so that neither side of a ratio pays for the JIT
   * alone.
   */
  private static void warmUp() {
    int[][] generated = generate(10_000, 7L);
    int vertices = generated[2][0];
    MeaningGraph graph = build(generated, vertices);
    new PageRank<>(bare(generated, vertices)).getScores();
    new CentralityAnalysis(graph, 0).result();
    bareLeiden(generated, vertices);
    new LeidenClustering(graph, 1.0, 42L, v -> 0.0).result();
  }

  private static void run(int edges) {
    int[][] generated = generate(edges, 42L);
    int vertices = generated[2][0];
    if (edges <= STORE_LIMIT) {
      measure(
          edges,
          "load through store (TDB2 mem, SPARQL)",
          () -> loadThroughStore(generated, vertices));
    }
    MeaningGraph graph =
        measure(edges, "build MeaningGraph (" + vertices + " V)", () -> build(generated, vertices));
    compareWithBare(edges, generated, vertices, graph);
    Topology topology = new Topology(graph);
    CentresResult centres =
        measure(
            edges,
            "centres with betweenness (budget "
                + CentralityAnalysis.DEFAULT_BETWEENNESS_BUDGET
                + " edge visits)",
            () -> new CentralityAnalysis(graph).result());
    row(edges, "  betweenness was " + centres.betweennessMethod(), new Timing(0, 0), -1);
    ShapeResult shape =
        measure(edges, "shape (cold: centres, Leiden, all measures)", topology::shape);
    measure(
        edges,
        "shape measures alone (centres and clusters known)",
        () -> new ShapeAnalysis(graph, topology::centres, topology::clusters).result());
    measure(edges, "bridges", topology::bridges);
    String hub = topology.centres().centres().get(0).iri();
    String leaf = topology.centres().centres().get(graph.vertexCount() - 1).iri();
    measure(edges, "path hub->leaf, k=3", () -> topology.path(hub, leaf, 3));
    measure(edges, "around hub, 1 hop", () -> topology.around(hub, 1));
    measure(
        edges,
        "derived graph triples",
        () ->
            new DerivedMeasures(topology, TopologyFilter.NONE, "0.1.0", java.time.Clock.systemUTC())
                .graph());
    measure(
        edges,
        "export GraphML",
        () -> {
          StringWriter out = new StringWriter();
          topology.export().write(GraphExport.Format.GRAPHML, out);
          return out.getBuffer().length();
        });
    System.out.printf(
        Locale.ROOT,
        "|  | shape: %d V, %d E, %d components, diameter %d%s, clustering %.4f, "
            + "degeneracy %d, %d clusters, modularity %.4f | | | |%n",
        shape.vertices(),
        shape.edges(),
        shape.components(),
        shape.diameter(),
        shape.diameterExact() ? " exact" : " (double-sweep bound)",
        shape.averageClustering(),
        shape.degeneracy(),
        shape.clusters().clusters().size(),
        shape.clusters().modularity());
  }

  /**
   * PageRank and Leiden through Noema beside the bare calls; the bare graph is garbage once this
   * returns.
   */
  private static void compareWithBare(
      int edges, int[][] generated, int vertices, MeaningGraph graph) {
    Timing prBare = barePageRank(edges, generated, vertices);
    // The numbered copy the algorithms run on (MeaningGraph#indexed) was made with the graph,
    // before this.
    Timing prNoema = time(() -> new CentralityAnalysis(graph, 0).result());
    row(edges, "PageRank bare", prBare, -1);
    row(
        edges,
        String.format(
            Locale.ROOT,
            "centres (PageRank+degree+ranks) Noema, ratio %.2f (CPU %.2f)",
            prNoema.seconds / prBare.seconds,
            prNoema.cpu / prBare.cpu),
        prNoema,
        -1);
    Timing leidenBare = time(() -> bareLeiden(generated, vertices));
    Timing leidenNoema = time(() -> new LeidenClustering(graph, 1.0, 42L, v -> 0.0).result());
    row(edges, "Leiden bare", leidenBare, -1);
    row(
        edges,
        String.format(
            Locale.ROOT,
            "Leiden Noema, ratio %.2f (CPU %.2f)",
            leidenNoema.seconds / leidenBare.seconds,
            leidenNoema.cpu / leidenBare.cpu),
        leidenNoema,
        -1);
  }

  /**
   * The bare PageRank call on a plain JGraphT graph of the same edges. A method of its own so that
   * the bare graph (as large as the meaning graph) is garbage before Noema's side is timed, and
   * does not charge it the GC pressure.
   */
  private static Timing barePageRank(int edges, int[][] generated, int vertices) {
    Graph<Integer, DefaultWeightedEdge> bare =
        measure(edges, "build bare JGraphT graph", () -> bare(generated, vertices));
    return time(() -> new PageRank<>(bare).getScores());
  }

  /** Edges as {sources, targets, {vertexCount}}. */
  static int[][] generate(int edges, long seed) {
    Random random = new Random(seed);
    int vertices = edges / LINKS + LINKS + 1;
    int[] from = new int[edges];
    int[] to = new int[edges];
    int[] ends = new int[2 * edges];
    int endCount = 0;
    int e = 0;
    for (int v = 1; v < vertices && e < edges; v++) {
      for (int k = 0; k < Math.min(LINKS, v) && e < edges; k++) {
        int target =
            endCount == 0 || random.nextInt(10) == 0
                ? random.nextInt(v)
                : ends[random.nextInt(endCount)];
        if (target == v) {
          target = random.nextInt(v);
        }
        from[e] = v;
        to[e] = target;
        ends[endCount++] = v;
        ends[endCount++] = target;
        e++;
      }
    }
    return new int[][] {from, to, {vertices}};
  }

  private static String iri(int v) {
    return "https://w3id.org/noema/id/entity/c" + v;
  }

  private static MeaningGraph build(int[][] g, int vertices) {
    MeaningGraph.Builder b = MeaningGraph.builder();
    for (int v = 0; v < vertices; v++) {
      b.entity(Entity.of(iri(v), "concept " + v));
    }
    for (int i = 0; i < g[0].length; i++) {
      b.relation(iri(g[0][i]), NS + RELATIONS[i % RELATIONS.length], iri(g[1][i]), 1 + (i % 3));
    }
    return b.build();
  }

  private static Graph<Integer, DefaultWeightedEdge> bare(int[][] g, int vertices) {
    SimpleWeightedGraph<Integer, DefaultWeightedEdge> graph =
        new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    for (int v = 0; v < vertices; v++) {
      graph.addVertex(v);
    }
    for (int i = 0; i < g[0].length; i++) {
      DefaultWeightedEdge edge = graph.getEdge(g[0][i], g[1][i]);
      if (edge == null) {
        graph.setEdgeWeight(graph.addEdge(g[0][i], g[1][i]), 1 + (i % 3));
      } else {
        graph.setEdgeWeight(edge, graph.getEdgeWeight(edge) + 1 + (i % 3));
      }
    }
    return graph;
  }

  private static double bareLeiden(int[][] g, int vertices) {
    LargeIntArray[] edges = {new LargeIntArray(g[0]), new LargeIntArray(g[1])};
    double[] w = new double[g[0].length];
    for (int i = 0; i < w.length; i++) {
      w[i] = 1 + (i % 3);
    }
    Network network = new Network(vertices, true, edges, new LargeDoubleArray(w), false, false);
    double scale = 2 * network.getTotalEdgeWeight() + network.getTotalEdgeWeightSelfLinks();
    LeidenAlgorithm leiden =
        new LeidenAlgorithm(
            1.0 / scale,
            LeidenClustering.ITERATIONS,
            LeidenAlgorithm.DEFAULT_RANDOMNESS,
            new Random(42L));
    Clustering clustering = new Clustering(vertices);
    clustering.initSingletonClusters();
    leiden.improveClustering(network, clustering);
    return leiden.calcQuality(network, clustering);
  }

  private static MeaningGraph loadThroughStore(int[][] g, int vertices) {
    List<Triple> triples = new ArrayList<>();
    Node concept = NodeFactory.createURI(NS + "Concept");
    Node label = NodeFactory.createURI(NS + "canonicalLabel");
    for (int v = 0; v < vertices; v++) {
      Node n = NodeFactory.createURI(iri(v));
      triples.add(Triple.create(n, RDF.type.asNode(), concept));
      triples.add(
          Triple.create(
              n, label, NodeFactory.createLiteralDT("concept " + v, XSDDatatype.XSDstring)));
    }
    for (int i = 0; i < g[0].length; i++) {
      triples.add(
          Triple.create(
              NodeFactory.createURI(iri(g[0][i])),
              NodeFactory.createURI(NS + RELATIONS[i % RELATIONS.length]),
              NodeFactory.createURI(iri(g[1][i]))));
    }
    try (Tdb2GraphStore store = Tdb2GraphStore.inMemory()) {
      store.apply(
          GraphChange.put(new GraphContent(NodeFactory.createURI("urn:bench"), "bench", triples)));
      long start = System.nanoTime();
      MeaningGraph loaded =
          MeaningGraphs.of(
              MeaningLayers.of(store, OntologyModel.loadDefault()).read(), TopologyFilter.NONE);
      System.out.printf(
          Locale.ROOT,
          "|  | (of which the query and graph build: %.2f s) | | | |%n",
          (System.nanoTime() - start) / 1e9);
      return loaded;
    }
  }

  private static <T> T measure(int edges, String step, Supplier<T> work) {
    System.gc();
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    Object[] result = new Object[1];
    Timing timing = time(() -> result[0] = work.get());
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    row(edges, step, timing, peak >> 20);
    @SuppressWarnings("unchecked")
    T typed = (T) result[0];
    return typed;
  }

  /**
   * Wall-clock seconds and the CPU seconds of the whole process (the work, the collector and the
   * compiler): on this shared machine the wall clock grows with the other users' load, the CPU time
   * much less.
   */
  private record Timing(double seconds, double cpu) {}

  private static Timing time(Supplier<?> work) {
    System.gc();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long start = System.nanoTime();
    work.get();
    return new Timing((System.nanoTime() - start) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9);
  }

  private static void row(int edges, String step, Timing timing, long peakMb) {
    System.out.printf(
        Locale.ROOT,
        "| %,d | %s | %.2f | %.2f | %s |%n",
        edges,
        step,
        timing.seconds,
        timing.cpu,
        peakMb < 0 ? "" : String.valueOf(peakMb));
  }
}
