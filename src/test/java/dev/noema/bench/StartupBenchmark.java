package dev.noema.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Start-up as a user meets it: the launcher's commands, each run in a fresh JVM through {@code
 * ./noema} on the sample's knowledge base, without and with the class-data-sharing archive, against
 * two floors measured in the same run: {@code java -version} (the JVM alone) and a JVM that loads
 * one class from Noema's classpath and exits. Then the first Neo4j sync into an empty database (the
 * demo's), and the demo end to end in a fresh folder. Each row gives the distribution of wall times
 * (min, median, 90th percentile, max), the median CPU time (user + system of the process tree) and
 * the median's ratio to the second floor's.
 *
 * <p>The first run's extra cost is measured too: a command's first run records its class list; the
 * archive is then rebuilt in the background, whose CPU time and size are reported.
 *
 * <p>Arguments: runs per light command (default 10); Neo4j syncs and demos run a third as often (at
 * least 2). With a second argument, N conversations, it measures instead the first question after
 * importing a generated Nexus corpus of N conversations of 10 turns ({@code ./benchmark startup 3
 * 6000}). Run: {@code ./benchmark startup}. It uses and replaces {@code target/cds}.
 */
public final class StartupBenchmark {
  private static final String RUSSIAN = "Как Кирилл понимает внимание?";
  private static final String ENGLISH = "How does Kirill understand attention?";
  private static final Pattern TIMES =
      Pattern.compile("(\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s\\s*$");
  private static final Pattern EMBEDDED =
      Pattern.compile("index: (\\d+) label\\(s\\) embedded in ([\\d.]+) s");
  private static final Pattern SYNC_TIME = Pattern.compile("written in ([\\d.]+) s");

  private final Path home;
  private final Path kb;
  private final List<String> rows = new ArrayList<>();
  private double floor;

  private StartupBenchmark(Path home, Path kb) {
    this.home = home;
    this.kb = kb;
  }

  /** A JVM that starts, loads this class from Noema's classpath and exits: the floor. */
  public static final class Floor {
    public static void main(String[] args) {}
  }

  /** One run of a command: wall and CPU seconds, exit code, what it printed. */
  private record Timed(double wall, double cpu, int exit, String output) {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int heavyRuns = Math.max(2, runs / 3);
    int conversations = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    Path home = Path.of("").toAbsolutePath();
    if (!Files.isExecutable(home.resolve("noema"))) {
      throw new IllegalStateException("run from the repository root: no ./noema in " + home);
    }
    Path work = Files.createTempDirectory("noema-startup-bench");
    try {
      StartupBenchmark benchmark = new StartupBenchmark(home, work.resolve("kb"));
      if (conversations > 0) {
        benchmark.firstQuestion(runs, conversations, work);
      } else {
        benchmark.run(runs, heavyRuns, work);
      }
    } finally {
      deleteTree(work);
    }
  }

