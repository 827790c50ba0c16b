package dev.noema.map;

import java.util.List;

/**
 * The map of meaning as the web page draws it: every meaning entity but interpretations as a node,
 * the relations between them as edges (each interpretation as an edge from its perspective to the
 * concept it interprets), with the values the page filters by.
 *
 * @param relations the local names of the relations the edges carry, sorted
 * @param conversations the ids of the conversations any entity is mentioned in, sorted
 */
public record MeaningMap(
    List<Node> nodes, List<Edge> edges, List<String> relations, List<String> conversations) {
  public MeaningMap {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
    relations = List.copyOf(relations);
    conversations = List.copyOf(conversations);
  }

  /**
   * A node of the map.
   *
   * @param id the entity's IRI
   * @param label its name in the map's language
   * @param kind the shape the page gives it: module, perspective, person, concept or other
   * @param type the local name of its most specific class
   * @param pageRank its PageRank as the last topology analysis wrote it, or null
   * @param cluster its Leiden cluster as the last analysis wrote it, or null
   * @param conversations the ids of the conversations it is mentioned in, sorted
   * @param x its position ({@link MapLayout})
   */
  public record Node(
      String id,
      String label,
      String kind,
      String type,
      Double pageRank,
      Integer cluster,
      List<String> conversations,
      double x,
      double y) {
    public Node {
      conversations = List.copyOf(conversations);
    }
  }

  /**
   * An edge of the map.
   *
   * @param relation the local name of the relation property ("partOf", "interprets")
   */
  public record Edge(String source, String target, String relation) {}
}
