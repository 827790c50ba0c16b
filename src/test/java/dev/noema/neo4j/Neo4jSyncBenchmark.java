package dev.noema.neo4j;

import dev.noema.identity.EntityIris;
import dev.noema.neo4j.Projector.NodeRow;
import dev.noema.neo4j.Projector.RelRow;
import dev.noema.neo4j.Projector.Rows;
import dev.noema.ontology.Iris;
import dev.noema.ontology.Noema;
import dev.noema.ontology.OntologyModel;
import dev.noema.store.GraphChange;
import dev.noema.store.GraphContent;
import dev.noema.store.GraphEntry;
import dev.noema.store.Tdb2GraphStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.neo4j.driver.Values;

/**
 * Sync throughput on a generated meaning graph of at least a million triples: a bare driver {@code
 * UNWIND ... CREATE} of the same distinct rows (the floor), a full sync, incremental syncs with
 * 0.1%, 1% and 10% of the extraction graphs replaced (in that order, on the same database), and a
 * sync with nothing changed. Each run gets a fresh embedded Neo4j. Run with a sensible heap, e.g.
 * {@code java -Xmx3g}.
 *
 * <p>Arguments: {@code [minTriples] [seed]}, default 1,000,000 and 42.
 */
public final class Neo4jSyncBenchmark {
  private static final int TURNS = 20;
  private static final int VOCABULARY = 4000;
  private static final int FLOOR_BATCH = 10_000;

  private Neo4jSyncBenchmark() {}

  public static void main(String[] args) throws IOException {
    long minTriples = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    Random random = new Random(args.length > 1 ? Long.parseLong(args[1]) : 42);
    GraphMapping mapping = new GraphMapping(OntologyModel.loadDefault());
    Path work = Files.createTempDirectory("noema-neo4j-bench");

    try (Tdb2GraphStore store = Tdb2GraphStore.inMemory()) {
      long triples = 0;
      int conversations = 0;
      List<String> extractionGraphs = new ArrayList<>();
      while (triples < minTriples) {
        String id = "bench-" + conversations++;
        List<GraphContent> graphs = new ArrayList<>();
        graphs.add(conversation(id));
        for (int turn = 0; turn < TURNS; turn++) {
          graphs.add(extraction(id, turn, random, "a"));
          extractionGraphs.add(graphs.get(graphs.size() - 1).name().getURI());
        }
        triples += graphs.stream().mapToLong(g -> g.triples().size()).sum();
        store.apply(new GraphChange(List.of(), List.of(), graphs));
      }
      System.out.printf(
          Locale.ROOT,
          "store: %,d triples in %,d named graphs (%,d conversations)%n",
          triples,
          store.graphs().size(),
          conversations);

      Result floor;
      try (Neo4jConnection neo4j =
          Neo4jConnection.open(Neo4jTarget.embedded(work.resolve("floor")))) {
        floor = floor(neo4j, mapping, store);
      }
      List<Result> syncs = new ArrayList<>();
      try (Neo4jConnection neo4j =
          Neo4jConnection.open(Neo4jTarget.embedded(work.resolve("sync")))) {
        Neo4jSync sync = new Neo4jSync(neo4j, mapping);
        sync.createSchema();
        syncs.add(measure("full sync", neo4j, () -> sync.sync(store)));
        // Every n-th extraction graph replaced by a new version: 0.1%, 1% and 10% of the extraction
        // graphs.
        for (int every : new int[] {1000, 100, 10}) {
          List<GraphContent> changed = new ArrayList<>();
          for (int i = 0; i < extractionGraphs.size(); i += every) {
            String[] parts = extractionGraphs.get(i).split("/");
            String id = parts[parts.length - 4];
            int turn = Integer.parseInt(parts[parts.length - 2]);
            changed.add(extraction(id, turn, random, "v" + every));
          }
          store.apply(new GraphChange(List.of(), List.of(), changed));
          syncs.add(
              measure(
                  String.format(
                      Locale.ROOT,
                      "incremental %s%% (%,d graphs)",
                      every == 1000 ? "0.1" : Integer.toString(100 / every),
                      changed.size()),
                  neo4j,
                  () -> sync.sync(store)));
        }
        syncs.add(measure("nothing changed", neo4j, () -> sync.sync(store)));
      }
      System.out.println();
      System.out.println("| run | nodes + relationships | seconds | per second | time vs floor |");
      System.out.println("|---|---:|---:|---:|---:|");
      List<Result> rows = new ArrayList<>();
      rows.add(floor);
      rows.addAll(syncs);
      for (Result r : rows) {
        System.out.printf(
            Locale.ROOT,
            "| %s | %,d | %.1f | %,.0f | %.2fx |%n",
            r.name,
            r.written,
            r.seconds,
            r.written / r.seconds,
            r.seconds / floor.seconds);
      }
      Result full = syncs.get(0);
      System.out.printf(
          Locale.ROOT,
          "full sync throughput / floor throughput: %.2f; incremental time / full time:"
              + " %.3f (0.1%%), %.3f (1%%), %.3f (10%%)%n",
          (full.written / full.seconds) / (floor.written / floor.seconds),
          syncs.get(1).seconds / full.seconds,
          syncs.get(2).seconds / full.seconds,
          syncs.get(3).seconds / full.seconds);
    }
  }

