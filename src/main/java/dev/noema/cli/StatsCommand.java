package dev.noema.cli;

import dev.noema.kb.KnowledgeBase;
import dev.noema.ontology.Noema;
import dev.noema.ontology.OntologyModel;
import dev.noema.store.StoreStats;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code noema stats}: what the knowledge base holds. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = "Show what the knowledge base holds.")
final class StatsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin KnowledgeBaseOptions kb;

  static final String COUNTS =
      """
      PREFIX noema: <https://w3id.org/noema/ontology#>
      SELECT
        (COUNT(DISTINCT ?conversation) AS ?conversations)
        (COUNT(DISTINCT ?turn) AS ?turns)
        (COUNT(DISTINCT ?participant) AS ?participants)
      WHERE {
        { ?conversation a noema:Conversation }
        UNION { ?turn a noema:Turn }
        UNION { ?turn2 noema:spokenBy ?participant }
      }""";

  /**
   * Entities per meaning-layer class; {@code ?type} is bound by VALUES to the ontology's meaning
   * classes.
   */
  static final String MEANING =
      """
      SELECT ?type (COUNT(DISTINCT ?entity) AS ?entities) WHERE {
        ?entity a ?type .
      } GROUP BY ?type ORDER BY DESC(?entities) ?type""";

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (KnowledgeBase base = kb.open()) {
      StoreStats stats = base.store().stats();
      out.printf("knowledge base: %s%n", base.store().location());
      out.printf("named graphs: %d, quads: %d%n", stats.graphs(), stats.quads());
      out.print(
          base.store()
              .<String>select(COUNTS, Map.of(), rs -> QueryCommand.render(rs, OutputFormat.table)));
      out.println("meaning layer:");
      out.print(
          base.store()
              .<String>select(
                  meaningQuery(base.ontology()),
                  Map.of(),
                  rs -> QueryCommand.render(rs, OutputFormat.table)));
      out.flush();
      return 0;
    }
  }

  /**
   * {@link #MEANING} restricted to the sub-classes of noema:MeaningEntity, so the list follows the
   * ontology.
   */
  static String meaningQuery(OntologyModel ontology) {
    String values =
        ontology.subClassesOf(Noema.MeaningEntity.getURI()).stream()
            .map(c -> "<" + c.iri() + ">")
            .collect(Collectors.joining(" "));
    return MEANING.replace("WHERE {", "WHERE {\n  VALUES ?type { " + values + " }");
  }
}
