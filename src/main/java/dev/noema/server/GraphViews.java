package dev.noema.server;

import dev.noema.extract.LlmExtractor;
import dev.noema.extract.StructuralExtractor;
import dev.noema.kb.KnowledgeBase;
import dev.noema.ontology.Iris;
import dev.noema.ontology.Noema;
import dev.noema.ontology.OntologyModel;
import dev.noema.store.GraphEntry;
import dev.noema.topology.MeaningGraphLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;

/**
 * The read-only views of the knowledge base that the web page shows: the meaning graph, an entity,
 * conversations and their turns. Each view is a few SPARQL queries (files beside this class)
 * through the knowledge base's store; which classes are meaning entities and which properties are
 * relations comes from the ontology. Thread-safe.
 */
final class GraphViews {
  /**
   * A node of the map. {@code kind} picks the shape: concept, module, perspective, person or other;
   * {@code x} and {@code y} are its position on the map ({@link MapLayout}).
   */
  record GraphNode(
      String id,
      String label,
      String kind,
      String type,
      Double pageRank,
      Integer cluster,
      List<String> conversations,
      double x,
      double y) {}

  record GraphEdge(String source, String target, String relation) {}

  /** The meaning graph with the values the page filters by. */
  record GraphView(
      List<GraphNode> nodes,
      List<GraphEdge> edges,
      List<String> relations,
      List<String> conversations) {}

  record Interpretation(
      String perspective, String perspectiveLabel, String statement, String turn) {}

  /**
   * A quote grounding an entity or a fact about it: {@code start} and {@code end} are its offsets
   * in the turn's text in code points (null for groundings written before offsets were), {@code
   * similarity} is set for a quote found by alignment.
   */
  record Evidence(
      String quote,
      String turn,
      String conversation,
      Integer turnIndex,
      String speaker,
      Integer start,
      Integer end,
      Double similarity) {}

  record Neighbour(String direction, String relation, String iri, String label) {}

  /**
   * One entity: {@code aliases} maps a language tag ("" for none) to its labels, first the
   * preferred.
   */
  record EntityView(
      String iri,
      String label,
      String type,
      List<String> definitions,
      Map<String, List<String>> aliases,
      List<Interpretation> interpretations,
      List<Evidence> evidence,
      List<Neighbour> neighbours) {}

  record Match(String iri, String label, String kind) {}

  record SearchResult(String query, List<Match> matches, List<Match> didYouMean) {}

  record ConversationSummary(String id, String title, int turns, String started) {}

  record TurnView(String iri, int index, String speaker, String role, String time, String text) {}

  record ConversationView(String id, String title, List<TurnView> turns) {}

  /**
   * How far extraction has got in one conversation.
   *
   * @param turns the turns on its active branch (what extraction covers)
   * @param extracted per extractor that has run on it, the turns it has extracted (extractor names
   *     as in graph names)
   * @param pending per extractor the import pipeline runs now (structural, and llm when a provider
   *     is configured), the turns it has not extracted yet
   */
  record ExtractionStatus(
      String id,
      String title,
      int turns,
      Map<String, Integer> extracted,
      Map<String, Integer> pending) {}

  /**
   * Extraction over the whole knowledge base: the totals of {@link ExtractionStatus}, then each
   * conversation.
   */
  record ExtractionView(
      List<String> extractors,
      int turns,
      Map<String, Integer> extracted,
      Map<String, Integer> pending,
      List<ExtractionStatus> conversations) {}

  private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

  private final KnowledgeBase kb;
  private final OntologyModel ontology;

  /**
   * The topology package's reading of the meaning layer: which classes are nodes, which properties
   * edges.
   */
  private final MeaningGraphLoader meaning;

  private final Set<String> nodeClasses;
  private final Map<String, String> queries = new LinkedHashMap<>();

  /** The last map and the store state it was computed for; guarded by {@code this}. */
  private List<GraphEntry> cachedFor;

  private GraphView cached;

