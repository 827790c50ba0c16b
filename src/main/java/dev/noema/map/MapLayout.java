package dev.noema.map;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.drawing.CircularLayoutAlgorithm2D;
import org.jgrapht.alg.drawing.IndexedFRLayoutAlgorithm2D;
import org.jgrapht.alg.drawing.model.Box2D;
import org.jgrapht.alg.drawing.model.MapLayoutModel2D;
import org.jgrapht.alg.drawing.model.Point2D;
import org.jgrapht.graph.AsSubgraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.Pseudograph;

/**
 * Positions for the map's nodes, computed before they are served so that the page only draws them
 * (Cytoscape's {@code preset} layout): a force-directed layout in the browser took tens of seconds
 * for a few thousand nodes. JGraphT's Fruchterman-Reingold with a Barnes-Hut quadtree ({@link
 * IndexedFRLayoutAlgorithm2D}; Fruchterman and Reingold 1991, Barnes and Hut 1986): O(n log n + m)
 * per iteration, 60 iterations (fewer for large components), seeded, so the same graph gets the
 * same map. The drawing area grows with the square root of the node count, so density stays
 * readable.
 *
 * <p>Stateless and thread-safe.
 */
public final class MapLayout {
  /** Enough for a small component to settle; the cost is linear in it. */
  private static final int ITERATIONS = 60;

  /**
   * Fewer for large components (iterations times nodes stays near this), so a 5k-node map takes
   * seconds.
   */
  private static final int WORK = 60_000;

  private static final int MIN_ITERATIONS = 12;

  /** Room per node, in the page's model units (node sizes are 14 to 60). */
  private static final double SPACING = 90;

  private static final long SEED = 42;

  /**
   * Fruchterman-Reingold's ideal edge length as a share of sqrt(area / nodes): small, so the
   * drawing stays off the border of the layout box (see {@link #layoutComponent}); it is scaled to
   * its square afterwards.
   */
  private static final double NORMALIZATION = 0.25;

  /** A node's position. */
  public record Position(double x, double y) {}

  private MapLayout() {}

  /**
   * Lays out the graph of {@code nodes} and undirected {@code edges} (pairs of node ids; self-loops
   * and edges to unknown nodes are ignored). Each connected component is laid out in its own
   * square, largest first, packed in rows; nodes without edges share a grid at the end. (One force
   * layout of everything would push small components and lone nodes onto the same border points,
   * which JGraphT's quadtree rejects.)
   *
   * @return every node's position, rounded to whole units (the page needs no more, and the payload
   *     stays small)
   */
  public static Map<String, Position> layout(Collection<String> nodes, Collection<String[]> edges) {
    Graph<String, DefaultEdge> graph = new Pseudograph<>(DefaultEdge.class);
    nodes.forEach(graph::addVertex);
    for (String[] edge : edges) {
      if (!edge[0].equals(edge[1])
          && graph.containsVertex(edge[0])
          && graph.containsVertex(edge[1])) {
        graph.addEdge(edge[0], edge[1]);
      }
    }
    List<Set<String>> components =
        new ArrayList<>(new ConnectivityInspector<>(graph).connectedSets());
    components.sort(Comparator.comparingInt((Set<String> c) -> -c.size()));
    List<String> lone = new ArrayList<>();
    Map<String, Position> positions = new HashMap<>();
    double rowWidth = SPACING * Math.max(4, Math.sqrt(nodes.size())) * 1.2;
    double x = 0;
    double y = 0;
    double rowHeight = 0;
    for (Set<String> component : components) {
      if (component.size() == 1) {
        lone.addAll(component);
        continue;
      }
      double side = SPACING * Math.max(2, Math.sqrt(component.size()));
      if (x > 0 && x + side > rowWidth) {
        x = 0;
        y += rowHeight + SPACING;
        rowHeight = 0;
      }
      Map<String, Point2D> placed = layoutComponent(new AsSubgraph<>(graph, component), side);
      for (Map.Entry<String, Point2D> e : placed.entrySet()) {
        positions.put(
            e.getKey(),
            new Position(Math.round(x + e.getValue().getX()), Math.round(y + e.getValue().getY())));
      }
      x += side + SPACING;
      rowHeight = Math.max(rowHeight, side);
    }
    y += rowHeight + SPACING;
    int perRow = (int) Math.max(1, rowWidth / (SPACING / 2));
    Collections.sort(lone);
    for (int i = 0; i < lone.size(); i++) {
      positions.put(
          lone.get(i),
          new Position(
              Math.round(i % perRow * SPACING / 2), Math.round(y + i / perRow * SPACING / 2)));
    }
    return positions;
  }

  /**
   * One connected component, filling a {@code side} by {@code side} square; a circle if the force
   * layout cannot place it. JGraphT's quadtree throws on points that fall between its cells: it
   * splits its box in halves, which is exact only for a power-of-two box, and points clamped onto
   * the border pile up there. So the force layout runs in a power-of-two box with a small
   * normalisation factor (the drawing stays well inside), and is then scaled to fill the square.
   */
  private static Map<String, Point2D> layoutComponent(
      Graph<String, DefaultEdge> component, double side) {
    double box = Math.pow(2, Math.ceil(Math.log(side) / Math.log(2)));
    MapLayoutModel2D<String> model = new MapLayoutModel2D<>(Box2D.of(box, box));
    try {
      int iterations =
          Math.max(MIN_ITERATIONS, Math.min(ITERATIONS, WORK / component.vertexSet().size()));
      new IndexedFRLayoutAlgorithm2D<String, DefaultEdge>(
              iterations,
              IndexedFRLayoutAlgorithm2D.DEFAULT_THETA_FACTOR,
              NORMALIZATION,
              new Random(SEED))
          .layout(component, model);
    } catch (IllegalArgumentException pointOutsideEveryCell) {
      model = new MapLayoutModel2D<>(Box2D.of(side, side));
      new CircularLayoutAlgorithm2D<String, DefaultEdge>(side / 2).layout(component, model);
    }
    return fill(component.vertexSet(), model, side);
  }

  /**
   * The model's points scaled and moved so that their bounding box fills a {@code side} square
   * (aspect kept).
   */
  private static Map<String, Point2D> fill(
      Set<String> nodes, MapLayoutModel2D<String> model, double side) {
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (String node : nodes) {
      Point2D p = model.get(node);
      minX = Math.min(minX, p.getX());
      minY = Math.min(minY, p.getY());
      maxX = Math.max(maxX, p.getX());
      maxY = Math.max(maxY, p.getY());
    }
    double extent = Math.max(maxX - minX, maxY - minY);
    double scale = extent > 0 ? side / extent : 1;
    double offsetX = (side - scale * (maxX - minX)) / 2;
    double offsetY = (side - scale * (maxY - minY)) / 2;
    Map<String, Point2D> placed = new HashMap<>();
    for (String node : nodes) {
      Point2D p = model.get(node);
      placed.put(
          node,
          Point2D.of(offsetX + scale * (p.getX() - minX), offsetY + scale * (p.getY() - minY)));
    }
    return placed;
  }
}
