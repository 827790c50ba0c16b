package dev.noema.cli;

import dev.noema.kb.KnowledgeBase;
import dev.noema.meaning.Entity;
import dev.noema.ontology.Iris;
import dev.noema.store.Dialogues;
import dev.noema.store.StoreStats;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code noema stats}: what the knowledge base holds. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = "Show what the knowledge base holds.")
final class StatsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin KnowledgeBaseOptions kb;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (KnowledgeBase base = kb.open()) {
      StoreStats stats = base.store().stats();
      Dialogues.Counts dialogue = new Dialogues(base.store()).counts();
      out.printf("knowledge base: %s%n", base.store().location());
      out.printf("named graphs: %d, quads: %d%n", stats.graphs(), stats.quads());
      out.printf(
          "conversations: %d, turns: %d, participants: %d%n",
          dialogue.conversations(), dialogue.turns(), dialogue.participants());
      out.println("meaning layer:");
      // Every class an entity carries counts it, as its type and every one it is typed with.
      Map<String, Integer> byType = new TreeMap<>();
      for (Entity e : base.meaning().current().entities()) {
        e.types().forEach(type -> byType.merge(type, 1, Integer::sum));
      }
      byType.entrySet().stream()
          .sorted(
              Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                  .thenComparing(Map.Entry.comparingByKey()))
          .forEach(e -> out.printf("  %-20s %d%n", Iris.localName(e.getKey()), e.getValue()));
      out.flush();
      return 0;
    }
  }
}
