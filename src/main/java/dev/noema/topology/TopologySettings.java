package dev.noema.topology;

/**
 * Parameters of the analyses that have any.
 *
 * @param resolution Leiden resolution, positive; 1 is classic modularity
 * @param seed Leiden random seed
 * @param betweennessBudget the largest V x E for which exact betweenness is computed
 */
public record TopologySettings(double resolution, long seed, long betweennessBudget) {
  public static final TopologySettings DEFAULT =
      new TopologySettings(
          LeidenClustering.DEFAULT_RESOLUTION,
          LeidenClustering.DEFAULT_SEED,
          CentralityAnalysis.DEFAULT_BETWEENNESS_BUDGET);

  public TopologySettings {
    if (!(resolution > 0) || Double.isInfinite(resolution)) {
      throw new IllegalArgumentException("resolution must be a positive number, not " + resolution);
    }
    if (betweennessBudget < 0) {
      throw new IllegalArgumentException(
          "betweenness budget must not be negative: " + betweennessBudget);
    }
  }

  public TopologySettings withResolution(double value) {
    return new TopologySettings(value, seed, betweennessBudget);
  }

  public TopologySettings withSeed(long value) {
    return new TopologySettings(resolution, value, betweennessBudget);
  }
}
