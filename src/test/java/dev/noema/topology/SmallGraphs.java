package dev.noema.topology;

import java.util.Random;

/**
 * Hand-built meaning graphs with known answers. Entities are {@code urn:x:<name>}, labelled by
 * name.
 */
final class SmallGraphs {
  static final String RELATED = "https://w3id.org/noema/ontology#relatedTo";
  static final String PART_OF = "https://w3id.org/noema/ontology#partOf";

  private SmallGraphs() {}

  static String iri(String name) {
    return "urn:x:" + name;
  }

  /**
   * Entities named by {@code names}, related along consecutive pairs of {@code edges} (a, b, c, d:
   * a-b and c-d).
   */
  static MeaningGraph graph(String[] names, String... edges) {
    MeaningGraph.Builder b = MeaningGraph.builder();
    for (String n : names) {
      b.entity(Entity.of(iri(n), n));
    }
    for (int i = 0; i < edges.length; i += 2) {
      b.relation(iri(edges[i]), RELATED, iri(edges[i + 1]), 1);
    }
    return b.build();
  }

  /** a - b - c - d - e. */
  static MeaningGraph path() {
    return graph(new String[] {"a", "b", "c", "d", "e"}, "a", "b", "b", "c", "c", "d", "d", "e");
  }

  /** Triangles a b c and d e f, joined by the bridge c - d. */
  static MeaningGraph twoTriangles() {
    return graph(
        new String[] {"a", "b", "c", "d", "e", "f"},
        "a",
        "b",
        "b",
        "c",
        "a",
        "c",
        "d",
        "e",
        "e",
        "f",
        "d",
        "f",
        "c",
        "d");
  }

  /** hub related to l1..l5. */
  static MeaningGraph star() {
    return graph(
        new String[] {"hub", "l1", "l2", "l3", "l4", "l5"},
        "hub",
        "l1",
        "hub",
        "l2",
        "hub",
        "l3",
        "hub",
        "l4",
        "hub",
        "l5");
  }

  static MeaningGraph empty() {
    return MeaningGraph.builder().build();
  }

  /**
   * {@code vertices} entities and up to {@code edges} random relations between them (duplicates
   * merge).
   */
  static MeaningGraph random(int vertices, int edges, long seed) {
    Random random = new Random(seed);
    String[] names = new String[vertices];
    for (int i = 0; i < vertices; i++) {
      names[i] = "v" + i;
    }
    String[] ends = new String[2 * edges];
    for (int i = 0; i < ends.length; i++) {
      ends[i] = names[random.nextInt(vertices)];
    }
    return graph(names, ends);
  }
}
