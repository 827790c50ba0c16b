package dev.noema.extract;

import dev.noema.conversation.Conversation;
import dev.noema.conversation.Role;
import dev.noema.conversation.Turn;
import dev.noema.ontology.OntologyModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput of the structural extractor (and of validation and RDF building) on the sample's
 * assistant turn repeated 2,000 times. Not a test (surefire skips *Benchmark); run its main with
 * the test classpath.
 */
public final class StructuralExtractorBenchmark {
  private StructuralExtractorBenchmark() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    OntologyModel ontology = OntologyModel.loadDefault();
    StructuralExtractor extractor = new StructuralExtractor(ontology);
    FactValidator validator = new FactValidator(ontology);
    ExtractionGraphs graphs = new ExtractionGraphs(ontology);
    String text = SampleDialogue.conversation().turns().get(1).text();
    List<Turn> turns = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      turns.add(Turn.of(i, null, Role.ASSISTANT, "Assistant", null, text));
    }
    Conversation conversation = SampleDialogue.conversation("bench", turns.toArray(Turn[]::new));
    extractor.extract(
        SampleDialogue.conversation("warm", turns.subList(0, 50).toArray(Turn[]::new)));

    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    Extraction extraction = extractor.extract(conversation);
    long t1 = System.nanoTime();
    long cpu1 = threads.getCurrentThreadCpuTime();
    FactValidator.Result result = validator.validate(extraction, conversation);
    long t2 = System.nanoTime();
    long triples =
        graphs
            .graphs(result.kept(), conversation, SampleDialogue.entityIris(result.kept()))
            .stream()
            .mapToLong(g -> g.triples().size())
            .sum();
    long t3 = System.nanoTime();
    // The machine is shared: CPU time says what the code costs, wall time what this run got.
    System.out.printf("extract: %.0f turns/s of CPU time%n", count / ((cpu1 - cpu0) / 1e9));
    System.out.printf(
        "%d turns (%d chars each), wall clock: extract %.0f turns/s, validate %.0f turns/s, RDF %.0f turns/s;"
            + " %d entities, %d relations, %d interpretations, %d dropped, %d triples%n",
        count,
        text.length(),
        count / ((t1 - t0) / 1e9),
        count / ((t2 - t1) / 1e9),
        count / ((t3 - t2) / 1e9),
        extraction.entities().size(),
        extraction.relations().size(),
        extraction.interpretations().size(),
        result.summary().droppedCount(),
        triples);
  }
}
