package dev.noema.server;

import dev.noema.identity.EntityIris;
import dev.noema.kb.ImportListener;
import dev.noema.kb.ImportRequest;
import dev.noema.kb.KnowledgeBase;
import dev.noema.kb.KnowledgeBaseConfig;
import dev.noema.ontology.Iris;
import dev.noema.ontology.Noema;
import dev.noema.store.GraphChange;
import dev.noema.store.GraphContent;
import dev.noema.store.Tdb2GraphStore;
import dev.noema.topology.TopologyFilter;
import dev.noema.topology.TopologySettings;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.jgrapht.Graph;
import org.jgrapht.generate.BarabasiAlbertGraphGenerator;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.util.SupplierUtil;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * noema serve under load, beside plain Fuseki main serving the same TDB2 dataset in the same run: 8
 * loopback clients for 30 s each, a fixed mix of the canned queries in queries/sparql/; then the
 * page load of the map with 5,000 nodes in headless Chromium (skipped without chromedriver). Not a
 * test: run it as a main with the test classpath.
 */
public final class ServeBenchmark {
  private static final int CLIENTS = 8;
  private static final Duration RUN = Duration.ofSeconds(30);
  private static final Duration WARM_UP = Duration.ofSeconds(5);

  private ServeBenchmark() {}

  record Load(
      String name, long requests, long errors, double seconds, double p50Millis, double p95Millis) {
    double throughput() {
      return requests / seconds;
    }
  }

  /** With the argument {@code page}, only the page load is measured. */
  public static void main(String[] args) throws Exception {
    boolean pageOnly = args.length > 0 && args[0].equals("page");
    Path folder = Files.createTempDirectory("noema-serve-bench");
    List<String> queries = new ArrayList<>();
    try (var files = Files.list(Path.of("queries/sparql"))) {
      for (Path file : files.sorted().toList()) {
        queries.add(Files.readString(file));
      }
    }
    try (KnowledgeBase kb = KnowledgeBase.open(KnowledgeBaseConfig.folder(folder))) {
      kb.importLogs(
          ImportRequest.of(
              List.of(Path.of("import/samples"), Path.of("src/test/resources/formats"))),
          ImportListener.NONE);
      addMeaningGraph(kb, 5_000, 2);
      System.out.printf(
          Locale.ROOT, "store: %s; %d canned queries%n", kb.store().stats(), queries.size());
      FusekiServer plain =
          FusekiServer.create()
              .port(0)
              .loopback(true)
              .add("/ds", ((Tdb2GraphStore) kb.store()).dataset(), false)
              .build()
              .start();
      long started = System.nanoTime();
      try (NoemaServer noema =
          NoemaServer.builder(kb).port(0).writeServerFile(false).build().start()) {
        mapReady(noema.url(), started);
        if (pageOnly) {
          pageLoad(noema.url(), folder.resolve("profile"));
          return;
        }
        String plainUrl = "http://localhost:" + plain.getHttpPort() + "/ds";
        load("warm-up", plainUrl, queries, WARM_UP);
        load("warm-up", noema.sparqlUrl(), queries, WARM_UP);
        Load p = load("plain Fuseki main", plainUrl, queries, RUN);
        Load n = load("noema serve", noema.sparqlUrl(), queries, RUN);
        System.out.println("| server | requests | errors | req/s | p50 ms | p95 ms |");
        System.out.println("|---|---|---|---|---|---|");
        for (Load l : List.of(p, n)) {
          System.out.printf(
              Locale.ROOT,
              "| %s | %d | %d | %.0f | %.1f | %.1f |%n",
              l.name(),
              l.requests(),
              l.errors(),
              l.throughput(),
              l.p50Millis(),
              l.p95Millis());
        }
        System.out.printf(
            Locale.ROOT,
            "throughput ratio noema/plain: %.2f (target >= 0.9)%n",
            n.throughput() / p.throughput());
        pageLoad(noema.url(), folder.resolve("profile"));
      } finally {
        plain.stop();
      }
    }
  }

  /**
   * A synthetic meaning graph of {@code nodes} concepts (every 50th a module), joined by
   * preferential attachment (each new concept relates to {@code perNode} earlier ones, more likely
   * to the well connected: a few hubs, a long tail, as in real conversations' concept graphs);
   * PageRank and clusters then come from Noema's own topology analysis, as after {@code noema
   * explore}.
   */
  private static void addMeaningGraph(KnowledgeBase kb, int nodes, int perNode) {
    Graph<Integer, DefaultEdge> shape =
        new SimpleGraph<>(
            SupplierUtil.createIntegerSupplier(), SupplierUtil.DEFAULT_EDGE_SUPPLIER, false);
    new BarabasiAlbertGraphGenerator<Integer, DefaultEdge>(
            perNode + 1, perNode, nodes, new Random(42))
        .generateGraph(shape);
    List<Triple> triples = new ArrayList<>();
    for (int i : shape.vertexSet()) {
      Node e = EntityIris.of("bench concept " + i);
      triples.add(
          Triple.create(e, RDF.type.asNode(), i % 50 == 0 ? Noema.CognitiveModule : Noema.Concept));
      triples.add(
          Triple.create(
              e, Noema.canonicalLabel, NodeFactory.createLiteralString("bench concept " + i)));
    }
    for (DefaultEdge edge : shape.edgeSet()) {
      triples.add(
          Triple.create(
              EntityIris.of("bench concept " + shape.getEdgeSource(edge)),
              Noema.relatedTo,
              EntityIris.of("bench concept " + shape.getEdgeTarget(edge))));
    }
    kb.store()
        .apply(GraphChange.put(new GraphContent(Iris.derivedGraph("bench"), "bench", triples)));
    kb.saveMeasures(
        kb.topology(TopologyFilter.NONE, TopologySettings.DEFAULT), TopologyFilter.NONE);
  }

