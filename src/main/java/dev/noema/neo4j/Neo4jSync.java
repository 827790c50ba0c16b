package dev.noema.neo4j;

import dev.noema.neo4j.Projector.NodeRow;
import dev.noema.neo4j.Projector.RelRow;
import dev.noema.neo4j.Projector.Rows;
import dev.noema.ontology.Noema;
import dev.noema.store.GraphEntry;
import dev.noema.store.GraphStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.util.FmtUtils;
import org.neo4j.driver.Values;

/**
 * Keeps Neo4j in step with the RDF store, named graph by named graph.
 *
 * <p>Neo4j records each synced graph as a {@code :SyncedGraph {iri, hash, nodes}} node. A sync compares those with the
 * store's registry: graphs removed from the store, or whose hash changed, are first removed from Neo4j; graphs added,
 * or whose hash changed, are then projected. Every node and relationship lists in {@code graphs} the named graphs that
 * state it; removing a graph drops it from those lists and deletes what no other graph still supports (an entity
 * mentioned in two conversations survives the removal of one). A node that survives is refreshed from the store's
 * union graph, so it keeps no label or property that only the removed graph gave it.
 *
 * <p>Relationships hold, aligned with {@code graphs}, the lists {@code _turn}, {@code _conversation}, {@code _extractor}
 * and {@code _confidence} (one entry per supporting graph, {@code ""} or -1 when the graph's fact does not say), from
 * which the readable {@code turns}, {@code conversations}, {@code extractor} (distinct, in graph order) and
 * {@code confidence} (the highest) are recomputed on every change.
 *
 * <p>Crash safety: a batch of whole graphs is written together with their {@code :SyncedGraph} marks in one
 * transaction; removal runs in idempotent batches before the mark is dropped or replaced. A sync interrupted at any
 * point therefore completes on the next run, and a sync with nothing changed writes nothing. Not safe to run twice
 * concurrently on one database.
 */
public final class Neo4jSync {
  private static final int DEFAULT_GRAPHS_PER_TRANSACTION = 256;
  private static final int IRIS_PER_BATCH = 1000;

  private static final String AGGREGATE = """
      WITH r,
        reduce(acc = [], x IN r._turn | CASE WHEN x = '' OR x IN acc THEN acc ELSE acc + x END) AS turns,
        reduce(acc = [], x IN r._conversation | CASE WHEN x = '' OR x IN acc THEN acc ELSE acc + x END) AS conversations,
        reduce(acc = [], x IN r._extractor | CASE WHEN x = '' OR x IN acc THEN acc ELSE acc + x END) AS extractors,
        [c IN r._confidence WHERE c >= 0] AS confidences
      SET r.turns = CASE WHEN size(turns) = 0 THEN null ELSE turns END,
        r.conversations = CASE WHEN size(conversations) = 0 THEN null ELSE conversations END,
        r.extractor = CASE WHEN size(extractors) = 0 THEN null ELSE extractors END,
        r.confidence = CASE WHEN size(confidences) = 0 THEN null
          ELSE reduce(m = confidences[0], c IN confidences | CASE WHEN c > m THEN c ELSE m END) END
      """;

  private final Neo4jConnection neo4j;
  private final GraphMapping mapping;
  private final Projector projector;
  private final int graphsPerTransaction;

  public Neo4jSync(Neo4jConnection neo4j, GraphMapping mapping) {
    this(neo4j, mapping, DEFAULT_GRAPHS_PER_TRANSACTION);
  }

  /** @param graphsPerTransaction how many whole named graphs one write transaction projects (at least 1) */
  public Neo4jSync(Neo4jConnection neo4j, GraphMapping mapping, int graphsPerTransaction) {
    if (graphsPerTransaction < 1) {
      throw new IllegalArgumentException("graphsPerTransaction must be at least 1: " + graphsPerTransaction);
    }
    this.neo4j = neo4j;
    this.mapping = mapping;
    this.projector = new Projector(mapping);
    this.graphsPerTransaction = graphsPerTransaction;
  }

