package dev.noema.bench;

import dev.noema.conversation.ReadOptions;
import dev.noema.kb.ImportListener;
import dev.noema.kb.ImportReport;
import dev.noema.kb.ImportRequest;
import dev.noema.kb.KnowledgeBase;
import dev.noema.kb.KnowledgeBaseConfig;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Import throughput: Noema importing a generated Nexus corpus into TDB2 (dialogue only, then with
 * structural extraction, then a re-import that finds nothing changed), against the floor: Jena's
 * own TDB2 bulk loader loading the very quads Noema wrote, measured in the same run. Both sides are
 * timed in a warm JVM: a small untimed run of each comes first.
 *
 * <p>Arguments: conversations (default 2000), turns per conversation (default 10). Run: {@code
 * ./benchmark import}.
 */
public final class ImportBenchmark {
  /** Conversations of the untimed warm-up corpus. */
  private static final int WARM_UP_CONVERSATIONS = 100;

  public static void main(String[] args) throws Exception {
    int conversations = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int turns = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Path work = Files.createTempDirectory("noema-import-bench");
    try {
      Path corpus = work.resolve("corpus");
      long bytes = new NexusCorpusGenerator(42).write(corpus, conversations, turns);
      System.out.printf(
          "corpus: %,d conversations, %,d turns, %.1f MB of Nexus Markdown%n",
          conversations, (long) conversations * turns, bytes / 1e6);
      double totalTurns = (double) conversations * turns;

      warmUp(work, turns);
      Path plain = work.resolve("kb-plain");
      Path extracted = work.resolve("kb-extract");
      ImportReport[] report = new ImportReport[1];

      Measure.Run noemaPlain =
          Measure.run(
              "noema import --no-extract",
              totalTurns,
              "turns",
              () -> report[0] = importInto(plain, corpus, false));
      check(report[0], conversations);
      Measure.Run noemaExtract =
          Measure.run(
              "noema import (structural extraction)",
              totalTurns,
              "turns",
              () -> report[0] = importInto(extracted, corpus, true));
      check(report[0], conversations);
      Measure.Run reimport =
          Measure.run(
              "noema re-import, nothing changed",
              totalTurns,
              "turns",
              () -> report[0] = importInto(extracted, corpus, true));
      if (report[0].unchanged() != conversations) {
        throw new IllegalStateException(
            "re-import changed something: " + report[0].unchanged() + " unchanged");
      }
      long[] plainQuads = new long[1];
      long[] extractQuads = new long[1];
      Measure.Run plainFloor =
          bulkLoadFloor(plain, work.resolve("bulk-plain"), totalTurns, plainQuads);
      Measure.Run extractFloor =
          bulkLoadFloor(extracted, work.resolve("bulk-extract"), totalTurns, extractQuads);

      System.out.printf(
          "quads written: %,d dialogue only (%.0f per turn), %,d with extraction (%.0f per turn)%n%n",
          plainQuads[0], plainQuads[0] / totalTurns, extractQuads[0], extractQuads[0] / totalTurns);
      System.out.println("Dialogue only:");
      System.out.print(Measure.table(List.of(plainFloor, noemaPlain)));
      System.out.println("\nWith structural extraction:");
      System.out.print(Measure.table(List.of(extractFloor, noemaExtract, reimport)));
      System.out.printf(
          "%nNoema import / bulk load of the same quads: %.2f dialogue only, %.2f with extraction "
              + "(target >= 0.5)%n",
          noemaPlain.rate() / plainFloor.rate(), noemaExtract.rate() / extractFloor.rate());
      System.out.println("peak heap is the sum of the heap pools' peaks: an upper bound.");
    } finally {
      try (Stream<Path> walk = Files.walk(work)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * One untimed run of each measured path on a small corpus. The first import in a JVM loads and
   * compiles Jena, the ontology and the readers, which was most of a small run's time and was
   * charged to Noema alone: the floor ran later in the same, by then warm, JVM.
   */
  private static void warmUp(Path work, int turns) throws Exception {
    Path corpus = work.resolve("warm-corpus");
    new NexusCorpusGenerator(7).write(corpus, WARM_UP_CONVERSATIONS, turns);
    importInto(work.resolve("kb-warm-plain"), corpus, false);
    importInto(work.resolve("kb-warm"), corpus, true);
    bulkLoadFloor(work.resolve("kb-warm"), work.resolve("bulk-warm"), 1, new long[1]);
  }

  /**
   * Exports what Noema wrote, then times Jena's TDB2 bulk loader loading exactly those quads into a
   * new folder.
   */
  private static Measure.Run bulkLoadFloor(Path kbFolder, Path bulk, double turns, long[] quadCount)
      throws Exception {
    Path quads = bulk.resolveSibling(bulk.getFileName() + ".nq");
    try (KnowledgeBase kb = KnowledgeBase.open(KnowledgeBaseConfig.folder(kbFolder));
        OutputStream out = Files.newOutputStream(quads)) {
      StreamRDF writer = StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS);
      writer.start();
      kb.store().readAll(writer);
      writer.finish();
      quadCount[0] = kb.store().stats().quads();
    }
    return Measure.run(
        "floor: TDB2 bulk loader, same quads",
        turns,
        "turns",
        () -> {
          DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(Location.create(bulk.toString()));
          DataLoader loader = LoaderFactory.createLoader(dataset, (format, values) -> {});
          loader.startBulk();
          loader.load(quads.toString());
          loader.finishBulk();
          TDBInternal.expel(dataset);
        });
  }

  private static ImportReport importInto(Path kbFolder, Path corpus, boolean extract) {
    try (KnowledgeBase kb = KnowledgeBase.open(KnowledgeBaseConfig.folder(kbFolder))) {
      return kb.importLogs(
          new ImportRequest(
              List.of(corpus),
              null,
              ReadOptions.defaults(),
              false,
              extract,
              ImportRequest.DEFAULT_MAX_TURN_CHARS),
          ImportListener.NONE);
    }
  }

  private static void check(ImportReport report, int conversations) {
    if (report.imported() + report.replaced() + report.unchanged() != conversations
        || report.hasProblems()) {
      throw new IllegalStateException("import did not read the corpus cleanly: " + report);
    }
  }
}
