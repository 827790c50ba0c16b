package dev.noema.kb;

import dev.noema.conversation.Conversation;
import dev.noema.extract.ExtractedEntity;
import dev.noema.extract.ExtractedRelation;
import dev.noema.extract.Extraction;
import dev.noema.extract.ExtractionException;
import dev.noema.extract.Extractor;
import dev.noema.extract.FactValidator;
import dev.noema.extract.ValidationSummary.DropReason;
import dev.noema.llm.CacheMode;
import dev.noema.llm.LlmConfig;
import dev.noema.llm.LlmUsage;
import dev.noema.ontology.Iris;
import dev.noema.ontology.OntologyModel;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link KnowledgeBase#evaluate}. An extraction is compared as a set of normalised triples: {@code
 * (entity, a, Type)} for each kept entity and {@code (subject, predicate, object)} for each kept
 * relation, labels normalised by {@link GoldTriples#normalize}; a symmetric predicate's ends are
 * compared unordered.
 */
final class Evaluation {
  /** A normalised triple. */
  record Fact(String subject, String predicate, String object) {}

  private static final Set<DropReason> NON_CONFORMING =
      EnumSet.of(
          DropReason.UNKNOWN_TYPE,
          DropReason.UNKNOWN_PREDICATE,
          DropReason.DOMAIN,
          DropReason.RANGE,
          DropReason.MALFORMED);

  private final KnowledgeBase kb;

  Evaluation(KnowledgeBase kb) {
    this.kb = kb;
  }

  EvalReport run(EvalRequest request) {
    List<GoldTriples.Gold> gold = request.gold() == null ? null : GoldTriples.read(request.gold());
    List<String> problems = new CopyOnWriteArrayList<>();
    EvalReport.GoldScore score = null;
    EvalReport.Stability stability = null;
    LlmUsage usage = LlmUsage.NONE;
    if (gold != null) {
      Run run = extract(request, request.offline() ? CacheMode.OFFLINE : CacheMode.USE, problems);
      usage = usage.plus(run.usage);
      score = score(gold, run);
    }
    if (request.stability()) {
      CacheMode fresh = request.offline() ? CacheMode.OFFLINE : CacheMode.REFRESH;
      Run first = extract(request, fresh, problems);
      Run second = extract(request, fresh, problems);
      usage = usage.plus(first.usage).plus(second.usage);
      Set<Fact> common = new HashSet<>(first.facts);
      common.retainAll(second.facts);
      int union = first.facts.size() + second.facts.size() - common.size();
      stability =
          new EvalReport.Stability(
              first.facts.size(),
              second.facts.size(),
              common.size(),
              union == 0 ? 1.0 : (double) common.size() / union);
    }
    return new EvalReport(score, stability, usage, problems);
  }

  /** One extraction over the requested conversations, in memory. */
  private static final class Run {
    final Set<Fact> facts = ConcurrentHashMap.newKeySet();
    final AtomicLong items = new AtomicLong();
    final Map<DropReason, Long> dropped = new ConcurrentHashMap<>();
    LlmUsage usage = LlmUsage.NONE;
  }

  private Run extract(EvalRequest request, CacheMode mode, List<String> problems) {
    int parallel = kb.llm().map(LlmConfig::parallel).orElse(1);
    List<Extractor> extractors = kb.extractors(request.extractor(), mode, parallel, 0);
    Extractions conversations = new Extractions(kb.store());
    List<String> ids = conversations.conversationIds(request.conversationId());
    if (ids.isEmpty()) {
      // Scoring nothing would print a recall of 0 as if extraction had failed.
      throw new IllegalArgumentException(
          "no conversation in "
              + kb.store().location()
              + ": import the logs the gold is about first (noema import PATH)");
    }
    FactValidator validator = new FactValidator(kb.ontology());
    Run run = new Run();
    Extractions.forEach(
        ids,
        parallel,
        id -> {
          Optional<Conversation> conversation = conversations.read(id);
          if (conversation.isEmpty()) {
            problems.add("conversation " + id + ": its dialogue graph holds no conversation");
            return;
          }
          for (Extractor extractor : extractors) {
            try {
              Extraction raw = extractor.extract(conversation.get());
              run.items.addAndGet(
                  raw.entities().size() + raw.relations().size() + raw.interpretations().size());
              FactValidator.Result result = validator.validate(raw, conversation.get());
              result
                  .summary()
                  .dropped()
                  .forEach((reason, n) -> run.dropped.merge(reason, (long) n, Long::sum));
              run.facts.addAll(facts(result.kept(), kb.ontology()));
            } catch (ExtractionException e) {
              problems.add(extractor.name() + ": " + e.getMessage());
            }
          }
        });
    run.usage = Reextraction.usage(extractors);
    return run;
  }

  /** The normalised triples of a validated extraction. */
  static Set<Fact> facts(Extraction extraction, OntologyModel ontology) {
    Map<String, ExtractedEntity> byKey = new HashMap<>();
    Set<Fact> facts = new HashSet<>();
    for (ExtractedEntity e : extraction.entities()) {
      byKey.put(e.key(), e);
      facts.add(
          new Fact(
              GoldTriples.normalize(e.canonicalLabel()),
              "a",
              GoldTriples.normalize(Iris.localName(e.type()))));
    }
    for (ExtractedRelation r : extraction.relations()) {
      String s = GoldTriples.normalize(byKey.get(r.subject()).canonicalLabel());
      String o = GoldTriples.normalize(byKey.get(r.object()).canonicalLabel());
      boolean symmetric =
          ontology.property(r.predicate()).map(OntologyModel.OntProperty::symmetric).orElse(false);
      if (symmetric && s.compareTo(o) > 0) {
        String t = s;
        s = o;
        o = t;
      }
      facts.add(new Fact(s, Iris.localName(r.predicate()), o));
    }
    return facts;
  }

  private EvalReport.GoldScore score(List<GoldTriples.Gold> gold, Run run) {
    Set<String> symmetric = new HashSet<>();
    kb.ontology().properties().stream()
        .filter(OntologyModel.OntProperty::symmetric)
        .forEach(p -> symmetric.add(p.localName()));
    int matchedGold = 0;
    for (GoldTriples.Gold g : gold) {
      if (run.facts.stream().anyMatch(f -> matches(g, f, symmetric))) {
        matchedGold++;
      }
    }
    int matchedExtracted = 0;
    for (Fact f : run.facts) {
      if (gold.stream().anyMatch(g -> matches(g, f, symmetric))) {
        matchedExtracted++;
      }
    }
    double precision = run.facts.isEmpty() ? 1.0 : (double) matchedExtracted / run.facts.size();
    double recall = gold.isEmpty() ? 1.0 : (double) matchedGold / gold.size();
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    long items = run.items.get();
    long ungrounded = run.dropped.getOrDefault(DropReason.UNGROUNDED, 0L);
    long nonConforming =
        run.dropped.entrySet().stream()
            .filter(e -> NON_CONFORMING.contains(e.getKey()))
            .mapToLong(Map.Entry::getValue)
            .sum();
    return new EvalReport.GoldScore(
        gold.size(),
        run.facts.size(),
        matchedGold,
        matchedExtracted,
        precision,
        recall,
        f1,
        items == 0 ? 1.0 : 1.0 - (double) ungrounded / items,
        items == 0 ? 1.0 : 1.0 - (double) nonConforming / items);
  }

  private static boolean matches(GoldTriples.Gold g, Fact f, Set<String> symmetric) {
    if (!g.predicate().equals(f.predicate())) {
      return false;
    }
    if (g.subjects().contains(f.subject()) && g.objects().contains(f.object())) {
      return true;
    }
    return symmetric.contains(f.predicate())
        && g.subjects().contains(f.object())
        && g.objects().contains(f.subject());
  }
}
