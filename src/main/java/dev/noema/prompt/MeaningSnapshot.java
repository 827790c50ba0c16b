package dev.noema.prompt;

import dev.noema.ontology.Iris;
import dev.noema.ontology.Noema;
import dev.noema.ontology.OntologyModel;
import dev.noema.prompt.ContextFact.Kind;
import dev.noema.store.GraphEntry;
import dev.noema.store.GraphStore;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * The meaning layer of a store read into memory once: entities with their labels, the reified
 * relation facts and interpretations with their quoted evidence, the turns they cite, and an
 * undirected weighted adjacency over the entities for ranking. Immutable and thread-safe once
 * built.
 *
 * <p>Only facts with at least one grounding in a turn become {@link Item}s: a fact the reader
 * cannot check is never put into a prompt.
 */
final class MeaningSnapshot {

  /** A literal with its language tag ("" when untagged). */
  record LangText(String text, String lang) {}

  /** A meaning entity (interpretations included) with the texts it can be found by. */
  record Entity(
      int id,
      String iri,
      String type,
      String canonicalLabel,
      List<LangText> labels,
      List<LangText> altLabels,
      List<LangText> definitions,
      List<LangText> statements) {

    /**
     * The label to show for {@code lang} ("ru", "en"): a label in that language, else the canonical
     * label.
     */
    String label(String lang) {
      for (LangText l : labels) {
        if (l.lang().startsWith(lang)) {
          return l.text();
        }
      }
      if (canonicalLabel != null) {
        return canonicalLabel;
      }
      return labels.isEmpty() ? Iris.localName(iri) : labels.get(0).text();
    }
  }

  /**
   * A candidate context fact: a relation (subject, predicate, object), an interpretation (node =
   * the interpretation, subject = concept, object = perspective) or a definition of one entity.
   * {@code nodes} are the entity ids it involves, used for ranking.
   */
  record Item(
      String key,
      Kind kind,
      int subject,
      String predicate,
      int object,
      int node,
      String text,
      double confidence,
      List<Evidence> evidence) {

    int[] nodes() {
      return switch (kind) {
        case RELATION -> new int[] {subject, object};
        case INTERPRETATION -> new int[] {node, subject, object};
        case DEFINITION -> new int[] {node};
      };
    }
  }

  private static final String PREFIXES =
      "PREFIX rdf: <"
          + RDF.getURI()
          + ">\nPREFIX rdfs: <"
          + RDFS.getURI()
          + ">\nPREFIX noema: <"
          + Noema.NS
          + ">\nPREFIX oa: <"
          + OA.NS
          + ">\nPREFIX skos: <"
          + SKOS.uri
          + ">\nPREFIX dcterms: <"
          + DCTerms.NS
          + ">\n";

  private final String fingerprint;
  private final List<Entity> entities;
  private final Map<String, Integer> idByIri;
  private final List<Item> items;
  private final int[][] neighbours;
  private final double[][] weights;
  private final int[][] itemsByNode;

