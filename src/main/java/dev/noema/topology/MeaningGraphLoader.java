package dev.noema.topology;

import dev.noema.ontology.Iris;
import dev.noema.ontology.Noema;
import dev.noema.ontology.OntologyModel;
import dev.noema.ontology.OntologyModel.OntClass;
import dev.noema.ontology.OntologyModel.OntProperty;
import dev.noema.ontology.OntologyModel.PropertyKind;
import dev.noema.store.GraphStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Loads the {@link MeaningGraph} from a {@link GraphStore} with one SPARQL query ({@code
 * meaning-graph.rq}) over the union of the named graphs, then applies a {@link TopologyFilter}.
 *
 * <p>The store holds instance data only, so the vocabulary comes from the {@link OntologyModel}:
 * the vertex classes are the sub-classes of {@code noema:MeaningEntity} except interpretations, the
 * edge properties are the extractable object properties except {@code noema:interprets} and {@code
 * noema:fromPerspective}. Each {@code noema:Interpretation} becomes a relation {@code perspective
 * noema:interprets concept}, so perspectives that interpret the same concepts are connected through
 * them. A relation's weight is the sum, over the {@code noema:Fact}s that reify it, of their {@code
 * noema:weight}, else {@code noema:confidence}, else 1 (1 when no fact reifies it); its evidence is
 * each fact's grounding: the {@code oa:exact} quote and the {@code oa:hasSource} turn.
 *
 * <p>Thread-safe: holds only immutable configuration.
 */
public final class MeaningGraphLoader {
  /**
   * The query without its header comment, where ParameterizedSparqlString would otherwise look for
   * placeholders.
   */
  private static final String QUERY = readQuery("meaning-graph.rq").replaceAll("(?m)^#.*\\R", "");

  private final GraphStore store;

  /** The properties an entity's names come from, in order of preference for the one displayed. */
  private static final List<String> LABEL_PROPERTIES =
      List.of(
          Noema.canonicalLabel.getURI(),
          SKOS.prefLabel.getURI(),
          RDFS.label.getURI(),
          SKOS.altLabel.getURI());

  private final Set<String> entityClasses;
  private final Set<String> perspectiveClasses;
  private final List<String> relationProperties;

  public MeaningGraphLoader(GraphStore store, OntologyModel ontology) {
    this.store = store;
    String meaning = Noema.MeaningEntity.getURI();
    String interpretation = Noema.Interpretation.getURI();
    this.entityClasses = new TreeSet<>();
    this.perspectiveClasses = new TreeSet<>();
    for (OntClass c : ontology.classes()) {
      if (ontology.isSubClassOf(c.iri(), meaning)
          && !ontology.isSubClassOf(c.iri(), interpretation)) {
        entityClasses.add(c.iri());
        if (ontology.isSubClassOf(c.iri(), Noema.Perspective.getURI())) {
          perspectiveClasses.add(c.iri());
        }
      }
    }
    // Edges join two entities; an interpretation's own properties (interprets, fromPerspective:
    // domain Interpretation)
    // are n-ary parts, read separately as perspective-to-concept links.
    this.relationProperties =
        ontology.extractableProperties().stream()
            .filter(
                p ->
                    p.kind() == PropertyKind.OBJECT
                        && (p.domain() == null
                            || !ontology.isSubClassOf(p.domain(), interpretation)))
            .map(OntProperty::iri)
            .sorted()
            .toList();
  }

  /** The meaning-entity classes the loader takes as vertices, sorted. */
  public Set<String> entityClasses() {
    return Set.copyOf(entityClasses);
  }

  /** The object properties the loader takes as edges, sorted. */
  public List<String> relationProperties() {
    return relationProperties;
  }

  /**
   * Loads the meaning graph seen through {@code filter}.
   *
   * @throws UnknownConceptException when the filter names a perspective no perspective entity
   *     carries
   */
  public MeaningGraph load(TopologyFilter filter) {
    ParameterizedSparqlString query = new ParameterizedSparqlString(QUERY);
    query.setValues(
        "entityClasses", entityClasses.stream().map(ResourceFactory::createResource).toList());
    query.setValues(
        "relationProperties",
        relationProperties.stream().map(ResourceFactory::createResource).toList());
    query.setValues(
        "labelProperties", LABEL_PROPERTIES.stream().map(ResourceFactory::createResource).toList());
    Rows rows = store.select(query.toString(), Map.of(), results -> collect(results));
    return rows.toGraph(filter);
  }

