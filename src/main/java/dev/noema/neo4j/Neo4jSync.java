package dev.noema.neo4j;

import dev.noema.neo4j.Projector.NodeRow;
import dev.noema.neo4j.Projector.RelRow;
import dev.noema.neo4j.Projector.Rows;
import dev.noema.ontology.Noema;
import dev.noema.store.GraphEntry;
import dev.noema.store.GraphStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;

/**
 * Keeps Neo4j in step with the RDF store, named graph by named graph.
 *
 * <p>Neo4j records each synced graph as a {@code :SyncedGraph {iri, hash, nodes}} node ({@code
 * nodes}: the IRIs of the nodes the graph projected). A sync compares those with the store's
 * registry: graphs removed from the store, or whose hash changed, are first removed from Neo4j (all
 * of them together, in batches); graphs added, or whose hash changed, are then projected.
 *
 * <p>Support: nodes carry no list of the graphs that state them (a participant is in every
 * conversation, so such lists grow with the store and made every write slower). When graphs are
 * removed, the store, the source of truth, says which of their nodes some other named graph still
 * states (as a subject, or as the object of an ontology object property): those survive and are
 * rebuilt from the store's union graph, so they keep no label or property that only the removed
 * graphs gave them; the others are deleted with their relationships. An entity mentioned in two
 * conversations survives the removal of one.
 *
 * <p>List properties ({@link GraphMapping#isList}, {@link GraphMapping#ALL_LABELS}) gather the
 * values of every graph synced, distinct and sorted; single values are the last synced graph's.
 * Survivors of a removal are rebuilt from the store, so a removed graph's values leave their lists.
 *
 * <p>Relationships record their support in {@code _sources}, one entry per stating graph ({@code
 * graph TAB turn TAB conversation TAB extractor TAB confidence}, empty fields and -1 when the
 * graph's fact does not say; most relationships have one), from which the readable {@code turns},
 * {@code conversations}, {@code extractor} (distinct, in graph order) and {@code confidence} (the
 * highest) are recomputed on every change, in Java: the relationships a change touches are read,
 * recomputed and written back by element id in the same transaction. (Computed in Cypher, the
 * aggregation made the removal and merge statements cost seconds of query planning in every new
 * process, so that a small incremental sync took several times as long as its writes.)
 *
 * <p>Crash safety: a batch of whole graphs is written together with their {@code :SyncedGraph}
 * marks in one transaction; removal runs in idempotent batches before the marks are dropped or
 * replaced. A sync interrupted at any point therefore completes on the next run, and a sync with
 * nothing changed writes nothing. Not safe to run twice concurrently on one database.
 */
public final class Neo4jSync {
  private static final int DEFAULT_GRAPHS_PER_TRANSACTION = 256;
  private static final int IRIS_PER_BATCH = 2000;

  /**
   * Below this many relationship rows in a transaction, planning a statement per type costs more
   * than it saves.
   */
  private static final int DYNAMIC_TYPE_BELOW = 500;

  /** Separates the fields of one {@code _sources} entry; IRIs and extractor names hold no tab. */
  private static final String TAB = "\t";

  /**
   * Replaces a relationship's properties, found by element id (a seek, planned once; the readable
   * properties are computed in Java, see {@link #aggregate}).
   */
  private static final String SET_BY_ID =
      "UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.id SET r = row.props";

  /**
   * What a sync reads first: the marks, and whether any node is projected. One statement, because
   * in a fresh process every distinct statement is planned once, which costs more than running it;
   * the first one planned also loads the Cypher compiler (see {@link #prepare}).
   */
  private static final String STATE =
      "MATCH (g:%s) WITH collect([g.iri, g.hash]) AS marks RETURN marks, NOT EXISTS { MATCH (:%s) }"
              .formatted(GraphMapping.SYNCED_GRAPH, GraphMapping.RESOURCE)
          + " AS empty";

  private final Neo4jConnection neo4j;
  private final GraphMapping mapping;
  private final Projector projector;
  private final int graphsPerTransaction;

  /**
   * The store query that says which of {@code ?s} some named graph still states; see {@link
   * #supported}.
   */
  private final String supportedQuery;