  private MeaningSnapshot(String fingerprint, List<Entity> entities, List<Item> items) {
    this.fingerprint = fingerprint;
    this.entities = List.copyOf(entities);
    this.idByIri = new HashMap<>();
    for (Entity e : entities) {
      idByIri.put(e.iri(), e.id());
    }
    this.items = List.copyOf(items);
    List<Map<Integer, Double>> adjacency = new ArrayList<>(entities.size());
    for (int i = 0; i < entities.size(); i++) {
      adjacency.add(new TreeMap<>());
    }
    for (Item item : items) {
      if (item.kind() == Kind.RELATION) {
        link(adjacency, item.subject(), item.object(), item.confidence());
      } else if (item.kind() == Kind.INTERPRETATION) {
        link(adjacency, item.node(), item.subject(), 1.0);
        link(adjacency, item.node(), item.object(), 1.0);
      }
    }
    List<List<Integer>> incidence = new ArrayList<>(entities.size());
    for (int i = 0; i < entities.size(); i++) {
      incidence.add(new ArrayList<>(2));
    }
    for (int i = 0; i < items.size(); i++) {
      for (int node : items.get(i).nodes()) {
        incidence.get(node).add(i);
      }
    }
    this.itemsByNode = new int[entities.size()][];
    for (int i = 0; i < entities.size(); i++) {
      itemsByNode[i] = incidence.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    this.neighbours = new int[entities.size()][];
    this.weights = new double[entities.size()][];
    for (int i = 0; i < entities.size(); i++) {
      Map<Integer, Double> row = adjacency.get(i);
      neighbours[i] = row.keySet().stream().mapToInt(Integer::intValue).toArray();
      weights[i] = row.values().stream().mapToDouble(Double::doubleValue).toArray();
    }
  }

  private static void link(List<Map<Integer, Double>> adjacency, int a, int b, double weight) {
    if (a != b) {
      adjacency.get(a).merge(b, weight, Double::sum);
      adjacency.get(b).merge(a, weight, Double::sum);
    }
  }

  /**
   * A hash of the store's registry (graph names and content hashes): it changes whenever any graph
   * changes.
   */
  static String fingerprint(GraphStore store) {
    MessageDigest digest = DigestUtils.getSha256Digest();
    for (GraphEntry entry : store.graphs()) {
      DigestUtils.updateDigest(digest, entry.name().getURI() + " " + entry.contentHash() + "\n");
    }
    return Hex.encodeHexString(digest.digest());
  }

  /**
   * Reads the meaning layer of {@code store}; the meaning classes are those the ontology puts under
   * MeaningEntity.
   */
  static MeaningSnapshot load(GraphStore store, OntologyModel ontology) {
    return load(store, ontology, fingerprint(store));
  }

  /**
   * As {@link #load(GraphStore, OntologyModel)}, for a caller that has just read the store's
   * fingerprint.
   */
  static MeaningSnapshot load(GraphStore store, OntologyModel ontology, String fingerprint) {
    String classes =
        ontology.classes().stream()
            .filter(c -> ontology.isSubClassOf(c.iri(), Noema.MeaningEntity.getURI()))
            .map(c -> "<" + c.iri() + ">")
            .sorted()
            .collect(Collectors.joining(" "));
    Map<String, EntityBuilder> builders = new TreeMap<>();
    select(
        store,
        "SELECT ?e ?type WHERE { VALUES ?type { " + classes + " } ?e a ?type }",
        row -> {
          EntityBuilder b =
              builders.computeIfAbsent(row.getResource("e").getURI(), EntityBuilder::new);
          b.type = mostSpecific(ontology, b.type, row.getResource("type").getURI());
        });
    select(
        store,
        "SELECT ?e ?p ?v WHERE { VALUES ?p { rdfs:label skos:altLabel skos:definition noema:canonicalLabel"
            + " noema:statement } ?e ?p ?v FILTER(isLiteral(?v)) }",
        row -> {
          EntityBuilder b = builders.get(row.getResource("e").getURI());
          if (b != null) {
            Literal v = row.getLiteral("v");
            LangText text = new LangText(v.getLexicalForm(), v.getLanguage().toLowerCase());
            Node p = row.getResource("p").asNode();
            if (p.equals(RDFS.label.asNode())) {
              b.labels.add(text);
            } else if (p.equals(SKOS.altLabel.asNode())) {
              b.altLabels.add(text);
            } else if (p.equals(SKOS.definition.asNode())) {
              b.definitions.add(text);
            } else if (p.equals(Noema.canonicalLabel)) {
              b.canonicalLabel = text.text();
            } else {
              b.statements.add(text);
            }
          }
        });
    Map<String, SourceTurn> turns = new HashMap<>();
    select(
        store,
        "SELECT DISTINCT ?turn ?c ?title ?index ?speaker ?time ?mid WHERE { { ?target oa:hasSource ?turn }"
            + " UNION { ?entity noema:mentionedInTurn ?turn }"
            + " OPTIONAL { ?turn noema:inConversation ?c OPTIONAL { ?c dcterms:title ?title } }"
            + " OPTIONAL { ?turn noema:turnIndex ?index } OPTIONAL { ?turn noema:speakerName ?speaker }"
            + " OPTIONAL { ?turn noema:timestamp ?time } OPTIONAL { ?turn noema:messageId ?mid } }",
        row -> {
          String iri = row.getResource("turn").getURI();
          turns.putIfAbsent(
              iri,
              new SourceTurn(
                  iri,
                  uri(row.get("c")),
                  string(row, "title"),
                  row.contains("index") ? row.getLiteral("index").getInt() : -1,
                  string(row, "speaker"),
                  instant(string(row, "time")),
                  string(row, "mid")));
        });
    Map<String, List<Evidence>> evidence = new HashMap<>();
    select(
        store,
        "SELECT DISTINCT ?body ?turn ?quote WHERE { ?g oa:hasBody ?body ; oa:hasTarget ?t ."
            + " ?t oa:hasSource ?turn OPTIONAL { ?t oa:hasSelector ?sel . ?sel oa:exact ?quote } }",
        row -> {
          if (row.get("body").isURIResource() || row.get("body").isAnon()) {
            String turn = row.getResource("turn").getURI();
            evidence
                .computeIfAbsent(key(row.get("body")), k -> new ArrayList<>())
                .add(
                    new Evidence(
                        turns.getOrDefault(turn, SourceTurn.unknown(turn)), string(row, "quote")));
          }
        });
    select(
        store,
        "SELECT ?e ?turn WHERE { ?e noema:mentionedInTurn ?turn }",
        row -> {
          String turn = row.getResource("turn").getURI();
          EntityBuilder b = builders.get(row.getResource("e").getURI());
          if (b != null) {
            b.mentions.add(turns.getOrDefault(turn, SourceTurn.unknown(turn)));
          }
        });
    List<Entity> entities = new ArrayList<>(builders.size());
    Map<String, Integer> ids = new HashMap<>();
    for (EntityBuilder b : builders.values()) {
      ids.put(b.iri, entities.size());
      entities.add(b.build(entities.size()));
    }
    List<Item> items = new ArrayList<>();
    Set<String> skipped = Set.of(Noema.interprets.getURI(), Noema.fromPerspective.getURI());
    Map<String, RelationBuilder> relations = new TreeMap<>();
    select(
        store,
        "SELECT ?f ?s ?p ?o ?conf WHERE { ?f a noema:Fact ; rdf:subject ?s ; rdf:predicate ?p ;"
            + " rdf:object ?o OPTIONAL { ?f noema:confidence ?conf } }",
        row -> {
          Integer s = ids.get(uri(row.get("s")));
          Integer o = ids.get(uri(row.get("o")));
          String p = uri(row.get("p"));
          List<Evidence> found = evidence.get(key(row.get("f")));
          if (s != null && o != null && p != null && !skipped.contains(p) && found != null) {
            RelationBuilder r =
                relations.computeIfAbsent(
                    entities.get(s).iri() + " " + p + " " + entities.get(o).iri(),
                    k -> new RelationBuilder(s, p, o));
            r.confidence =
                Math.max(
                    r.confidence, row.contains("conf") ? row.getLiteral("conf").getDouble() : 0.5);
            found.forEach(
                e -> {
                  if (!r.evidence.contains(e)) r.evidence.add(e);
                });
          }
        });
    relations.forEach(
        (key, r) ->
            items.add(
                new Item(
                    key,
                    Kind.RELATION,
                    r.subject,
                    r.predicate,
                    r.object,
                    -1,
                    null,
                    r.confidence,
                    sorted(r.evidence))));
    select(
        store,
        "SELECT ?i ?c ?p WHERE { ?i a noema:Interpretation ; noema:interprets ?c ;"
            + " noema:fromPerspective ?p }",
        row -> {
          Integer i = ids.get(row.getResource("i").getURI());
          Integer c = ids.get(uri(row.get("c")));
          Integer p = ids.get(uri(row.get("p")));
          List<Evidence> found = evidence.get(row.getResource("i").getURI());
          if (i != null && c != null && p != null && found != null) {
            Entity e = entities.get(i);
            LangText statement =
                e.statements().isEmpty() ? new LangText(e.label("en"), "") : e.statements().get(0);
            items.add(
                new Item(
                    e.iri(),
                    Kind.INTERPRETATION,
                    c,
                    Noema.interprets.getURI(),
                    p,
                    i,
                    statement.text(),
                    1.0,
                    sorted(found)));
          }
        });
    for (Entity e : entities) {
      if (!e.definitions().isEmpty() && !Noema.Interpretation.getURI().equals(e.type())) {
        List<Evidence> found = new ArrayList<>(evidence.getOrDefault(e.iri(), List.of()));
        builders.get(e.iri()).mentions.forEach(t -> found.add(new Evidence(t, null)));
        if (!found.isEmpty()) {
          LangText d = e.definitions().get(0);
          items.add(
              new Item(
                  e.iri() + " definition",
                  Kind.DEFINITION,
                  e.id(),
                  null,
                  -1,
                  e.id(),
                  d.text(),
                  1.0,
                  sorted(found)));
        }
      }
    }
    items.sort(Comparator.comparing(Item::key));
    return new MeaningSnapshot(fingerprint, entities, items);
  }

  private static List<Evidence> sorted(List<Evidence> evidence) {
    Map<String, Evidence> unique = new LinkedHashMap<>();
    evidence.stream()
        .sorted(
            Comparator.comparing((Evidence e) -> e.quote() == null ? 1 : 0)
                .thenComparing(e -> e.turn().iri()))
        .forEach(e -> unique.putIfAbsent(e.turn().iri() + "\u0000" + e.quote(), e));
    return List.copyOf(unique.values());
  }

  private static String mostSpecific(OntologyModel ontology, String current, String candidate) {
    if (current == null || ontology.isSubClassOf(candidate, current)) {
      return candidate;
    }
    return current;
  }

  private static void select(
      GraphStore store, String query, java.util.function.Consumer<QuerySolution> action) {
    store.select(
        PREFIXES + query,
        Map.<String, Node>of(),
        (ResultSet rs) -> {
          rs.forEachRemaining(action);
          return null;
        });
  }

  private static String key(RDFNode node) {
    return node.isURIResource()
        ? node.asResource().getURI()
        : "_:" + node.asResource().getId().getLabelString();
  }

  private static String uri(RDFNode node) {
    return node != null && node.isURIResource() ? node.asResource().getURI() : null;
  }

  private static String string(QuerySolution row, String var) {
    RDFNode n = row.get(var);
    return n != null && n.isLiteral() ? n.asLiteral().getLexicalForm() : null;
  }

  private static Instant instant(String text) {
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  String fingerprint() {
    return fingerprint;
  }

  List<Entity> entities() {
    return entities;
  }

  Entity entity(int id) {
    return entities.get(id);
  }

  Integer id(String iri) {
    return idByIri.get(iri);
  }

  List<Item> items() {
    return items;
  }

  int[] neighbours(int id) {
    return neighbours[id];
  }

  double[] weights(int id) {
    return weights[id];
  }

  /** Indexes into {@link #items()} of the items that involve entity {@code id}. */
  int[] itemsOf(int id) {
    return itemsByNode[id];
  }

  private static final class EntityBuilder {
    final String iri;
    String type;
    String canonicalLabel;
    final List<LangText> labels = new ArrayList<>();
    final List<LangText> altLabels = new ArrayList<>();
    final List<LangText> definitions = new ArrayList<>();
    final List<LangText> statements = new ArrayList<>();
    final List<SourceTurn> mentions = new ArrayList<>();

    EntityBuilder(String iri) {
      this.iri = iri;
    }

    Entity build(int id) {
      Comparator<LangText> order =
          Comparator.comparing(LangText::lang).thenComparing(LangText::text);
      labels.sort(order);
      altLabels.sort(order);
      definitions.sort(order);
      statements.sort(order);
      mentions.sort(Comparator.comparing(SourceTurn::iri));
      return new Entity(
          id,
          iri,
          type,
          canonicalLabel,
          List.copyOf(labels),
          List.copyOf(altLabels),
          List.copyOf(definitions),
          List.copyOf(statements));
    }
  }

  private static final class RelationBuilder {
    final int subject;
    final String predicate;
    final int object;
    double confidence;
    final List<Evidence> evidence = new ArrayList<>();

    RelationBuilder(int subject, String predicate, int object) {
      this.subject = subject;
      this.predicate = predicate;
      this.object = object;
    }
  }
}
