package dev.noema.neo4j;

import dev.noema.meaning.MeaningSchema;
import dev.noema.meaning.Names;
import dev.noema.ontology.Noema;
import dev.noema.ontology.OntologyModel;
import dev.noema.ontology.OntologyModel.OntClass;
import dev.noema.ontology.OntologyModel.OntProperty;
import dev.noema.ontology.OntologyModel.PropertyKind;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.SKOS;

/**
 * How the ontology maps to the property graph, derived from {@link OntologyModel} at run time (no
 * table of labels is written by hand):
 *
 * <ul>
 *   <li>a class becomes a node label, its local name; a node carries the labels of its classes and
 *       of all their super-classes in the ontology's namespace, plus {@link #RESOURCE} on every
 *       projected node;
 *   <li>a datatype property becomes a node property named by its local name; so do {@code
 *       dcterms:title}, {@code dcterms:created} and {@code skos:definition};
 *   <li>a literal property the extractor writes ({@code noema:extractable}, and {@code
 *       skos:definition}) and the ontology does not declare {@code owl:FunctionalProperty} is
 *       always a list, even of one value: each conversation's extraction can state its own value
 *       for a shared resource. Every other literal property is written once, by import or analysis,
 *       and stays a single value (the least in lexical order, should a resource have several);
 *   <li>the names of a resource ({@code rdfs:label} and its sub-properties, as the meaning package
 *       reads them: {@link MeaningSchema#nameProperties}) give {@code label}, the name {@link
 *       Names#display} picks in the default language, and {@code label_<lang>}, the one it picks
 *       per language; {@link #ALL_LABELS} lists every {@code rdfs:label} text, so that Cypher
 *       answers like SPARQL's {@code rdfs:label};
 *   <li>an object property becomes a relationship type: its local name in UPPER_SNAKE_CASE, without
 *       a trailing word that repeats its domain ({@code nextTurn} on {@code Turn} gives {@code
 *       NEXT}, {@code hasTurn} {@code HAS_TURN});
 *   <li>resources that only support a statement (facts, groundings, their targets and selectors:
 *       {@link MeaningSchema#isSupport}) and activities ({@code prov:Activity} and its sub-classes)
 *       are not nodes: what matters of them is folded onto relationships, read as the meaning
 *       package reads facts and groundings ({@link dev.noema.meaning.MeaningReader}).
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class GraphMapping {
  /** The label every projected node carries; {@code iri} is unique under it. */
  public static final String RESOURCE = "Resource";

  /**
   * The label of the bookkeeping nodes that record which named graph was synced with which hash.
   */
  public static final String SYNCED_GRAPH = "SyncedGraph";

  /**
   * The node property listing every {@code rdfs:label} text of a resource, all languages, distinct,
   * sorted.
   */
  public static final String ALL_LABELS = "allLabels";

  private final OntologyModel ontology;
  private final MeaningSchema meaning;
  private final Map<String, List<String>> labelsByClass = new LinkedHashMap<>();
  private final Set<String> foldedClasses = new TreeSet<>();
  private final Map<String, Boolean> foldedType = new ConcurrentHashMap<>();
  private final Map<String, String> relationshipTypes = new LinkedHashMap<>();
  private final Map<String, String> propertyNames = new LinkedHashMap<>();
  private final Map<String, String> externalPropertyNames = new LinkedHashMap<>();
  private final Set<String> listProperties = new TreeSet<>();

  public GraphMapping(OntologyModel ontology) {
    this.ontology = ontology;
    this.meaning = MeaningSchema.of(ontology);
    String activity = Noema.prov_Activity.getURI();
    for (OntClass c : ontology.classes()) {
      List<String> supers = ontology.superClassesOf(c.iri());
      labelsByClass.put(
          c.iri(),
          supers.stream()
              .filter(iri -> iri.startsWith(ontology.namespace()))
              .map(iri -> iri.substring(ontology.namespace().length()))
              .distinct()
              .toList());
      if (meaning.isSupport(c.iri()) || supers.contains(activity)) {
        foldedClasses.add(c.iri());
      }
    }
    for (OntProperty p : ontology.properties()) {
      if (p.kind() == PropertyKind.OBJECT) {
        relationshipTypes.put(p.iri(), relationshipType(p));
      } else if (p.kind() == PropertyKind.DATATYPE) {
        propertyNames.put(p.iri(), p.localName());
        if (p.extractable() && !p.functional()) {
          listProperties.add(p.iri());
        }
      }
    }
    // Literal properties of standard vocabularies that Noema writes and queries read (titles,
    // analogies' sentences):
    // the ontology declares them as annotation or datatype properties outside its namespace.
    for (Node p :
        List.of(DCTerms.title.asNode(), DCTerms.created.asNode(), SKOS.definition.asNode())) {
      externalPropertyNames.put(p.getURI(), p.getLocalName());
    }
    // The extractor writes an analogy's sentence as its definition, once per conversation that
    // makes the analogy.
    listProperties.add(SKOS.definition.getURI());
  }

  /** The ontology this mapping was derived from. */
  public OntologyModel ontology() {
    return ontology;
  }

  /**
   * The node labels for a resource of these types: each ontology class with its super-classes,
   * sorted; types outside the ontology's namespace add nothing. {@link #RESOURCE} is not included.
   */
  public Set<String> labels(Collection<String> typeIris) {
    Set<String> labels = new TreeSet<>();
    for (String type : typeIris) {
      labels.addAll(labelsByClass.getOrDefault(type, List.of()));
    }
    return labels;
  }

  /**
   * Every label a class of the ontology can give, sorted: the ones a refresh removes before setting
   * the current.
   */
  public Set<String> allLabels() {
    Set<String> all = new TreeSet<>();
    labelsByClass.values().forEach(all::addAll);
    return all;
  }

  /** Whether a resource of these types is folded onto relationships instead of being a node. */
  public boolean folded(Collection<String> typeIris) {
    return typeIris.stream()
        .anyMatch(
            t ->
                foldedType.computeIfAbsent(
                    t,
                    c ->
                        meaning.isSupport(c)
                            || ontology.isSubClassOf(c, Noema.prov_Activity.getURI())));
  }

  /** What the meaning layer is, as the meaning package reads it from the same ontology. */
  public MeaningSchema meaning() {
    return meaning;
  }

  /** The relationship type of an object property of the ontology, or empty for any other IRI. */
  public Optional<String> relationshipType(String propertyIri) {
    return Optional.ofNullable(relationshipTypes.get(propertyIri));
  }

  /**
   * The IRIs of the ontology's object properties (the ones that become relationships), in ontology
   * order.
   */
  public Set<String> objectProperties() {
    return Collections.unmodifiableSet(relationshipTypes.keySet());
  }

  /**
   * The node property name of a datatype property of the ontology (its local name), or of {@code
   * dcterms:title}, {@code dcterms:created} or {@code skos:definition} ({@code title}, {@code
   * created}, {@code definition}); empty for any other IRI.
   */
  public Optional<String> propertyName(String propertyIri) {
    String name = propertyNames.get(propertyIri);
    return Optional.ofNullable(name != null ? name : externalPropertyNames.get(propertyIri));
  }

  /**
   * Whether the node property of this literal property is a list (always, however many values a
   * resource has) rather than a single value; false for IRIs that are not projected literal
   * properties.
   */
  public boolean isList(String propertyIri) {
    return listProperties.contains(propertyIri);
  }

  /**
   * The node property name of a datatype property the code must name, such as {@code noema:text}.
   */
  public String propertyName(org.apache.jena.graph.Node property) {
    return propertyName(property.getURI())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    property + " is not a datatype property of the ontology"));
  }

  /**
   * The whole mapping as a Markdown table (classes, then object properties, then datatype
   * properties, each in IRI order), for the README and {@code noema} help.
   */
  public String markdownTable() {
    StringBuilder out = new StringBuilder();
    out.append("| Ontology term | Kind | Neo4j |\n|---|---|---|\n");
    out.append("| any projected resource | node | `:")
        .append(RESOURCE)
        .append(" {iri}` (unique) |\n");
    out.append(
            "| `rdfs:label` and its sub-properties | label | `label` (one: the display name, English or untagged first), `label_<lang>` (one per language), `")
        .append(ALL_LABELS)
        .append("` (list: every label) |\n");
    labelsByClass.forEach(
        (iri, labels) -> {
          if (!foldedClasses.contains(iri)) {
            out.append("| `noema:")
                .append(local(iri))
                .append("` | class | `:")
                .append(String.join(":", labels))
                .append("` |\n");
          }
        });
    relationshipTypes.forEach(
        (iri, type) ->
            out.append("| `noema:")
                .append(local(iri))
                .append("` | object property | `[:")
                .append(type)
                .append("]` |\n"));
    propertyNames.forEach(
        (iri, name) ->
            out.append("| `noema:")
                .append(local(iri))
                .append("` | datatype property | `.")
                .append(name)
                .append(listMark(iri))
                .append(" |\n"));
    externalPropertyNames.forEach(
        (iri, name) ->
            out.append("| `")
                .append(iri.startsWith(DCTerms.NS) ? "dcterms:" : "skos:")
                .append(name)
                .append("` | literal property | `.")
                .append(name)
                .append(listMark(iri))
                .append(" |\n"));
    foldedClasses.stream()
        .filter(iri -> iri.startsWith(ontology.namespace()))
        .forEach(
            iri ->
                out.append("| `noema:")
                    .append(local(iri))
                    .append(
                        "` | folded | `confidence`, `turns`, `conversations`, `extractor` on relationships |\n"));
    return out.toString();
  }

  private String listMark(String propertyIri) {
    return isList(propertyIri) ? "` (list)" : "`";
  }

  private String local(String iri) {
    return iri.substring(ontology.namespace().length());
  }

  /**
   * {@code nextTurn} with domain {@code Turn} gives {@code NEXT}; {@code hasTurn} gives {@code
   * HAS_TURN}.
   */
  private String relationshipType(OntProperty p) {
    String name = p.localName();
    if (p.domain() != null && p.domain().startsWith(ontology.namespace())) {
      String domain = local(p.domain());
      if (name.endsWith(domain) && name.length() > domain.length()) {
        name = name.substring(0, name.length() - domain.length());
      }
    }
    return upperSnake(name);
  }

  /**
   * {@code relatedTo} gives {@code RELATED_TO}; {@code isBridge} {@code IS_BRIDGE}; {@code
   * llmProvider} {@code LLM_PROVIDER}.
   */
  static String upperSnake(String camel) {
    return camel
        .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
        .toUpperCase(Locale.ROOT);
  }
}
