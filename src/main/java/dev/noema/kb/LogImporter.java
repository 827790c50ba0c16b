package dev.noema.kb;

import dev.noema.conversation.Conversation;
import dev.noema.conversation.ConversationFormat;
import dev.noema.conversation.ConversationSink;
import dev.noema.conversation.ImportProblem;
import dev.noema.conversation.LogSource;
import dev.noema.conversation.LogSources;
import dev.noema.conversation.StrictModeAbort;
import dev.noema.conversation.TextEncoding;
import dev.noema.conversation.Turn;
import dev.noema.conversation.format.ConversationFormats;
import dev.noema.conversation.format.Identification;
import dev.noema.ontology.Iris;
import dev.noema.store.DialogueGraph;
import dev.noema.store.GraphChange;
import dev.noema.store.GraphContent;
import dev.noema.store.GraphEntry;
import dev.noema.store.GraphStore;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads logs into the store: detects each file's format, reads its conversations one at a time,
 * repairs mojibake, applies the size policy, skips conversations whose content hash is unchanged,
 * extracts meaning, and writes each conversation (dialogue graph and extraction graphs) whole.
 *
 * <p>Writes are batched: several whole conversations share one transaction, which keeps the
 * per-commit cost of TDB2 off the hot path without ever splitting a conversation across
 * transactions. In strict mode nothing is written until every file has been read without a problem.
 */
final class LogImporter {
  /** Triples per transaction before a batch is committed. */
  private static final int BATCH_TRIPLES = 250_000;

  /** Longest time between commits, so that an interrupted import keeps most of what it read. */
  private static final long BATCH_MILLIS = 10_000;

  private final GraphStore store;
  private final ConversationFormats formats;
  private final UnaryOperator<Conversation> repair;
  private final ExtractionStep extraction;
  private final String pipeline;

