package dev.noema.prompt;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.noema.conversation.Role;
import dev.noema.meaning.MeaningLayers;
import dev.noema.ontology.OntologyModel;
import dev.noema.store.GraphChange;
import dev.noema.store.GraphContent;
import dev.noema.store.Tdb2GraphStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;

/**
 * Context retrieval on generated knowledge bases of about 10k, 100k and 1M triples in the
 * extractors' shape (entities with Russian and English labels, reified facts with groundings,
 * interpretations by perspectives, 10-turn conversations). Each knowledge base is generated once
 * into {@code target/context-bench/SIZE/tdb2} and reused by later runs (generation is seeded).
 * Measured: reading the meaning layer, the index build with no cache (Lucene and embeddings from
 * scratch) and from the on-disk cache in {@code SIZE/index}, and retrieval latency p50/p95 over 200
 * questions after 50 warm-up questions. The floor is one embedding of a question, which every
 * semantic link pays. Not run by the test suite: {@code ./benchmark context [TRIPLES...]
 * [--no-embeddings] [--keep-cache]} (the latter skips the cold build and uses the cache an earlier
 * run left).
 */
public final class ContextBenchmark {
  private static final String[] SYLLABLES = {
    "ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "de", "po", "li", "ma"
  };
  private static final String[] CYRILLIC = {
    "ка", "ло", "ми", "не", "ру", "са", "то", "ви", "де", "по", "ли", "ма"
  };
  private static final String[] TYPES = {
    "Concept",
    "Concept",
    "Concept",
    "CognitiveModule",
    "Method",
    "Claim",
    "Analogy",
    "Person",
    "Organization"
  };
  private static final String[] RELATIONS = {
    "relatedTo",
    "partOf",
    "causes",
    "enables",
    "operatesOn",
    "contrastsWith",
    "analogousTo",
    "supports",
    "broader"
  };

  private ContextBenchmark() {}

