package dev.noema.kb;

import dev.noema.conversation.Conversation;
import dev.noema.extract.Extraction;
import dev.noema.extract.ExtractionException;
import dev.noema.extract.ExtractionGraphs;
import dev.noema.extract.Extractor;
import dev.noema.extract.FactValidator;
import dev.noema.extract.LlmExtractor;
import dev.noema.llm.CacheMode;
import dev.noema.llm.LlmConfig;
import dev.noema.llm.LlmUsage;
import dev.noema.store.GraphChange;
import dev.noema.store.GraphContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** {@link KnowledgeBase#extract}: one run over the stored conversations. */
final class Reextraction {
  private final KnowledgeBase kb;

  Reextraction(KnowledgeBase kb) {
    this.kb = kb;
  }

  ExtractReport run(ExtractRequest request) {
    long start = System.nanoTime();
    int parallel = request.parallel() > 0 ? request.parallel() : kb.llm().map(LlmConfig::parallel).orElse(1);
    List<Extractor> extractors = kb.extractors(request.extractor(),
        request.offline() ? CacheMode.OFFLINE : CacheMode.USE, parallel);
    Extractions conversations = new Extractions(kb.store());
    List<String> ids = conversations.conversationIds(request.conversationId());
    FactValidator validator = new FactValidator(kb.ontology());
    ExtractionGraphs writer = new ExtractionGraphs(kb.ontology());
    AtomicInteger written = new AtomicInteger();
    AtomicLong turnGraphs = new AtomicLong();
    AtomicLong entities = new AtomicLong();
    AtomicLong relations = new AtomicLong();
    AtomicLong interpretations = new AtomicLong();
    Map<String, Long> dropped = new ConcurrentHashMap<>();
    List<String> problems = new CopyOnWriteArrayList<>();

    Extractions.forEach(ids, parallel, id -> {
      try {
        Optional<Conversation> read = conversations.read(id);
        if (read.isEmpty()) {
          problems.add("conversation " + id + ": its dialogue graph holds no conversation");
          return;
        }
        Conversation conversation = read.get();
        List<GraphContent> graphs = new ArrayList<>();
        for (Extractor extractor : extractors) {
          Extraction raw;
          try {
            raw = extractor.extract(conversation);
          } catch (ExtractionException e) {
            problems.add(extractor.name() + ": " + e.getMessage());
            continue;
          }
          FactValidator.Result result = validator.validate(raw, conversation);
          result.summary().dropped().forEach((reason, n) ->
              dropped.merge(reason.name().toLowerCase(Locale.ROOT), (long) n, Long::sum));
          entities.addAndGet(result.kept().entities().size());
          relations.addAndGet(result.kept().relations().size());
          interpretations.addAndGet(result.kept().interpretations().size());
          for (ExtractionGraphs.TurnGraph turn : writer.graphs(result.kept(), conversation)) {
            graphs.add(new GraphContent(turn.graphName(), turn.inputHash(), turn.triples()));
          }
        }
        if (!graphs.isEmpty()) {
          // One transaction per conversation: each turn's graph is replaced whole, or nothing changes.
          kb.store().apply(new GraphChange(List.of(), List.of(), graphs));
          written.incrementAndGet();
          turnGraphs.addAndGet(graphs.size());
        }
      } catch (RuntimeException e) {
        problems.add("conversation " + id + ": " + e.getMessage());
      }
    });
    return new ExtractReport(extractors.stream().map(Extractor::name).toList(), ids.size(), written.get(),
        turnGraphs.get(), entities.get(), relations.get(), interpretations.get(), dropped, usage(extractors),
        problems, (System.nanoTime() - start) / 1_000_000);
  }

  static LlmUsage usage(List<Extractor> extractors) {
    return extractors.stream().filter(e -> e instanceof LlmExtractor).map(e -> ((LlmExtractor) e).calls().usage())
        .findFirst().orElse(LlmUsage.NONE);
  }
}
