package dev.noema.bench;

import dev.noema.kb.ImportListener;
import dev.noema.kb.ImportReport;
import dev.noema.kb.ImportRequest;
import dev.noema.kb.KnowledgeBase;
import dev.noema.kb.KnowledgeBaseConfig;
import dev.noema.conversation.ReadOptions;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Import throughput: Noema importing a generated Nexus corpus into TDB2 (dialogue only, then with structural
 * extraction, then a re-import that finds nothing changed), against the floor: Jena's own TDB2 bulk loader loading the
 * very quads Noema wrote, measured in the same run.
 *
 * <p>Arguments: conversations (default 2000), turns per conversation (default 10). Run: {@code ./benchmark import}.
 */
public final class ImportBenchmark {
  public static void main(String[] args) throws Exception {
    int conversations = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int turns = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Path work = Files.createTempDirectory("noema-import-bench");
    try {
      Path corpus = work.resolve("corpus");
      long bytes = new NexusCorpusGenerator(42).write(corpus, conversations, turns);
      System.out.printf("corpus: %,d conversations, %,d turns, %.1f MB of Nexus Markdown%n",
          conversations, (long) conversations * turns, bytes / 1e6);
      double totalTurns = (double) conversations * turns;

      List<Measure.Run> runs = new ArrayList<>();
      Path quads = work.resolve("quads.nq");
      Path plain = work.resolve("kb-plain");
      Path extracted = work.resolve("kb-extract");
      ImportReport[] report = new ImportReport[1];

      Measure.Run noemaPlain = Measure.run("noema import --no-extract", totalTurns, "turns",
          () -> report[0] = importInto(plain, corpus, false));
      check(report[0], conversations);
      long quadCount;
      try (KnowledgeBase kb = KnowledgeBase.open(KnowledgeBaseConfig.folder(plain));
          OutputStream out = Files.newOutputStream(quads)) {
        StreamRDF writer = StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS);
        writer.start();
        kb.store().readAll(writer);
        writer.finish();
        quadCount = kb.store().stats().quads();
      }
      Path bulk = work.resolve("tdb2-bulk");
      Measure.Run floor = Measure.run("floor: TDB2 bulk loader, same quads", totalTurns, "turns", () -> {
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(Location.create(bulk.toString()));
        DataLoader loader = LoaderFactory.createLoader(dataset, null);
        loader.startBulk();
        loader.load(quads.toString());
        loader.finishBulk();
        TDBInternal.expel(dataset);
      });
      runs.add(floor);
      runs.add(noemaPlain);
      runs.add(Measure.run("noema import (structural extraction)", totalTurns, "turns",
          () -> report[0] = importInto(extracted, corpus, true)));
      check(report[0], conversations);
      runs.add(Measure.run("noema re-import, nothing changed", totalTurns, "turns",
          () -> report[0] = importInto(extracted, corpus, true)));
      if (report[0].unchanged() != conversations) {
        throw new IllegalStateException("re-import changed something: " + report[0].unchanged() + " unchanged");
      }
      System.out.printf("dialogue quads: %,d (%.0f per turn)%n%n", quadCount, quadCount / totalTurns);
      System.out.print(Measure.table(runs));
      System.out.printf("%nNoema import (dialogue) / bulk load: %.2f (target >= 0.5)%n", noemaPlain.rate() / floor.rate());
      System.out.println("peak heap is the sum of the heap pools' peaks: an upper bound.");
    } finally {
      try (Stream<Path> walk = Files.walk(work)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static ImportReport importInto(Path kbFolder, Path corpus, boolean extract) {
    try (KnowledgeBase kb = KnowledgeBase.open(KnowledgeBaseConfig.folder(kbFolder))) {
      return kb.importLogs(new ImportRequest(List.of(corpus), null, ReadOptions.defaults(), false, extract,
          ImportRequest.DEFAULT_MAX_TURN_CHARS), ImportListener.NONE);
    }
  }

  private static void check(ImportReport report, int conversations) {
    if (report.imported() + report.replaced() + report.unchanged() != conversations || report.hasProblems()) {
      throw new IllegalStateException("import did not read the corpus cleanly: " + report);
    }
  }
}
