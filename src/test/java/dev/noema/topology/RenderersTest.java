package dev.noema.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderersTest {
  private final Topology topology = new Topology(SmallGraphs.twoTriangles());

  @Test
  void table_aligns_columns_under_a_header_and_rule() {
    String text = new TableRenderer().render(topology.centres());
    String[] lines = text.split("\n");
    assertEquals("Centres (6)", lines[0]);
    assertTrue(lines[1].startsWith("#  entity  type  PageRank"), lines[1]);
    assertTrue(lines[2].startsWith("-  ------"), lines[2]);
    assertEquals(lines[1].indexOf("PageRank"), lines[3].indexOf(lines[3].trim().split("\\s+")[2]));
  }

  @Test
  void table_cuts_long_cells_and_counts_rows_left_out() {
    Table t =
        new Table(
            "T",
            List.of("a"),
            List.of(List.of("x".repeat(100)), List.of("y"), List.of("z")),
            List.of("n"));
    String text = new TableRenderer(10, 2).render(() -> List.of(t));
    assertEquals("T\na\n----------\nxxxxxxxxx…\ny\n... 1 more rows\nn\n", text);
  }

  /** A result, its table's title line and one row only it has, and one value of its JSON. */
  private record Rendered(
      TopologyResult result, String title, String row, String pointer, String value) {}

  @Test
  void every_result_renders_its_own_values_as_a_table_and_as_json() throws Exception {
    List<Rendered> expected =
        List.of(
            new Rendered(
                topology.centres(),
                "Centres (6)",
                "1  c             0.2080    0.6000 (#1)  3 (#1)",
                "/centres/0/iri",
                "urn:x:c"),
            new Rendered(
                topology.clusters(),
                "Clusters (2)",
                "1        3     d / e / f",
                "/clusters/1/name",
                "d / e / f"),
            new Rendered(
                topology.bridges(),
                "Articulation points (2)",
                "c     d   c relatedTo d",
                "/bridges/0/relations/0",
                "c relatedTo d"),
            new Rendered(
                topology.shape(), "Shape", "cycle rank (E - V + C)          2", "/cycleRank", "2"),
            new Rendered(
                topology.path("a", "f", 1),
                "Shortest path from a to f (3 hops)",
                "2. c -> d  c relatedTo d  -",
                "/paths/0/hops/2/to",
                "urn:x:f"),
            new Rendered(
                topology.around("c", 1),
                "Around c (1 hops): 4 entities",
                "1     d",
                "/neighbours/3/iri",
                "urn:x:d"));
    for (Rendered r : expected) {
      String name = r.result().getClass().getSimpleName();
      List<String> lines =
          new TableRenderer().render(r.result()).lines().map(String::stripTrailing).toList();
      assertEquals(r.title(), lines.get(0), name);
      assertTrue(lines.contains(r.row()), name + ": no row '" + r.row() + "' in " + lines);
      JsonNode json = new ObjectMapper().readTree(new JsonRenderer().render(r.result()));
      assertEquals(r.value(), json.at(r.pointer()).asText(), name + " " + r.pointer());
      assertFalse(json.has("tables"), "tables are for people only");
    }
  }

  @Test
  void json_keeps_absent_betweenness_as_null() throws Exception {
    CentresResult r = new CentralityAnalysis(SmallGraphs.star(), 0).result();
    JsonNode json = new ObjectMapper().readTree(new JsonRenderer().render(r));
    assertTrue(json.at("/centres/0/betweenness").isNull());
    assertEquals("urn:x:hub", json.at("/centres/0/iri").asText());
  }
}
