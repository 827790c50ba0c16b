package dev.noema.kb;

import dev.noema.conversation.Conversation;
import dev.noema.ontology.Iris;
import dev.noema.store.DialogueReader;
import dev.noema.store.GraphEntry;
import dev.noema.store.GraphStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;

/**
 * What re-extraction and evaluation share: the conversations the store holds, read back from their
 * dialogue graphs, and a bounded pool to work on several at once. Thread-safe.
 */
final class Extractions {
  private final GraphStore store;

  Extractions(GraphStore store) {
    this.store = store;
  }

  /**
   * The ids of the conversations in the store, in graph-IRI order; only {@code only} when it is not
   * null.
   *
   * @throws IllegalArgumentException when {@code only} names no conversation in the store
   */
  List<String> conversationIds(String only) {
    if (only != null) {
      if (store.contentHash(Iris.conversationGraph(only)).isEmpty()) {
        throw new IllegalArgumentException("no conversation '" + only + "' in " + store.location());
      }
      return List.of(only);
    }
    List<String> ids = new ArrayList<>();
    for (GraphEntry entry : store.graphs()) {
      Iris.conversationId(entry.name()).ifPresent(ids::add);
    }
    return ids;
  }

  /**
   * The conversation {@code id} as its dialogue graph holds it, or empty when the graph holds none.
   */
  Optional<Conversation> read(String id) {
    List<Triple> triples = new ArrayList<>();
    store.read(
        List.<Node>of(Iris.conversationGraph(id)),
        new StreamRDFBase() {
          @Override
          public void triple(Triple triple) {
            triples.add(triple);
          }

          @Override
          public void quad(Quad quad) {
            triples.add(quad.asTriple());
          }
        });
    return DialogueReader.read(triples);
  }

  /**
   * Runs {@code task} on every item with {@code parallel} threads and a bounded queue (a full queue
   * makes the caller run the task itself, which throttles submission); returns when all are done.
   * {@code task} handles its own errors.
   */
  static <T> void forEach(List<T> items, int parallel, Consumer<T> task) {
    if (parallel <= 1 || items.size() <= 1) {
      items.forEach(task);
      return;
    }
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            parallel,
            parallel,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(parallel * 2),
            new ThreadPoolExecutor.CallerRunsPolicy());
    try {
      for (T item : items) {
        pool.execute(() -> task.accept(item));
      }
    } finally {
      pool.shutdown();
      try {
        while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
          // keep waiting: every task ends, bounded by the LLM timeout and retries
        }
      } catch (InterruptedException e) {
        pool.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }
}