  /**
   * {@link #CLIENTS} threads, each sending the canned queries in turn (GET, JSON results) until the
   * time is up.
   */
  private static Load load(String name, String endpoint, List<String> queries, Duration duration)
      throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    List<URI> uris =
        queries.stream()
            .map(
                q ->
                    URI.create(endpoint + "?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
            .toList();
    long end = System.nanoTime() + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<long[]>> results = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < CLIENTS; c++) {
      int offset = c;
      results.add(
          pool.submit(
              () -> {
                List<Long> latencies = new ArrayList<>();
                long errors = 0;
                for (int i = offset; System.nanoTime() < end; i++) {
                  long t0 = System.nanoTime();
                  HttpResponse<byte[]> response =
                      client.send(
                          HttpRequest.newBuilder(uris.get(i % uris.size()))
                              .header("Accept", "application/sparql-results+json")
                              .GET()
                              .build(),
                          HttpResponse.BodyHandlers.ofByteArray());
                  latencies.add(System.nanoTime() - t0);
                  if (response.statusCode() != 200) {
                    errors++;
                  }
                }
                long[] out = new long[latencies.size() + 1];
                out[0] = errors;
                for (int i = 0; i < latencies.size(); i++) {
                  out[i + 1] = latencies.get(i);
                }
                return out;
              }));
    }
    List<Long> all = new ArrayList<>();
    long errors = 0;
    for (Future<long[]> f : results) {
      long[] r = f.get();
      errors += r[0];
      for (int i = 1; i < r.length; i++) {
        all.add(r[i]);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Collections.sort(all);
    return new Load(
        name,
        all.size(),
        errors,
        seconds,
        all.get(all.size() / 2) / 1e6,
        all.get((int) (all.size() * 0.95)) / 1e6);
  }

  /**
   * Waits for the server's start-up map warm-up (the layout; {@code /api/graph} answers when it is
   * done) and prints how long after the start it was ready, so that the page loads below measure
   * the browser, not a server still starting.
   */
  private static void mapReady(String url, long started) throws Exception {
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url + "/api/graph")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    System.out.printf(
        Locale.ROOT,
        "map ready %.2f s after the server started (HTTP %d, %,d bytes of JSON)%n",
        (System.nanoTime() - started) / 1e9,
        response.statusCode(),
        response.body().length);
  }

  /**
   * Page load of the map: navigation start to the first frame with the laid-out graph, three times
   * (the first in a browser just started); then the floor, three times in the same browser: the
   * same data drawn the plain Cytoscape way (every edge an element, nothing else on the page; test
   * resource {@code web/bench/bare-cytoscape.html}).
   */
  private static void pageLoad(String url, Path profile) throws Exception {
    if (!Files.isExecutable(ServeBrowserTest.CHROMEDRIVER)) {
      System.out.println("page load: skipped (no /usr/bin/chromedriver)");
      return;
    }
    ChromeDriver browser = ServeBrowserTest.startBrowser(profile);
    try {
      List<Double> noema = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        noema.add(load(browser, url + "/"));
        System.out.printf(
            Locale.ROOT,
            "page load %d: %s, %.2f s wall, %s ms in page (target < 3 s); phases: %s%n",
            i + 1,
            browser.findElement(By.id("counts")).getText(),
            noema.get(i),
            browser.findElement(By.tagName("body")).getDomAttribute("data-loaded-ms"),
            browser.findElement(By.tagName("body")).getDomAttribute("data-phases"));
      }
      List<Double> floor = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        floor.add(load(browser, url + "/web/bench/bare-cytoscape.html"));
        System.out.printf(
            Locale.ROOT,
            "floor %d, bare Cytoscape page: %.2f s wall, %s ms in page%n",
            i + 1,
            floor.get(i),
            browser.findElement(By.tagName("body")).getDomAttribute("data-loaded-ms"));
      }
      // Warm loads only (the first of each ran in a browser or on a page not yet cached).
      double noemaWarm = Math.min(noema.get(1), noema.get(2));
      double floorWarm = Math.min(floor.get(1), floor.get(2));
      System.out.printf(
          Locale.ROOT,
          "map page, warm: noema %.2f s, bare Cytoscape %.2f s, ratio %.2f%n",
          noemaWarm,
          floorWarm,
          noemaWarm / floorWarm);
    } finally {
      browser.quit();
    }
  }

  /** Seconds from navigation to the page's {@code data-graph-loaded} mark. */
  private static double load(ChromeDriver browser, String url) {
    long t0 = System.nanoTime();
    browser.get(url);
    new WebDriverWait(browser, Duration.ofSeconds(120))
        .until(
            d ->
                "true"
                    .equals(
                        d.findElement(By.tagName("body")).getDomAttribute("data-graph-loaded")));
    return (System.nanoTime() - t0) / 1e9;
  }
}
