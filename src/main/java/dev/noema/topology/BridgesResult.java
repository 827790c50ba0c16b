package dev.noema.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * What holds meaning together: the entities and relations whose removal splits a connected part of
 * the graph.
 *
 * @param articulationPoints entities that are cut points, by label
 * @param bridges relations that are bridge edges, by their ends' labels
 */
public record BridgesResult(List<Point> articulationPoints, List<EdgeView> bridges)
    implements TopologyResult {

  /** A cut point with its degree. */
  public record Point(String iri, String label, int degree) {}

  public BridgesResult {
    articulationPoints = List.copyOf(articulationPoints);
    bridges = List.copyOf(bridges);
  }

  @Override
  public List<Table> tables() {
    List<List<String>> points = new ArrayList<>();
    articulationPoints.forEach(p -> points.add(List.of(p.label(), String.valueOf(p.degree()))));
    List<List<String>> edges = new ArrayList<>();
    bridges.forEach(
        b ->
            edges.add(List.of(b.sourceLabel(), b.targetLabel(), String.join("; ", b.relations()))));
    return List.of(
        new Table(
            "Articulation points (" + articulationPoints.size() + ")",
            List.of("entity", "degree"),
            points,
            List.of("Removing one of these entities splits its part of the meaning graph.")),
        new Table(
            "Bridges (" + bridges.size() + ")",
            List.of("from", "to", "relations"),
            edges,
            List.of("Removing one of these relations splits its part of the meaning graph.")));
  }
}
