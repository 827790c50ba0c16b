package dev.noema.server;

import dev.noema.conversation.ImportProblem;
import dev.noema.conversation.StrictModeAbort;
import dev.noema.kb.FileReport;
import dev.noema.kb.ImportListener;
import dev.noema.kb.ImportReport;
import dev.noema.kb.ImportRequest;
import dev.noema.kb.KnowledgeBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Imports uploaded logs one at a time, in the background, through {@link KnowledgeBase#importLogs}
 * (the same validated path as {@code noema import}); each upload is a job whose progress can be
 * polled. The upload is written to a private temporary folder under its (sanitised) file name, so
 * format detection sees the same name and bytes as the CLI would, and deleted when the job ends.
 * Thread-safe.
 */
final class ImportJobs implements AutoCloseable {
  /** A job as the API shows it. {@code state} is queued, running, done or failed. */
  record JobView(
      String id,
      String state,
      String file,
      long conversations,
      long turns,
      Summary summary,
      List<String> problems,
      String error,
      String neo4j) {}

  /** The outcome of a finished import. */
  record Summary(
      int imported,
      int replaced,
      int unchanged,
      int skipped,
      long failedFiles,
      long turns,
      long facts,
      long millis) {}

  private final KnowledgeBase kb;
  private final boolean syncNeo4j;
  private final ExecutorService worker;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();

  /**
   * @param syncNeo4j sync the Neo4j projection after an import that changed the store (the server
   *     holds Neo4j)
   */
  ImportJobs(KnowledgeBase kb, boolean syncNeo4j) {
    this.kb = kb;
    this.syncNeo4j = syncNeo4j;
    // One import at a time: TDB2 has one writer, and the importer already batches its commits.
    this.worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "noema-import");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Queues an import of {@code upload} (a temporary file this object now owns) read as {@code
   * fileName}.
   *
   * @param format a format name instead of detection, or null
   */
  JobView submit(Path upload, String fileName, String format) {
    Job job = new Job(UUID.randomUUID().toString(), fileName);
    jobs.put(job.id, job);
    worker.submit(() -> job.run(upload, format));
    return job.view();
  }

  Optional<JobView> get(String id) {
    return Optional.ofNullable(jobs.get(id)).map(Job::view);
  }

  @Override
  public void close() {
    worker.shutdownNow();
    try {
      worker.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A file name safe to create in a folder: the last path segment, with anything odd replaced. */
  static String safeName(String name) {
    String last = name == null ? "" : name.replace('\\', '/');
    last = last.substring(last.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N}._ -]", "_").strip();
    return last.isEmpty() || last.startsWith(".") ? "upload" + last : last;
  }

  private final class Job implements ImportListener {
    private final String id;
    private final String file;
    private final AtomicLong conversations = new AtomicLong();
    private final AtomicLong turns = new AtomicLong();
    private volatile String state = "queued";
    private volatile ImportReport report;
    private volatile String error;
    private volatile String neo4j;

    Job(String id, String file) {
      this.id = id;
      this.file = file;
    }

    void run(Path upload, String format) {
      state = "running";
      Path folder = null;
      try {
        folder = Files.createTempDirectory("noema-upload");
        Path named = Files.move(upload, folder.resolve(safeName(file)));
        ImportRequest defaults = ImportRequest.of(List.of(named));
        ImportRequest request =
            new ImportRequest(
                defaults.paths(),
                format,
                defaults.readOptions(),
                false,
                defaults.extract(),
                defaults.maxTurnChars());
        report = kb.importLogs(request, this);
        if (syncNeo4j && report.imported() + report.replaced() > 0) {
          try {
            neo4j = kb.syncNeo4j().toString();
          } catch (dev.noema.neo4j.Neo4jException e) {
            // The import is committed; the next sync (any Cypher query through the server) catches
            // up.
            neo4j = "sync failed: " + e.getMessage();
          }
        }
        if (request.extract() && report.imported() + report.replaced() > 0) {
          kb.embedLabels(); // questions meanwhile link the new labels by their words
        }
        state = "done";
      } catch (StrictModeAbort
          | UncheckedIOException
          | IOException
          | dev.noema.store.StoreException e) {
        error = e.getMessage();
        state = "failed";
      } catch (RuntimeException e) {
        error = e.getClass().getSimpleName() + ": " + e.getMessage();
        state = "failed";
      } finally {
        delete(upload);
        if (folder != null) {
          try (var files = Files.list(folder)) {
            files.forEach(ImportJobs::delete);
          } catch (IOException ignored) {
            // The temporary folder is under java.io.tmpdir; the system cleans it if we cannot.
          }
          delete(folder);
        }
      }
    }

    @Override
    public void conversationDone(String source, int turnCount) {
      conversations.incrementAndGet();
      turns.addAndGet(turnCount);
    }

    JobView view() {
      ImportReport done = report;
      Summary summary =
          done == null
              ? null
              : new Summary(
                  done.imported(),
                  done.replaced(),
                  done.unchanged(),
                  done.skipped(),
                  done.failedFiles(),
                  done.turns(),
                  done.facts(),
                  done.millis());
      List<String> problems = new ArrayList<>();
      if (done != null) {
        for (FileReport f : done.files()) {
          for (ImportProblem p : f.problems()) {
            // Problems name the temporary path; users know the file by the name they uploaded.
            problems.add(p.toString().replace(f.source(), file));
          }
        }
      }
      return new JobView(
          id, state, file, conversations.get(), turns.get(), summary, problems, error, neo4j);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // See above: best effort on temporary files.
    }
  }
}
