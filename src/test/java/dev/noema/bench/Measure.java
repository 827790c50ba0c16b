package dev.noema.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Wall time and peak heap of a piece of work, and a table to print them in. */
public final class Measure {
  private Measure() {}

  /** One measured run. */
  public record Run(String name, double seconds, long peakHeapBytes, double units, String unit) {
    double rate() {
      return units / seconds;
    }
  }

  /** Work that may throw. */
  public interface Work {
    void run() throws Exception;
  }

  /** Runs {@code work} after a GC, and measures its wall time and the peak heap it reached. */
  public static Run run(String name, double units, String unit, Work work) throws Exception {
    System.gc();
    List<MemoryPoolMXBean> heap = new ArrayList<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
        heap.add(pool);
      }
    }
    long start = System.nanoTime();
    work.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    return new Run(name, seconds, peak, units, unit);
  }

  /**
   * Prints the runs as a Markdown table with each rate as a ratio to the floor's (the first run).
   */
  public static String table(List<Run> runs) {
    StringBuilder s = new StringBuilder();
    s.append(
        "| run | time (s) | rate | peak heap (MB) | ratio to floor |\n|---|---:|---:|---:|---:|\n");
    Run floor = runs.get(0);
    for (Run r : runs) {
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %.2f | %,.0f %s/s | %,d | %.2f |%n",
              r.name(),
              r.seconds(),
              r.rate(),
              r.unit(),
              r.peakHeapBytes() / 1_000_000,
              r.rate() / floor.rate()));
    }
    return s.toString();
  }
}