  GraphViews(KnowledgeBase kb) {
    this.kb = kb;
    this.ontology = kb.ontology();
    this.meaning = new MeaningGraphLoader(kb.store(), ontology);
    this.nodeClasses = meaning.entityClasses();
    for (String name :
        List.of(
            "node-types",
            "node-labels",
            "node-ranks",
            "node-clusters",
            "relation",
            "interpretation-edges",
            "node-conversations",
            "entity-labels",
            "entity-interpretations",
            "entity-evidence",
            "entity-neighbours",
            "conversations",
            "turns",
            "extraction-turns")) {
      queries.put(name, resource("queries/" + name + ".rq"));
    }
  }

  /**
   * The meaning graph: every meaning entity except interpretations (drawn as perspective-to-concept
   * edges), laid out. Computed once per state of the store (its registry of named graphs), since
   * the layout takes a while on large maps.
   */
  synchronized GraphView graph() {
    // Synchronized whole: a request during the start-up warm-up waits for it instead of laying the
    // map out again.
    List<GraphEntry> state = kb.store().graphs();
    if (cached == null || !state.equals(cachedFor)) {
      cached = computeGraph();
      cachedFor = state;
    }
    return cached;
  }

  private GraphView computeGraph() {
    Map<String, String> types = new LinkedHashMap<>();
    Map<String, ClassInfo> classes = new HashMap<>();
    rows(
        "node-types",
        Map.of(),
        row -> {
          ClassInfo type =
              classes.computeIfAbsent(row.getResource("type").getURI(), this::classInfo);
          if (type.node()) {
            // The most specific class wins: it has the longest chain of super-classes.
            types.merge(
                row.getResource("e").getURI(),
                type.iri(),
                (a, b) -> classes.get(b).depth() > classes.get(a).depth() ? b : a);
          }
        });
    Map<String, String> labels = new HashMap<>();
    rows(
        "node-labels",
        Map.of(),
        row -> labels.putIfAbsent(row.getResource("e").getURI(), text(row, "value")));
    Map<String, Double> ranks = new HashMap<>();
    rows(
        "node-ranks",
        Map.of(),
        row -> ranks.put(row.getResource("e").getURI(), row.getLiteral("value").getDouble()));
    Map<String, Integer> clusters = new HashMap<>();
    rows(
        "node-clusters",
        Map.of(),
        row -> clusters.put(row.getResource("e").getURI(), row.getLiteral("value").getInt()));
    Map<String, Set<String>> conversations = new TreeMap<>();
    Set<String> allConversations = new TreeSet<>();
    rows(
        "node-conversations",
        Map.of(),
        row -> {
          String id = row.getResource("e").getURI();
          String conversation = row.getLiteral("id").getLexicalForm();
          allConversations.add(conversation);
          if (types.containsKey(id)) {
            conversations.computeIfAbsent(id, k -> new TreeSet<>()).add(conversation);
          }
        });
    List<GraphEdge> edges = new ArrayList<>();
    Set<String> relations = new TreeSet<>();
    for (String p : meaning.relationProperties()) {
      String relation = Iris.localName(p);
      rows(
          "relation",
          Map.of("p", NodeFactory.createURI(p)),
          row -> {
            String s = row.getResource("s").getURI();
            String o = row.getResource("o").getURI();
            if (types.containsKey(s) && types.containsKey(o) && !s.equals(o)) {
              edges.add(new GraphEdge(s, o, relation));
              relations.add(relation);
            }
          });
    }
    String interprets = Iris.localName(Noema.interprets.getURI());
    rows(
        "interpretation-edges",
        Map.of(),
        row -> {
          String p = row.getResource("perspective").getURI();
          String c = row.getResource("concept").getURI();
          if (types.containsKey(p) && types.containsKey(c)) {
            edges.add(new GraphEdge(p, c, interprets));
            relations.add(interprets);
          }
        });
    Map<String, MapLayout.Position> positions =
        MapLayout.layout(
            types.keySet(),
            edges.stream().map(e -> new String[] {e.source(), e.target()}).toList());
    List<GraphNode> nodes = new ArrayList<>();
    types.forEach(
        (id, type) ->
            nodes.add(
                new GraphNode(
                    id,
                    labels.getOrDefault(id, Iris.localName(id)),
                    classes.get(type).kind(),
                    Iris.localName(type),
                    ranks.get(id),
                    clusters.get(id),
                    List.copyOf(conversations.getOrDefault(id, Set.of())),
                    positions.get(id).x(),
                    positions.get(id).y())));
    return new GraphView(nodes, edges, List.copyOf(relations), List.copyOf(allConversations));
  }

