package dev.noema.cli;

import dev.noema.kb.KnowledgeBase;
import dev.noema.ontology.OntologyCheck;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code noema ontology}: commands about the ontology. */
@Command(
    name = "ontology",
    mixinStandardHelpOptions = true,
    description = "Check the ontology and the data against it.",
    subcommands = OntologyCommand.Check.class)
final class OntologyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * {@code noema ontology check}: reasoner over the ontology, SHACL shapes over the store's union
   * graph.
   */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description =
          "Run the OWL reasoner on the ontology and validate the knowledge base against the SHACL shapes; "
              + "exit 1 when the ontology is inconsistent, a class unsatisfiable or the data non-conforming.")
  static final class Check implements Callable<Integer> {
    /** Violations shown; the counts cover all of them. */
    private static final int MAX_LINES = 20;

    @Spec CommandSpec spec;
    @Mixin KnowledgeBaseOptions kb;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (KnowledgeBase base = kb.open()) {
        OntologyCheck check = new OntologyCheck(base.ontology(), OntologyCheck.loadDefaultShapes());
        OntologyCheck.ReasonerReport reasoner = check.reason();
        out.printf(
            "ontology %s (%s): %s, %d unsatisfiable class(es) [%s, %d ms]%n",
            base.ontology().version(),
            base.ontology().namespace(),
            reasoner.consistent() ? "consistent" : "INCONSISTENT",
            reasoner.unsatisfiableClasses().size(),
            reasoner.reasoner(),
            reasoner.elapsed().toMillis());
        reasoner.inconsistencies().forEach(line -> out.println("  inconsistency: " + line));
        reasoner.unsatisfiableClasses().forEach(c -> out.println("  unsatisfiable: " + c));
        DatasetGraph data = DatasetGraphFactory.create();
        base.store().readAll(StreamRDFLib.dataset(data));
        OntologyCheck.ShapeReport shapes = check.validate(data.getUnionGraph(), MAX_LINES);
        out.printf(
            "data in %s: %s (%d violation(s) on %d node(s))%n",
            base.store().location(),
            shapes.conforms() ? "conforms to the shapes" : "DOES NOT CONFORM",
            shapes.violations(),
            shapes.focusNodes());
        shapes.lines().forEach(line -> out.println("  " + line));
        if (shapes.violations() > shapes.lines().size()) {
          out.printf("  ... and %d more%n", shapes.violations() - shapes.lines().size());
        }
        out.flush();
        return reasoner.ok() && shapes.conforms() ? 0 : 1;
      }
    }
  }
}
