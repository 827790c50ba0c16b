package dev.noema.kb;

import dev.noema.conversation.Conversation;
import dev.noema.extract.Extraction;
import dev.noema.extract.ExtractionException;
import dev.noema.extract.ExtractionGraphs;
import dev.noema.extract.Extractor;
import dev.noema.extract.FactValidator;
import dev.noema.ontology.OntologyModel;
import dev.noema.store.GraphContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Extraction as the import pipeline runs it: each extractor's output is validated against the
 * ontology (types, predicates, domains, ranges, grounding) and only what survives becomes per-turn
 * graphs. Counts what was kept and what was dropped, by reason, across all conversations.
 * Thread-safe.
 */
final class ExtractionStep {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ExtractionStep.class);

  /** The meaning graphs of one conversation, and how many facts they hold. */
  /** One conversation's extraction graphs and the facts they keep, by kind. */
  record Result(List<GraphContent> graphs, long entities, long relations, long interpretations) {
    long facts() {
      return entities + relations + interpretations;
    }
  }

  private final List<Extractor> extractors;
  private final FactValidator validator;
  private final ExtractionGraphs writer;
  private final Map<String, Long> dropped = new ConcurrentHashMap<>();

  ExtractionStep(OntologyModel ontology, List<Extractor> extractors) {
    this.extractors = List.copyOf(extractors);
    this.validator = new FactValidator(ontology);
    this.writer = new ExtractionGraphs(ontology);
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
        skipped.accept(extractor.name(), e.getMessage());
        continue;
      }
      FactValidator.Result validated = validator.validate(raw, conversation);
      validated
          .summary()
          .dropped()
          .forEach(
              (reason, count) ->
                  dropped.merge(
                      reason.name().toLowerCase(java.util.Locale.ROOT), (long) count, Long::sum));
      Extraction kept = validated.kept();
      entities += kept.entities().size();
      relations += kept.relations().size();
      interpretations += kept.interpretations().size();
      for (ExtractionGraphs.TurnGraph turn : writer.graphs(kept, conversation)) {
        graphs.add(new GraphContent(turn.graphName(), turn.inputHash(), turn.triples()));
      }
    }
    return new Result(graphs, entities, relations, interpretations);
  }

  /** Names of the extractors, for the pipeline fingerprint. */
  String names() {
    return String.join("+", extractors.stream().map(Extractor::name).toList());
  }

  /** Facts dropped so far, by reason. */
  Map<String, Long> dropped() {
    return Map.copyOf(dropped);
  }
}
