package dev.noema.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

  @Test
  void every_result_renders_as_a_table_and_as_json() throws Exception {
    List<TopologyResult> results =
        List.of(
            topology.centres(),
            topology.clusters(),
            topology.bridges(),
            topology.shape(),
            topology.path("a", "f", 1),
            topology.around("c", 1));
    for (TopologyResult r : results) {
      assertTrue(new TableRenderer().render(r).length() > 20, r.getClass().getSimpleName());
      JsonNode json = new ObjectMapper().readTree(new JsonRenderer().render(r));
      assertTrue(json.isObject() && json.size() > 0, r.getClass().getSimpleName());
      assertTrue(!json.has("tables"), "tables are for people only");
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
