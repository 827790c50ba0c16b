package dev.noema.cli;

import dev.noema.kb.KnowledgeBase;
import dev.noema.topology.GraphExport;
import dev.noema.topology.Topology;
import dev.noema.topology.TopologyFilter;
import dev.noema.topology.TopologySettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code noema export}: the whole knowledge base as RDF. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Export the knowledge base as RDF (named graphs kept in trig and nq).")
final class ExportCommand implements Callable<Integer> {
  enum Format {
    trig,
    nq,
    ttl,
    jsonld,
    graphml,
    gexf,
    dot,
    cytoscape_json
  }

  enum Graph {
    all,
    meaning
  }

  @Spec CommandSpec spec;
  @Mixin KnowledgeBaseOptions kb;

  @Option(
      names = "--graph",
      defaultValue = "all",
      paramLabel = "all|meaning",
      description =
          "all: every graph as RDF; meaning: the meaning layer as a network (with centrality and cluster "
              + "attributes) for Gephi, Graphviz or Cytoscape. Default: ${DEFAULT-VALUE}.")
  Graph graph;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      converter = FormatConverter.class,
      description =
          "For --graph all: trig (default), nq, ttl (all graphs merged), jsonld. "
              + "For --graph meaning: graphml (default), gexf, dot, cytoscape-json.")
  Format format;

  /** Accepts the names users type ({@code cytoscape-json}). */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      return Format.valueOf(value.replace('-', '_'));
    }
  }

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output.")
  Path output;

  @Override
  public Integer call() throws IOException {
    try (KnowledgeBase base = kb.open();
        OutputStream out =
            output == null
                ? new QueryCommand.ByteArrayOutputStreamBridge(spec.commandLine().getOut())
                : Files.newOutputStream(output)) {
      boolean network =
          format == Format.graphml
              || format == Format.gexf
              || format == Format.dot
              || format == Format.cytoscape_json;
      if (graph == Graph.meaning || network) {
        if (format != null && !network) {
          throw new CommandFailure(
              "--graph meaning exports graphml, gexf, dot or cytoscape-json, not " + format);
        }
        Topology topology = base.topology(TopologyFilter.NONE, TopologySettings.DEFAULT);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        topology
            .export()
            .write(
                GraphExport.Format.parse(
                    format == null ? "graphml" : format.name().replace('_', '-')),
                writer);
        writer.flush();
        return 0;
      }
      switch (format == null ? Format.trig : format) {
        // Streaming formats: constant memory whatever the size of the knowledge base.
        case nq, trig -> {
          StreamRDF writer =
              StreamRDFWriter.getWriterStream(
                  out, format == Format.nq ? RDFFormat.NQUADS : RDFFormat.TRIG_BLOCKS);
          writer.start();
          base.store().readAll(writer);
          writer.finish();
        }
        // Pretty formats need the whole graph in memory.
        case ttl, jsonld -> {
          DatasetGraph copy = DatasetGraphFactory.createTxnMem();
          base.store().readAll(StreamRDFLib.dataset(copy));
          if (format == Format.ttl) {
            RDFDataMgr.write(out, copy.getUnionGraph(), Lang.TURTLE);
          } else {
            RDFDataMgr.write(out, copy, RDFFormat.JSONLD11);
          }
        }
        default ->
            throw new IllegalStateException("unreachable: network formats are handled above");
      }
      out.flush();
      return 0;
    }
  }
}
