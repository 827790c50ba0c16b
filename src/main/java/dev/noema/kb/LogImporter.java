package dev.noema.kb;

import dev.noema.conversation.Conversation;
import dev.noema.conversation.ConversationFormat;
import dev.noema.conversation.ConversationFormats;
import dev.noema.conversation.ConversationSink;
import dev.noema.conversation.ImportProblem;
import dev.noema.conversation.LogSource;
import dev.noema.conversation.StrictModeAbort;
import dev.noema.conversation.Turn;
import dev.noema.ontology.Iris;
import dev.noema.store.DialogueGraph;
import dev.noema.store.GraphChange;
import dev.noema.store.GraphContent;
import dev.noema.store.GraphEntry;
import dev.noema.store.GraphStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Reads logs into the store: detects each file's format, reads its conversations one at a time, repairs mojibake,
 * applies the size policy, skips conversations whose content hash is unchanged, extracts meaning, and writes each
 * conversation (dialogue graph and extraction graphs) whole.
 *
 * <p>Writes are batched: several whole conversations share one transaction, which keeps the per-commit cost of TDB2
 * off the hot path without ever splitting a conversation across transactions. In strict mode nothing is written until
 * every file has been read without a problem.
 */
final class LogImporter {
  /** Triples per transaction before a batch is committed. */
  private static final int BATCH_TRIPLES = 100_000;

  private final GraphStore store;
  private final ConversationFormats formats;
  private final UnaryOperator<Conversation> repair;
  private final Function<Conversation, List<GraphContent>> extraction;
  private final String pipeline;

  /**
   * @param repair undoes mojibake in every text field
   * @param extraction the meaning graphs of a conversation (empty when extraction is off)
   * @param pipeline identifies the extractors and ontology version, so that a change to them counts as a change
   */
  LogImporter(GraphStore store, ConversationFormats formats, UnaryOperator<Conversation> repair,
      Function<Conversation, List<GraphContent>> extraction, String pipeline) {
    this.store = store;
    this.formats = formats;
    this.repair = repair;
    this.extraction = extraction;
    this.pipeline = pipeline;
  }

  ImportReport run(ImportRequest request, ImportListener listener) {
    long start = System.nanoTime();
    Map<String, String> known = new HashMap<>();
    for (GraphEntry entry : store.graphs()) {
      known.put(entry.name().getURI(), entry.contentHash());
    }
    List<FileReport> reports = new ArrayList<>();
    List<GraphChange> strictChanges = new ArrayList<>();
    for (Path path : request.paths()) {
      List<LogSource> sources = new ArrayList<>();
      Optional<ImportProblem> pathProblem = expand(path, sources);
      if (pathProblem.isPresent()) {
        if (request.strict()) {
          throw new StrictModeAbort(pathProblem.get());
        }
        reports.add(new FileReport(path.toString(), null, 0, 0, 0, 0, 0, 0, 0, List.of(pathProblem.get())));
        continue;
      }
      for (LogSource source : sources) {
        FileReport report = importFile(source, request, known, listener, strictChanges);
        reports.add(report);
        listener.fileDone(report);
        if (request.strict() && !report.problems().isEmpty()) {
          throw new StrictModeAbort(report.problems().get(0));
        }
      }
    }
    if (request.strict()) {
      store.apply(strictChanges);
    }
    return new ImportReport(reports, (System.nanoTime() - start) / 1_000_000);
  }

  private FileReport importFile(LogSource source, ImportRequest request, Map<String, String> known,
      ImportListener listener, List<GraphChange> strictChanges) {
    ConversationFormat format;
    try {
      Optional<String> unreadable = unreadable(source);
      if (unreadable.isPresent()) {
        return failedFile(source, unreadable.get());
      }
      Optional<ConversationFormat> found =
          request.format() != null ? formats.byName(request.format()) : formats.detect(source);
      if (found.isEmpty()) {
        return failedFile(source, request.format() != null
            ? "unknown format '" + request.format() + "' (known: " + formatNames() + ")"
            : "not a conversation log in any known format (" + formatNames() + ")");
      }
      format = found.get();
    } catch (IOException e) {
      return failedFile(source, "cannot read: " + e.getMessage());
    }
    listener.fileStarted(source.name(), format.name(), source.size());
    FileSink sink = new FileSink(source, request, known, listener, strictChanges);
    try {
      format.read(source, request.readOptions(), sink);
    } catch (IOException | UncheckedIOException e) {
      sink.reject(new ImportProblem(source.name(), null, "cannot read: " + e.getMessage()));
    }
    sink.flush();
    return sink.report(format.name());
  }

  /** Files that are no log at all, recognised before any format is asked: empty or binary. */
  private static Optional<String> unreadable(LogSource source) throws IOException {
    try (InputStream in = source.open()) {
      byte[] head = in.readNBytes(8192);
      if (head.length == 0) {
        return Optional.of("empty file");
      }
      boolean zip = head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
      for (byte b : head) {
        if (b == 0 && !zip) {
          return Optional.of("binary file (contains NUL bytes), not a conversation log");
        }
      }
      return Optional.empty();
    }
  }