  private Rows collect(ResultSet results) {
    Rows rows = new Rows();
    while (results.hasNext()) {
      rows.add(results.next());
    }
    return rows;
  }

  /** What the query returned, before filtering. */
  private final class Rows {
    final Map<String, Set<String>> types = new HashMap<>();
    final Map<String, Map<String, List<Literal>>> labels = new HashMap<>();
    final Map<String, Set<String>> mentions = new HashMap<>();
    final Map<List<String>, Map<String, Fact>> relations = new LinkedHashMap<>();
    final Map<String, Fact> interpretations = new LinkedHashMap<>();
    final Map<String, List<String>> interpretationEnds = new HashMap<>();
    final Map<String, TurnInfo> turns = new HashMap<>();

    void add(QuerySolution row) {
      String kind = row.getLiteral("kind").getLexicalForm();
      switch (kind) {
        case "type" ->
            types.computeIfAbsent(iri(row, "s"), k -> new TreeSet<>()).add(iri(row, "o"));
        case "label" -> {
          if (row.get("o").isLiteral()) {
            labels
                .computeIfAbsent(iri(row, "s"), k -> new HashMap<>())
                .computeIfAbsent(iri(row, "p"), k -> new ArrayList<>())
                .add(row.getLiteral("o"));
          }
        }
        case "mention" ->
            mentions.computeIfAbsent(iri(row, "s"), k -> new HashSet<>()).add(iri(row, "turn"));
        case "relation" -> {
          List<String> key = List.of(iri(row, "s"), iri(row, "p"), iri(row, "o"));
          String fact = row.contains("fact") ? row.get("fact").toString() : "";
          Fact f =
              relations
                  .computeIfAbsent(key, k -> new LinkedHashMap<>())
                  .computeIfAbsent(fact, k -> new Fact(weightOf(row)));
          f.addEvidence(text(row, "quote"), iri(row, "turn"));
        }
        case "interpretation" -> {
          String i = row.get("i").toString();
          interpretationEnds.putIfAbsent(i, List.of(iri(row, "s"), iri(row, "o")));
          Fact f = interpretations.computeIfAbsent(i, k -> new Fact(1));
          String quote = text(row, "quote");
          f.addEvidence(quote != null ? quote : text(row, "statement"), iri(row, "turn"));
        }
        case "turn" -> {
          String turn = iri(row, "turn");
          turns.putIfAbsent(
              turn,
              new TurnInfo(
                  turn,
                  iri(row, "conv"),
                  row.contains("index") ? row.getLiteral("index").getInt() : -1,
                  iri(row, "speaker"),
                  text(row, "speakerName"),
                  instant(text(row, "time"))));
        }
        default ->
            throw new IllegalStateException(
                "meaning-graph.rq returned an unknown row kind: " + kind);
      }
    }

    MeaningGraph toGraph(TopologyFilter filter) {
      String conversation =
          filter.conversation() == null
              ? null
              : filter.conversation().contains("://")
                  ? filter.conversation()
                  : Iris.conversation(filter.conversation()).getURI();
      Set<String> keptTurns = new HashSet<>();
      turns.values().stream()
          .filter(t -> !filter.filtersTurns() || filter.keepsTurn(t, conversation))
          .forEach(t -> keptTurns.add(t.iri()));

      Map<String, Entity> candidates = new HashMap<>();
      types.forEach(
          (iri, classes) ->
              candidates.put(iri, entity(iri, classes, keptTurns, filter.filtersTurns())));
      if (filter.perspective() != null) {
        List<Entity> perspectives =
            candidates.values().stream()
                .filter(e -> e.types().stream().anyMatch(perspectiveClasses::contains))
                .toList();
        String chosen = new ConceptIndex(perspectives).resolve(filter.perspective());
        perspectives.stream()
            .filter(p -> !p.iri().equals(chosen))
            .forEach(p -> candidates.remove(p.iri()));
      }

      List<Relation> kept = new ArrayList<>();
      relations.forEach(
          (key, facts) -> {
            if (filter.keepsRelation(key.get(1))
                && candidates.containsKey(key.get(0))
                && candidates.containsKey(key.get(2))) {
              relation(key.get(0), key.get(1), key.get(2), facts.values(), filter, keptTurns)
                  .ifPresent(kept::add);
            }
          });
      String interprets = Noema.interprets.getURI();
      if (filter.keepsRelation(interprets)) {
        interpretations.forEach(
            (i, fact) -> {
              List<String> ends = interpretationEnds.get(i);
              if (candidates.containsKey(ends.get(0)) && candidates.containsKey(ends.get(1))) {
                relation(ends.get(0), interprets, ends.get(1), List.of(fact), filter, keptTurns)
                    .ifPresent(kept::add);
              }
            });
      }

      MeaningGraph.Builder builder = MeaningGraph.builder();
      Set<String> onEdges = new HashSet<>();
      kept.forEach(
          r -> {
            onEdges.add(r.subject());
            onEdges.add(r.object());
            builder.relation(r);
          });
      candidates.values().stream()
          .filter(
              e -> !filter.filtersTurns() || !e.mentions().isEmpty() || onEdges.contains(e.iri()))
          .forEach(builder::entity);
      turns.values().stream().filter(t -> keptTurns.contains(t.iri())).forEach(builder::turn);
      return builder.build();
    }