  /**
   * Creates, when absent, the unique constraints on {@code :Resource(iri)} and {@code :SyncedGraph(iri)} and the
   * full-text index {@code noema_text} on labels, turn text and statements, and waits until they are online.
   */
  public void createSchema() {
    String text = String.join(", ", List.of("label", mapping.propertyName(Noema.canonicalLabel),
        mapping.propertyName(Noema.text), mapping.propertyName(Noema.statement)).stream()
        .map(p -> "n." + quote(p)).toList());
    for (String statement : List.of(
        "CREATE CONSTRAINT noema_resource_iri IF NOT EXISTS FOR (n:" + GraphMapping.RESOURCE
            + ") REQUIRE n.iri IS UNIQUE",
        "CREATE CONSTRAINT noema_synced_graph_iri IF NOT EXISTS FOR (g:" + GraphMapping.SYNCED_GRAPH
            + ") REQUIRE g.iri IS UNIQUE",
        "CREATE FULLTEXT INDEX noema_text IF NOT EXISTS FOR (n:" + GraphMapping.RESOURCE + ") ON EACH [" + text + "]")) {
      neo4j.write(tx -> tx.run(statement).consume());
    }
    neo4j.read(tx -> tx.run("CALL db.awaitIndexes(300)").consume());
  }

  /** Projects what changed in {@code store} since the last sync. See the class comment for the semantics. */
  public SyncSummary sync(GraphStore store) {
    long start = System.nanoTime();
    createSchema();
    Map<String, String> synced = neo4j.read(tx -> tx.run(
            "MATCH (g:" + GraphMapping.SYNCED_GRAPH + ") RETURN g.iri AS iri, g.hash AS hash").list().stream()
        .collect(Collectors.toMap(r -> r.get("iri").asString(), r -> r.get("hash").asString(""))));
    List<GraphEntry> toProject = new ArrayList<>();
    List<String> toRemove = new ArrayList<>();
    int added = 0;
    int replaced = 0;
    Set<String> inStore = new HashSet<>();
    for (GraphEntry entry : store.graphs()) {
      String iri = entry.name().getURI();
      inStore.add(iri);
      String hash = synced.get(iri);
      if (hash == null) {
        added++;
        toProject.add(entry);
      } else if (!hash.equals(entry.contentHash())) {
        replaced++;
        toRemove.add(iri);
        toProject.add(entry);
      }
    }
    int removed = 0;
    for (String iri : new TreeMap<>(synced).keySet()) {
      if (!inStore.contains(iri)) {
        removed++;
        toRemove.add(iri);
      }
    }
    Counts counts = new Counts();
    for (String graph : toRemove) {
      remove(store, graph, !inStore.contains(graph), counts);
    }
    Map<String, String> conversationOfTurn = new HashMap<>();
    for (int i = 0; i < toProject.size(); i += graphsPerTransaction) {
      project(store, toProject.subList(i, Math.min(toProject.size(), i + graphsPerTransaction)), true,
          conversationOfTurn, counts);
    }
    int unchanged = inStore.size() - added - replaced;
    return new SyncSummary(added, replaced, removed, unchanged, counts.nodes, counts.relationships,
        Duration.ofNanos(System.nanoTime() - start));
  }

  /** Two graphs' views of one node: labels united, the later graph's property values winning. */
  private static NodeRow union(NodeRow a, NodeRow b) {
    Set<String> labels = new TreeSet<>(a.labels());
    labels.addAll(b.labels());
    Map<String, Object> props = new LinkedHashMap<>(a.props());
    props.putAll(b.props());
    return new NodeRow(a.iri(), labels, props);
  }

  /** Mutable tallies of one sync. */
  static final class Counts {
    long nodes;
    long relationships;
  }