  public static void main(String[] args) throws Exception {
    boolean embeddings = !Arrays.asList(args).contains("--no-embeddings");
    boolean keepCache = Arrays.asList(args).contains("--keep-cache");
    long[] sizes =
        Arrays.stream(args).filter(a -> !a.startsWith("--")).mapToLong(Long::parseLong).toArray();
    if (sizes.length == 0) {
      sizes = new long[] {10_000, 100_000, 1_000_000};
    }
    EmbeddingModel model = embeddings ? new AllMiniLmL6V2QuantizedEmbeddingModel() : null;
    OntologyModel ontology = OntologyModel.loadDefault();
    StringBuilder table =
        new StringBuilder(
            "| triples | entities | facts | read (s) | read CPU (s) | index cold (s) |"
                + " index cached (s) | p50 (ms) | p95 (ms) | CPU p50 / p95 (ms) | floor: embed p50 (ms) | mean facts | mean tokens |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (long target : sizes) {
      Path folder = Path.of("target", "context-bench", Long.toString(target));
      Random random = new Random(42);
      int entityCount = (int) Math.max(50, target / 120);
      List<String> labels = new ArrayList<>();
      for (int i = 0; i < entityCount; i++) {
        labels.add(word(random) + " " + word(random));
      }
      Generated generated = generated(folder, target, labels, random);
      try (Tdb2GraphStore store = Tdb2GraphStore.open(folder.resolve("tdb2"))) {
        long start = System.nanoTime();
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        MeaningSnapshot.of(MeaningLayers.of(store, ontology).read());
        double read = (System.nanoTime() - start) / 1e9;
        double readCpu =
            (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e9;
        Path cache = folder.resolve("index");
        double cold = Double.NaN;
        if (!keepCache) {
          delete(cache);
          start = System.nanoTime();
          new GraphRetrieval(MeaningLayers.of(store, ontology), model, cache).refresh();
          cold = (System.nanoTime() - start) / 1e9;
        }
        start = System.nanoTime();
        GraphRetrieval retrieval =
            new GraphRetrieval(MeaningLayers.of(store, ontology), model, cache);
        retrieval.refresh();
        double cached = (System.nanoTime() - start) / 1e9;
        Random questionsRandom = new Random(7);
        List<String> questions = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
          String a = labels.get(questionsRandom.nextInt(labels.size()));
          String b = labels.get(questionsRandom.nextInt(labels.size()));
          questions.add(
              i % 2 == 0
                  ? "Как Кирилл понимает " + cyrillic(a) + "?"
                  : "How does " + a + " relate to " + b + "?");
        }
        double[] latency = new double[200];
        double[] cpuLatency = new double[200];
        double[] floor = new double[200];
        long facts = 0;
        long tokens = 0;
        for (int i = 0; i < questions.size(); i++) {
          long t0 = System.nanoTime();
          long c0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
          GraphContext context = retrieval.context(ContextRequest.of(questions.get(i)));
          long c1 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
          long t1 = System.nanoTime();
          if (model != null) {
            model.embed(questions.get(i));
          }
          long t2 = System.nanoTime();
          if (i >= 50) {
            latency[i - 50] = (t1 - t0) / 1e6;
            cpuLatency[i - 50] = (c1 - c0) / 1e6;
            floor[i - 50] = (t2 - t1) / 1e6;
            facts += context.facts().size();
            tokens += context.tokens();
          }
        }
        Arrays.sort(latency);
        Arrays.sort(cpuLatency);
        Arrays.sort(floor);
        String row =
            String.format(
                Locale.ROOT,
                "| %,d | %,d | %,d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f / %.1f | %.1f | %.1f | %.0f |%n",
                generated.triples(),
                labels.size(),
                generated.facts(),
                read,
                readCpu,
                cold,
                cached,
                latency[100],
                latency[190],
                cpuLatency[100],
                cpuLatency[190],
                floor[100],
                facts / 200.0,
                tokens / 200.0);
        System.out.print(row);
        table.append(row);
      }
    }
    System.out.println();
    System.out.println(
        "embeddings: "
            + (embeddings ? "AllMiniLmL6V2Quantized (in-process)" : "none (lexical only)")
            + "; heap "
            + Runtime.getRuntime().maxMemory() / (1 << 20)
            + " MB; load average "
            + String.format(
                Locale.ROOT,
                "%.1f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    System.out.print(table);
  }

  /** The knowledge base of {@code folder}, generated first unless an earlier run completed it. */
  private static Generated generated(Path folder, long target, List<String> labels, Random random)
      throws IOException {
    Path done = folder.resolve("generated.txt");
    if (Files.exists(done)) {
      String[] counts = Files.readString(done).trim().split(" ");
      return new Generated(Long.parseLong(counts[0]), Long.parseLong(counts[1]));
    }
    delete(folder);
    Generated generated;
    try (Tdb2GraphStore store = Tdb2GraphStore.open(folder.resolve("tdb2"))) {
      generated = generate(store, target, labels, random);
    }
    Files.writeString(done, generated.triples() + " " + generated.facts() + "\n");
    return generated;
  }

  private static void delete(Path folder) throws IOException {
    if (Files.exists(folder)) {
      try (Stream<Path> paths = Files.walk(folder)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** What was generated. */
  private record Generated(long triples, long facts) {}

  /** Writes conversations until about {@code target} triples are stored. */
  private static Generated generate(
      Tdb2GraphStore store, long target, List<String> labels, Random random) {
    long written = 0;
    long factCount = 0;
    int conversation = 0;
    List<GraphContent> batch = new ArrayList<>();
    long batchTriples = 0;
    while (written < target) {
      MeaningGraphBuilder b =
          new MeaningGraphBuilder("c" + conversation, "Conversation " + conversation);
      for (int t = 0; t < 10; t++) {
        b.turn(
            t % 2 == 0 ? Role.USER : Role.ASSISTANT,
            t % 2 == 0 ? "Kirill" : "ChatGPT",
            "2025-01-01T00:00:00Z",
            "m" + conversation + "-" + t,
            "turn " + t + " of conversation " + conversation);
      }
      Node kirill =
          b.entity(
              0,
              "Perspective",
              "Kirill's perspective",
              "Kirill's perspective@en",
              "Перспектива Кирилла@ru");
      for (int t = 0; t < 10; t++) {
        Node[] mentioned = new Node[3];
        for (int m = 0; m < mentioned.length; m++) {
          int id = skewed(random, labels.size());
          String label = labels.get(id);
          mentioned[m] =
              b.entity(t, TYPES[id % TYPES.length], label, label + "@en", cyrillic(label) + "@ru");
        }
        for (int f = 0; f < 2; f++) {
          b.fact(
              t,
              mentioned[f],
              RELATIONS[random.nextInt(RELATIONS.length)],
              mentioned[f + 1],
              0.5 + random.nextDouble() / 2,
              "quote " + f + " of turn " + t);
          factCount++;
        }
        if (t % 3 == 0) {
          b.interpretation(
              t,
              "interpretation " + conversation + "-" + t,
              mentioned[0],
              kirill,
              "Кирилл понимает "
                  + cyrillic(labels.get(random.nextInt(labels.size())))
                  + " как структуру@ru",
              "quote of interpretation " + t);
        }
      }
      GraphChange change = b.change();
      batch.addAll(change.put());
      batchTriples += change.tripleCount();
      written += change.tripleCount();
      conversation++;
      if (batchTriples > 50_000 || written >= target) {
        store.apply(new GraphChange(List.of(), List.of(), batch));
        batch = new ArrayList<>();
        batchTriples = 0;
      }
    }
    return new Generated(written, factCount);
  }

  /** Zipf-like: a few entities are mentioned often, most rarely, as in real conversations. */
  private static int skewed(Random random, int n) {
    return (int) Math.min(n - 1, Math.floor(Math.pow(random.nextDouble(), 2.5) * n));
  }

  private static String word(Random random) {
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
    }
    return w.toString();
  }

  private static String cyrillic(String latin) {
    String out = latin;
    for (int i = 0; i < SYLLABLES.length; i++) {
      out = out.replace(SYLLABLES[i], CYRILLIC[i]);
    }
    return out;
  }
}