    private Optional<Relation> relation(
        String s,
        String p,
        String o,
        Iterable<Fact> facts,
        TopologyFilter filter,
        Set<String> keptTurns) {
      double weight = 0;
      boolean any = false;
      List<Evidence> evidence = new ArrayList<>();
      for (Fact f : facts) {
        List<Evidence> matching =
            f.evidence.stream()
                .filter(
                    e ->
                        !filter.filtersTurns()
                            || (e.turn() != null && keptTurns.contains(e.turn())))
                .toList();
        if (filter.filtersTurns() && matching.isEmpty()) {
          continue;
        }
        any = true;
        weight += f.weight;
        matching.stream().filter(e -> e.quote() != null || e.turn() != null).forEach(evidence::add);
      }
      return any ? Optional.of(new Relation(s, p, o, weight, evidence)) : Optional.empty();
    }

    private Entity entity(
        String iri, Set<String> classes, Set<String> keptTurns, boolean filtering) {
      Map<String, List<Literal>> byProperty = labels.getOrDefault(iri, Map.of());
      List<String> all = new ArrayList<>();
      String display = null;
      for (String property : LABEL_PROPERTIES) {
        List<Literal> values = byProperty.getOrDefault(property, List.of());
        for (Literal l : values) {
          all.add(l.getLexicalForm());
        }
        if (display == null) {
          display =
              values.stream()
                  .filter(l -> l.getLanguage().isEmpty() || l.getLanguage().startsWith("en"))
                  .map(Literal::getLexicalForm)
                  .sorted()
                  .findFirst()
                  .orElse(
                      values.stream()
                          .map(Literal::getLexicalForm)
                          .sorted()
                          .findFirst()
                          .orElse(null));
        }
      }
      Set<String> mentioned = new HashSet<>(mentions.getOrDefault(iri, Set.of()));
      if (filtering) {
        mentioned.retainAll(keptTurns);
      }
      return new Entity(
          iri, display != null ? display : Iris.localName(iri), classes, all, mentioned);
    }
  }

  /** One reifying fact (or interpretation): its weight and its groundings. */
  private static final class Fact {
    final double weight;
    final List<Evidence> evidence = new ArrayList<>();

    Fact(double weight) {
      this.weight = weight;
    }

    void addEvidence(String quote, String turn) {
      Evidence e = new Evidence(quote, turn);
      if (!evidence.contains(e)) {
        evidence.add(e);
      }
    }
  }

  private static double weightOf(QuerySolution row) {
    if (!row.contains("fact")) {
      return 1;
    }
    for (String var : List.of("weight", "confidence")) {
      RDFNode n = row.get(var);
      if (n != null && n.isLiteral()) {
        try {
          return n.asLiteral().getDouble();
        } catch (RuntimeException notNumeric) {
          // A malformed literal in the data: fall back to the next source of weight, as if it were
          // absent.
        }
      }
    }
    return 1;
  }

  private static String iri(QuerySolution row, String var) {
    RDFNode n = row.get(var);
    return n == null ? null : n.isURIResource() ? n.asResource().getURI() : n.toString();
  }

  private static String text(QuerySolution row, String var) {
    RDFNode n = row.get(var);
    return n != null && n.isLiteral() ? n.asLiteral().getLexicalForm() : null;
  }

  /**
   * An xsd:dateTime with or without offset (a local time is taken as UTC); null when absent or
   * malformed.
   */
  static Instant instant(String lexical) {
    if (lexical == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(lexical).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(lexical).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException malformed) {
        return null;
      }
    }
  }

  static String readQuery(String name) {
    try (InputStream in = MeaningGraphLoader.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "query resource dev/noema/topology/" + name + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
