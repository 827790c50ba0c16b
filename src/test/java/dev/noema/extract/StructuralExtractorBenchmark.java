package dev.noema.extract;

import dev.noema.conversation.Conversation;
import dev.noema.conversation.Role;
import dev.noema.conversation.Turn;
import dev.noema.ontology.OntologyModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * Throughput of the structural extractor on one conversation of the sample's long assistant turn
 * repeated 2,000 times (the argument changes the count), against a floor measured in the same run,
 * just before and just after the extraction (the mean of the two, so that a change of load on the
 * shared machine falls on both): the same turns read with nothing decided, each parsed as Markdown
 * (commonmark with GFM tables, as the extractor parses) and every word in it lower-cased and
 * stemmed by the turn's Snowball stemmer, one word at a time. Then validation and the RDF of the
 * extraction, by wall clock.
 *
 * <p>The target (#15): no slower than 0.8 of the rule-per-turn extractor that the evidence-based
 * one replaced. That extractor is gone from the code, so its ratio to this floor is quoted from
 * earlier runs, labelled as such: commit cc0793f built apart, the same conversation and the same
 * floor in one process, the median of eleven runs.
 *
 * <p>Rates are of this thread's CPU time: the machine is shared, and CPU time says what the code
 * costs where wall time says what the run got. Not a test (surefire skips *Benchmark): {@code
 * ./benchmark structuralextractor [TURNS]}.
 */
public final class StructuralExtractorBenchmark {
  /**
   * The rule-per-turn extractor's rate over this floor's (cc0793f, earlier runs): eleven runs at
   * loads 1.5-10 of 272-390 turns/s of CPU, ratios 0.159-0.250, median 0.204.
   */
  private static final double RULE_PER_TURN_RATIO = 0.204;

  private static final double TARGET = 0.8;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private StructuralExtractorBenchmark() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    OntologyModel ontology = OntologyModel.loadDefault();
    StructuralExtractor extractor = new StructuralExtractor(ontology);
    FactValidator validator = new FactValidator(ontology);
    ExtractionGraphs graphs = new ExtractionGraphs(ontology);
    Lexicon lexicon = Lexicon.bundled(ontology);
    String text = SampleDialogue.conversation().turns().get(1).text();
    List<Turn> turns = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      turns.add(Turn.of(i, null, Role.ASSISTANT, "Assistant", null, text));
    }
    Conversation conversation = SampleDialogue.conversation("bench", turns.toArray(Turn[]::new));
    Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    UnaryOperator<String> stemmer = lexicon.language(lexicon.detect(text)).stemmer();
    List<Turn> warm = turns.subList(0, Math.min(50, count));
    floor(warm, parser, stemmer);
    extractor.extract(SampleDialogue.conversation("warm", warm.toArray(Turn[]::new)));

    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    Read read = floor(turns, parser, stemmer);
    long cpu1 = threads.getCurrentThreadCpuTime();
    long t1 = System.nanoTime();
    Extraction extraction = extractor.extract(conversation);
    long t2 = System.nanoTime();
    long cpu2 = threads.getCurrentThreadCpuTime();
    floor(turns, parser, stemmer);
    long cpu3 = threads.getCurrentThreadCpuTime();
    FactValidator.Result result = validator.validate(extraction, conversation);
    long t3 = System.nanoTime();
    long triples =
        graphs
            .graphs(result.kept(), conversation, SampleDialogue.entityIris(result.kept()))
            .stream()
            .mapToLong(g -> g.triples().size())
            .sum();
    long t4 = System.nanoTime();

    double floorRate = 2 * count / ((cpu1 - cpu0 + cpu3 - cpu2) / 1e9);
    double extractRate = count / ((cpu2 - cpu1) / 1e9);
    double ratio = extractRate / floorRate;
    System.out.printf(
        Locale.ROOT,
        "%n%,d turns of %,d chars in one conversation (%,d blocks, %,d words, %,d chars of stems)%n%n",
        count,
        text.length(),
        read.blocks(),
        read.words(),
        read.stemChars());
    System.out.println("| run | turns/s of CPU | ratio to floor |\n|---|---:|---:|");
    System.out.printf(
        Locale.ROOT,
        "| floor: parse + lower-case + Snowball-stem every word (this run) | %,.0f | 1.00 |%n",
        floorRate);
    System.out.printf(
        Locale.ROOT, "| structural extractor (this run) | %,.0f | %.3f |%n", extractRate, ratio);
    System.out.printf(
        Locale.ROOT,
        "| rule-per-turn extractor before #15 (cc0793f, earlier runs) | | %.3f |%n%n",
        RULE_PER_TURN_RATIO);
    System.out.printf(
        Locale.ROOT,
        "extractor / rule-per-turn, each over the floor: %.2f (target >= %.1f: %s)%n",
        ratio / RULE_PER_TURN_RATIO,
        TARGET,
        ratio / RULE_PER_TURN_RATIO >= TARGET ? "met" : "not met");
    System.out.printf(
        Locale.ROOT,
        "wall clock: extract %.0f turns/s, validate %.0f turns/s, RDF %.0f turns/s;"
            + " %,d entities, %,d relations, %,d interpretations, %,d dropped, %,d triples%n",
        count / ((t2 - t1) / 1e9),
        count / ((t3 - t2) / 1e9),
        count / ((t4 - t3) / 1e9),
        extraction.entities().size(),
        extraction.relations().size(),
        extraction.interpretations().size(),
        result.summary().droppedCount(),
        triples);
  }

  /** What the floor read, printed so that none of its work can be optimised away. */
  private record Read(long blocks, long words, long stemChars) {}

  /** Parses each turn and stems every word of its text. */
  private static Read floor(List<Turn> turns, Parser parser, UnaryOperator<String> stemmer) {
    long blocks = 0;
    long words = 0;
    long stemChars = 0;
    for (Turn turn : turns) {
      for (Node b = parser.parse(turn.text()).getFirstChild(); b != null; b = b.getNext()) {
        blocks++;
      }
      Matcher m = WORD.matcher(turn.text());
      while (m.find()) {
        // The language's stemmer lower-cases the word first.
        stemChars += stemmer.apply(m.group()).length();
        words++;
      }
    }
    return new Read(blocks, words, stemChars);
  }
}
