package dev.noema.topology;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.noema.ontology.Iris;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.gexf.GEXFAttributeType;
import org.jgrapht.nio.gexf.GEXFExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;

/**
 * The meaning graph with its measures as a file for other tools: GraphML and GEXF (Gephi, yEd,
 * Cytoscape desktop), DOT (Graphviz) through jgrapht-io's exporters, and Cytoscape.js JSON (the web
 * view) through Jackson.
 *
 * <p>Vertices get ids {@code n0, n1, ...} in IRI order and edges {@code e0, e1, ...} (IRIs are not
 * valid XML ids); each vertex carries {@code label}, {@code iri}, {@code type}, {@code pageRank},
 * {@code betweenness} (when computed), {@code degree} and {@code cluster}; each edge its {@code
 * relations} (local names, comma-separated) and {@code weight}. The output is deterministic for a
 * given graph and settings. Thread-safe.
 */
public final class GraphExport {

  /** The export formats. */
  public enum Format {
    GRAPHML,
    GEXF,
    DOT,
    CYTOSCAPE_JSON;

    /**
     * Parses a format name as the CLI spells it ({@code graphml}, {@code cytoscape-json}),
     * case-insensitive.
     */
    public static Format parse(String name) {
      for (Format f : values()) {
        if (f.cliName().equalsIgnoreCase(name.strip())) {
          return f;
        }
      }
      throw new IllegalArgumentException(
          "unknown export format '"
              + name
              + "'; expected one of graphml, gexf, dot, "
              + "cytoscape-json");
    }

    public String cliName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private final MeaningGraph graph;
  private final ClustersResult clusters;
  private final Map<String, String> vertexIds = new HashMap<>();
  private final Map<MeaningEdge, String> edgeIds = new IdentityHashMap<>();
  private final Map<String, CentresResult.Centre> centreOf = new HashMap<>();

  public GraphExport(MeaningGraph graph, CentresResult centres, ClustersResult clusters) {
    this.graph = graph;
    this.clusters = clusters;
    int i = 0;
    for (String v : graph.graph().vertexSet()) {
      vertexIds.put(v, "n" + i++);
    }
    int j = 0;
    for (MeaningEdge e : graph.graph().edgeSet()) {
      edgeIds.put(e, "e" + j++);
    }
    centres.centres().forEach(c -> centreOf.put(c.iri(), c));
  }

  /** Writes the graph in {@code format} to {@code out} (not closed). */
  public void write(Format format, Writer out) {
    switch (format) {
      case GRAPHML -> graphMl(out);
      case GEXF -> gexf(out);
      case DOT -> dot(out);
      case CYTOSCAPE_JSON -> cytoscape(out);
      default -> throw new IllegalStateException("unhandled format " + format);
    }
  }

