package dev.noema.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Communities of meaning found by the Leiden algorithm.
 *
 * @param resolution the resolution parameter (1 is classic modularity; higher gives more, smaller
 *     clusters)
 * @param seed the random seed
 * @param modularity the modularity of the clustering at this resolution (0 for a graph without
 *     edges)
 * @param clusters largest first; ids are 0-based in that order
 * @param membership the cluster id of every entity, by IRI
 */
public record ClustersResult(
    double resolution,
    long seed,
    double modularity,
    List<Cluster> clusters,
    Map<String, Integer> membership)
    implements TopologyResult {

  /**
   * One cluster.
   *
   * @param name its three most central members' labels (by PageRank), joined by " / "
   * @param members member IRIs, most central first
   */
  public record Cluster(int id, int size, String name, List<String> members) {
    public Cluster {
      members = List.copyOf(members);
    }
  }

  public ClustersResult {
    clusters = List.copyOf(clusters);
    membership = Map.copyOf(membership);
  }

  @Override
  public List<Table> tables() {
    List<List<String>> rows = new ArrayList<>();
    for (Cluster c : clusters) {
      rows.add(List.of(String.valueOf(c.id()), String.valueOf(c.size()), c.name()));
    }
    return List.of(
        new Table(
            "Clusters (" + clusters.size() + ")",
            List.of("cluster", "size", "named by its centres"),
            rows,
            List.of(
                "Leiden, resolution "
                    + Fmt.num(resolution)
                    + ", seed "
                    + seed
                    + ": modularity "
                    + Fmt.num(modularity)
                    + ".")));
  }
}
