package dev.noema.topology;

import java.util.List;

/**
 * The result of an analysis: a record that Jackson serialises as JSON as it is, and that describes
 * itself as tables for a person to read ({@link TopologyRenderer}).
 */
public interface TopologyResult {

  /** The result as one or more tables, in reading order. */
  List<Table> tables();
}