  private void graphMl(Writer out) {
    GraphMLExporter<String, MeaningEdge> exporter = new GraphMLExporter<>(vertexIds::get);
    exporter.setEdgeIdProvider(edgeIds::get);
    exporter.registerAttribute(
        "label", GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
    exporter.registerAttribute("iri", GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
    exporter.registerAttribute(
        "type", GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
    exporter.registerAttribute(
        "pageRank", GraphMLExporter.AttributeCategory.NODE, AttributeType.DOUBLE);
    exporter.registerAttribute(
        "betweenness", GraphMLExporter.AttributeCategory.NODE, AttributeType.DOUBLE);
    exporter.registerAttribute("degree", GraphMLExporter.AttributeCategory.NODE, AttributeType.INT);
    exporter.registerAttribute(
        "cluster", GraphMLExporter.AttributeCategory.NODE, AttributeType.INT);
    exporter.registerAttribute(
        "relations", GraphMLExporter.AttributeCategory.EDGE, AttributeType.STRING);
    exporter.setExportEdgeWeights(true);
    exporter.setVertexAttributeProvider(this::vertexAttributes);
    exporter.setEdgeAttributeProvider(this::edgeAttributes);
    exporter.exportGraph(graph.weightedGraph(), out);
  }

  private void gexf(Writer out) {
    GEXFExporter<String, MeaningEdge> exporter = new GEXFExporter<>(vertexIds::get, edgeIds::get);
    exporter.registerAttribute(
        "iri", GEXFExporter.AttributeCategory.NODE, GEXFAttributeType.STRING);
    exporter.registerAttribute(
        "type", GEXFExporter.AttributeCategory.NODE, GEXFAttributeType.STRING);
    exporter.registerAttribute(
        "pageRank", GEXFExporter.AttributeCategory.NODE, GEXFAttributeType.DOUBLE);
    exporter.registerAttribute(
        "betweenness", GEXFExporter.AttributeCategory.NODE, GEXFAttributeType.DOUBLE);
    exporter.registerAttribute(
        "degree", GEXFExporter.AttributeCategory.NODE, GEXFAttributeType.INTEGER);
    exporter.registerAttribute(
        "cluster", GEXFExporter.AttributeCategory.NODE, GEXFAttributeType.INTEGER);
    exporter.registerAttribute(
        "relations", GEXFExporter.AttributeCategory.EDGE, GEXFAttributeType.STRING);
    exporter.setParameter(GEXFExporter.Parameter.EXPORT_EDGE_WEIGHTS, true);
    exporter.setParameter(GEXFExporter.Parameter.EXPORT_META, true);
    exporter.setCreator("Noema");
    exporter.setDescription(
        "The meaning graph with PageRank, betweenness, degree and Leiden cluster per entity");
    exporter.setVertexAttributeProvider(this::vertexAttributes);
    exporter.setEdgeAttributeProvider(this::edgeAttributes);
    exporter.exportGraph(graph.weightedGraph(), out);
  }

  private void dot(Writer out) {
    DOTExporter<String, MeaningEdge> exporter = new DOTExporter<>(vertexIds::get);
    exporter.setGraphIdProvider(() -> "meaning");
    exporter.setVertexAttributeProvider(this::vertexAttributes);
    exporter.setEdgeAttributeProvider(
        e -> {
          Map<String, Attribute> a = edgeAttributes(e);
          a.put("label", a.get("relations"));
          return a;
        });
    exporter.exportGraph(graph.graph(), out);
  }

  private void cytoscape(Writer out) {
    try (JsonGenerator json =
        new JsonFactory()
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false)
            .createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeObjectFieldStart("elements");
      json.writeArrayFieldStart("nodes");
      for (String v : graph.graph().vertexSet()) {
        json.writeStartObject();
        json.writeObjectFieldStart("data");
        json.writeStringField("id", vertexIds.get(v));
        for (Map.Entry<String, Attribute> a : vertexAttributes(v).entrySet()) {
          writeAttribute(json, a.getKey(), a.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("edges");
      for (MeaningEdge e : graph.graph().edgeSet()) {
        json.writeStartObject();
        json.writeObjectFieldStart("data");
        json.writeStringField("id", edgeIds.get(e));
        json.writeStringField("source", vertexIds.get(e.source()));
        json.writeStringField("target", vertexIds.get(e.target()));
        json.writeArrayFieldStart("relations");
        for (String t : e.relationTypes()) {
          json.writeString(Iris.localName(t));
        }
        json.writeEndArray();
        json.writeNumberField("weight", e.weight());
        json.writeEndObject();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeAttribute(JsonGenerator json, String name, Attribute a)
      throws IOException {
    switch (a.getType()) {
      case DOUBLE -> json.writeNumberField(name, Double.parseDouble(a.getValue()));
      case INT -> json.writeNumberField(name, Integer.parseInt(a.getValue()));
      default -> json.writeStringField(name, a.getValue());
    }
  }

  private Map<String, Attribute> vertexAttributes(String v) {
    Map<String, Attribute> a = new LinkedHashMap<>();
    Entity e = graph.entity(v).orElseThrow();
    a.put("label", DefaultAttribute.createAttribute(e.label()));
    a.put("iri", DefaultAttribute.createAttribute(v));
    a.put("type", DefaultAttribute.createAttribute(e.typeName()));
    CentresResult.Centre c = centreOf.get(v);
    if (c != null) {
      a.put("pageRank", DefaultAttribute.createAttribute(c.pageRank()));
      if (c.betweenness() != null) {
        a.put("betweenness", DefaultAttribute.createAttribute(c.betweenness()));
      }
      a.put("degree", DefaultAttribute.createAttribute(c.degree()));
    }
    Integer cluster = clusters.membership().get(v);
    if (cluster != null) {
      a.put("cluster", DefaultAttribute.createAttribute(cluster));
    }
    return a;
  }

  private Map<String, Attribute> edgeAttributes(MeaningEdge e) {
    Map<String, Attribute> a = new LinkedHashMap<>();
    a.put(
        "relations",
        DefaultAttribute.createAttribute(
            e.relationTypes().stream().map(Iris::localName).collect(Collectors.joining(","))));
    a.put("weight", DefaultAttribute.createAttribute(e.weight()));
    return a;
  }
}