  private record Result(String name, long written, double seconds) {}

  private static Result measure(
      String name, Neo4jConnection neo4j, java.util.function.Supplier<SyncSummary> run) {
    SyncSummary summary = run.get();
    System.out.println(name + ": " + summary);
    long written = summary.nodesWritten() + summary.relationshipsWritten();
    return new Result(name, written, summary.elapsed().toNanos() / 1e9);
  }

  /**
   * The floor: the same distinct nodes and relationships, created with a bare UNWIND ... CREATE.
   */
  private static Result floor(Neo4jConnection neo4j, GraphMapping mapping, Tdb2GraphStore store) {
    Projector projector = new Projector(mapping);
    Map<String, NodeRow> nodes = new LinkedHashMap<>();
    Map<String, RelRow> rels = new LinkedHashMap<>();
    List<Node> names = store.graphs().stream().map(GraphEntry::name).toList();
    // In chunks: holding every triple of the store at once beside the in-memory store does not fit
    // a 3 GB heap.
    for (int i = 0; i < names.size(); i += 1000) {
      Map<Node, List<Triple>> byGraph = new HashMap<>();
      store.read(
          names.subList(i, Math.min(names.size(), i + 1000)),
          new StreamRDFBase() {
            @Override
            public void quad(Quad quad) {
              byGraph.computeIfAbsent(quad.getGraph(), k -> new ArrayList<>()).add(quad.asTriple());
            }
          });
      byGraph.forEach(
          (g, triples) -> {
            Rows rows = projector.project(g, triples);
            rows.nodes()
                .forEach(
                    n ->
                        nodes.merge(
                            n.iri(), n, (a, b) -> a.labels().size() >= b.labels().size() ? a : b));
            rows.relationships()
                .forEach(r -> rels.putIfAbsent(r.type() + ' ' + r.start() + ' ' + r.end(), r));
          });
    }
    neo4j.write(
        tx ->
            tx.run(
                    "CREATE CONSTRAINT floor_iri IF NOT EXISTS FOR (n:Resource) REQUIRE n.iri IS UNIQUE")
                .consume());
    long start = System.nanoTime();
    Map<Set<String>, List<Map<String, Object>>> byLabels =
        new TreeMap<>(java.util.Comparator.comparing((Set<String> s) -> String.join(":", s)));
    nodes
        .values()
        .forEach(
            n ->
                byLabels
                    .computeIfAbsent(n.labels(), k -> new ArrayList<>())
                    .add(Map.of("iri", n.iri(), "props", n.properties())));
    byLabels.forEach(
        (labels, rows) -> {
          String cypher =
              "UNWIND $rows AS row CREATE (n:Resource"
                  + labels.stream().map(l -> ":`" + l + "`").collect(Collectors.joining())
                  + ") SET n = row.props, n.iri = row.iri";
          for (List<Map<String, Object>> batch : batches(rows)) {
            neo4j.write(tx -> tx.run(cypher, Values.parameters("rows", batch)).consume());
          }
        });
    Map<String, List<Map<String, Object>>> byType = new TreeMap<>();
    rels.values()
        .forEach(
            r ->
                byType
                    .computeIfAbsent(r.type(), k -> new ArrayList<>())
                    .add(Map.of("s", r.start(), "o", r.end(), "confidence", r.confidence())));
    byType.forEach(
        (type, rows) -> {
          String cypher =
              "UNWIND $rows AS row MATCH (a:Resource {iri: row.s}) MATCH (b:Resource {iri: row.o}) "
                  + "CREATE (a)-[r:`"
                  + type
                  + "`]->(b) SET r.confidence = row.confidence";
          for (List<Map<String, Object>> batch : batches(rows)) {
            neo4j.write(tx -> tx.run(cypher, Values.parameters("rows", batch)).consume());
          }
        });
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "floor: %,d nodes and %,d relationships created in %.1f s%n",
        nodes.size(),
        rels.size(),
        seconds);
    return new Result("floor: bare UNWIND ... CREATE", nodes.size() + rels.size(), seconds);
  }

  private static <T> List<List<T>> batches(List<T> rows) {
    List<List<T>> batches = new ArrayList<>();
    for (int i = 0; i < rows.size(); i += FLOOR_BATCH) {
      batches.add(rows.subList(i, Math.min(rows.size(), i + FLOOR_BATCH)));
    }
    return batches;
  }

  private static GraphContent conversation(String id) {
    List<Triple> t = new ArrayList<>();
    Node conv = Iris.conversation(id);
    Node user = Iris.participant("user", null);
    Node assistant = Iris.participant("assistant", "gpt-4o");
    t.add(Triple.create(conv, RDF.Nodes.type, Noema.Conversation));
    t.add(Triple.create(conv, Noema.conversationId, NodeFactory.createLiteralString(id)));
    t.add(Triple.create(user, RDF.Nodes.type, Noema.HumanParticipant));
    t.add(Triple.create(assistant, RDF.Nodes.type, Noema.AIAssistant));
    for (int i = 0; i < TURNS; i++) {
      Node turn = Iris.turn(id, i);
      t.add(Triple.create(conv, Noema.hasTurn, turn));
      t.add(Triple.create(turn, RDF.Nodes.type, Noema.Turn));
      t.add(Triple.create(turn, Noema.inConversation, conv));
      t.add(
          Triple.create(
              turn,
              Noema.turnIndex,
              NodeFactory.createLiteralDT(Integer.toString(i), XSDDatatype.XSDinteger)));
      t.add(
          Triple.create(
              turn,
              Noema.text,
              NodeFactory.createLiteralString("Turn " + i + " of " + id + " on meaning.")));
      t.add(
          Triple.create(
              turn,
              Noema.timestamp,
              NodeFactory.createLiteralDT(
                  String.format(Locale.ROOT, "2025-03-01T10:%02d:00Z", i),
                  XSDDatatype.XSDdateTime)));
      t.add(Triple.create(turn, Noema.spokenBy, i % 2 == 0 ? user : assistant));
      if (i + 1 < TURNS) {
        t.add(Triple.create(turn, Noema.nextTurn, Iris.turn(id, i + 1)));
      }
    }
    return new GraphContent(Iris.conversationGraph(id), "conv-" + id, t);
  }

  /**
   * Two concepts drawn from a shared vocabulary, mentioned in the turn and related by a grounded
   * fact.
   */
  private static GraphContent extraction(String id, int turnIndex, Random random, String version) {
    List<Triple> t = new ArrayList<>();
    Node turn = Iris.turn(id, turnIndex);
    Node[] entities = new Node[2];
    for (int k = 0; k < 2; k++) {
      String label = "concept " + random.nextInt(VOCABULARY);
      entities[k] = EntityIris.of(label);
      t.add(
          Triple.create(
              entities[k],
              RDF.Nodes.type,
              k == 0 && random.nextInt(5) == 0
                  ? NodeFactory.createURI(Noema.NS + "CognitiveModule")
                  : Noema.Concept));
      t.add(
          Triple.create(entities[k], RDFS.Nodes.label, NodeFactory.createLiteralLang(label, "en")));
      t.add(
          Triple.create(entities[k], Noema.canonicalLabel, NodeFactory.createLiteralString(label)));
      t.add(Triple.create(entities[k], Noema.mentionedInTurn, turn));
    }
    SampleMeaning.fact(
        t,
        entities[0],
        Noema.relatedTo,
        entities[1],
        0.5 + random.nextInt(50) / 100.0,
        "llm",
        turn,
        "quote");
    return new GraphContent(
        Iris.extractionGraph(id, turnIndex, "llm"), version + "-" + id + "-" + turnIndex, t);
  }
}
