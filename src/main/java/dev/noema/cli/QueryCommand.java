package dev.noema.cli;

import dev.noema.kb.KnowledgeBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.util.NodeFactoryExtra;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code noema query}: SPARQL over the knowledge base, inline, from a file, or by name from {@code queries/}. */
@Command(name = "query", mixinStandardHelpOptions = true,
    description = {"Run a SPARQL query over the knowledge base (the union of all its graphs).",
        "NAME runs queries/sparql/NAME.rq; with no argument, lists the named queries."})
final class QueryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin KnowledgeBaseOptions kb;

  static final class Source {
    @Option(names = "--sparql", paramLabel = "QUERY", description = "The SPARQL query text.")
    String sparql;

    @Option(names = "--file", paramLabel = "FILE", description = "A file holding the query (.rq).")
    Path file;
  }

  @ArgGroup(exclusive = true)
  Source source;

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "A named query from queries/sparql/.")
  String name;

  @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
      description = "Bind ?NAME to VALUE before running (repeatable). VALUE is an RDF term (<iri>, 42, \"text\"@en) "
          + "or else plain text; it is substituted into the parsed query, never pasted into its text.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|tsv|json",
      description = "Result format (json = SPARQL 1.1 JSON results). Default: ${DEFAULT-VALUE}.")
  OutputFormat format;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (source == null && name == null) {
      out.println("Named queries (noema query NAME):");
      for (NamedQueries.Entry entry : NamedQueries.list("sparql")) {
        out.printf("  %-24s %s%n", entry.name(), entry.summary());
      }
      out.flush();
      return 0;
    }
    String sparql = source != null && source.sparql != null ? source.sparql
        : source != null ? readFile(source.file)
        : NamedQueries.text("sparql", name);
    try (KnowledgeBase base = kb.open()) {
      Map<String, Node> bindings = bindings(params);
      if (sparql.matches("(?is).*\\b(CONSTRUCT|DESCRIBE)\\b.*") && !sparql.matches("(?is).*\\bSELECT\\b.*")) {
        StreamRDF writer = StreamRDFWriter.getWriterStream(new ByteArrayOutputStreamBridge(out), RDFFormat.TURTLE_BLOCKS);
        writer.start();
        base.store().construct(sparql, bindings, writer);
        writer.finish();
      } else {
        out.print(base.store().<String>select(sparql, bindings, rs -> render(rs, format)));
      }
      out.flush();
      return 0;
    }
  }

  /** Prefixes that make table output readable; csv, tsv and json keep full IRIs. */
  static final org.apache.jena.shared.PrefixMapping PREFIXES = org.apache.jena.shared.PrefixMapping.Factory.create()
      .setNsPrefixes(org.apache.jena.shared.PrefixMapping.Standard)
      .setNsPrefix("noema", dev.noema.ontology.Noema.NS)
      .setNsPrefix("id", dev.noema.ontology.Noema.ID)
      .setNsPrefix("graph", dev.noema.ontology.Noema.GRAPH)
      .setNsPrefix("skos", dev.noema.ontology.Noema.SKOS)
      .setNsPrefix("prov", dev.noema.ontology.Noema.PROV)
      .setNsPrefix("oa", dev.noema.ontology.Noema.OA)
      .setNsPrefix("dcterms", dev.noema.ontology.Noema.DCTERMS)
      .lock();

  static String render(org.apache.jena.query.ResultSet rs, OutputFormat format) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    switch (format) {
      case table -> ResultSetFormatter.out(bytes, rs, PREFIXES);
      case csv -> ResultSetFormatter.outputAsCSV(bytes, rs);
      case tsv -> ResultSetFormatter.outputAsTSV(bytes, rs);
      case json -> ResultSetFormatter.outputAsJSON(bytes, rs);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  static Map<String, Node> bindings(Map<String, String> params) {
    Map<String, Node> bindings = new LinkedHashMap<>();
    params.forEach((key, value) -> bindings.put(key.startsWith("?") ? key.substring(1) : key, term(value)));
    return bindings;
  }

  /** An RDF term written as in SPARQL, or else the plain text as a string literal. */
  static Node term(String value) {
    try {
      Node node = NodeFactoryExtra.parseNode(value);
      if (node != null && !node.isVariable() && !node.isBlank()) {
        return node;
      }
    } catch (RuntimeException notATerm) {
      // Plain text such as a conversation id or a word: the common case.
    }
    return NodeFactory.createLiteralString(value);
  }

  private static String readFile(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new CommandFailure(file + ": cannot read the query file (" + e.getMessage() + ")");
    }
  }

  /** Lets Jena's byte-oriented writers print through picocli's writer (which tests capture). */
  static final class ByteArrayOutputStreamBridge extends java.io.OutputStream {
    private final PrintWriter out;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    ByteArrayOutputStreamBridge(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void write(int b) {
      pending.write(b);
    }

    @Override
    public void flush() {
      out.print(pending.toString(StandardCharsets.UTF_8));
      pending.reset();
      out.flush();
    }

    @Override
    public void close() {
      flush();
    }
  }

  /** Named queries: files under {@code queries/<language>/}, or the copies bundled in the jar. */
  static final class NamedQueries {
    private NamedQueries() {}

    record Entry(String name, String summary) {}

    static String text(String language, String name) {
      String extension = language.equals("sparql") ? ".rq" : ".cypher";
      if (!name.matches("[A-Za-z0-9_-]+")) {
        throw new CommandFailure("'" + name + "' is not a query name (letters, digits, - and _)");
      }
      Path file = Path.of("queries", language, name + extension);
      try {
        if (Files.isRegularFile(file)) {
          return Files.readString(file);
        }
        try (InputStream in = NamedQueries.class.getResourceAsStream("/queries/" + language + "/" + name + extension)) {
          if (in != null) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
        }
      } catch (IOException e) {
        throw new CommandFailure(file + ": " + e.getMessage());
      }
      throw new CommandFailure("no query named '" + name + "' (looked for " + file + "); run 'noema query' to list them");
    }

    static List<Entry> list(String language) throws IOException {
      Path folder = Path.of("queries", language);
      if (!Files.isDirectory(folder)) {
        return List.of();
      }
      try (var files = Files.list(folder)) {
        return files.sorted().map(f -> {
          String file = f.getFileName().toString();
          String name = file.substring(0, file.lastIndexOf('.'));
          try {
            String summary = Files.readAllLines(f).stream().filter(l -> l.startsWith("#") || l.startsWith("//"))
                .findFirst().map(l -> l.replaceFirst("^(#|//)\\s*", "")).orElse("");
            return new Entry(name, summary);
          } catch (IOException e) {
            return new Entry(name, "(unreadable)");
          }
        }).toList();
      }
    }
  }
}
