package dev.noema.eval;

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
 * entities of different types that one entity stands for. Names are compared as {@link Names} says.
 * Not thread-safe.
 */
final class IdentityScoring {
  private final MeaningGraph graph;
  private final Names names = new Names();

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
        if (!seen.add(Set.of(Names.key(pair.get(0)), Names.key(pair.get(1))))) {
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
    List<Set<String>> goldKeys = new ArrayList<>();
    for (GoldConversation c : corpus.conversations()) {
      for (GoldConversation.Entity g : c.entities()) {
        golds.add(g);
        goldKeys.add(Names.keys(g.names()));
      }
    }
    List<IdentityScore.Merge> merges = new ArrayList<>();
    for (Entity e : graph.entities()) {
      List<GoldConversation.Entity> named = new ArrayList<>();
      for (int i = 0; i < golds.size(); i++) {
        if (names.carries(e, goldKeys.get(i))) {
          named.add(golds.get(i));
        }
      }
      Set<String> clashing = new LinkedHashSet<>();
      for (GoldConversation.Entity a : named) {
        for (GoldConversation.Entity b : named) {
          if (!Names.key(a.label()).equals(Names.key(b.label()))
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
    Set<String> keys = Set.of(Names.key(name));
    return graph.entities().stream().filter(e -> names.carries(e, keys)).toList();
  }
}
