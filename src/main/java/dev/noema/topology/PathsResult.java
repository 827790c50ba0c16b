package dev.noema.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * How one idea leads to another: the shortest path and the next-shortest simple paths between two
 * entities.
 *
 * @param paths shortest first; empty when the two are not connected
 */
public record PathsResult(
    String from, String fromLabel, String to, String toLabel, List<Path> paths)
    implements TopologyResult {

  /** One path, as its hops in order. */
  public record Path(int length, List<Hop> hops) {
    public Path {
      hops = List.copyOf(hops);
    }
  }

  /**
   * One step of a path.
   *
   * @param relations the relations between the two, each with its direction ("a partOf b")
   * @param evidence the quotes and turns the relations were found in
   */
  public record Hop(
      String from,
      String fromLabel,
      String to,
      String toLabel,
      List<String> relations,
      List<Evidence> evidence) {
    public Hop {
      relations = List.copyOf(relations);
      evidence = List.copyOf(evidence);
    }
  }

  public PathsResult {
    paths = List.copyOf(paths);
  }

  @Override
  public List<Table> tables() {
    List<Table> tables = new ArrayList<>();
    if (paths.isEmpty()) {
      tables.add(
          new Table(
              "Paths from " + fromLabel + " to " + toLabel,
              List.of("hop", "relations", "evidence"),
              List.of(),
              List.of("No path: the two are in different parts of the meaning graph.")));
    }
    for (int p = 0; p < paths.size(); p++) {
      List<List<String>> rows = new ArrayList<>();
      int step = 1;
      for (Hop h : paths.get(p).hops()) {
        String evidence =
            h.evidence().isEmpty()
                ? "-"
                : h.evidence().stream()
                    .limit(2)
                    .map(
                        e ->
                            (e.quote() == null ? "" : "\"" + e.quote() + "\"")
                                + (e.turn() == null ? "" : " [" + e.turn() + "]"))
                    .reduce((a, b) -> a + "; " + b)
                    .orElse("-");
        rows.add(
            List.of(
                step++ + ". " + h.fromLabel() + " -> " + h.toLabel(),
                String.join("; ", h.relations()),
                evidence));
      }
      tables.add(
          new Table(
              (p == 0 ? "Shortest path" : "Path " + (p + 1))
                  + " from "
                  + fromLabel
                  + " to "
                  + toLabel
                  + " ("
                  + paths.get(p).length()
                  + " hops)",
              List.of("hop", "relations", "evidence"),
              rows,
              List.of()));
    }
    return tables;
  }
}
