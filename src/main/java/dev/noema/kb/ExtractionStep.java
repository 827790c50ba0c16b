package dev.noema.kb;

import dev.noema.conversation.Conversation;
import dev.noema.extract.ExtractedEntity;
import dev.noema.extract.Extraction;
import dev.noema.extract.ExtractionException;
import dev.noema.extract.ExtractionGraphs;
import dev.noema.extract.Extractor;
import dev.noema.extract.FactValidator;
import dev.noema.extract.ValidationSummary;
import dev.noema.identity.Mention;
import dev.noema.identity.Resolver;
import dev.noema.llm.RunStoppedException;
import dev.noema.ontology.OntologyModel;
import dev.noema.store.GraphContent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.apache.jena.graph.Node;

/**
 * Extraction as the import pipeline runs it: each extractor's output is validated against the
 * ontology (types, predicates, domains, ranges, grounding), what survives is resolved to entities
 * ({@link Resolver}: one node per real thing across extractors, languages and conversations) and
 * becomes per-turn graphs. Counts what was kept and what was dropped, by reason, and how kept
 * quotes were grounded (exact or aligned), across all conversations. A fault that stops the run
 * ({@link RunStoppedException}: the provider refused the request or the key, or the call limit was
 * reached) is reported once; later conversations skip that extractor without a word. Thread-safe.
 */
final class ExtractionStep {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ExtractionStep.class);

  /**
   * One conversation's extraction graphs and the facts they keep, by kind. The identity graphs of
   * the entities they use are not among them: see {@link #drainIdentity}.
   */
  record Result(List<GraphContent> graphs, long entities, long relations, long interpretations) {
    long facts() {
      return entities + relations + interpretations;
    }
  }

  private final List<Extractor> extractors;
  private final FactValidator validator;
  private final ExtractionGraphs writer;
  private final Resolver resolver;
  private final Map<String, Long> dropped = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> extracted = new ConcurrentHashMap<>();
  private final AtomicLong exactQuotes = new AtomicLong();
  private final AtomicLong alignedQuotes = new AtomicLong();
  private final AtomicLong stopSkips = new AtomicLong();
  private final AtomicReference<RunStoppedException> stopped = new AtomicReference<>();

  ExtractionStep(OntologyModel ontology, List<Extractor> extractors, Resolver resolver) {
    this.extractors = List.copyOf(extractors);
    this.validator = new FactValidator(ontology);
    this.writer = new ExtractionGraphs(ontology);
    this.resolver = resolver;
  }

  /** As {@link #extract(Conversation, BiConsumer)}, logging an extractor that fails. */
  Result extract(Conversation conversation) {
    // An LLM that fails leaves this conversation to the other extractors; `noema extract` can retry
    // it later.
    return extract(
        conversation,
        (extractor, problem) -> LOG.warn("{} extraction skipped: {}", extractor, problem));
  }

  /**
   * Runs every extractor on {@code conversation}, validates what each extracted and turns what is
   * kept into per-turn graphs. An extractor that fails is skipped and reported to {@code skipped}
   * (its name, the problem).
   */
  Result extract(Conversation conversation, BiConsumer<String, String> skipped) {
    List<GraphContent> graphs = new ArrayList<>();
    long entities = 0;
    long relations = 0;
    long interpretations = 0;
    for (Extractor extractor : extractors) {
      Extraction raw;
      try {
        raw = extractor.extract(conversation);
      } catch (ExtractionException e) {
        Optional<RunStoppedException> stop = e.runStopped();
        if (stop.isEmpty()) {
          skipped.accept(extractor.name(), e.getMessage());
        } else {
          stopSkips.incrementAndGet();
          if (stopped.compareAndSet(null, stop.get()) && stop.get().fault()) {
            skipped.accept(extractor.name(), stop.get().getMessage());
          }
        }
        continue;
      }
      extracted.computeIfAbsent(extractor.name(), name -> new AtomicLong()).incrementAndGet();
      FactValidator.Result validated = validator.validate(raw, conversation);
      ValidationSummary summary = validated.summary();
      exactQuotes.addAndGet(summary.exactQuotes());
      alignedQuotes.addAndGet(summary.alignedQuotes());
      summary
          .dropped()
          .forEach(
              (reason, count) ->
                  dropped.merge(
                      reason.name().toLowerCase(java.util.Locale.ROOT), (long) count, Long::sum));
      Extraction kept = validated.kept();
      entities += kept.entities().size();
      relations += kept.relations().size();
      interpretations += kept.interpretations().size();
      for (ExtractionGraphs.TurnGraph turn : writer.graphs(kept, conversation, resolve(kept))) {
        graphs.add(new GraphContent(turn.graphName(), turn.inputHash(), turn.triples()));
      }
    }
    return new Result(graphs, entities, relations, interpretations);
  }

  /** The entity each of the extraction's entities denotes, by key, in the extraction's order. */
  private Map<String, Node> resolve(Extraction extraction) {
    List<Mention> mentions = new ArrayList<>(extraction.entities().size());
    for (ExtractedEntity e : extraction.entities()) {
      mentions.add(
          new Mention(
              e.label(),
              e.language(),
              e.aliases(),
              e.canonicalLabel(),
              e.type(),
              extraction.extractor().name(),
              extraction.conversationId(),
              e.turnIndex()));
    }
    List<Node> iris = resolver.resolve(mentions);
    Map<String, Node> byKey = new HashMap<>();
    for (int i = 0; i < iris.size(); i++) {
      byKey.put(extraction.entities().get(i).key(), iris.get(i));
    }
    return byKey;
  }

  /**
   * The identity graphs changed by the conversations extracted since the last call; write them in
   * the same transaction as those conversations' graphs, in the order drained.
   */
  List<GraphContent> drainIdentity() {
    return resolver.drainChanges();
  }

  /** Names of the extractors, for the pipeline fingerprint. */
  String names() {
    return String.join("+", extractors.stream().map(Extractor::name).toList());
  }

  /** Facts dropped so far, by reason. */
  Map<String, Long> dropped() {
    return Map.copyOf(dropped);
  }

  /** Kept items whose quote occurs in its turn as it is. */
  long exactQuotes() {
    return exactQuotes.get();
  }

  /** Kept items whose quote was aligned with a span of its turn. */
  long alignedQuotes() {
    return alignedQuotes.get();
  }

  /** Conversations extractor {@code name} has extracted so far. */
  long extractedBy(String name) {
    AtomicLong n = extracted.get(name);
    return n == null ? 0 : n.get();
  }

  /** Why the run stopped, or empty while it goes on. */
  Optional<RunStoppedException> stopped() {
    return Optional.ofNullable(stopped.get());
  }

  /** Conversations an extractor skipped because the run had stopped. */
  long stopSkips() {
    return stopSkips.get();
  }
}