  /**
   * Projects whole graphs in one write transaction, and marks them synced in it when {@code mark} is set (package
   * visible so that tests can leave graphs projected but unmarked, as a crash before the mark would have).
   */
  void project(GraphStore store, List<GraphEntry> entries, boolean mark, Map<String, String> conversationOfTurn,
      Counts counts) {
    Map<Node, List<Triple>> triples = readGraphs(store, entries.stream().map(GraphEntry::name).toList());
    // One row per node and per relationship, however many graphs of the batch state it: a statement whose rows
    // touched one entity twice could read its lists before an earlier row's write (the planner may go eager).
    Map<String, NodeRow> nodes = new TreeMap<>();
    Map<String, List<String>> nodeGraphs = new HashMap<>();
    Map<String, RelRow> rels = new TreeMap<>();
    Map<String, List<Map<String, Object>>> relContributions = new HashMap<>();
    List<Map<String, Object>> marks = new ArrayList<>();
    List<RelRow> allRels = new ArrayList<>();
    List<String> relGraphs = new ArrayList<>();
    for (GraphEntry entry : entries) {
      String graph = entry.name().getURI();
      Rows rows = projector.project(entry.name(), triples.getOrDefault(entry.name(), List.of()));
      for (NodeRow n : rows.nodes()) {
        nodes.merge(n.iri(), n, Neo4jSync::union);
        nodeGraphs.computeIfAbsent(n.iri(), k -> new ArrayList<>()).add(graph);
      }
      for (RelRow r : rows.relationships()) {
        allRels.add(r);
        relGraphs.add(graph);
      }
      marks.add(Map.of("iri", graph, "hash", entry.contentHash(),
          "nodes", rows.nodes().stream().map(NodeRow::iri).toList()));
    }
    resolveConversations(store, allRels, conversationOfTurn);
    for (int i = 0; i < allRels.size(); i++) {
      RelRow r = allRels.get(i);
      String key = r.type() + ' ' + r.start() + ' ' + r.end();
      rels.putIfAbsent(key, r);
      relContributions.computeIfAbsent(key, k -> new ArrayList<>()).add(Map.of(
          "g", relGraphs.get(i), "turn", r.turn(),
          "conversation", conversationOfTurn.getOrDefault(r.turn(), Projector.NONE),
          "extractor", r.extractor(), "confidence", r.confidence()));
    }
    Map<Set<String>, List<Map<String, Object>>> nodesByLabels = new TreeMap<>(GraphMapping::compareLabelSets);
    nodes.forEach((iri, n) -> nodesByLabels.computeIfAbsent(n.labels(), k -> new ArrayList<>())
        .add(Map.of("iri", iri, "gs", nodeGraphs.get(iri), "props", n.props())));
    Map<String, List<Map<String, Object>>> relsByType = new TreeMap<>();
    rels.forEach((key, r) -> relsByType.computeIfAbsent(r.type(), k -> new ArrayList<>())
        .add(Map.of("s", r.start(), "o", r.end(), "cs", relContributions.get(key))));
    neo4j.write(tx -> {
      nodesByLabels.forEach((labels, rows) -> tx.run("""
          UNWIND $rows AS row
          MERGE (n:%s {iri: row.iri})
          SET n += row.props
          SET n.graphs = coalesce(n.graphs, []) + [g IN row.gs WHERE NOT g IN coalesce(n.graphs, [])]
          %s
          """.formatted(GraphMapping.RESOURCE, setLabels(labels)), Values.parameters("rows", rows)).consume());
      relsByType.forEach((type, rows) -> tx.run("""
          UNWIND $rows AS row
          MATCH (a:%1$s {iri: row.s})
          MATCH (b:%1$s {iri: row.o})
          MERGE (a)-[r:%2$s]->(b)
          WITH r, row, coalesce(r.graphs, []) AS gs, [c IN row.cs | c.g] AS added
          WITH r, row, [i IN range(0, size(gs) - 1) WHERE NOT gs[i] IN added] AS keep
          SET r.graphs = [i IN keep | r.graphs[i]] + [c IN row.cs | c.g],
            r._turn = [i IN keep | r._turn[i]] + [c IN row.cs | c.turn],
            r._conversation = [i IN keep | r._conversation[i]] + [c IN row.cs | c.conversation],
            r._extractor = [i IN keep | r._extractor[i]] + [c IN row.cs | c.extractor],
            r._confidence = [i IN keep | r._confidence[i]] + [c IN row.cs | c.confidence]
          """.formatted(GraphMapping.RESOURCE, quote(type)) + AGGREGATE, Values.parameters("rows", rows)).consume());
      if (mark) {
        tx.run("UNWIND $marks AS m MERGE (s:" + GraphMapping.SYNCED_GRAPH
            + " {iri: m.iri}) SET s.hash = m.hash, s.nodes = m.nodes", Values.parameters("marks", marks)).consume();
      }
      return null;
    });
    counts.nodes += nodes.size();
    counts.relationships += rels.size();
  }

