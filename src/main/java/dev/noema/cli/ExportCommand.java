package dev.noema.cli;

import dev.noema.kb.KnowledgeBase;
import java.io.IOException;
import java.io.OutputStream;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code noema export}: the whole knowledge base as RDF. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Export the knowledge base as RDF (named graphs kept in trig and nq).")
final class ExportCommand implements Callable<Integer> {
  enum Format { trig, nq, ttl, jsonld }

  @Spec CommandSpec spec;
  @Mixin KnowledgeBaseOptions kb;

  @Option(names = "--format", defaultValue = "trig", paramLabel = "trig|nq|ttl|jsonld",
      description = "RDF syntax (ttl merges all graphs into one). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
  Path output;

  @Override
  public Integer call() throws IOException {
    try (KnowledgeBase base = kb.open();
        OutputStream out = output == null ? new QueryCommand.ByteArrayOutputStreamBridge(spec.commandLine().getOut())
            : Files.newOutputStream(output)) {
      switch (format) {
        // Streaming formats: constant memory whatever the size of the knowledge base.
        case nq, trig -> {
          StreamRDF writer = StreamRDFWriter.getWriterStream(out,
              format == Format.nq ? RDFFormat.NQUADS : RDFFormat.TRIG_BLOCKS);
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
      }
      out.flush();
      return 0;
    }
  }
}