  /**
   * Labels that contain the query (case- and accent-insensitive), and the closest labels when none
   * does.
   */
  SearchResult search(String query) {
    String wanted = fold(query);
    List<Match> all =
        graph().nodes().stream().map(n -> new Match(n.id(), n.label(), n.kind())).toList();
    List<Match> matches =
        all.stream()
            .filter(m -> fold(m.label()).contains(wanted))
            .sorted(
                Comparator.comparing((Match m) -> !fold(m.label()).equals(wanted))
                    .thenComparing(m -> m.label().length()))
            .limit(20)
            .toList();
    List<Match> suggestions =
        matches.isEmpty()
            ? all.stream()
                .filter(
                    m ->
                        DISTANCE.apply(fold(m.label()), wanted) <= Math.max(2, wanted.length() / 3))
                .sorted(Comparator.comparing(m -> DISTANCE.apply(fold(m.label()), wanted)))
                .limit(5)
                .toList()
            : List.of();
    return new SearchResult(query, matches, suggestions);
  }

  /** One entity by IRI, or null when the store says nothing about it. */
  EntityView entity(String iri) {
    Map<String, Node> e = Map.of("e", NodeFactory.createURI(iri));
    List<String> definitions = new ArrayList<>();
    Map<String, List<String>> aliases = new TreeMap<>();
    List<String> typeIris = new ArrayList<>();
    String[] label = {null};
    rows(
        "entity-labels",
        e,
        row -> {
          String kind = row.getLiteral("kind").getLexicalForm();
          RDFNode value = row.get("value");
          switch (kind) {
            case "type" -> typeIris.add(value.asResource().getURI());
            case "definition" -> definitions.add(value.asLiteral().getLexicalForm());
            default -> {
              String text = value.asLiteral().getLexicalForm();
              if (kind.equals("canonical")) {
                label[0] = text;
              }
              List<String> list =
                  aliases.computeIfAbsent(value.asLiteral().getLanguage(), k -> new ArrayList<>());
              if (!list.contains(text)) {
                list.add(text);
              }
            }
          }
        });
    if (typeIris.isEmpty() && aliases.isEmpty()) {
      return null;
    }
    String type =
        typeIris.stream()
            .filter(t -> t.startsWith(ontology.namespace()))
            .max(Comparator.comparing(t -> ontology.superClassesOf(t).size()))
            .map(Iris::localName)
            .orElse(null);
    List<Interpretation> interpretations = new ArrayList<>();
    rows(
        "entity-interpretations",
        e,
        row ->
            interpretations.add(
                new Interpretation(
                    row.getResource("perspective").getURI(),
                    text(row, "perspectiveLabel"),
                    text(row, "statement"),
                    row.contains("turn") ? row.getResource("turn").getURI() : null)));
    List<Evidence> evidence = new ArrayList<>();
    rows(
        "entity-evidence",
        e,
        row ->
            evidence.add(
                new Evidence(
                    text(row, "quote"),
                    row.getResource("turn").getURI(),
                    text(row, "conversationId"),
                    row.contains("index") ? row.getLiteral("index").getInt() : null,
                    text(row, "speaker"),
                    row.contains("start") ? row.getLiteral("start").getInt() : null,
                    row.contains("end") ? row.getLiteral("end").getInt() : null,
                    row.contains("similarity") ? row.getLiteral("similarity").getDouble() : null)));
    List<Neighbour> neighbours = new ArrayList<>();
    rows(
        "entity-neighbours",
        e,
        row ->
            neighbours.add(
                new Neighbour(
                    text(row, "direction"),
                    Iris.localName(row.getResource("p").getURI()),
                    row.getResource("other").getURI(),
                    text(row, "label"))));
    return new EntityView(
        iri,
        label[0] == null ? Iris.localName(iri) : label[0],
        type,
        definitions,
        aliases,
        interpretations,
        evidence,
        neighbours);
  }

