package dev.noema.eval;

import static dev.noema.eval.ConversationScoring.carries;
import static dev.noema.eval.ConversationScoring.key;
import static dev.noema.eval.ConversationScoring.keys;

import dev.noema.topology.Entity;
import dev.noema.topology.MeaningGraph;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Scores identity over the whole knowledge base: the corpus's cross-language pairs and the gold
 * entities of different types that one entity stands for. Names are compared as in {@link
 * ConversationScoring}. Stateless apart from its inputs.
 */
final class IdentityScoring {
  private final MeaningGraph graph;

  /**
   * @param graph the whole meaning graph
   */
  IdentityScoring(MeaningGraph graph) {
    this.graph = graph;
  }

  IdentityScore score(GoldCorpus corpus) {
    return new IdentityScore(crossLanguage(corpus), merges(corpus));
  }

  private List<IdentityScore.CrossLanguage> crossLanguage(GoldCorpus corpus) {
    List<IdentityScore.CrossLanguage> pairs = new ArrayList<>();
    Set<Set<String>> seen = new HashSet<>();
    for (GoldConversation gold : corpus.conversations()) {
      for (List<String> pair : gold.crossLanguage()) {
        if (!seen.add(Set.of(key(pair.get(0)), key(pair.get(1))))) {
          continue;
        }
        List<Entity> first = carrying(pair.get(0));
        List<Entity> second = carrying(pair.get(1));
        boolean resolved = !Collections.disjoint(first, second);
        pairs.add(
            new IdentityScore.CrossLanguage(
                pair.get(0),
                pair.get(1),
                first.stream().map(Entity::label).toList(),
                second.stream().map(Entity::label).toList(),
                resolved));
      }
    }
    return pairs;
  }

  private List<IdentityScore.Merge> merges(GoldCorpus corpus) {
    List<GoldConversation.Entity> golds = new ArrayList<>();
    corpus.conversations().forEach(c -> golds.addAll(c.entities()));
    List<IdentityScore.Merge> merges = new ArrayList<>();
    for (Entity e : graph.entities()) {
      List<GoldConversation.Entity> named =
          golds.stream().filter(g -> carries(e, keys(g.names()))).toList();
      Set<String> clashing = new LinkedHashSet<>();
      for (GoldConversation.Entity a : named) {
        for (GoldConversation.Entity b : named) {
          if (!key(a.label()).equals(key(b.label()))
              && Collections.disjoint(a.types(), b.types())) {
            clashing.add(a.label() + " (" + String.join(", ", a.types()) + ")");
          }
        }
      }
      if (!clashing.isEmpty()) {
        merges.add(new IdentityScore.Merge(e.label(), List.copyOf(clashing)));
      }
    }
    return merges;
  }

  private List<Entity> carrying(String name) {
    Set<String> keys = Set.of(key(name));
    return graph.entities().stream().filter(e -> carries(e, keys)).toList();
  }
}