  /**
   * Removes one graph's support from Neo4j, in idempotent batches of the nodes it was last synced with, then drops its
   * mark when the store no longer has it.
   */
  private void remove(GraphStore store, String graph, boolean dropMark, Counts counts) {
    List<String> iris = neo4j.read(tx -> tx.run("MATCH (s:" + GraphMapping.SYNCED_GRAPH
        + " {iri: $g}) RETURN s.nodes AS nodes", Values.parameters("g", graph)).single().get("nodes")
        .asList(v -> v.asString(), List.of()));
    for (int i = 0; i < iris.size(); i += IRIS_PER_BATCH) {
      List<String> batch = iris.subList(i, Math.min(iris.size(), i + IRIS_PER_BATCH));
      List<String> survivors = neo4j.read(tx -> tx.run("""
          UNWIND $iris AS iri
          MATCH (n:%s {iri: iri}) WHERE $g IN n.graphs AND size(n.graphs) > 1
          RETURN n.iri AS iri
          """.formatted(GraphMapping.RESOURCE), Values.parameters("iris", batch, "g", graph)).list(r -> r.get(0).asString()));
      Map<Set<String>, List<Map<String, Object>>> refreshed = new TreeMap<>(GraphMapping::compareLabelSets);
      for (NodeRow n : unionNodes(store, survivors)) {
        refreshed.computeIfAbsent(n.labels(), k -> new ArrayList<>()).add(Map.of("iri", n.iri(), "props", n.props()));
      }
      Map<String, Object> params = Map.of("iris", batch, "g", graph);
      neo4j.write(tx -> {
        tx.run("""
            UNWIND $iris AS iri
            MATCH (:%s {iri: iri})-[r]->() WHERE r.graphs = [$g]
            DELETE r
            """.formatted(GraphMapping.RESOURCE), params).consume();
        tx.run("""
            UNWIND $iris AS iri
            MATCH (:%s {iri: iri})-[r]->() WHERE $g IN r.graphs
            WITH r, [i IN range(0, size(r.graphs) - 1) WHERE r.graphs[i] <> $g] AS keep
            SET r.graphs = [i IN keep | r.graphs[i]],
              r._turn = [i IN keep | r._turn[i]],
              r._conversation = [i IN keep | r._conversation[i]],
              r._extractor = [i IN keep | r._extractor[i]],
              r._confidence = [i IN keep | r._confidence[i]]
            """.formatted(GraphMapping.RESOURCE) + AGGREGATE, params).consume();
        tx.run("""
            UNWIND $iris AS iri
            MATCH (n:%s {iri: iri}) WHERE n.graphs = [$g]
            DETACH DELETE n
            """.formatted(GraphMapping.RESOURCE), params).consume();
        refreshed.forEach((labels, rows) -> tx.run("""
            UNWIND $rows AS row
            MATCH (n:%s {iri: row.iri}) WHERE $g IN n.graphs
            WITH n, row, [x IN n.graphs WHERE x <> $g] AS gs
            SET n = row.props
            SET n.iri = row.iri, n.graphs = gs
            %s
            %s
            """.formatted(GraphMapping.RESOURCE, removeLabels(), setLabels(labels)),
            Values.parameters("rows", rows, "g", graph)).consume());
        return null;
      });
      counts.nodes += survivors.size();
    }
    if (dropMark) {
      neo4j.write(tx -> tx.run("MATCH (s:" + GraphMapping.SYNCED_GRAPH + " {iri: $g}) DELETE s",
          Values.parameters("g", graph)).consume());
    }
  }

