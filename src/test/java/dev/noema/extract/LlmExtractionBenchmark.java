package dev.noema.extract;

import dev.noema.conversation.Conversation;
import dev.noema.conversation.Role;
import dev.noema.conversation.Turn;
import dev.noema.llm.CacheMode;
import dev.noema.llm.CallPolicy;
import dev.noema.llm.ChatCalls;
import dev.noema.llm.ChatModels;
import dev.noema.llm.ChatTarget;
import dev.noema.llm.LlmConfig;
import dev.noema.llm.LlmProvider;
import dev.noema.llm.LlmUsage;
import dev.noema.llm.ProviderStub;
import dev.noema.llm.ResponseCache;
import dev.noema.llm.RetryPolicy;
import dev.noema.ontology.OntologyModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of LLM extraction against the OpenAI protocol stub with a fixed latency per request,
 * at parallelism 1, 4 and 8 (conversations in flight, sharing the request limit), beside the
 * structural extractor on the same corpus. Every run starts with an empty cache. Not a test
 * (surefire skips *Benchmark); run its main with the test classpath: {@code LlmExtractionBenchmark
 * [conversations] [latencyMillis]}.
 */
public final class LlmExtractionBenchmark {
  private static final String[] WORDS =
      ("attention latent space emergence architecture meaning module recursion "
              + "insight perspective interpretation method probing analogy symphony structure training weights layer "
              + "representation concept graph reasoning")
          .split(" ");

  private LlmExtractionBenchmark() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int conversations = args.length > 0 ? Integer.parseInt(args[0]) : 32;
    long latency = args.length > 1 ? Long.parseLong(args[1]) : 200;
    OntologyModel ontology = OntologyModel.loadDefault();
    List<Conversation> corpus = corpus(conversations, 6, new Random(42));
    long turns = corpus.stream().mapToLong(Conversation::activeTurnCount).sum();
    System.out.printf(
        "corpus: %d conversations, %d turns; stub latency %d ms%n", conversations, turns, latency);
    System.out.printf(
        "%-12s %8s %9s %8s %8s %10s %14s%n",
        "extractor", "parallel", "requests", "in-flight", "seconds", "turns/s", "prompt tok/turn");

    StructuralExtractor structural = new StructuralExtractor(ontology);
    corpus.forEach(structural::extract); // warm-up
    long t0 = System.nanoTime();
    corpus.forEach(structural::extract);
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "%-12s %8d %9s %8s %8.2f %10.0f %14s%n", "structural", 1, "-", "-", s, turns / s, "-");

    for (int parallel : new int[] {1, 4, 8}) {
      Path cache = Files.createTempDirectory("noema-bench-cache");
      try (ProviderStub stub = new ProviderStub(ProviderStub.Protocol.OPENAI).latency(latency)) {
        LlmConfig config =
            new LlmConfig(
                LlmProvider.OPENAI,
                "stub-model",
                stub.baseUrl(),
                "sk-bench",
                Duration.ofSeconds(30),
                parallel,
                3,
                null);
        ChatCalls calls =
            new ChatCalls(
                ChatModels.create(config),
                ChatTarget.of(config),
                new CallPolicy(
                    new ResponseCache(cache), CacheMode.USE, parallel, RetryPolicy.of(3)));
        LlmExtractor llm = new LlmExtractor(ontology, calls, LlmExtractor.DEFAULT_CHUNK_TOKENS);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        long start = System.nanoTime();
        for (Conversation c : corpus) {
          pool.execute(() -> llm.extract(c));
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        LlmUsage u = calls.usage();
        System.out.printf(
            "%-12s %8d %9d %8d %8.2f %10.1f %14.0f%n",
            "llm",
            parallel,
            u.calls(),
            stub.maxInFlight(),
            seconds,
            turns / seconds,
            (double) u.promptTokens() / turns);
      }
    }
  }

  /**
   * Conversations of alternating user and assistant turns, each a few Markdown sections of seeded
   * random words.
   */
  static List<Conversation> corpus(int conversations, int turnsEach, Random random) {
    List<Conversation> out = new ArrayList<>();
    for (int c = 0; c < conversations; c++) {
      List<Turn> turns = new ArrayList<>();
      for (int t = 0; t < turnsEach; t++) {
        StringBuilder text = new StringBuilder();
        for (int section = 0; section < 3; section++) {
          text.append("## ").append(WORDS[random.nextInt(WORDS.length)]).append("\n\n");
          for (int sentence = 0; sentence < 8; sentence++) {
            text.append("**").append(WORDS[random.nextInt(WORDS.length)]).append("**");
            for (int w = 0; w < 12; w++) {
              text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
            }
            text.append(". ");
          }
          text.append("\n\n");
        }
        turns.add(
            Turn.of(
                t,
                null,
                t % 2 == 0 ? Role.USER : Role.ASSISTANT,
                t % 2 == 0 ? "User" : "Assistant",
                null,
                text.toString()));
      }
      out.add(SampleDialogue.conversation("bench-" + c, turns.toArray(Turn[]::new)));
    }
    return out;
  }
}
