package dev.noema.server;

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
    assertTrue(distinct.size() > 490, "nodes do not pile up: " + distinct.size() + " distinct positions");
  }

  @Test
  void components_get_separate_squares_and_lone_nodes_a_grid_below_them() {
    List<String> nodes = List.of("a1", "a2", "a3", "b1", "b2", "lone1", "lone2");
    List<String[]> edges = List.of(new String[] {"a1", "a2"}, new String[] {"a2", "a3"}, new String[] {"b1", "b2"});
    Map<String, MapLayout.Position> positions = MapLayout.layout(nodes, edges);
    double[] a = box(positions, "a1", "a2", "a3");
    double[] b = box(positions, "b1", "b2");
    assertTrue(b[0] > a[2] || b[1] > a[3], "the components do not overlap: " + positions);
    double lowestComponent = positions.entrySet().stream().filter(e -> !e.getKey().startsWith("lone"))
        .mapToDouble(e -> e.getValue().y()).max().orElseThrow();
    assertTrue(positions.get("lone1").y() > lowestComponent);
    assertEquals(positions.get("lone1").y(), positions.get("lone2").y());
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
