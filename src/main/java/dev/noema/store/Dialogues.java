package dev.noema.store;

import dev.noema.ontology.Iris;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;

/**
 * The dialogue layer of a store, read for people: how much it holds, its conversations, one
 * conversation's turns, and how far extraction has got in each. One SPARQL query each (the {@code
 * .rq} files beside this class). Thread-safe: holds only the store.
 */
public final class Dialogues {
  /**
   * How much dialogue a store holds.
   *
   * @param participants the distinct participants who spoke a turn
   */
  public record Counts(long conversations, long turns, long participants) {}

  /**
   * A conversation in a list.
   *
   * @param turns its turns, alternatives included
   * @param started the time of its first turn (xsd:dateTime), or null
   */
  public record ConversationSummary(String id, String title, int turns, String started) {}

  /**
   * A turn as a reader sees it.
   *
   * @param speaker the speaker's name as the log writes it, or null
   * @param role the participant's role (user, assistant, system), or null
   * @param time when it was written (xsd:dateTime), or null
   * @param text the text, Markdown as written
   */
  public record TurnView(
      String iri, int index, String speaker, String role, String time, String text) {}

  /** A conversation with its turns in order. */
  public record ConversationView(String id, String title, List<TurnView> turns) {
    public ConversationView {
      turns = List.copyOf(turns);
    }
  }

  /**
   * How far extraction has got in one conversation.
   *
   * @param turns the turns on its active branch (what extraction covers)
   * @param extracted per extractor that has run on it, the turns it has extracted (extractor names
   *     as in graph names)
   * @param pending per extractor the import pipeline runs now, the turns it has not extracted yet
   */
  public record ExtractionStatus(
      String id,
      String title,
      int turns,
      Map<String, Integer> extracted,
      Map<String, Integer> pending) {}

  /**
   * Extraction over the whole store: the totals of {@link ExtractionStatus}, then each
   * conversation.
   *
   * @param extractors every extractor that has run or runs now, sorted
   */
  public record ExtractionView(
      List<String> extractors,
      int turns,
      Map<String, Integer> extracted,
      Map<String, Integer> pending,
      List<ExtractionStatus> conversations) {}

  private static final String COUNTS = resource("dialogue-counts.rq");
  private static final String CONVERSATIONS = resource("conversations.rq");
  private static final String TURNS = resource("conversation-turns.rq");
  private static final String EXTRACTION_TURNS = resource("extraction-turns.rq");

  private final GraphStore store;

  public Dialogues(GraphStore store) {
    this.store = store;
  }

  /** How many conversations, turns and participants the store holds. */
  public Counts counts() {
    long[] counts = new long[3];
    rows(
        COUNTS,
        Map.of(),
        row -> {
          counts[0] = row.getLiteral("conversations").getLong();
          counts[1] = row.getLiteral("turns").getLong();
          counts[2] = row.getLiteral("participants").getLong();
        });
    return new Counts(counts[0], counts[1], counts[2]);
  }

  /** Every conversation, by start time then id. */
  public List<ConversationSummary> conversations() {
    List<ConversationSummary> result = new ArrayList<>();
    rows(
        CONVERSATIONS,
        Map.of(),
        row ->
            result.add(
                new ConversationSummary(
                    text(row, "id"),
                    text(row, "title"),
                    row.getLiteral("turns").getInt(),
                    text(row, "started"))));
    return result;
  }

  /** A conversation's turns in order, or empty when the store has no conversation of that id. */
  public Optional<ConversationView> conversation(String id) {
    List<TurnView> turns = new ArrayList<>();
    rows(
        TURNS,
        Map.of("id", NodeFactory.createLiteralString(id)),
        row ->
            turns.add(
                new TurnView(
                    row.getResource("turn").getURI(),
                    row.getLiteral("index").getInt(),
                    text(row, "speaker"),
                    text(row, "role"),
                    text(row, "time"),
                    text(row, "text"))));
    if (turns.isEmpty()) {
      return Optional.empty();
    }
    String title =
        conversations().stream()
            .filter(c -> c.id().equals(id))
            .map(ConversationSummary::title)
            .findFirst()
            .orElse(id);
    return Optional.of(new ConversationView(id, title, turns));
  }

  /**
   * Extraction status, read from the store's registry of named graphs: each extractor writes one
   * graph per turn ({@link Iris#extractionGraph}), even when it found nothing there, so a turn
   * without one is pending. Conversations in id order; extractors in name order.
   *
   * @param running the extractors the import pipeline runs now (as their names appear in graph
   *     names): the ones turns can be pending for
   */
  public ExtractionView extraction(Collection<String> running) {
    Map<String, Map<String, Set<Integer>>> done = new HashMap<>();
    for (GraphEntry entry : store.graphs()) {
      Iris.extractionGraphName(entry.name())
          .ifPresent(
              name ->
                  done.computeIfAbsent(name.conversationId(), k -> new TreeMap<>())
                      .computeIfAbsent(name.extractor(), k -> new HashSet<>())
                      .add(name.turnIndex()));
    }
    Set<String> extractors = new TreeSet<>(running);
    done.values().forEach(byExtractor -> extractors.addAll(byExtractor.keySet()));
    Map<String, Integer> totalDone = new TreeMap<>();
    Map<String, Integer> totalPending = new TreeMap<>();
    int[] totalTurns = {0};
    List<ExtractionStatus> conversations = new ArrayList<>();
    rows(
        EXTRACTION_TURNS,
        Map.of(),
        row -> {
          String id = text(row, "id");
          int turns = row.getLiteral("turns").getInt();
          Map<String, Integer> extracted = new TreeMap<>();
          done.getOrDefault(id, Map.of())
              .forEach((name, indexes) -> extracted.put(name, indexes.size()));
          Map<String, Integer> pending = new TreeMap<>();
          for (String name : new TreeSet<>(running)) {
            pending.put(name, Math.max(0, turns - extracted.getOrDefault(name, 0)));
          }
          extracted.forEach((name, n) -> totalDone.merge(name, n, Integer::sum));
          pending.forEach((name, n) -> totalPending.merge(name, n, Integer::sum));
          totalTurns[0] += turns;
          conversations.add(
              new ExtractionStatus(id, text(row, "title"), turns, extracted, pending));
        });
    return new ExtractionView(
        List.copyOf(extractors), totalTurns[0], totalDone, totalPending, conversations);
  }

  private void rows(String query, Map<String, Node> params, Consumer<QuerySolution> each) {
    store.select(
        query,
        params,
        rs -> {
          rs.forEachRemaining(each);
          return null;
        });
  }

  private static String text(QuerySolution row, String var) {
    RDFNode node = row.get(var);
    return node == null
        ? null
        : node.isLiteral() ? node.asLiteral().getLexicalForm() : node.toString();
  }

  private static String resource(String name) {
    try (InputStream in = Dialogues.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "query resource dev/noema/store/" + name + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
