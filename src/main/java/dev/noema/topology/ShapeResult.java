package dev.noema.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * A global summary of the meaning graph.
 *
 * @param cycleRank edges - vertices + components: the number of independent cycles
 * @param diameter the longest shortest path in hops, over all components
 * @param diameterExact true when {@code diameter} is exact; false when it is a double-sweep lower
 *     bound
 * @param averageClustering mean local clustering coefficient (vertices of degree below 2 count as
 *     0)
 * @param degeneracy the largest k with a non-empty k-core
 * @param coreProfile for k = 1..degeneracy, the size of the k-core
 * @param centres the ten entities of highest PageRank
 * @param clusters the Leiden clusters
 */
public record ShapeResult(
    int vertices,
    int edges,
    int components,
    int cycleRank,
    int diameter,
    boolean diameterExact,
    double averageClustering,
    int degeneracy,
    List<Core> coreProfile,
    CentresResult centres,
    ClustersResult clusters)
    implements TopologyResult {

  /** The k-core: the vertices left after repeatedly removing those of degree below k. */
  public record Core(int k, int vertices) {}

  public ShapeResult {
    coreProfile = List.copyOf(coreProfile);
  }

  @Override
  public List<Table> tables() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("entities", String.valueOf(vertices)));
    rows.add(List.of("relations (merged per pair)", String.valueOf(edges)));
    rows.add(List.of("connected components", String.valueOf(components)));
    rows.add(List.of("cycle rank (E - V + C)", String.valueOf(cycleRank)));
    rows.add(
        List.of(
            "diameter (hops)",
            diameter + (diameterExact ? " (exact)" : " (lower bound, double sweep)")));
    rows.add(List.of("average clustering coefficient", Fmt.num(averageClustering)));
    rows.add(List.of("degeneracy (max core)", String.valueOf(degeneracy)));
    StringBuilder profile = new StringBuilder();
    coreProfile.forEach(
        c ->
            profile
                .append(profile.length() == 0 ? "" : ", ")
                .append(c.k())
                .append(':')
                .append(c.vertices()));
    rows.add(
        List.of("k-core sizes (k:entities)", profile.length() == 0 ? "-" : profile.toString()));
    List<Table> tables = new ArrayList<>();
    tables.add(new Table("Shape", List.of("measure", "value"), rows, List.of()));
    tables.addAll(centres.tables());
    tables.addAll(clusters.tables());
    return tables;
  }
}
