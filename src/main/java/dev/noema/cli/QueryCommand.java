package dev.noema.cli;

import dev.noema.kb.KnowledgeBase;
import dev.noema.kb.NamedQueries;
import dev.noema.kb.NamedQueries.Language;
import dev.noema.kb.NamedQueries.NamedQuery;
import dev.noema.neo4j.SyncSummary;
import dev.noema.server.ServerClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.util.NodeFactoryExtra;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.SKOS;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code noema query}: SPARQL over the knowledge base, or Cypher over its Neo4j projection; inline,
 * from a file, or by name from {@code queries/}.
 *
 * <p>Which language runs: {@code --sparql} and {@code --cypher QUERY} say it; {@code --file} goes
 * by the extension ({@code .cypher} or {@code .cyp} is Cypher, anything else SPARQL); {@code NAME}
 * runs {@code queries/sparql/NAME.rq}, or its Cypher twin {@code queries/cypher/NAME.cypher} with
 * {@code --cypher} (no value) or when only the twin exists. Before a Cypher query, the embedded
 * Neo4j is synced (an external server is synced by {@code import} and {@code sync neo4j}).
 */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Run a SPARQL query over the knowledge base (the union of all its graphs), or a Cypher query over "
          + "its Neo4j projection (as of the last sync).",
      "NAME runs queries/sparql/NAME.rq, or queries/cypher/NAME.cypher with --cypher or when only that exists; "
          + "with no argument, lists the named queries of both languages."
    })
final class QueryCommand implements Callable<Integer> {
  /** The user's own named queries, added to the bundled ones when this folder exists. */
  static final Path USER_QUERIES = Path.of("queries");

  @Spec CommandSpec spec;
  @Mixin KnowledgeBaseOptions kb;

  static final class Source {
    @Option(names = "--sparql", paramLabel = "QUERY", description = "The SPARQL query text.")
    String sparql;

    @Option(
        names = "--cypher",
        arity = "0..1",
        fallbackValue = "",
        paramLabel = "QUERY",
        description =
            "The Cypher query text, run read-only over the Neo4j projection. Without QUERY (or with a "
                + "query name), runs the Cypher twin of NAME from queries/cypher/.")
    String cypher;

    @Option(
        names = "--file",
        paramLabel = "FILE",
        description =
            "A file holding the query: .cypher or .cyp is Cypher, anything else (.rq) SPARQL.")
    Path file;
  }

  @ArgGroup(exclusive = true)
  Source source;

  @Parameters(
      arity = "0..1",
      paramLabel = "NAME",
      description = "A named query from queries/sparql/ or queries/cypher/.")
  String name;

  @Option(
      names = {"-p", "--param"},
      paramLabel = "NAME=VALUE",
      description =
          "Bind ?NAME (SPARQL) or $NAME (Cypher) to VALUE (repeatable); never pasted into the query text. "
              + "SPARQL: VALUE is an RDF term (<iri>, 42, \"text\"@en) or else plain text. Cypher: 42 and 4.2 are numbers, "
              + "true and false booleans, \"42\" and <iri> strings, anything else plain text.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(
      names = "--format",
      defaultValue = "table",
      paramLabel = "table|csv|tsv|json",
      description =
          "Result format (json: SPARQL 1.1 JSON results; for Cypher an array of objects). "
              + "Default: ${DEFAULT-VALUE}.")
  OutputFormat format;

