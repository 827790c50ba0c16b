package dev.noema.cli;

import dev.noema.kb.ImportListener;
import dev.noema.kb.ImportReport;
import dev.noema.kb.ImportRequest;
import dev.noema.kb.KnowledgeBase;
import dev.noema.kb.NamedQueries;
import dev.noema.kb.NamedQueries.Language;
import dev.noema.neo4j.CypherResult;
import dev.noema.neo4j.Neo4jException;
import dev.noema.neo4j.SyncSummary;
import dev.noema.prompt.ContextRequest;
import dev.noema.prompt.GraphContext;
import dev.noema.store.Dialogues;
import dev.noema.topology.TableRenderer;
import dev.noema.topology.Topology;
import dev.noema.topology.TopologyFilter;
import dev.noema.topology.TopologySettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code noema demo}: the main job on the sample, start to finish, with no server and no key.
 * Imports the logs, then shows each capability on what was imported. Every section is a library
 * call the other commands make too.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Import logs (default: the sample in import/samples) and show what Noema finds in them:",
      "the dialogue, the meaning graph, its topology, Cypher over the projection, and a prompt context."
    })
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin KnowledgeBaseOptions kb;

  @Parameters(
      arity = "0..*",
      paramLabel = "PATH",
      description = "Logs to import (default: import/samples).")
  List<Path> paths = List.of(Path.of("import", "samples"));

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (KnowledgeBase base = kb.open()) {
      // Neo4j starts while the sections before its own run (it takes seconds, mostly on one core).
      base.startNeo4j();
      section(out, "1. Import " + paths + " into " + base.store().location());
      ImportReport report = base.importLogs(ImportRequest.of(paths), ImportListener.NONE);
      ImportCommand.print(report, out, err);
      if (!report.didSomething()) {
        return 1;
      }
      section(out, "2. The dialogue: turns in order, repaired text (noema query turns -p id=ID)");
      for (Dialogues.ConversationSummary c :
          new Dialogues(base.store()).conversations().stream().limit(3).toList()) {
        out.println("noema query turns -p id=" + c.id() + "   (" + c.title() + ")");
        table(
            out,
            base,
            NamedQueries.bundled().text(Language.SPARQL, "turns"),
            Map.of("id", NodeFactory.createLiteralString(c.id())),
            10);
      }
      out.print(
          base.store()
              .<String>select(
                  NamedQueries.bundled().text(Language.SPARQL, "repairs"),
                  Map.of(),
                  rs -> QueryCommand.render(rs, OutputFormat.table)));
      section(out, "3. The meaning graph (structural extractor): modules, perspectives, analogies");
      for (String name : List.of("modules", "interpretations", "analogies")) {
        table(out, base, NamedQueries.bundled().text(Language.SPARQL, name), Map.of(), 12);
      }
      section(out, "4. Every fact is grounded in a quote (noema query evidence)");
      table(out, base, NamedQueries.bundled().text(Language.SPARQL, "evidence"), Map.of(), 5);
      cypher(out, base);

      section(out, "6. The topology of meaning (noema explore shape, perspectives architecture)");
      Topology topology = base.topology(TopologyFilter.NONE, TopologySettings.DEFAULT);
      TableRenderer tables = new TableRenderer(60, 8);
      out.println(tables.render(topology.shape()));
      out.println(tables.render(topology.perspectives("architecture")));
      base.saveMeasures(topology, TopologyFilter.NONE);
      out.println(
          "(PageRank, betweenness, degree and clusters written to the derived graph: noema query centres)");

      section(out, "7. Graph-augmented prompting (noema context / noema ask)");
      String question = "Как Кирилл понимает внимание?";
      GraphContext context = base.retrieval().context(ContextRequest.of(question).withBudget(700));
      out.println(context.text());
      out.println(
          base.llm().isPresent()
              ? "noema ask \""
                  + question
                  + "\" --baseline  compares the answer with and without this context."
              : "No LLM configured: noema ask prints this context inside a complete prompt; set NOEMA_LLM to send it.");

      section(out, "8. Next");
      out.println(
          "./noema serve      the map of meaning in the browser, a SPARQL endpoint and an HTTP API "
              + "(http://127.0.0.1:8077/)");
      out.println(
          "./noema query      the canned SPARQL queries; ./noema explore --help; ./noema --help");
      out.flush();
      return report.hasProblems() ? 1 : 0;
    }
  }

  /**
   * Syncs the projection (the embedded Neo4j unless a server is configured) and runs Cypher over
   * it: the modules, and the Cypher twin of {@code interpretations}. A Neo4j that cannot start or
   * be reached skips the section in one line.
   */
  private static void cypher(PrintWriter out, KnowledgeBase base) {
    section(out, "5. Cypher over the Neo4j projection (noema sync neo4j; noema query --cypher)");
    try {
      SyncSummary summary = base.syncNeo4j();
      out.println("neo4j " + base.neo4j().boltUrl() + ": " + summary);
      String modules = "MATCH (m:CognitiveModule) RETURN m.label ORDER BY m.label";
      out.println(modules);
      out.print(CypherOutput.render(base.cypher(modules, Map.of()), OutputFormat.table));
      out.println("noema query interpretations --cypher (queries/cypher/interpretations.cypher)");
      CypherResult all =
          base.cypher(NamedQueries.bundled().text(Language.CYPHER, "interpretations"), Map.of());
      int shown = Math.min(8, all.rows().size());
      out.print(
          CypherOutput.render(
              new CypherResult(all.columns(), all.rows().subList(0, shown)), OutputFormat.table));
      if (shown < all.rows().size()) {
        out.println("(" + all.rows().size() + " rows, " + shown + " shown)");
      }
    } catch (Neo4jException e) {
      out.println("skipped: " + e.getMessage());
    }
  }

  /**
   * Prints the first {@code rows} rows of a query's results, with long cells cut, and how many rows
   * there were.
   */
  static void table(
      PrintWriter out, KnowledgeBase base, String sparql, Map<String, Node> params, int rows) {
    String text =
        base.store()
            .<String>select(
                sparql,
                params,
                rs -> {
                  org.apache.jena.query.ResultSetRewindable all =
                      org.apache.jena.query.ResultSetFactory.makeRewindable(rs);
                  int total = all.size();
                  all.reset();
                  org.apache.jena.sparql.exec.RowSet limited =
                      org.apache.jena.sparql.exec.RowSetStream.create(
                          all.getResultVars().stream()
                              .map(org.apache.jena.sparql.core.Var::alloc)
                              .toList(),
                          java.util.stream.Stream.generate(
                                  () -> all.hasNext() ? all.nextBinding() : null)
                              .takeWhile(java.util.Objects::nonNull)
                              .limit(rows)
                              .map(b -> shorten(b))
                              .iterator());
                  String rendered =
                      QueryCommand.render(
                          org.apache.jena.query.ResultSet.adapt(limited), OutputFormat.table);
                  return rendered
                      + (total > rows ? "(" + total + " rows, " + rows + " shown)\n" : "");
                });
    out.print(text);
  }

  /** Cuts long literals so that a table fits a terminal. */
  private static org.apache.jena.sparql.engine.binding.Binding shorten(
      org.apache.jena.sparql.engine.binding.Binding b) {
    org.apache.jena.sparql.engine.binding.BindingBuilder builder =
        org.apache.jena.sparql.engine.binding.Binding.builder();
    b.forEach(
        (v, n) -> {
          if (n.isLiteral() && n.getLiteralLexicalForm().length() > 70) {
            String cut = n.getLiteralLexicalForm().substring(0, 67).replaceAll("\\s+", " ") + "...";
            builder.add(v, org.apache.jena.graph.NodeFactory.createLiteralString(cut));
          } else {
            builder.add(v, n);
          }
        });
    return builder.build();
  }

  static void section(PrintWriter out, String title) {
    out.println();
    out.println("== " + title);
    out.flush();
  }
}
