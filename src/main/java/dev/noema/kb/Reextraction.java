package dev.noema.kb;

import dev.noema.conversation.Conversation;
import dev.noema.extract.Extractor;
import dev.noema.extract.LlmExtractor;
import dev.noema.llm.CacheMode;
import dev.noema.llm.LlmConfig;
import dev.noema.llm.LlmUsage;
import dev.noema.store.GraphChange;
import dev.noema.store.GraphContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    int parallel =
        request.parallel() > 0 ? request.parallel() : kb.llm().map(LlmConfig::parallel).orElse(1);
    List<Extractor> extractors =
        kb.extractors(
            request.extractor(),
            request.offline() ? CacheMode.OFFLINE : CacheMode.USE,
            parallel,
            request.maxCalls());
    Extractions conversations = new Extractions(kb.store());
    List<String> ids = conversations.conversationIds(request.conversationId());
    ExtractionStep step = new ExtractionStep(kb.ontology(), extractors, kb.resolver());
    // Identity graphs hold an entity's whole state: they must reach the store in the order the
    // resolver changed them, so taking them and writing them is one step.
    Object writeLock = new Object();
    AtomicInteger written = new AtomicInteger();
    AtomicLong turnGraphs = new AtomicLong();
    AtomicLong entities = new AtomicLong();
    AtomicLong relations = new AtomicLong();
    AtomicLong interpretations = new AtomicLong();
    List<String> problems = new CopyOnWriteArrayList<>();
    AtomicLong unreached = new AtomicLong();

    Extractions.forEach(
        ids,
        parallel,
        id -> {
          if (step.stopped().isPresent()) {
            // The run has stopped (a provider fault or the call limit): what is done stays written.
            unreached.incrementAndGet();
            return;
          }
          try {
            Optional<Conversation> read = conversations.read(id);
            if (read.isEmpty()) {
              problems.add("conversation " + id + ": its dialogue graph holds no conversation");
              return;
            }
            Conversation conversation = read.get();
            ExtractionStep.Result result =
                step.extract(
                    conversation, (extractor, problem) -> problems.add(extractor + ": " + problem));
            entities.addAndGet(result.entities());
            relations.addAndGet(result.relations());
            interpretations.addAndGet(result.interpretations());
            List<GraphContent> graphs = result.graphs();
            if (!graphs.isEmpty()) {
              // One transaction per conversation: each turn's graph is replaced whole, or nothing
              // changes.
              synchronized (writeLock) {
                List<GraphContent> all = new ArrayList<>(graphs);
                all.addAll(step.drainIdentity());
                kb.store().apply(new GraphChange(List.of(), List.of(), all));
              }
              written.incrementAndGet();
              turnGraphs.addAndGet(graphs.size());
            }
          } catch (RuntimeException e) {
            problems.add("conversation " + id + ": " + e.getMessage());
          }
        });
    return new ExtractReport(
        extractors.stream().map(Extractor::name).toList(),
        ids.size(),
        written.get(),
        turnGraphs.get(),
        entities.get(),
        relations.get(),
        interpretations.get(),
        step.exactQuotes(),
        step.alignedQuotes(),
        step.dropped(),
        usage(extractors),
        step.extractedBy(LlmExtractor.NAME),
        unreached.get() + step.stopSkips(),
        problems,
        (System.nanoTime() - start) / 1_000_000);
  }

  /** {@link KnowledgeBase#estimate}: the LLM extractor's estimate over the named conversations. */
  ExtractEstimate estimate(ExtractRequest request) {
    LlmExtractor llm =
        kb.extractors(LlmExtractor.NAME, CacheMode.USE, 1, 0).stream()
            .filter(e -> e instanceof LlmExtractor)
            .map(e -> (LlmExtractor) e)
            .findFirst()
            .orElseThrow();
    Extractions conversations = new Extractions(kb.store());
    List<String> ids = conversations.conversationIds(request.conversationId());
    LlmExtractor.Estimate total = LlmExtractor.Estimate.NONE;
    long largest = 0;
    String largestId = null;
    for (String id : ids) {
      Optional<Conversation> read = conversations.read(id);
      if (read.isEmpty()) {
        continue;
      }
      LlmExtractor.Estimate one = llm.estimate(read.get());
      total = total.plus(one);
      if (one.promptTokens() > largest) {
        largest = one.promptTokens();
        largestId = id;
      }
    }
    LlmConfig config = kb.llm().orElseThrow();
    return new ExtractEstimate(
        config.provider().id() + ":" + config.model(),
        ids.size(),
        total,
        largest,
        largestId,
        config.price());
  }

  static LlmUsage usage(List<Extractor> extractors) {
    return extractors.stream()
        .filter(e -> e instanceof LlmExtractor)
        .map(e -> ((LlmExtractor) e).calls().usage())
        .findFirst()
        .orElse(LlmUsage.NONE);
  }
}