  private static FileReport failedFile(LogSource source, String reason) {
    return new FileReport(source.name(), null, 0, 0, 0, 0, 0, 0, 0,
        List.of(new ImportProblem(source.name(), null, reason)));
  }

  private String formatNames() {
    return String.join(", ", formats.all().stream().map(ConversationFormat::name).toList());
  }

  /** Expands a path into the log files it names; a problem when there is nothing to read. */
  private static Optional<ImportProblem> expand(Path path, List<LogSource> out) {
    if (!Files.exists(path)) {
      return Optional.of(new ImportProblem(path.toString(), null, "no such file or folder"));
    }
    if (Files.isDirectory(path)) {
      try (Stream<Path> walk = Files.walk(path)) {
        walk.filter(Files::isRegularFile)
            .filter(p -> path.relativize(p).toString().chars().noneMatch(c -> c == '\u0000'))
            .filter(p -> !isHidden(path.relativize(p)))
            .sorted()
            .forEach(p -> out.add(LogSource.of(p)));
      } catch (IOException e) {
        return Optional.of(new ImportProblem(path.toString(), null, "cannot list folder: " + e.getMessage()));
      }
      if (out.isEmpty()) {
        return Optional.of(new ImportProblem(path.toString(), null, "folder contains no files to import"));
      }
      return Optional.empty();
    }
    if (!Files.isReadable(path)) {
      return Optional.of(new ImportProblem(path.toString(), null, "not readable (permission denied)"));
    }
    out.add(LogSource.of(path));
    return Optional.empty();
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** Receives one file's conversations and turns them into batched store changes. */
  private final class FileSink implements ConversationSink {
    private final LogSource source;
    private final ImportRequest request;
    private final Map<String, String> known;
    private final ImportListener listener;
    private final List<GraphChange> strictChanges;
    private final List<GraphChange> batch = new ArrayList<>();
    private final List<ImportProblem> problems = new ArrayList<>();
    private long batchTriples;
    private int imported;
    private int replaced;
    private int unchanged;
    private int skipped;
    private long turns;
    private int repaired;
    private long facts;

    FileSink(LogSource source, ImportRequest request, Map<String, String> known, ImportListener listener,
        List<GraphChange> strictChanges) {
      this.source = source;
      this.request = request;
      this.known = known;
      this.listener = listener;
      this.strictChanges = strictChanges;
    }

    @Override
    public void accept(Conversation read) {
      Optional<String> oversize = oversizeTurn(read);
      if (oversize.isPresent()) {
        reject(new ImportProblem(source.name(), "conversation " + read.id(), oversize.get()));
        return;
      }
      Conversation conversation = repair.apply(read);
      if (!conversation.repairs().isEmpty()) {
        repaired++;
      }
      String graph = Iris.conversationGraph(conversation.id()).getURI();
      String hash = DialogueGraph.contentHash(conversation, pipeline);
      String previous = known.get(graph);
      if (hash.equals(previous)) {
        unchanged++;
        listener.conversationDone(source.name(), conversation.turns().size());
        return;
      }
      List<GraphContent> graphs = new ArrayList<>();
      graphs.add(new GraphContent(Iris.conversationGraph(conversation.id()), hash, DialogueGraph.triples(conversation)));
      if (request.extract()) {
        List<GraphContent> meaning = extraction.apply(conversation);
        graphs.addAll(meaning);
        facts += meaning.stream().mapToLong(g -> g.triples().size()).sum();
      }
      GraphChange change = new GraphChange(
          List.of(), List.of(Iris.extractionGraphPrefix(conversation.id())), graphs);
      known.put(graph, hash);
      if (previous == null) {
        imported++;
      } else {
        replaced++;
      }
      turns += conversation.turns().size();
      if (request.strict()) {
        strictChanges.add(change);
      } else {
        batch.add(change);
        batchTriples += change.tripleCount();
        if (batchTriples >= BATCH_TRIPLES) {
          flush();
        }
      }
      listener.conversationDone(source.name(), conversation.turns().size());
    }

    private Optional<String> oversizeTurn(Conversation conversation) {
      for (Turn turn : conversation.turns()) {
        if (turn.text().length() > request.maxTurnChars()) {
          return Optional.of(String.format("turn %d is %.1f MB of text, over the %.1f MB limit (--max-turn-size)",
              turn.index(), turn.text().length() / 1e6, request.maxTurnChars() / 1e6));
        }
      }
      return Optional.empty();
    }

    @Override
    public void reject(ImportProblem problem) {
      skipped++;
      problems.add(problem);
      if (request.strict()) {
        throw new StrictModeAbort(problem);
      }
    }

    void flush() {
      if (!batch.isEmpty()) {
        store.apply(batch);
        batch.clear();
        batchTriples = 0;
      }
    }

    FileReport report(String format) {
      // A whole-file problem (no conversation named) is not a skipped conversation.
      int skippedConversations = (int) problems.stream().filter(p -> p.location() != null).count();
      return new FileReport(source.name(), format, imported, replaced, unchanged, skippedConversations, turns,
          repaired, facts, problems);
    }
  }
}