  /** The named graphs' triples, read in one store transaction; graphs without triples are absent. */
  private static Map<Node, List<Triple>> readGraphs(GraphStore store, List<Node> graphs) {
    Map<Node, List<Triple>> triples = new HashMap<>();
    StreamRDF sink = new StreamRDFBase() {
      @Override
      public void quad(Quad quad) {
        triples.computeIfAbsent(quad.getGraph(), k -> new ArrayList<>()).add(quad.asTriple());
      }
    };
    sink.start();
    store.read(graphs, sink);
    sink.finish();
    return triples;
  }

  /** Nodes rebuilt from everything the store's union graph says about these resources, in the given order. */
  private List<NodeRow> unionNodes(GraphStore store, List<String> iris) {
    if (iris.isEmpty()) {
      return List.of();
    }
    Map<String, List<Triple>> about = new LinkedHashMap<>();
    iris.forEach(iri -> about.put(iri, new ArrayList<>()));
    // The IRIs come from our own store and are written as SPARQL terms by Jena's formatter, not spliced as text.
    String values = iris.stream().map(iri -> FmtUtils.stringForNode(NodeFactory.createURI(iri)))
        .collect(Collectors.joining(" "));
    store.select("SELECT ?s ?p ?o WHERE { VALUES ?s { " + values + " } ?s ?p ?o }", Map.of(), rs -> {
      while (rs.hasNext()) {
        Binding b = rs.nextBinding();
        Node s = b.get(Var.alloc("s"));
        about.get(s.getURI()).add(Triple.create(s, b.get(Var.alloc("p")), b.get(Var.alloc("o"))));
      }
      return null;
    });
    List<NodeRow> rows = new ArrayList<>();
    about.forEach((iri, triples) -> rows.add(projector.node(iri, triples)));
    return rows;
  }

  /** Looks up, in the store, the conversation of every turn not yet in {@code conversationOfTurn}. */
  private static void resolveConversations(GraphStore store, List<RelRow> rels, Map<String, String> conversationOfTurn) {
    List<String> unknown = rels.stream().map(RelRow::turn)
        .filter(t -> !t.equals(Projector.NONE) && !conversationOfTurn.containsKey(t)).distinct().toList();
    for (int i = 0; i < unknown.size(); i += IRIS_PER_BATCH) {
      List<String> batch = unknown.subList(i, Math.min(unknown.size(), i + IRIS_PER_BATCH));
      batch.forEach(t -> conversationOfTurn.put(t, Projector.NONE));
      String values = batch.stream().map(iri -> FmtUtils.stringForNode(NodeFactory.createURI(iri)))
          .collect(Collectors.joining(" "));
      store.select("SELECT ?t ?c WHERE { VALUES ?t { " + values + " } ?t "
          + FmtUtils.stringForNode(Noema.inConversation) + " ?c }", Map.of(), rs -> {
            while (rs.hasNext()) {
              Binding b = rs.nextBinding();
              conversationOfTurn.put(b.get(Var.alloc("t")).getURI(), b.get(Var.alloc("c")).getURI());
            }
            return null;
          });
    }
  }

  private String removeLabels() {
    Set<String> all = mapping.allLabels();
    return all.isEmpty() ? "" : "REMOVE n:" + all.stream().map(Neo4jSync::quote).collect(Collectors.joining(":"));
  }

  private static String setLabels(Set<String> labels) {
    return labels.isEmpty() ? "" : "SET n:" + labels.stream().map(Neo4jSync::quote).collect(Collectors.joining(":"));
  }

  /** A label, type or property name from the ontology as a Cypher identifier. */
  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