  public Neo4jSync(Neo4jConnection neo4j, GraphMapping mapping) {
    this(neo4j, mapping, DEFAULT_GRAPHS_PER_TRANSACTION);
  }

  /**
   * @param graphsPerTransaction how many whole named graphs one write transaction projects (at
   *     least 1)
   */
  public Neo4jSync(Neo4jConnection neo4j, GraphMapping mapping, int graphsPerTransaction) {
    if (graphsPerTransaction < 1) {
      throw new IllegalArgumentException(
          "graphsPerTransaction must be at least 1: " + graphsPerTransaction);
    }
    this.neo4j = neo4j;
    this.mapping = mapping;
    this.projector = new Projector(mapping);
    this.graphsPerTransaction = graphsPerTransaction;
    String objectProperties =
        mapping.objectProperties().stream()
            .map(iri -> FmtUtils.stringForNode(NodeFactory.createURI(iri)))
            .collect(Collectors.joining(" "));
    this.supportedQuery =
        "SELECT ?s WHERE { VALUES ?s { %s } FILTER(EXISTS { GRAPH ?g { ?s ?p ?o } }"
            + " || EXISTS { VALUES ?q { "
            + objectProperties
            + " } GRAPH ?g { ?x ?q ?s } }) }";
  }

  /**
   * Creates, when absent, the unique constraints on {@code :Resource(iri)} and {@code
   * :SyncedGraph(iri)} and the full-text index {@code noema_text} on labels, turn text and
   * statements, and waits until they are online.
   */
  public void createSchema() {
    String text =
        String.join(
            ", ",
            List.of(
                    "label",
                    mapping.propertyName(Noema.canonicalLabel),
                    mapping.propertyName(Noema.text),
                    mapping.propertyName(Noema.statement))
                .stream()
                .map(p -> "n." + quote(p))
                .toList());
    for (String statement :
        List.of(
            "CREATE CONSTRAINT noema_resource_iri IF NOT EXISTS FOR (n:"
                + GraphMapping.RESOURCE
                + ") REQUIRE n.iri IS UNIQUE",
            "CREATE CONSTRAINT noema_synced_graph_iri IF NOT EXISTS FOR (g:"
                + GraphMapping.SYNCED_GRAPH
                + ") REQUIRE g.iri IS UNIQUE",
            "CREATE FULLTEXT INDEX noema_text IF NOT EXISTS FOR (n:"
                + GraphMapping.RESOURCE
                + ") ON EACH ["
                + text
                + "]")) {
      neo4j.write(tx -> tx.run(statement).consume());
    }
    neo4j.read(tx -> tx.run("CALL db.awaitIndexes(300)").consume());
  }

  /**
   * Runs the statement a sync starts with, so that a sync that follows in this process finds its
   * plan cached and the Cypher compiler loaded (the first statement planned in a process costs
   * seconds). Reads only.
   */
  public static void prepare(Neo4jConnection neo4j) {
    neo4j.read(tx -> tx.run(STATE).consume());
  }

