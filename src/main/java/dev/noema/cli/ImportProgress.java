package dev.noema.cli;

import dev.noema.kb.ImportListener;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress bar of {@code noema import}: one bar per file of at least {@link #MIN_BAR_BYTES},
 * over the megabytes read so far of the file's size, so that the bar knows the fraction done and
 * shows the time left (the progressbar library's estimate from the rate so far); beside it,
 * conversations and turns done over the whole import and turns per second. Smaller files have no
 * bar (they are done before one would be drawn); their counts still add up.
 *
 * <p>Not thread-safe: called from the importing thread only, as {@link ImportListener} promises.
 */
final class ImportProgress implements ImportListener, AutoCloseable {
  /** Files below this size get no bar. */
  static final long MIN_BAR_BYTES = 1_000_000;

  private final boolean draw;
  private final ProgressBarConsumer consumer;
  private final LongSupplier nanoTime;
  private final long started;
  private ProgressBar bar;
  private long fileBytes = -1;
  private long bytesRead;
  private long conversations;
  private long turns;

  /**
   * @param draw whether to draw bars at all (false: only count)
   * @param consumer where bars are drawn, or null for the terminal
   * @param nanoTime the clock turns per second are measured with
   */
  ImportProgress(boolean draw, ProgressBarConsumer consumer, LongSupplier nanoTime) {
    this.draw = draw;
    this.consumer = consumer;
    this.nanoTime = nanoTime;
    this.started = nanoTime.getAsLong();
  }

  /** Bars on the terminal when {@code draw}, else counting only. */
  static ImportProgress onTerminal(boolean draw) {
    return new ImportProgress(draw, null, System::nanoTime);
  }

  @Override
  public void fileStarted(String source, String format, long bytes) {
    close();
    fileBytes = bytes;
    bytesRead = 0;
    if (!draw || bytes < MIN_BAR_BYTES) {
      return;
    }
    ProgressBarBuilder builder =
        new ProgressBarBuilder()
            .setTaskName(Path.of(source).getFileName().toString())
            .setInitialMax(bytes)
            .setStyle(ProgressBarStyle.ASCII)
            .setUnit(" MB", 1_000_000)
            .showSpeed();
    if (consumer != null) {
      builder.setConsumer(consumer);
    }
    bar = builder.build();
  }

  @Override
  public void bytesRead(String source, long bytes) {
    bytesRead = bytes;
    if (bar != null) {
      bar.stepTo(bytes);
    }
  }

  @Override
  public void conversationDone(String source, int turnCount) {
    conversations++;
    turns += turnCount;
    if (bar != null) {
      bar.setExtraMessage(" " + status()); // the library runs the speed and the message together
    }
  }

  /**
   * How much of the current file has been read, from 0 to 1; empty when its size is unknown or no
   * file started.
   */
  OptionalDouble fraction() {
    return fileBytes <= 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(Math.min(1.0, (double) bytesRead / fileBytes));
  }

  /**
   * Conversations and turns done since the import began, and turns per second: "12 conv, 340 turns,
   * 85 turns/s".
   */
  String status() {
    double seconds = (nanoTime.getAsLong() - started) / 1e9;
    String rate = seconds > 0 ? String.format(Locale.ROOT, ", %,.0f turns/s", turns / seconds) : "";
    return String.format(Locale.ROOT, "%,d conv, %,d turns%s", conversations, turns, rate);
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