  private void run(int runs, int heavyRuns, Path work) throws Exception {
    System.out.printf(
        "machine: %d cores, %s, Java %s; load average %.1f at start%n",
        Runtime.getRuntime().availableProcessors(),
        cpuModel(),
        System.getProperty("java.version"),
        load());
    noema(Map.of("NOEMA_CDS", "0"), "--version"); // builds the application if needed, untimed
    Timed made = noema(Map.of("NOEMA_CDS", "0"), "demo", "--data", kb.toString());
    check(made, "demo");
    // As after 'noema import', which embeds what it adds (the demo leaves it to its first
    // question).
    check(noema(Map.of("NOEMA_CDS", "0"), "sync", "index", "--data", kb.toString()), "sync index");

    String classpath =
        home.resolve("target/test-classes")
            + ":"
            + home.resolve("target/noema.jar")
            + ":"
            + Files.readString(home.resolve("target/classpath.txt")).strip();
    measure("java -version (floor)", "", runs, () -> timed(Map.of(), "java", "-version"));
    floor =
        measure(
            "JVM loading one class from Noema's classpath (floor)",
            "",
            runs,
            () -> timed(Map.of(), "java", "-cp", classpath, Floor.class.getName()));

    List<List<String>> light =
        List.of(
            List.of("--version"),
            List.of("stats"),
            List.of("query", "modules"),
            List.of("context", RUSSIAN),
            List.of("context", ENGLISH));
    for (List<String> command : light) {
      measure(
          "noema " + String.join(" ", command),
          "none",
          runs,
          () -> noema(Map.of("NOEMA_CDS", "0"), withData(command)));
    }
    deleteTree(home.resolve("target/cds"));
    for (List<String> command : light) {
      Timed first = noema(Map.of(), withData(command));
      check(first, String.join(" ", command));
      String name = archiveName(command);
      Rebuild rebuild = awaitArchive(name);
      rows.add(
          String.format(
              Locale.ROOT,
              "| noema %s: first run, records its class list | | 1 | %.2f | | | | %.2f | |%n"
                  + "| ... then the archive `%s.jsa` rebuilt in the background | | | %.1f | | | | %.1f"
                  + " | %.0f MB |%n",
              String.join(" ", command),
              first.wall(),
              first.cpu(),
              name,
              rebuild.wall(),
              rebuild.cpu(),
              rebuild.megabytes()));
    }
    for (List<String> command : light) {
      measure(
          "noema " + String.join(" ", command),
          "per command",
          runs,
          () -> noema(Map.of(), withData(command)));
    }

    Path neo4j = kb.resolve("neo4j");
    List<String> sync = List.of("sync", "neo4j", "--data", kb.toString());
    for (String mode : List.of("none", "per command")) {
      Map<String, String> env = mode.equals("none") ? Map.of("NOEMA_CDS", "0") : Map.of();
      if (!mode.equals("none")) {
        deleteTree(neo4j);
        noema(env, sync.toArray(String[]::new));
        awaitArchive("sync");
      }
      List<Double> syncSeconds = new ArrayList<>();
      measure(
          "noema sync neo4j, first sync into an empty database",
          mode,
          heavyRuns,
          () -> {
            deleteTree(neo4j);
            Timed t = noema(env, sync.toArray(String[]::new));
            check(t, "sync neo4j");
            syncSeconds.add(syncSeconds(t));
            return t;
          });
      rows.add(statsRow("... the sync itself (its own report)", mode, syncSeconds, List.of()));
    }

    for (String mode : List.of("none", "per command")) {
      Map<String, String> env = mode.equals("none") ? Map.of("NOEMA_CDS", "0") : Map.of();
      if (!mode.equals("none")) {
        Path scratch = work.resolve("demo-first");
        Timed first = noema(env, "demo", "--data", scratch.toString());
        check(first, "demo");
        Rebuild rebuild = awaitArchive("demo");
        rows.add(
            String.format(
                Locale.ROOT,
                "| noema demo, fresh folder: first run, records its class list | | 1 | %.2f | | | |"
                    + " %.2f | |%n| ... then the archive `demo.jsa` rebuilt in the background | |"
                    + " | %.1f | | | | %.1f | %.0f MB |%n",
                first.wall(),
                first.cpu(),
                rebuild.wall(),
                rebuild.cpu(),
                rebuild.megabytes()));
        deleteTree(scratch);
      }
      List<Double> syncSeconds = new ArrayList<>();
      int[] n = {0};
      measure(
          "noema demo, fresh folder",
          mode,
          heavyRuns,
          () -> {
            Path folder = work.resolve("demo-" + mode.charAt(0) + n[0]++);
            Timed t = noema(env, "demo", "--data", folder.toString());
            check(t, "demo");
            syncSeconds.add(syncSeconds(t));
            deleteTree(folder);
            return t;
          });
      rows.add(statsRow("... its first Neo4j sync (its own report)", mode, syncSeconds, List.of()));
    }

    System.out.println();
    System.out.println(
        "| command | CDS archive | runs | wall min (s) | median | p90 | max | CPU median (s) |"
            + " median / floor |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    rows.forEach(System.out::print);
    System.out.printf(Locale.ROOT, "%nload average at the end: %.1f%n", load());
  }

  /**
   * The first question after a large import: a generated Nexus corpus imported by {@code noema
   * import} (which embeds the labels it adds), then {@code noema stats} (the floor), the first
   * {@code noema context} and later ones, and a first one over labels not embedded (the embeddings
   * file deleted: it links lexically at once). The import's cost is set against today's import (its
   * own time less its embedding step) plus the bare cost of embedding the same texts with the same
   * model in this JVM, measured inside the model's calls.
   */
  private void firstQuestion(int runs, int conversations, Path work) throws Exception {
    System.out.printf(
        "machine: %d cores, %s, Java %s; load average %.1f at start%n",
        Runtime.getRuntime().availableProcessors(),
        cpuModel(),
        System.getProperty("java.version"),
        load());
    Path export = work.resolve("corpus");
    new NexusCorpusGenerator(42).write(export, conversations, 10);
    Timed imported =
        noema(Map.of(), "import", "--data", kb.toString(), "--no-progress", export.toString());
    check(imported, "import");
    Matcher embedded = EMBEDDED.matcher(imported.output());
    if (!embedded.find()) {
      throw new IllegalStateException("no embedding line in:\n" + imported.output());
    }
    System.out.print(imported.output());
    int labels = Integer.parseInt(embedded.group(1));
    if (labels == 0) {
      throw new IllegalStateException("the import made no label to embed");
    }
    double embedding = Double.parseDouble(embedded.group(2));
    double bare = bareEmbedding();
    floor =
        measure(
            "noema stats (floor)",
            "per command",
            runs,
            () -> noema(Map.of(), withData(List.of("stats"))));
    Timed first = noema(Map.of(), withData(List.of("context", ENGLISH)));
    check(first, "context");
    rows.add(
        statsRow(
            "noema context, first after the import",
            "per command",
            List.of(first.wall()),
            List.of(first.cpu())));
    System.out.print(rows.get(rows.size() - 1));
    measure(
        "noema context, later",
        "per command",
        runs,
        () -> noema(Map.of(), withData(List.of("context", ENGLISH))));
    Files.delete(kb.resolve("index").resolve("embeddings.bin"));
    Timed lexical = noema(Map.of(), withData(List.of("context", ENGLISH)));
    check(lexical, "context");
    if (!lexical.output().contains("semantic linking: 0% of labels embedded")) {
      throw new IllegalStateException("no note on the missing embeddings in:\n" + lexical.output());
    }
    rows.add(
        statsRow(
            "noema context, no label embedded (lexical)",
            "per command",
            List.of(lexical.wall()),
            List.of(lexical.cpu())));
    System.out.println();
    System.out.println(
        "| command | CDS archive | runs | wall min (s) | median | p90 | max | CPU median (s) |"
            + " median / stats |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    rows.forEach(System.out::print);
    double today = imported.wall() - embedding;
    System.out.printf(
        Locale.ROOT,
        "%nimport of %,d conversations: %.1f s, of which embedding %,d labels %.1f s; today's import"
            + " (without it) %.1f s + bare embedding of the same texts %.1f s = %.1f s; ratio %.2f"
            + " (target <= 1.2)%n",
        conversations,
        imported.wall(),
        labels,
        embedding,
        today,
        bare,
        today + bare,
        imported.wall() / (today + bare));
    System.out.printf(Locale.ROOT, "load average at the end: %.1f%n", load());
  }

  /**
   * Seconds the in-process MiniLM spends embedding the knowledge base's node texts, inside its own
   * calls only (reading the store and indexing excluded).
   */
  private double bareEmbedding() throws Exception {
    dev.langchain4j.model.embedding.EmbeddingModel model =
        new dev.langchain4j.model.embedding.onnx.allminilml6v2q
            .AllMiniLmL6V2QuantizedEmbeddingModel();
    long[] nanos = {0};
    dev.langchain4j.model.embedding.EmbeddingModel timed =
        new dev.langchain4j.model.embedding.EmbeddingModel() {
          @Override
          public dev.langchain4j.model.output.Response<
                  List<dev.langchain4j.data.embedding.Embedding>>
              embedAll(List<dev.langchain4j.data.segment.TextSegment> segments) {
            long start = System.nanoTime();
            try {
              return model.embedAll(segments);
            } finally {
              nanos[0] += System.nanoTime() - start;
            }
          }
        };
    try (dev.noema.kb.KnowledgeBase base =
        dev.noema.kb.KnowledgeBase.open(dev.noema.kb.KnowledgeBaseConfig.folder(kb))) {
      new dev.noema.prompt.GraphRetrieval(base.meaning(), timed).refresh();
    }
    return nanos[0] / 1e9;
  }

  private interface Run {
    Timed run() throws Exception;
  }

  /** Runs once untimed, then {@code runs} times; adds a row and returns the median wall time. */
  private double measure(String name, String mode, int runs, Run run) throws Exception {
    run.run();
    List<Double> wall = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      Timed t = run.run();
      wall.add(t.wall());
      cpu.add(t.cpu());
    }
    rows.add(statsRow(name, mode, wall, cpu));
    System.out.print(rows.get(rows.size() - 1));
    return median(wall);
  }

  private String statsRow(String name, String mode, List<Double> wall, List<Double> cpu) {
    List<Double> sorted = wall.stream().sorted().toList();
    double median = median(sorted);
    return String.format(
        Locale.ROOT,
        "| %s | %s | %d | %.2f | %.2f | %.2f | %.2f | %s | %s |%n",
        name,
        mode,
        sorted.size(),
        sorted.get(0),
        median,
        sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1),
        sorted.get(sorted.size() - 1),
        cpu.isEmpty() ? "" : String.format(Locale.ROOT, "%.2f", median(cpu)),
        floor > 0 && !cpu.isEmpty() ? String.format(Locale.ROOT, "%.1f", median / floor) : "");
  }