  /** A query and its language. */
  private record Query(String text, boolean cypher) {}

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (source == null && name == null) {
      out.println(
          "Named queries (noema query NAME runs the SPARQL one; add --cypher for its Cypher twin):");
      NamedQueries queries = NamedQueries.bundledAnd(USER_QUERIES);
      Map<String, String> languages = new TreeMap<>();
      Map<String, String> summaries = new LinkedHashMap<>();
      for (NamedQuery q : queries.list(Language.CYPHER)) {
        languages.put(q.name(), "cypher");
        summaries.put(q.name(), q.summary());
      }
      for (NamedQuery q : queries.list(Language.SPARQL)) {
        languages.merge(q.name(), "sparql", (twin, self) -> "sparql+cypher");
        summaries.put(q.name(), q.summary());
      }
      languages.forEach((n, l) -> out.printf("  %-20s %-14s %s%n", n, l, summaries.get(n)));
      out.flush();
      return 0;
    }
    Query query = query();
    if (query.cypher()) {
      Map<String, Object> driverParams = cypherParams(params);
      Optional<ServerClient> server = kb.neo4jThroughServer();
      if (server.isPresent()) {
        // noema serve holds the embedded Neo4j (its folder is locked): it syncs and runs the query.
        out.print(CypherOutput.render(server.get().cypher(query.text(), driverParams), format));
        out.flush();
        return 0;
      }
      try (KnowledgeBase base = kb.open()) {
        if (base.config().neo4jServer() == null) {
          // The embedded projection is ours: bring it in step first (quick when nothing changed),
          // so that the first
          // Cypher query after an import sees it without a separate `noema sync neo4j`.
          SyncSummary summary = base.syncNeo4j();
          if (!summary.nothingChanged()) {
            spec.commandLine().getErr().println("neo4j: synced first: " + summary);
            spec.commandLine().getErr().flush();
          }
        }
        out.print(CypherOutput.render(base.cypher(query.text(), driverParams), format));
        out.flush();
        return 0;
      }
    }
    String sparql = query.text();
    try (KnowledgeBase base = kb.open()) {
      Map<String, Node> bindings = bindings(params);
      if (returnsTriples(sparql)) {
        StreamRDF writer =
            StreamRDFWriter.getWriterStream(
                new ByteArrayOutputStreamBridge(out), RDFFormat.TURTLE_BLOCKS);
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

  /** Resolves the options and NAME to one query; see the class comment for the rule. */
  private Query query() {
    if (source != null && source.sparql != null) {
      return new Query(source.sparql, false);
    }
    if (source != null && source.file != null) {
      String file = source.file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
      return new Query(readFile(source.file), file.endsWith(".cypher") || file.endsWith(".cyp"));
    }
    NamedQueries queries = NamedQueries.bundledAnd(USER_QUERIES);
    if (source != null && !source.cypher.isBlank()) {
      String text = source.cypher.strip();
      if (name != null) {
        throw new CommandFailure("give either a query name or --cypher QUERY, not both");
      }
      // A bare word is never a Cypher query: `--cypher modules` means the twin named modules.
      return new Query(
          text.matches(NamedQueries.NAME_PATTERN) ? named(queries, Language.CYPHER, text) : text,
          true);
    }
    if (name == null) {
      throw new CommandFailure(
          "--cypher without a query needs a query NAME (run 'noema query' to list them)");
    }
    boolean cypher =
        source != null
            || queries.find(Language.SPARQL, name).isEmpty()
                && queries.find(Language.CYPHER, name).isPresent();
    return new Query(named(queries, cypher ? Language.CYPHER : Language.SPARQL, name), cypher);
  }

  private static String named(NamedQueries queries, Language language, String name) {
    if (!name.matches(NamedQueries.NAME_PATTERN)) {
      throw new CommandFailure("'" + name + "' is not a query name (letters, digits, - and _)");
    }
    return queries
        .find(language, name)
        .orElseThrow(
            () ->
                new CommandFailure(
                    "no "
                        + language.folder()
                        + " query named '"
                        + name
                        + "' (bundled or in "
                        + USER_QUERIES.resolve(language.folder())
                        + "); run 'noema query' to list them"))
        .text();
  }

  /**
   * Whether a SPARQL text is a CONSTRUCT or DESCRIBE (triples out) rather than a SELECT or ASK
   * (rows out), as Jena's parser reads it. An update is refused here; other syntax errors are left
   * to the store, which reports them in one line.
   */
  static boolean returnsTriples(String sparql) {
    try {
      org.apache.jena.query.Query parsed = QueryFactory.create(sparql);
      return parsed.isConstructType() || parsed.isDescribeType();
    } catch (QueryParseException notAQuery) {
      try {
        UpdateFactory.create(sparql);
      } catch (QueryParseException notAnUpdate) {
        return false;
      }
      throw new CommandFailure(
          "this is a SPARQL Update: noema query only reads (the store changes through import and"
              + " extract)");
    }
  }

  /**
   * Cypher driver parameters from {@code --param} values: whole numbers as longs, decimals as
   * doubles, true/false as booleans, {@code "..."} and {@code <...>} as the string inside, anything
   * else as the plain text.
   */
  static Map<String, Object> cypherParams(Map<String, String> params) {
    Map<String, Object> values = new LinkedHashMap<>();
    params.forEach(
        (key, value) ->
            values.put(key.startsWith("$") ? key.substring(1) : key, cypherValue(value)));
    return values;
  }

  private static Object cypherValue(String value) {
    if (value.matches("[+-]?\\d{1,18}")) {
      return Long.parseLong(value);
    }
    if (value.matches("[+-]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][+-]?\\d+)?")) {
      return Double.parseDouble(value);
    }
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    if (value.length() >= 2
        && (value.startsWith("\"") && value.endsWith("\"")
            || value.startsWith("<") && value.endsWith(">"))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }

  /** Prefixes that make table output readable; csv, tsv and json keep full IRIs. */
  static final org.apache.jena.shared.PrefixMapping PREFIXES =
      org.apache.jena.shared.PrefixMapping.Factory.create()
          .setNsPrefixes(org.apache.jena.shared.PrefixMapping.Standard)
          .setNsPrefix("noema", dev.noema.ontology.Noema.NS)
          .setNsPrefix("id", dev.noema.ontology.Noema.ID)
          .setNsPrefix("graph", dev.noema.ontology.Noema.GRAPH)
          .setNsPrefix("skos", SKOS.uri)
          .setNsPrefix("prov", dev.noema.ontology.Noema.PROV)
          .setNsPrefix("oa", OA.NS)
          .setNsPrefix("dcterms", DCTerms.NS)
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
    params.forEach(
        (key, value) -> bindings.put(key.startsWith("?") ? key.substring(1) : key, term(value)));
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
}
