package dev.noema.topology;

/**
 * One analysis of the meaning graph, in JGraphT's manner: the constructor takes the graph and
 * validates the parameters, the work runs on the first call to {@link #result()} and the result is
 * cached; randomised analyses take a seed, so the same graph and parameters always give the same
 * result. Implementations are thread-safe.
 *
 * @param <R> the result record
 */
public interface Analysis<R extends TopologyResult> {

  /**
   * The result, computed on the first call and cached. Never null; an empty graph gives an empty
   * result.
   */
  R result();
}
