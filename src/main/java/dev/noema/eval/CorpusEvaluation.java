package dev.noema.eval;

import dev.noema.eval.ConversationScore.Quote;
import dev.noema.meaning.Grounding;
import dev.noema.meaning.MeaningLayer;
import dev.noema.meaning.MeaningLayers;
import dev.noema.meaning.TurnRef;
import dev.noema.ontology.Iris;
import dev.noema.ontology.OntologyModel;
import dev.noema.prompt.EvalQuestion;
import dev.noema.store.GraphStore;
import dev.noema.text.Text;
import dev.noema.topology.MeaningGraph;
import dev.noema.topology.MeaningGraphs;
import dev.noema.topology.TopologyFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QuerySolution;

/**
 * Scores a knowledge base as stored (what import, extraction and identity resolution wrote) against
 * a corpus's gold, and turns the gold's questions into retrieval questions.
 *
 * <p>Each gold file is matched to one stored conversation: by title ({@link Text#key} equal), else
 * by the file name of the imported source (a transcript has no title). Each matched conversation is
 * scored on the meaning graph restricted to it ({@link TopologyFilter#withConversation}); see
 * {@link ConversationScoring}. Identity is scored on the whole meaning graph ({@link
 * IdentityScoring}). Reads only. Thread-safe: holds only immutable configuration.
 */
public final class CorpusEvaluation {
  private static final String CONVERSATIONS = query("conversations.rq");
  private static final String TURNS = query("turns.rq");

  private final GraphStore store;
  private final GoldTerms terms;
  private final MeaningLayers layers;

  public CorpusEvaluation(GraphStore store, OntologyModel ontology) {
    this.store = Objects.requireNonNull(store, "store");
    this.terms = new GoldTerms(ontology);
    this.layers = MeaningLayers.of(store, ontology);
  }

  /**
   * Scores every gold conversation found in the knowledge base, and the corpus overall. A gold
   * conversation not found (or found twice) is a problem of the report, left out of the totals.
   */
  public CorpusReport score(GoldCorpus corpus) {
    Matches matches = match(corpus);
    List<String> notes = new ArrayList<>(vocabularyNotes(corpus));
    List<ConversationScore> scores = new ArrayList<>();
    MeaningLayer layer = layers.current();
    for (Map.Entry<GoldConversation, String> m : matches.found.entrySet()) {
      GoldConversation gold = m.getKey();
      String id = m.getValue();
      Map<Integer, String> turns = turns(id);
      notes.addAll(goldQuoteNotes(gold, turns));
      MeaningGraph graph = MeaningGraphs.of(layer, TopologyFilter.NONE.withConversation(id));
      scores.add(new ConversationScoring(gold, graph, terms).score(id, turns, quotes(layer, id)));
    }
    IdentityScore identity =
        new IdentityScoring(MeaningGraphs.of(layer, TopologyFilter.NONE)).score(corpus);
    return new CorpusReport(scores, identity, notes, matches.problems);
  }

  /**
   * The gold's questions, each expecting the context to cite the answering turn of the matched
   * conversation ({@link Iris#turn}).
   */
  public CorpusQuestions questions(GoldCorpus corpus) {
    Matches matches = match(corpus);
    List<EvalQuestion> questions = new ArrayList<>();
    List<String> problems = new ArrayList<>(matches.problems);
    for (Map.Entry<GoldConversation, String> m : matches.found.entrySet()) {
      Map<Integer, String> turns = turns(m.getValue());
      for (GoldConversation.Question q : m.getKey().questions()) {
        if (!turns.containsKey(q.turn())) {
          problems.add(
              m.getKey().file()
                  + ": question '"
                  + q.question()
                  + "': conversation "
                  + m.getValue()
                  + " has no turn "
                  + q.turn());
          continue;
        }
        questions.add(
            new EvalQuestion(
                q.question(),
                List.of(),
                List.of(Iris.turn(m.getValue(), q.turn()).getURI()),
                null));
      }
    }
    return new CorpusQuestions(questions, problems);
  }

  /** Gold conversations and the stored conversation each is matched to, and the misses. */
  private static final class Matches {
    final Map<GoldConversation, String> found = new LinkedHashMap<>();
    final List<String> problems = new ArrayList<>();
  }

  private record Stored(String id, String title, String path) {}