  /**
   * Projects what changed in {@code store} since the last sync. See the class comment for the
   * semantics.
   */
  public SyncSummary sync(GraphStore store) {
    long start = System.nanoTime();
    Map<String, String> synced = new HashMap<>();
    boolean noNodes =
        neo4j.read(
            tx -> {
              Record state = tx.run(STATE).single();
              for (Value mark : state.get("marks").values()) {
                synced.put(mark.get(0).asString(), mark.get(1).asString(""));
              }
              return state.get("empty").asBoolean();
            });
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
    List<String> dropped = new ArrayList<>();
    for (String iri : new TreeSet<>(synced.keySet())) {
      if (!inStore.contains(iri)) {
        dropped.add(iri);
        toRemove.add(iri);
      }
    }
    boolean work = !toRemove.isEmpty() || !toProject.isEmpty();
    if (work && synced.isEmpty()) {
      // The first sync into a database creates the schema, before it writes any mark: a database
      // with marks has it (in a fresh process the schema statements cost seconds even when all
      // exists).
      createSchema();
    }
    Run run = new Run(work && toRemove.isEmpty() && noNodes);
    remove(store, toRemove, run);
    for (int i = 0; i < dropped.size(); i += IRIS_PER_BATCH) {
      List<String> batch = dropped.subList(i, Math.min(dropped.size(), i + IRIS_PER_BATCH));
      neo4j.write(
          tx ->
              tx.run(
                      "UNWIND $gs AS g MATCH (s:"
                          + GraphMapping.SYNCED_GRAPH
                          + " {iri: g}) DELETE s",
                      Values.parameters("gs", batch))
                  .consume());
    }
    for (int i = 0; i < toProject.size(); i += graphsPerTransaction) {
      project(
          store,
          toProject.subList(i, Math.min(toProject.size(), i + graphsPerTransaction)),
          true,
          run);
    }
    int unchanged = inStore.size() - added - replaced;
    return new SyncSummary(
        added,
        replaced,
        dropped.size(),
        unchanged,
        run.nodes,
        run.relationships,
        Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * Two graphs' views of one node: labels and lists united, the later graph's single values
   * winning.
   */
  private static NodeRow union(NodeRow a, NodeRow b) {
    Set<String> labels = new TreeSet<>(a.labels());
    labels.addAll(b.labels());
    Map<String, Object> props = new LinkedHashMap<>(a.props());
    props.putAll(b.props());
    Map<String, List<Object>> lists = new LinkedHashMap<>(a.lists());
    b.lists()
        .forEach(
            (name, values) ->
                lists.merge(
                    name,
                    values,
                    (x, y) -> {
                      Set<Object> both = new TreeSet<>(Comparator.comparing(String::valueOf));
                      both.addAll(x);
                      both.addAll(y);
                      return List.copyOf(both);
                    }));
    return new NodeRow(a.iri(), labels, props, lists);
  }

  /**
   * The state of one sync: tallies, the conversations of turns looked up so far and, when the
   * database held no projected node as the sync began, what this sync has written: a node or
   * relationship not written yet is then known to be new and is created, not merged (a merge looks
   * it up first, and merges lists and sources).
   */
  static final class Run {
    private final boolean fresh;
    private final Map<String, String> conversationOfTurn = new HashMap<>();
    private final Set<String> writtenNodes = new HashSet<>();
    private final Set<String> writtenRelationships = new HashSet<>();
    private long nodes;
    private long relationships;

    /**
     * @param fresh whether the database holds no projected node (nothing to merge with)
     */
    Run(boolean fresh) {
      this.fresh = fresh;
    }
  }

  /**
   * Projects whole graphs in one write transaction, and marks them synced in it when {@code mark}
   * is set (package visible so that tests can leave graphs projected but unmarked, as a crash
   * before the mark would have).
   */
  void project(GraphStore store, List<GraphEntry> entries, boolean mark, Run run) {
    Map<Node, List<Triple>> triples =
        readGraphs(store, entries.stream().map(GraphEntry::name).toList());
    // One row per node and per relationship, however many graphs of the batch state it: a statement
    // whose rows
    // touched one entity twice could read its properties before an earlier row's write (the planner
    // may go eager).
    Map<String, NodeRow> nodes = new TreeMap<>();
    Map<String, RelRow> rels = new TreeMap<>();
    Map<String, List<String>> relGraphs = new HashMap<>();
    Map<String, List<String>> relSources = new HashMap<>();
    List<Map<String, Object>> marks = new ArrayList<>();
    List<RelRow> allRels = new ArrayList<>();
    List<String> allRelGraphs = new ArrayList<>();
    for (GraphEntry entry : entries) {
      String graph = entry.name().getURI();
      Rows rows = projector.project(entry.name(), triples.getOrDefault(entry.name(), List.of()));
      for (NodeRow n : rows.nodes()) {
        nodes.merge(n.iri(), n, Neo4jSync::union);
      }
      for (RelRow r : rows.relationships()) {
        allRels.add(r);
        allRelGraphs.add(graph);
      }
      marks.add(
          Map.of(
              "iri",
              graph,
              "hash",
              entry.contentHash(),
              "nodes",
              rows.nodes().stream().map(NodeRow::iri).toList()));
    }
    resolveConversations(store, allRels, run.conversationOfTurn);
    for (int i = 0; i < allRels.size(); i++) {
      RelRow r = allRels.get(i);
      String key = r.type() + ' ' + r.start() + ' ' + r.end();
      rels.putIfAbsent(key, r);
      relGraphs.computeIfAbsent(key, k -> new ArrayList<>()).add(allRelGraphs.get(i));
      relSources
          .computeIfAbsent(key, k -> new ArrayList<>())
          .add(
              String.join(
                  TAB,
                  allRelGraphs.get(i),
                  r.turn(),
                  run.conversationOfTurn.getOrDefault(r.turn(), Projector.NONE),
                  r.extractor(),
                  confidence(r.confidence())));
    }
    List<Map<String, Object>> newNodes = new ArrayList<>();
    List<Map<String, Object>> mergedNodes = new ArrayList<>();
    nodes.forEach(
        (iri, n) -> {
          if (run.fresh && !run.writtenNodes.contains(iri)) {
            newNodes.add(
                Map.of("iri", iri, "labels", List.copyOf(n.labels()), "props", n.properties()));
          } else {
            mergedNodes.add(
                Map.of(
                    "iri",
                    iri,
                    "labels",
                    List.copyOf(n.labels()),
                    "props",
                    n.props(),
                    "lists",
                    n.lists()));
          }
        });
    List<Map<String, Object>> newRels = new ArrayList<>();
    List<Map<String, Object>> mergedRels = new ArrayList<>();
    rels.forEach(
        (key, r) -> {
          if (run.fresh && !run.writtenRelationships.contains(key)) {
            newRels.add(
                Map.of(
                    "type",
                    r.type(),
                    "s",
                    r.start(),
                    "o",
                    r.end(),
                    "props",
                    aggregate(relSources.get(key))));
          } else {
            mergedRels.add(
                Map.of(
                    "key",
                    key,
                    "type",
                    r.type(),
                    "s",
                    r.start(),
                    "o",
                    r.end(),
                    "gs",
                    relGraphs.get(key)));
          }
        });
    neo4j.write(
        tx -> {
          // Dynamic labels and property keys: one statement, so one query plan, whatever the label
          // sets.
          runOver(
              tx,
              """
          UNWIND $rows AS row
          CREATE (n:%s {iri: row.iri})
          SET n += row.props, n:$(row.labels)
          """
                  .formatted(GraphMapping.RESOURCE),
              "rows",
              newNodes);
          // A list gains the batch's values beside those of graphs synced before, distinct and
          // sorted.
          runOver(
              tx,
              """
          UNWIND $rows AS row
          MERGE (n:%s {iri: row.iri})
          SET n += row.props, n:$(row.labels)
          FOREACH (k IN keys(row.lists) |
            SET n[k] = COLLECT { UNWIND coalesce(n[k], []) + row.lists[k] AS v RETURN DISTINCT v ORDER BY v })
          """
                  .formatted(GraphMapping.RESOURCE),
              "rows",
              mergedNodes);
          // A relationship already projected keeps the sources of other graphs; the others are new
          // to this database.
          List<Map<String, Object>> created = new ArrayList<>(newRels);
          List<Map<String, Object>> updated = new ArrayList<>();
          Map<String, Map<String, Object>> absent = new LinkedHashMap<>();
          mergedRels.forEach(row -> absent.put((String) row.get("key"), row));
          (mergedRels.isEmpty()
                  ? List.<Record>of().iterator()
                  : tx.run(
                      """
          UNWIND $rows AS row
          MATCH (:%1$s {iri: row.s})-[r]->(:%1$s {iri: row.o})
          WHERE type(r) = row.type
          RETURN row.key AS key, row.gs AS gs, elementId(r) AS id, r._sources AS sources
          """
                          .formatted(GraphMapping.RESOURCE),
                      Values.parameters("rows", mergedRels)))
              .forEachRemaining(
                  rec -> {
                    String key = rec.get("key").asString();
                    absent.remove(key);
                    List<String> sources =
                        without(
                            rec.get("sources").asList(Value::asString, List.of()),
                            rec.get("gs").asList(Value::asString));
                    sources.addAll(relSources.get(key));
                    updated.add(
                        Map.of("id", rec.get("id").asString(), "props", aggregate(sources)));
                  });
          absent.forEach(
              (key, row) ->
                  created.add(
                      Map.of(
                          "type",
                          row.get("type"),
                          "s",
                          row.get("s"),
                          "o",
                          row.get("o"),
                          "props",
                          aggregate(relSources.get(key)))));
          byType(created)
              .forEach(
                  (type, rows) ->
                      tx.run(
                              """
          UNWIND $rows AS row
          MATCH (a:%1$s {iri: row.s})
          MATCH (b:%1$s {iri: row.o})
          CREATE (a)-[r:%2$s]->(b)
          SET r = row.props
          """
                                  .formatted(GraphMapping.RESOURCE, type),
                              Values.parameters("rows", rows))
                          .consume());
          runOver(tx, SET_BY_ID, "rows", updated);
          if (mark) {
            runOver(
                tx,
                "UNWIND $marks AS m MERGE (s:"
                    + GraphMapping.SYNCED_GRAPH
                    + " {iri: m.iri}) SET s.hash = m.hash, s.nodes = m.nodes",
                "marks",
                marks);
          }
          return null;
        });
    if (run.fresh) {
      // Only once committed: a retried or failed transaction must not leave rows believed written.
      run.writtenNodes.addAll(nodes.keySet());
      run.writtenRelationships.addAll(rels.keySet());
    }
    run.nodes += nodes.size();
    run.relationships += rels.size();
  }

  /**
   * Runs a statement that unwinds the list parameter {@code name}, unless the list is empty: in a
   * fresh process a statement costs its planning (up to seconds), even with nothing to do.
   */
  private static void runOver(TransactionContext tx, String statement, String name, List<?> rows) {
    if (!rows.isEmpty()) {
      tx.run(statement, Values.parameters(name, rows)).consume();
    }
  }

  /**
   * Relationship rows by the type a statement names: few rows go in one statement with a dynamic
   * type (one plan to compile); many in one statement per type, whose plan writes much faster than
   * a dynamic type's (Neo4jSyncBenchmark at 100k triples: 1.8x the floor against 5x). Empty for no
   * rows.
   */
  private static Map<String, List<Map<String, Object>>> byType(List<Map<String, Object>> rows) {
    Map<String, List<Map<String, Object>>> byType = new TreeMap<>();
    if (rows.isEmpty()) {
      return byType;
    }
    if (rows.size() < DYNAMIC_TYPE_BELOW) {
      byType.put("$(row.type)", rows);
    } else {
      rows.forEach(
          row ->
              byType
                  .computeIfAbsent(quote((String) row.get("type")), k -> new ArrayList<>())
                  .add(row));
    }
    return byType;
  }

  /**
   * A relationship's properties from its {@code _sources} (in graph order, at least one): the
   * sources themselves and the readable {@code turns}, {@code conversations}, {@code extractor} and
   * {@code confidence}, each absent when no source says.
   */
  private static Map<String, Object> aggregate(List<String> sources) {
    Set<String> turns = new LinkedHashSet<>();
    Set<String> conversations = new LinkedHashSet<>();
    Set<String> extractors = new LinkedHashSet<>();
    double best = -1;
    for (String source : sources) {
      String[] fields = source.split(TAB, -1);
      addUnlessNone(turns, fields[1]);
      addUnlessNone(conversations, fields[2]);
      addUnlessNone(extractors, fields[3]);
      best = Math.max(best, Double.parseDouble(fields[4]));
    }
    Map<String, Object> props = new HashMap<>();
    props.put("_sources", sources);
    if (!turns.isEmpty()) {
      props.put("turns", List.copyOf(turns));
    }
    if (!conversations.isEmpty()) {
      props.put("conversations", List.copyOf(conversations));
    }
    if (!extractors.isEmpty()) {
      props.put("extractor", List.copyOf(extractors));
    }
    if (best >= 0) {
      props.put("confidence", best);
    }
    return props;
  }

  /**
   * The sources whose graph (first field) is none of {@code graphs}, in their order; a new, mutable
   * list.
   */
  private static List<String> without(List<String> sources, List<String> graphs) {
    Set<String> drop = new HashSet<>(graphs);
    List<String> kept = new ArrayList<>(sources.size());
    for (String source : sources) {
      if (!drop.contains(source.substring(0, source.indexOf(TAB)))) {
        kept.add(source);
      }
    }
    return kept;
  }

  private static void addUnlessNone(Set<String> values, String value) {
    if (!value.equals(Projector.NONE)) {
      values.add(value);
    }
  }

  /**
   * A confidence as the text Cypher's {@code toFloat} reads back to the same double; -1 when
   * unknown.
   */
  private static String confidence(double value) {
    return value < 0 ? "-1" : Double.toString(value);
  }

  /**
   * Removes the support of these graphs from Neo4j, all together, in idempotent batches of the
   * nodes they were last synced with: their entries leave the relationships' {@code _sources} (a
   * relationship left with none is deleted); nodes the store no longer states anywhere are deleted;
   * the others are rebuilt from the store's union graph. Marks are left to the caller.
   */
  private void remove(GraphStore store, List<String> graphs, Run run) {
    if (graphs.isEmpty()) {
      return;
    }
    // Which removed graphs listed each node: a relationship loses only the sources of those graphs.
    Map<String, List<String>> graphsOfNode = new TreeMap<>();
    for (int i = 0; i < graphs.size(); i += IRIS_PER_BATCH) {
      List<String> batch = graphs.subList(i, Math.min(graphs.size(), i + IRIS_PER_BATCH));
      neo4j.read(
          tx -> {
            tx.run(
                    "UNWIND $gs AS g MATCH (s:"
                        + GraphMapping.SYNCED_GRAPH
                        + " {iri: g}) RETURN s.iri, s.nodes",
                    Values.parameters("gs", batch))
                .forEachRemaining(
                    r -> {
                      String graph = r.get(0).asString();
                      for (Object iri : r.get(1).asList()) {
                        graphsOfNode
                            .computeIfAbsent((String) iri, k -> new ArrayList<>())
                            .add(graph);
                      }
                    });
            return null;
          });
    }
    List<String> iris = new ArrayList<>(graphsOfNode.keySet());
    for (int i = 0; i < iris.size(); i += IRIS_PER_BATCH) {
      List<String> batch = iris.subList(i, Math.min(iris.size(), i + IRIS_PER_BATCH));
      Set<String> supported = supported(store, batch);
      List<Map<String, Object>> sourceRows = new ArrayList<>(batch.size());
      List<String> unsupported = new ArrayList<>();
      List<String> survivors = new ArrayList<>();
      for (String iri : batch) {
        sourceRows.add(Map.of("iri", iri, "gs", graphsOfNode.get(iri)));
        (supported.contains(iri) ? survivors : unsupported).add(iri);
      }
      List<Map<String, Object>> refreshed = new ArrayList<>(survivors.size());
      for (NodeRow n : unionNodes(store, survivors)) {
        refreshed.add(
            Map.of("iri", n.iri(), "labels", List.copyOf(n.labels()), "props", n.properties()));
      }
      neo4j.write(
          tx -> {
            // The relationships these graphs support lose those graphs' sources; one left with none
            // is deleted.
            List<String> emptied = new ArrayList<>();
            List<Map<String, Object>> updated = new ArrayList<>();
            tx.run(
                    """
            UNWIND $rows AS row
            MATCH (:%s {iri: row.iri})-[r]->()
            WHERE any(x IN r._sources WHERE split(x, '	')[0] IN row.gs)
            RETURN row.gs AS gs, elementId(r) AS id, r._sources AS sources
            """
                        .formatted(GraphMapping.RESOURCE),
                    Values.parameters("rows", sourceRows))
                .forEachRemaining(
                    rec -> {
                      List<String> kept =
                          without(
                              rec.get("sources").asList(Value::asString),
                              rec.get("gs").asList(Value::asString));
                      if (kept.isEmpty()) {
                        emptied.add(rec.get("id").asString());
                      } else {
                        updated.add(
                            Map.of("id", rec.get("id").asString(), "props", aggregate(kept)));
                      }
                    });
            runOver(
                tx,
                "UNWIND $ids AS id MATCH ()-[r]->() WHERE elementId(r) = id DELETE r",
                "ids",
                emptied);
            runOver(tx, SET_BY_ID, "rows", updated);
            runOver(
                tx,
                "UNWIND $iris AS iri MATCH (n:"
                    + GraphMapping.RESOURCE
                    + " {iri: iri}) DETACH DELETE n",
                "iris",
                unsupported);
            runOver(
                tx,
                """
            UNWIND $rows AS row
            MATCH (n:%s {iri: row.iri})
            WITH n, row, [l IN labels(n) WHERE l <> '%s' AND NOT l IN row.labels] AS stale
            SET n = row.props, n.iri = row.iri, n:$(row.labels)
            REMOVE n:$(stale)
            """
                    .formatted(GraphMapping.RESOURCE, GraphMapping.RESOURCE),
                "rows",
                refreshed);
            return null;
          });
      run.nodes += survivors.size();
    }
  }

  /**
   * Which of these IRIs some named graph of the store still states, as a subject or as an object of
   * a relationship.
   */
  private Set<String> supported(GraphStore store, List<String> iris) {
    Set<String> supported = new HashSet<>();
    store.select(
        supportedQuery.formatted(values(iris)),
        Map.of(),
        rs -> {
          while (rs.hasNext()) {
            supported.add(rs.nextBinding().get(Var.alloc("s")).getURI());
          }
          return null;
        });
    return supported;
  }

  /**
   * IRIs from our own store, written as SPARQL terms by Jena's formatter, not spliced as raw text.
   */
  private static String values(List<String> iris) {
    return iris.stream()
        .map(iri -> FmtUtils.stringForNode(NodeFactory.createURI(iri)))
        .collect(Collectors.joining(" "));
  }

  /**
   * The named graphs' triples, read in one store transaction; graphs without triples are absent.
   */
  private static Map<Node, List<Triple>> readGraphs(GraphStore store, List<Node> graphs) {
    Map<Node, List<Triple>> triples = new HashMap<>();
    StreamRDF sink =
        new StreamRDFBase() {
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

  /**
   * Nodes rebuilt from everything the store's union graph says about these resources, in the given
   * order.
   */
  private List<NodeRow> unionNodes(GraphStore store, List<String> iris) {
    if (iris.isEmpty()) {
      return List.of();
    }
    Map<String, List<Triple>> about = new LinkedHashMap<>();
    iris.forEach(iri -> about.put(iri, new ArrayList<>()));
    store.select(
        "SELECT ?s ?p ?o WHERE { VALUES ?s { " + values(iris) + " } ?s ?p ?o }",
        Map.of(),
        rs -> {
          while (rs.hasNext()) {
            Binding b = rs.nextBinding();
            Node s = b.get(Var.alloc("s"));
            about
                .get(s.getURI())
                .add(Triple.create(s, b.get(Var.alloc("p")), b.get(Var.alloc("o"))));
          }
          return null;
        });
    List<NodeRow> rows = new ArrayList<>();
    about.forEach((iri, triples) -> rows.add(projector.node(iri, triples)));
    return rows;
  }

  /**
   * Looks up, in the store, the conversation of every turn not yet in {@code conversationOfTurn}.
   */
  private static void resolveConversations(
      GraphStore store, List<RelRow> rels, Map<String, String> conversationOfTurn) {
    List<String> unknown =
        rels.stream()
            .map(RelRow::turn)
            .filter(t -> !t.equals(Projector.NONE) && !conversationOfTurn.containsKey(t))
            .distinct()
            .toList();
    for (int i = 0; i < unknown.size(); i += IRIS_PER_BATCH) {
      List<String> batch = unknown.subList(i, Math.min(unknown.size(), i + IRIS_PER_BATCH));
      batch.forEach(t -> conversationOfTurn.put(t, Projector.NONE));
      store.select(
          "SELECT ?t ?c WHERE { VALUES ?t { "
              + values(batch)
              + " } ?t "
              + FmtUtils.stringForNode(Noema.inConversation)
              + " ?c }",
          Map.of(),
          rs -> {
            while (rs.hasNext()) {
              Binding b = rs.nextBinding();
              conversationOfTurn.put(
                  b.get(Var.alloc("t")).getURI(), b.get(Var.alloc("c")).getURI());
            }
            return null;
          });
    }
  }

  /** A label, type or property name from the ontology as a Cypher identifier. */
  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