  List<ConversationSummary> conversations() {
    List<ConversationSummary> result = new ArrayList<>();
    rows(
        "conversations",
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

  /**
   * Extraction status, read from the store's registry of named graphs: each extractor writes one
   * graph per turn ({@link dev.noema.ontology.Iris#extractionGraph}), even when it found nothing
   * there, so a turn without one is pending. Conversations in id order; extractors in name order.
   *
   * @param llmConfigured whether the import pipeline runs the LLM extractor (a provider is
   *     configured)
   */
  ExtractionView extraction(boolean llmConfigured) {
    Map<String, Map<String, Set<Integer>>> done = new HashMap<>();
    String prefix = Noema.GRAPH + "extraction/";
    Pattern graph = Pattern.compile(Pattern.quote(prefix) + "([^/]+)/turn/(\\d+)/([^/]+)");
    for (GraphEntry entry : kb.store().graphs()) {
      Matcher m = graph.matcher(entry.name().getURI());
      if (m.matches()) {
        done.computeIfAbsent(
                URLDecoder.decode(m.group(1), StandardCharsets.UTF_8), k -> new TreeMap<>())
            .computeIfAbsent(m.group(3), k -> new HashSet<>())
            .add(Integer.parseInt(m.group(2)));
      }
    }
    Set<String> running = new TreeSet<>(List.of(StructuralExtractor.NAME));
    if (llmConfigured) {
      running.add(LlmExtractor.NAME);
    }
    Set<String> extractors = new TreeSet<>(running);
    done.values().forEach(byExtractor -> extractors.addAll(byExtractor.keySet()));
    Map<String, Integer> totalDone = new TreeMap<>();
    Map<String, Integer> totalPending = new TreeMap<>();
    int[] totalTurns = {0};
    List<ExtractionStatus> conversations = new ArrayList<>();
    rows(
        "extraction-turns",
        Map.of(),
        row -> {
          String id = text(row, "id");
          int turns = row.getLiteral("turns").getInt();
          Map<String, Integer> extracted = new TreeMap<>();
          done.getOrDefault(id, Map.of())
              .forEach((name, indexes) -> extracted.put(name, indexes.size()));
          Map<String, Integer> pending = new TreeMap<>();
          for (String name : running) {
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

  /** A conversation's turns in order, or null when there is no such conversation. */
  ConversationView conversation(String id) {
    List<TurnView> turns = new ArrayList<>();
    rows(
        "turns",
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
      return null;
    }
    String title =
        conversations().stream()
            .filter(c -> c.id().equals(id))
            .map(ConversationSummary::title)
            .findFirst()
            .orElse(id);
    return new ConversationView(id, title, turns);
  }

  /** What the map needs to know of a class, computed once per class and request. */
  private record ClassInfo(String iri, boolean node, String kind, int depth) {}

  private ClassInfo classInfo(String type) {
    return new ClassInfo(
        type, nodeClasses.contains(type), kind(type), ontology.superClassesOf(type).size());
  }

  /**
   * The shape class of the page: modules and consensus, perspectives, persons, concepts, everything
   * else.
   */
  private String kind(String type) {
    if (ontology.isSubClassOf(type, Noema.CognitiveModule.getURI())
        || ontology.isSubClassOf(type, Noema.ModuleConsensus.getURI())) {
      return "module";
    }
    if (ontology.isSubClassOf(type, Noema.Perspective.getURI())) {
      return "perspective";
    }
    if (ontology.isSubClassOf(type, Noema.Person.getURI())) {
      return "person";
    }
    return ontology.isSubClassOf(type, Noema.Concept.getURI()) ? "concept" : "other";
  }

  private void rows(
      String query, Map<String, Node> params, java.util.function.Consumer<QuerySolution> each) {
    kb.store()
        .select(
            queries.get(query),
            params,
            (Function<ResultSet, Void>)
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

  /** Lower case without accents, for matching labels as people type them. */
  static String fold(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .strip();
  }

  private static String resource(String name) {
    try (InputStream in = GraphViews.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "missing resource " + name + " beside " + GraphViews.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