  /**
   * @param repair undoes mojibake in every text field
   * @param extraction the extractors and their validation
   * @param pipeline identifies the extractors and ontology version, so that a change to them counts
   *     as a change
   */
  LogImporter(
      GraphStore store,
      ConversationFormats formats,
      UnaryOperator<Conversation> repair,
      ExtractionStep extraction,
      String pipeline) {
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
    Batch batch = new Batch();
    LogSources logSources = LogSources.withDefaultLimits();
    for (Path path : request.paths()) {
      try (LogSources.Expansion expansion = logSources.expand(path)) {
        for (ImportProblem problem : expansion.problems()) {
          if (request.strict()) {
            throw new StrictModeAbort(problem);
          }
          reports.add(
              new FileReport(problem.source(), null, 0, 0, 0, 0, 0, 0, 0, List.of(problem)));
        }
        for (LogSource source : expansion.sources()) {
          boolean named = source.name().equals(path.toString());
          FileReport report =
              importFile(source, named, request, known, listener, strictChanges, batch);
          if (report == null) {
            continue;
          }
          reports.add(report);
          listener.fileDone(report);
          if (request.strict() && !report.problems().isEmpty()) {
            throw new StrictModeAbort(report.problems().get(0));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close " + path + ": " + e.getMessage(), e);
      }
    }
    batch.flush();
    if (request.strict()) {
      store.apply(strictChanges);
    }
    return new ImportReport(reports, (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * Imports conversations that did not come from a file (an exchange recorded by {@code noema ask
   * --record}) through the same repair, hashing, extraction and transaction as a file's.
   */
  ImportReport runConversations(String sourceName, List<Conversation> conversations) {
    long start = System.nanoTime();
    Map<String, String> known = new HashMap<>();
    for (GraphEntry entry : store.graphs()) {
      known.put(entry.name().getURI(), entry.contentHash());
    }
    Batch batch = new Batch();
    LogSource source =
        new LogSource() {
          @Override
          public String name() {
            return sourceName;
          }

          @Override
          public InputStream open() {
            throw new UnsupportedOperationException("recorded conversations have no file");
          }

          @Override
          public long size() {
            return -1;
          }
        };
    ImportRequest request =
        new ImportRequest(List.of(), null, null, false, true, ImportRequest.DEFAULT_MAX_TURN_CHARS);
    FileSink sink =
        new FileSink(
            source,
            request,
            known,
            ImportListener.NONE,
            List.of(),
            batch,
            new CountingSource(source));
    conversations.forEach(sink::accept);
    batch.flush();
    return new ImportReport(
        List.of(sink.report(conversations.isEmpty() ? "none" : conversations.get(0).format())),
        (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * One file's report, or null for a file passed over quietly: a known side file of an export
   * (account details, feedback), or an archive entry that is not a log at all.
   *
   * @param named whether the user named this file itself (not a folder or archive around it): then
   *     a file with nothing to import is a failure, not a quiet pass
   */
  private FileReport importFile(
      LogSource source,
      boolean named,
      ImportRequest request,
      Map<String, String> known,
      ImportListener listener,
      List<GraphChange> strictChanges,
      Batch batch) {
    Identification.Readable readable;
    try {
      Identification identified = formats.identify(source, request.format(), request.readOptions());
      if (identified instanceof Identification.PassedOver passed) {
        return named ? failedFile(source, "nothing to import: " + passed.what()) : null;
      }
      if (identified instanceof Identification.Unreadable unreadable) {
        // Exports carry files that are no logs (images, manifests): in an archive, not problems.
        return isArchiveEntry(source) ? null : failedFile(source, unreadable.reason());
      }
      readable = (Identification.Readable) identified;
    } catch (IOException e) {
      return failedFile(source, "cannot read: " + e.getMessage());
    }
    ConversationFormat format = readable.format();
    listener.fileStarted(source.name(), format.name(), source.size());
    CountingSource counted = new CountingSource(source);
    FileSink sink = new FileSink(source, request, known, listener, strictChanges, batch, counted);
    try {
      format.read(readable.text(counted), request.readOptions(), sink);
    } catch (TextEncoding.MalformedText e) {
      sink.reject(
          new ImportProblem(
              source.name(), null, e.getMessage() + "; the rest of the file was not read"));
    } catch (IOException | UncheckedIOException e) {
      sink.reject(new ImportProblem(source.name(), null, "cannot read: " + e.getMessage()));
    }
    return sink.report(format.name());
  }

  private static boolean isArchiveEntry(LogSource source) {
    return source.name().contains("!");
  }

  private static FileReport failedFile(LogSource source, String reason) {
    return new FileReport(
        source.name(),
        null,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        List.of(new ImportProblem(source.name(), null, reason)));
  }

  /**
   * Whole conversations waiting to be committed together. A commit forces TDB2's files to disk,
   * which costs far more than writing one conversation, so commits happen every {@link
   * #BATCH_TRIPLES} triples or {@link #BATCH_MILLIS} milliseconds (whichever comes first), across
   * files, and at the end.
   */
  private final class Batch {
    private final List<GraphChange> changes = new ArrayList<>();
    private long triples;
    private long lastCommit = System.nanoTime();

    /** Adds changes that must commit together (never split across two batches). */
    void add(List<GraphChange> together) {
      changes.addAll(together);
      triples += together.stream().mapToLong(GraphChange::tripleCount).sum();
      if (triples >= BATCH_TRIPLES || System.nanoTime() - lastCommit > BATCH_MILLIS * 1_000_000L) {
        flush();
      }
    }

    void flush() {
      if (!changes.isEmpty()) {
        store.apply(changes);
        changes.clear();
        triples = 0;
      }
      lastCommit = System.nanoTime();
    }
  }

  /**
   * A source that counts how far the first stream opened on it has been read: the format's reading
   * pass. Later opens (a format counting a file's conversations to name a problem's place) are not
   * counted, so the count follows the reading and never jumps to the end. Used from the importing
   * thread only.
   */
  private static final class CountingSource implements LogSource {
    private final LogSource source;
    private boolean opened;
    private long bytesRead;

    CountingSource(LogSource source) {
      this.source = source;
    }

    long bytesRead() {
      return bytesRead;
    }

    @Override
    public String name() {
      return source.name();
    }

    @Override
    public long size() {
      return source.size();
    }

    @Override
    public InputStream open() throws IOException {
      InputStream in = source.open();
      if (opened) {
        return in;
      }
      opened = true;
      return new FilterInputStream(in) {
        @Override
        public int read() throws IOException {
          int b = super.read();
          bytesRead += b < 0 ? 0 : 1;
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = super.read(buffer, offset, length);
          bytesRead += Math.max(n, 0);
          return n;
        }

        @Override
        public long skip(long n) throws IOException {
          long skipped = super.skip(n);
          bytesRead += skipped;
          return skipped;
        }
      };
    }
  }

  /** Receives one file's conversations and turns them into batched store changes. */
  private final class FileSink implements ConversationSink {
    private final LogSource source;
    private final ImportRequest request;
    private final Map<String, String> known;
    private final ImportListener listener;
    private final List<GraphChange> strictChanges;
    private final Batch batch;
    private final CountingSource position;
    private final List<ImportProblem> problems = new ArrayList<>();
    private int imported;
    private int replaced;
    private int unchanged;
    private int skipped;
    private long turns;
    private int repaired;
    private long facts;

    FileSink(
        LogSource source,
        ImportRequest request,
        Map<String, String> known,
        ImportListener listener,
        List<GraphChange> strictChanges,
        Batch batch,
        CountingSource position) {
      this.batch = batch;
      this.position = position;
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
        done(conversation);
        return;
      }
      List<GraphContent> graphs = new ArrayList<>();
      graphs.add(
          new GraphContent(
              Iris.conversationGraph(conversation.id()),
              hash,
              DialogueGraph.triples(conversation)));
      if (request.extract()) {
        ExtractionStep.Result meaning = extraction.extract(conversation);
        graphs.addAll(meaning.graphs());
        facts += meaning.facts();
      }
      // Only a replaced conversation can have extraction graphs to clear (its turns may now be
      // fewer). A new one
      // writes graphs the registry does not list, so the store need not drop them first.
      List<String> stale =
          previous == null ? List.of() : List.of(Iris.extractionGraphPrefix(conversation.id()));
      boolean created = graphs.stream().noneMatch(g -> known.containsKey(g.name().getURI()));
      List<GraphChange> changes = new ArrayList<>(3);
      changes.add(created ? GraphChange.create(graphs) : new GraphChange(List.of(), stale, graphs));
      graphs.forEach(g -> known.put(g.name().getURI(), g.contentHash()));
      changes.addAll(identityChanges(extraction.drainIdentity()));
      if (previous == null) {
        imported++;
      } else {
        replaced++;
      }
      turns += conversation.turns().size();
      if (request.strict()) {
        strictChanges.addAll(changes);
      } else {
        batch.add(changes);
      }
      done(conversation);
    }

    /**
     * The identity graphs the conversation's extraction changed: the new ones created, the others
     * replaced.
     */
    private List<GraphChange> identityChanges(List<GraphContent> identity) {
      List<GraphContent> fresh = new ArrayList<>();
      List<GraphContent> replaced = new ArrayList<>();
      for (GraphContent g : identity) {
        (known.containsKey(g.name().getURI()) ? replaced : fresh).add(g);
        known.put(g.name().getURI(), g.contentHash());
      }
      List<GraphChange> changes = new ArrayList<>(2);
      if (!fresh.isEmpty()) {
        changes.add(GraphChange.create(fresh));
      }
      if (!replaced.isEmpty()) {
        changes.add(new GraphChange(List.of(), List.of(), replaced));
      }
      return changes;
    }

    private void done(Conversation conversation) {
      listener.bytesRead(source.name(), position.bytesRead());
      listener.conversationDone(source.name(), conversation.turns().size());
    }

    private Optional<String> oversizeTurn(Conversation conversation) {
      for (Turn turn : conversation.turns()) {
        if (turn.text().length() > request.maxTurnChars()) {
          return Optional.of(
              String.format(
                  "turn %d is %.1f MB of text, over the %.1f MB limit (--max-turn-size)",
                  turn.index(), turn.text().length() / 1e6, request.maxTurnChars() / 1e6));
        }
      }
      return Optional.empty();
    }

    @Override
    public void reject(ImportProblem problem) {
      skipped++;
      problems.add(problem);
      listener.bytesRead(source.name(), position.bytesRead());
      if (request.strict()) {
        throw new StrictModeAbort(problem);
      }
    }

    FileReport report(String format) {
      // A whole-file problem (no conversation named) is not a skipped conversation.
      int skippedConversations = (int) problems.stream().filter(p -> p.location() != null).count();
      return new FileReport(
          source.name(),
          format,
          imported,
          replaced,
          unchanged,
          skippedConversations,
          turns,
          repaired,
          facts,
          problems);
    }
  }
}
