package dev.noema.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.noema.conversation.ChatGptExportGenerator;
import dev.noema.conversation.Conversation;
import dev.noema.conversation.ConversationSink;
import dev.noema.conversation.ImportProblem;
import dev.noema.conversation.LogSource;
import dev.noema.conversation.ReadOptions;
import dev.noema.conversation.format.ChatGptExportFormat;
import dev.noema.conversation.format.ConversationFormats;
import dev.noema.conversation.format.Identification;
import dev.noema.kb.ImportListener;
import dev.noema.kb.ImportReport;
import dev.noema.kb.ImportRequest;
import dev.noema.kb.KnowledgeBase;
import dev.noema.kb.KnowledgeBaseConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reading a big ChatGPT export: Noema's import of a synthetic {@code conversations.json} of each
 * size (in MB, default 100 and 1000) into a fresh TDB2 store, against the floor: Jackson's bare
 * streaming parse (every token, nothing built) of the same file, measured in the same run.
 *
 * <p>The import runs in a child JVM with {@code -Xmx512m}, so the 512 MB heap cap is really tested:
 * a non-streaming reader would die there with an {@link OutOfMemoryError}. The child first reads
 * the file through {@link ChatGptExportFormat} alone (no store); then the way import does, through
 * {@link ConversationFormats#identify} (text encoding, format detection) and the decoded source,
 * from the file and from a UTF-16 copy of it (what Windows PowerShell writes), so that the cost of
 * identification and decoding shows beside the bare read; then imports it through {@link
 * KnowledgeBase#importLogs} (dialogue only, no extraction), sampling the heap every 10 ms. Peak
 * heap is the largest heap in use seen; live heap is the largest heap left after a collection (what
 * the import really holds). Files go under {@code target/formats-bench} and are deleted after. Run:
 * {@code ./benchmark formats [MB...]}.
 */
public final class FormatsBenchmark {
  private static final ChatGptExportGenerator.Settings SHAPE =
      new ChatGptExportGenerator.Settings(0, 16, 40, 0.1, 0.05, 42L);
  private static final String CHILD_HEAP = "-Xmx512m";

  private FormatsBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String arg : args) {
      sizes.add(Integer.parseInt(arg));
    }
    if (sizes.isEmpty()) {
      sizes = List.of(100, 1000);
    }
    Path work = Files.createDirectories(Path.of("target", "formats-bench"));
    List<String> rows = new ArrayList<>();
    try {
      double bytesPerConversation = bytesPerConversation(work);
      for (int megabytes : sizes) {
        rows.add(measure(work, megabytes, bytesPerConversation));
      }
    } finally {
      delete(work);
    }
    System.out.println();
    System.out.println(
        "| size (MB) | conversations | turns | floor: Jackson parse MB/s | Noema read only MB/s "
            + "| identify + decode + read MB/s | identify alone ms | same read, UTF-16 copy MB/s (of the"
            + " UTF-8 size) "
            + "| Noema import MB/s | import / floor (target <= 3) | import turns/s | peak heap MB | live heap MB "
            + "(-Xmx512m) |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    rows.forEach(System.out::println);
    System.out.println(
        "\nimport / floor is the floor's MB/s over Noema's (time ratio); import is dialogue only "
            + "(--no-extract), into TDB2. The three reads are each the best of "
            + ImportChild.READ_ROUNDS
            + " rounds taken in turn, after a warm-up.");
  }

  /** The average size of one generated conversation, from a small sample. */
  private static double bytesPerConversation(Path work) throws IOException {
    Path sample = work.resolve("sample.json");
    ChatGptExportGenerator.Totals totals = generator(500).writeTo(sample);
    Files.delete(sample);
    return totals.bytes() / 500.0;
  }

  private static ChatGptExportGenerator generator(int conversations) {
    return new ChatGptExportGenerator(
        new ChatGptExportGenerator.Settings(
            conversations,
            SHAPE.turnsPerConversation(),
            SHAPE.wordsPerTurn(),
            SHAPE.branchProbability(),
            SHAPE.multimodalProbability(),
            SHAPE.seed()));
  }

  private static String measure(Path work, int megabytes, double bytesPerConversation)
      throws Exception {
    Path export = work.resolve("conversations-" + megabytes + "MB.json");
    Path store = work.resolve("kb-" + megabytes + "MB");
    int conversations = (int) Math.round(megabytes * 1e6 / bytesPerConversation);
    ChatGptExportGenerator.Totals totals = generator(conversations).writeTo(export);
    double mb = totals.bytes() / 1e6;
    System.out.printf(
        "generated %s: %,d conversations, %,d active turns, %,d alternatives, %,d images, %.1f MB%n",
        export,
        totals.conversations(),
        totals.activeTurns(),
        totals.alternatives(),
        totals.imageParts(),
        mb);
    try {
      jacksonParse(
          export); // warm-up of the floor: the child is a fresh JVM, but the page cache is shared
      long start = System.nanoTime();
      long tokens = jacksonParse(export);
      double floorSeconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("floor: %,d tokens in %.2f s%n", tokens, floorSeconds);

      Path utf16 = work.resolve("conversations-" + megabytes + "MB-utf16.json");
      transcode(export, utf16);
      Map<String, ChildResult> results = new HashMap<>();
      double identifyMillis = Double.NaN;
      for (String line : child(export, store, utf16)) {
        System.out.println("  child: " + line);
        if (line.startsWith(ChildResult.PREFIX)) {
          ChildResult result = ChildResult.parse(line);
          results.put(result.what(), result);
        } else if (line.startsWith(IDENTIFY_PREFIX)) {
          identifyMillis = Double.parseDouble(line.substring(IDENTIFY_PREFIX.length()).strip());
        }
      }
      Files.deleteIfExists(utf16);
      ChildResult read = results.get("read");
      ChildResult identified = results.get("identified");
      ChildResult fromUtf16 = results.get("utf16");
      ChildResult imported = results.get("import");
      if (read == null || identified == null || fromUtf16 == null || imported == null) {
        throw new IllegalStateException("the import child reported no result (out of memory?)");
      }
      if (imported.turns() != totals.activeTurns()) {
        throw new IllegalStateException(
            "imported "
                + imported.turns()
                + " turns, the export has "
                + totals.activeTurns()
                + " active turns");
      }
      return String.format(
          Locale.ROOT,
          "| %.0f | %,d | %,d | %.1f | %.1f | %.1f | %.2f | %.1f | %.1f | %.2f | %,.0f | %,d | %,d |",
          mb,
          totals.conversations(),
          totals.activeTurns(),
          mb / floorSeconds,
          mb / read.seconds(),
          mb / identified.seconds(),
          identifyMillis,
          mb / fromUtf16.seconds(),
          mb / imported.seconds(),
          imported.seconds() / floorSeconds,
          imported.turns() / imported.seconds(),
          imported.peakHeap() / 1_000_000,
          imported.liveHeap() / 1_000_000);
    } finally {
      Files.deleteIfExists(export);
      delete(store);
    }
  }

  /** Jackson's bare streaming parse: every token of the file, no tree, no strings kept. */
  private static long jacksonParse(Path file) throws IOException {
    long tokens = 0;
    try (InputStream in = Files.newInputStream(file);
        JsonParser parser = new JsonFactory().createParser(in)) {
      while (parser.nextToken() != null) {
        tokens++;
      }
    }
    return tokens;
  }

  /** The export re-saved as UTF-16LE with a byte order mark, as Windows PowerShell writes it. */
  private static void transcode(Path utf8, Path utf16) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(utf8, StandardCharsets.UTF_8);
        Writer out = Files.newBufferedWriter(utf16, StandardCharsets.UTF_16LE)) {
      out.write('\uFEFF');
      in.transferTo(out);
    }
  }

  /** Runs {@link ImportChild} in a JVM capped at 512 MB of heap, and returns what it printed. */
  private static List<String> child(Path export, Path store, Path utf16)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java,
                CHILD_HEAP,
                "-cp",
                System.getProperty("java.class.path"),
                ImportChild.class.getName(),
                export.toString(),
                store.toString(),
                utf16.toString())
            .redirectErrorStream(true)
            .start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        lines.add(line);
      }
    }
    int exit = process.waitFor();
    if (exit != 0) {
      lines.forEach(System.out::println);
      throw new IllegalStateException("the import child exited with " + exit);
    }
    return lines;
  }

  private static void delete(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** One measured phase of the child, as one line of its output. */
  /** The child's line with the milliseconds one identification of the export takes. */
  private static final String IDENTIFY_PREFIX = "IDENTIFY ms";

  record ChildResult(String what, double seconds, long turns, long peakHeap, long liveHeap) {
    static final String PREFIX = "RESULT ";

    String line() {
      return String.format(
          Locale.ROOT, "%s%s %.3f %d %d %d", PREFIX, what, seconds, turns, peakHeap, liveHeap);
    }

    static ChildResult parse(String line) {
      String[] f = line.substring(PREFIX.length()).split(" ");
      return new ChildResult(
          f[0],
          Double.parseDouble(f[1]),
          Long.parseLong(f[2]),
          Long.parseLong(f[3]),
          Long.parseLong(f[4]));
    }
  }

  /**
   * The child JVM's main: {@code ImportChild <export> <store folder> <UTF-16 copy>}. Prints one
   * {@link ChildResult} line per phase; exits non-zero when the import did not read the whole
   * export cleanly.
   */
  public static final class ImportChild {
    private static final int READ_ROUNDS = 7;
    private static final int IDENTIFY_TIMES = 200;

    private ImportChild() {}

    public static void main(String[] args) throws Exception {
      Path export = Path.of(args[0]);
      Path store = Path.of(args[1]);
      Path utf16 = Path.of(args[2]);
      // One unmeasured pass first, so that no phase pays the JIT's warm-up for the others; then the
      // three reads in turn, several rounds, each phase's best: on a shared machine the other
      // builds' load comes and goes, and the best time is the one least disturbed by it.
      identifiedRead("warm-up", export);
      Map<String, ChildResult> best = new LinkedHashMap<>();
      for (int round = 0; round < READ_ROUNDS; round++) {
        for (ChildResult result :
            List.of(
                bareRead(export),
                identifiedRead("identified", export),
                identifiedRead("utf16", utf16))) {
          System.out.printf(
              Locale.ROOT, "round %d: %s %.3f s%n", round + 1, result.what(), result.seconds());
          best.merge(result.what(), result, (a, b) -> a.seconds() <= b.seconds() ? a : b);
        }
      }
      best.values().forEach(result -> System.out.println(result.line()));
      ConversationFormats formats = ConversationFormats.standard();
      long start = System.nanoTime();
      for (int i = 0; i < IDENTIFY_TIMES; i++) {
        formats.identify(LogSource.of(export), null, ReadOptions.defaults());
      }
      System.out.printf(
          Locale.ROOT,
          "%s %.3f%n",
          IDENTIFY_PREFIX,
          (System.nanoTime() - start) / 1e6 / IDENTIFY_TIMES);
      ChildResult imported =
          sampled(
              "import",
              () -> {
                try (KnowledgeBase kb = KnowledgeBase.open(KnowledgeBaseConfig.folder(store))) {
                  ImportReport report =
                      kb.importLogs(
                          new ImportRequest(
                              List.of(export),
                              null,
                              ReadOptions.defaults(),
                              false,
                              false,
                              ImportRequest.DEFAULT_MAX_TURN_CHARS),
                          ImportListener.NONE);
                  if (report.hasProblems() || report.imported() == 0) {
                    throw new IllegalStateException(
                        "import did not read the export cleanly: " + report);
                  }
                  return report.turns();
                }
              });
      System.out.println(imported.line());
    }

    /** The format alone: no identification, the file read as it is. */
    private static ChildResult bareRead(Path export) throws Exception {
      long[] turns = new long[1];
      return sampled(
          "read",
          () -> {
            new ChatGptExportFormat()
                .read(
                    LogSource.of(export),
                    ReadOptions.defaults(),
                    new ConversationSink() {
                      @Override
                      public void accept(Conversation conversation) {
                        turns[0] += conversation.turns().size();
                      }

                      @Override
                      public void reject(ImportProblem problem) {
                        throw new IllegalStateException(problem.toString());
                      }
                    });
            return turns[0];
          });
    }

    /**
     * The whole path import takes before the store: identify the file (encoding, then format),
     * decode it, read it with the format identified.
     */
    private static ChildResult identifiedRead(String what, Path file) throws Exception {
      long[] turns = new long[1];
      return sampled(
          what,
          () -> {
            LogSource source = LogSource.of(file);
            Identification.Readable readable =
                (Identification.Readable)
                    ConversationFormats.standard().identify(source, null, ReadOptions.defaults());
            readable
                .format()
                .read(
                    readable.text(source),
                    ReadOptions.defaults(),
                    new ConversationSink() {
                      @Override
                      public void accept(Conversation conversation) {
                        turns[0] += conversation.turns().size();
                      }

                      @Override
                      public void reject(ImportProblem problem) {
                        throw new IllegalStateException(problem.toString());
                      }
                    });
            return turns[0];
          });
    }

    /** Work that returns the turns it handled. */
    interface Phase {
      long run() throws Exception;
    }

    /**
     * Runs {@code phase} while a daemon thread samples heap in use and heap left after collections.
     */
    private static ChildResult sampled(String what, Phase phase) throws Exception {
      System.gc();
      List<MemoryPoolMXBean> pools =
          ManagementFactory.getMemoryPoolMXBeans().stream()
              .filter(p -> p.getType() == MemoryType.HEAP)
              .toList();
      long[] peaks = new long[2];
      Thread sampler =
          new Thread(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                  long afterGc = 0;
                  for (MemoryPoolMXBean pool : pools) {
                    afterGc +=
                        pool.getCollectionUsage() == null ? 0 : pool.getCollectionUsage().getUsed();
                  }
                  synchronized (peaks) {
                    peaks[0] = Math.max(peaks[0], used);
                    peaks[1] = Math.max(peaks[1], afterGc);
                  }
                  try {
                    Thread.sleep(10);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "heap-sampler");
      sampler.setDaemon(true);
      sampler.start();
      long start = System.nanoTime();
      long turns = phase.run();
      double seconds = (System.nanoTime() - start) / 1e9;
      sampler.interrupt();
      sampler.join();
      synchronized (peaks) {
        return new ChildResult(what, seconds, turns, peaks[0], peaks[1]);
      }
    }
  }
}
