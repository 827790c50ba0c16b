package dev.noema.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * An entity's neighbourhood: every entity within {@code hops} of it and the relations among them.
 *
 * @param neighbours nearest first, then by label; the centre itself at distance 0
 * @param edges every edge between two neighbours
 */
public record NeighbourhoodResult(
    String centre, String centreLabel, int hops, List<Neighbour> neighbours, List<EdgeView> edges)
    implements TopologyResult {

  /** An entity at a distance (in hops) from the centre. */
  public record Neighbour(String iri, String label, String type, int distance) {}

  public NeighbourhoodResult {
    neighbours = List.copyOf(neighbours);
    edges = List.copyOf(edges);
  }

  @Override
  public List<Table> tables() {
    List<List<String>> rows = new ArrayList<>();
    neighbours.forEach(n -> rows.add(List.of(String.valueOf(n.distance()), n.label(), n.type())));
    List<List<String>> relations = new ArrayList<>();
    edges.forEach(
        e -> relations.add(List.of(String.join("; ", e.relations()), Fmt.num(e.weight()))));
    return List.of(
        new Table(
            "Around " + centreLabel + " (" + hops + " hops): " + neighbours.size() + " entities",
            List.of("hops", "entity", "type"),
            rows,
            List.of()),
        new Table(
            "Relations among them (" + edges.size() + ")",
            List.of("relation", "weight"),
            relations,
            List.of()));
  }
}
