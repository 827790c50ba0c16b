package dev.noema.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MapLayoutTest {

  @Test
  void places_every_node_once_and_the_same_graph_the_same_way() {
    List<String> nodes = new ArrayList<>();
    List<String[]> edges = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 0; i < 500; i++) {
      nodes.add("n" + i);
    }
    for (int i = 0; i < 600; i++) {
      edges.add(new String[] {"n" + random.nextInt(500), "n" + random.nextInt(500)});
    }
    edges.add(new String[] {"n1", "unknown"});
    Map<String, MapLayout.Position> first = MapLayout.layout(nodes, edges);
    assertEquals(new HashSet<>(nodes), first.keySet());
    assertEquals(first, MapLayout.layout(nodes, edges));
    Set<MapLayout.Position> distinct = new HashSet<>(first.values());
    assertTrue(
        distinct.size() > 490, "nodes do not pile up: " + distinct.size() + " distinct positions");
  }

  @Test
  void components_get_separate_squares_and_lone_nodes_a_grid_below_them() {
    List<String> nodes = List.of("a1", "a2", "a3", "b1", "b2", "lone1", "lone2");
    List<String[]> edges =
        List.of(new String[] {"a1", "a2"}, new String[] {"a2", "a3"}, new String[] {"b1", "b2"});
    Map<String, MapLayout.Position> positions = MapLayout.layout(nodes, edges);
    double[] a = box(positions, "a1", "a2", "a3");
    double[] b = box(positions, "b1", "b2");
    assertTrue(b[0] > a[2] || b[1] > a[3], "the components do not overlap: " + positions);
    double lowestComponent =
        positions.entrySet().stream()
            .filter(e -> !e.getKey().startsWith("lone"))
            .mapToDouble(e -> e.getValue().y())
            .max()
            .orElseThrow();
    assertTrue(positions.get("lone1").y() > lowestComponent);
    assertEquals(positions.get("lone1").y(), positions.get("lone2").y());
  }

  /**
   * These graphs made JGraphT's quadtree throw (points on its border, or between its cells when the
   * box is not a power of two), and the component fell back to a circle, where an edge is as long
   * as any pair's distance: trees of 20 and 500 nodes with the drawing allowed to reach the border,
   * 2,000 nodes with 1.5 edges each in a 4,025-unit box.
   */
  @Test
  void components_get_a_force_layout_where_neighbours_sit_close() {
    for (int size : new int[] {20, 500, 2000}) {
      List<String> nodes = new ArrayList<>();
      List<String[]> edges = new ArrayList<>();
      Random random = new Random(size == 2000 ? 5 : 1);
      nodes.add("n0");
      for (int i = 1; i < size; i++) {
        nodes.add("n" + i);
        edges.add(new String[] {"n" + i, "n" + random.nextInt(i)});
        if (size == 2000 && i % 2 == 0) {
          edges.add(new String[] {"n" + i, "n" + random.nextInt(i)});
        }
      }
      Map<String, MapLayout.Position> positions = MapLayout.layout(nodes, edges);
      double edgeLength =
          edges.stream().mapToDouble(e -> distance(positions, e[0], e[1])).average().orElseThrow();
      double pairDistance = 0;
      for (int i = 0; i < 1000; i++) {
        pairDistance +=
            distance(positions, "n" + random.nextInt(size), "n" + random.nextInt(size)) / 1000;
      }
      assertTrue(
          edgeLength < pairDistance / 2,
          size + " nodes: mean edge " + edgeLength + ", mean pair " + pairDistance);
      double[] box = box(positions, nodes.toArray(String[]::new));
      double side = Math.max(box[2] - box[0], box[3] - box[1]);
      assertTrue(side > 0.9 * 90 * Math.sqrt(size), size + " nodes fill their square: " + side);
    }
  }

  private static double distance(Map<String, MapLayout.Position> positions, String a, String b) {
    return Math.hypot(
        positions.get(a).x() - positions.get(b).x(), positions.get(a).y() - positions.get(b).y());
  }

  /** minX, minY, maxX, maxY of the named nodes. */
  private static double[] box(Map<String, MapLayout.Position> positions, String... nodes) {
    double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (String node : nodes) {
      MapLayout.Position p = positions.get(node);
      box[0] = Math.min(box[0], p.x());
      box[1] = Math.min(box[1], p.y());
      box[2] = Math.max(box[2], p.x());
      box[3] = Math.max(box[3], p.y());
    }
    return box;
  }
}
