package dev.noema.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * How meaning builds up over a conversation, turn by turn.
 *
 * @param steps one per turn of the conversation that the graph knows, in turn order
 */
public record FlowResult(String conversation, List<Step> steps) implements TopologyResult {

  /**
   * The graph built from turns 0..index.
   *
   * @param introduced labels of entities first met in this turn
   * @param revisited labels of entities met again in this turn
   * @param vertices entities so far
   * @param edges relations so far
   * @param components connected components so far
   * @param density 2E / (V (V - 1)); 0 below two entities
   * @param cycleRank E - V + components: the number of independent cycles
   */
  public record Step(
      int index,
      String turn,
      String speaker,
      List<String> introduced,
      List<String> revisited,
      int vertices,
      int edges,
      int components,
      double density,
      int cycleRank) {
    public Step {
      introduced = List.copyOf(introduced);
      revisited = List.copyOf(revisited);
    }
  }

  public FlowResult {
    steps = List.copyOf(steps);
  }

  @Override
  public List<Table> tables() {
    List<List<String>> rows = new ArrayList<>();
    for (Step s : steps) {
      rows.add(
          List.of(
              String.valueOf(s.index()),
              s.speaker() == null ? "" : s.speaker(),
              brief(s.introduced()),
              brief(s.revisited()),
              s.vertices() + "/" + s.edges(),
              String.valueOf(s.components()),
              Fmt.num(s.density()),
              String.valueOf(s.cycleRank())));
    }
    return List.of(
        new Table(
            "Flow of " + conversation,
            List.of(
                "turn",
                "speaker",
                "introduced",
                "revisited",
                "V/E",
                "components",
                "density",
                "cycle rank"),
            rows,
            List.of(
                "Measures are of the graph built from turns 0..i; the lists show at most five labels.")));
  }

  private static String brief(List<String> labels) {
    if (labels.isEmpty()) {
      return "-";
    }
    String shown = String.join(", ", labels.subList(0, Math.min(5, labels.size())));
    return labels.size() > 5 ? shown + " (+" + (labels.size() - 5) + ")" : shown;
  }
}