  private static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  private List<String> withData(List<String> command) {
    if (command.get(0).startsWith("-")) {
      return command;
    }
    List<String> args = new ArrayList<>(command.subList(0, 1));
    args.add("--data");
    args.add(kb.toString());
    args.addAll(command.subList(1, command.size()));
    return args;
  }

  /** The archive the launcher keeps for a command: its first word, else {@code noema}. */
  private static String archiveName(List<String> command) {
    return command.get(0).matches("[a-z][a-z0-9-]*") ? command.get(0) : "noema";
  }

  private Timed noema(Map<String, String> env, List<String> args) throws Exception {
    return noema(env, args.toArray(String[]::new));
  }

  private Timed noema(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(home.resolve("noema").toString()));
    command.addAll(Arrays.asList(args));
    return timed(env, command.toArray(String[]::new));
  }

  /**
   * Runs {@code command} under {@code bash -c} and reads its CPU time from bash's {@code times}
   * (the children's line: the process and those it waited for).
   */
  private Timed timed(Map<String, String> env, String... command) throws Exception {
    Path output = Files.createTempFile("noema-startup", ".out");
    try {
      List<String> line = new ArrayList<>();
      line.add("bash");
      line.add("-c");
      line.add("\"$@\" >\"$NOEMA_BENCH_OUT\" 2>&1; status=$?; times; exit $status");
      line.add("bash");
      line.addAll(Arrays.asList(command));
      ProcessBuilder builder = new ProcessBuilder(line).directory(home.toFile());
      builder.environment().putAll(env);
      builder.environment().put("NOEMA_BENCH_OUT", output.toString());
      builder.redirectErrorStream(true);
      long start = System.nanoTime();
      Process process = builder.start();
      String times = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = process.waitFor();
      double wall = (System.nanoTime() - start) / 1e9;
      return new Timed(wall, childrenCpu(times), exit, Files.readString(output));
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static double childrenCpu(String times) {
    Matcher m = TIMES.matcher(times.strip());
    if (!m.find()) {
      throw new IllegalStateException("cannot read bash's times: " + times);
    }
    return Integer.parseInt(m.group(1)) * 60
        + Double.parseDouble(m.group(2))
        + Integer.parseInt(m.group(3)) * 60
        + Double.parseDouble(m.group(4));
  }

  private static void check(Timed t, String what) {
    if (t.exit() != 0) {
      throw new IllegalStateException(
          "noema " + what + " failed (" + t.exit() + "):\n" + t.output());
    }
  }

  private static double syncSeconds(Timed t) {
    Matcher m = SYNC_TIME.matcher(t.output());
    if (!m.find()) {
      throw new IllegalStateException("no sync report in:\n" + t.output());
    }
    return Double.parseDouble(m.group(1));
  }

  /** A background rebuild of an archive: wall time waited, its CPU time, the archive's size. */
  private record Rebuild(double wall, double cpu, double megabytes) {}

  /** Waits for the launcher's background rebuild of an archive to finish (up to 20 minutes). */
  private Rebuild awaitArchive(String name) throws Exception {
    Path cds = home.resolve("target/cds");
    Path lock = cds.resolve(name + ".lock");
    long start = System.nanoTime();
    while (Files.exists(lock)) {
      if (System.nanoTime() - start > 1_200_000_000_000L) {
        throw new IllegalStateException("the archive " + name + " is still being made");
      }
      Thread.sleep(200);
    }
    double wall = (System.nanoTime() - start) / 1e9;
    Path archive = cds.resolve(name + ".jsa");
    if (!Files.exists(archive)) {
      throw new IllegalStateException("no archive " + archive + "; see " + name + ".log");
    }
    List<String> log = Files.readAllLines(cds.resolve(name + ".log"));
    Matcher m = TIMES.matcher(log.isEmpty() ? "" : log.get(log.size() - 1));
    double cpu = m.find() ? childrenCpu(m.group()) : Double.NaN;
    return new Rebuild(wall, cpu, Files.size(archive) / 1e6);
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String cpuModel() throws IOException {
    Path info = Path.of("/proc/cpuinfo");
    if (!Files.exists(info)) {
      return "unknown CPU";
    }
    return Files.readAllLines(info).stream()
        .filter(l -> l.startsWith("model name"))
        .map(l -> l.substring(l.indexOf(':') + 1).strip())
        .findFirst()
        .orElse("unknown CPU");
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