  private Matches match(GoldCorpus corpus) {
    List<Stored> stored =
        store.select(
            CONVERSATIONS,
            Map.of(),
            results -> {
              List<Stored> rows = new ArrayList<>();
              while (results.hasNext()) {
                QuerySolution row = results.next();
                rows.add(new Stored(text(row, "id"), text(row, "title"), text(row, "path")));
              }
              return rows;
            });
    Matches matches = new Matches();
    for (GoldConversation gold : corpus.conversations()) {
      String wanted = gold.conversation();
      List<Stored> found =
          stored.stream()
              .filter(s -> s.title() != null && Text.key(s.title()).equals(Text.key(wanted)))
              .toList();
      if (found.isEmpty()) {
        found =
            stored.stream()
                .filter(s -> s.path() != null && fileName(s.path()).equals(fileName(wanted)))
                .toList();
      }
      Set<String> ids = new TreeSet<>(found.stream().map(Stored::id).toList());
      if (ids.size() == 1) {
        matches.found.put(gold, ids.iterator().next());
      } else {
        matches.problems.add(
            gold.file()
                + ": "
                + (ids.isEmpty()
                    ? "no conversation titled or imported from '"
                        + wanted
                        + "' in "
                        + store.location()
                        + " (import the corpus's exports first)"
                    : "'" + wanted + "' matches " + ids.size() + " conversations: " + ids));
      }
    }
    return matches;
  }

  /** The last segment of a path, a path inside an archive ({@code a.zip!b/c.txt}) included. */
  private static String fileName(String path) {
    int cut =
        Math.max(path.lastIndexOf('/'), Math.max(path.lastIndexOf('\\'), path.lastIndexOf('!')));
    return path.substring(cut + 1);
  }

  private Map<Integer, String> turns(String conversationId) {
    return store.select(
        TURNS,
        Map.of("conv", Iris.conversation(conversationId)),
        results -> {
          Map<Integer, String> turns = new TreeMap<>();
          while (results.hasNext()) {
            QuerySolution row = results.next();
            String text = text(row, "text");
            turns.put(row.getLiteral("index").getInt(), text == null ? "" : text);
          }
          return turns;
        });
  }

  /**
   * Every quote grounding something extracted from the conversation (an entity, a fact, an
   * interpretation), with the index of the turn it cites, as the meaning layer reads them.
   */
  private List<Quote> quotes(MeaningLayer layer, String conversationId) {
    List<Grounding> groundings = new ArrayList<>();
    layer.entities().forEach(e -> groundings.addAll(e.groundings()));
    layer.facts().forEach(f -> groundings.addAll(f.groundings()));
    layer.interpretations().forEach(i -> groundings.addAll(i.groundings()));
    List<Quote> quotes = new ArrayList<>();
    for (Grounding g : groundings) {
      TurnRef turn = layer.turn(g.turn()).orElse(null);
      if (g.quote() != null && turn != null && conversationId.equals(turn.conversationId())) {
        quotes.add(new Quote(turn.index(), g.quote()));
      }
    }
    return quotes;
  }

  /** Gold types and predicates the ontology does not define: nothing can match them. */
  private List<String> vocabularyNotes(GoldCorpus corpus) {
    Set<String> types = new TreeSet<>();
    Set<String> predicates = new TreeSet<>();
    for (GoldConversation gold : corpus.conversations()) {
      gold.entities().forEach(e -> types.addAll(e.types()));
      gold.relations().forEach(r -> predicates.add(r.predicate()));
    }
    List<String> notes = new ArrayList<>();
    Set<String> unknownTypes = terms.unknownTypes(types);
    if (!unknownTypes.isEmpty()) {
      notes.add(
          "gold types the ontology does not define (no type is acceptable for them): "
              + String.join(", ", unknownTypes));
    }
    Set<String> unknownPredicates = terms.unknownPredicates(predicates);
    if (!unknownPredicates.isEmpty()) {
      notes.add(
          "gold predicates the ontology does not define (found only by any predicate): "
              + String.join(", ", unknownPredicates));
    }
    return notes;
  }

  /**
   * Gold relation quotes that are not verbatim in the stored turn they cite: the gold and the
   * import number turns differently, so every turn-based score of that file is suspect.
   */
  private static List<String> goldQuoteNotes(GoldConversation gold, Map<Integer, String> turns) {
    List<String> notes = new ArrayList<>();
    for (GoldConversation.Relation r : gold.relations()) {
      String text = turns.get(r.turn());
      if (text == null || !text.contains(r.quote())) {
        notes.add(
            gold.file()
                + ": the quote of "
                + r.subject()
                + " "
                + r.predicate()
                + " "
                + r.object()
                + " is not in stored turn "
                + r.turn()
                + " (turns numbered differently?)");
      }
    }
    return notes;
  }

  private static String text(QuerySolution row, String var) {
    Node n = row.contains(var) ? row.get(var).asNode() : null;
    return n != null && n.isLiteral() ? n.getLiteralLexicalForm() : null;
  }

  private static String query(String name) {
    try (InputStream in = CorpusEvaluation.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "query resource dev/noema/eval/" + name + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
