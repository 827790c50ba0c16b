package dev.noema.meaning;

import dev.noema.ontology.Noema;
import dev.noema.ontology.OntologyModel;
import dev.noema.ontology.OntologyModel.OntClass;
import dev.noema.ontology.OntologyModel.OntProperty;
import dev.noema.ontology.OntologyModel.PropertyKind;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * What the meaning layer is, read from the ontology: which classes make a resource a meaning entity
 * (the sub-classes of {@code noema:MeaningEntity}, interpretations among them), which properties
 * relate two entities (the extractable object properties, except the two parts of an
 * interpretation), which properties name a resource ({@code rdfs:label} and every sub-property of
 * it the ontology declares, ranked by {@link NameKind}), and which resources only support a
 * statement (facts, groundings, their targets and selectors: the sub-classes of the four standard
 * classes that reify and annotate). No list of the ontology's own classes is written here: a class
 * or label property added to the ontology is read the next run.
 *
 * <p>Immutable and thread-safe.
 */
public final class MeaningSchema {
  private final OntologyModel ontology;
  private final Set<String> entityClasses;

  /**
   * The entity classes beside which Concept, the fallback, is left out ({@link #withoutFallback}).
   */
  private final Set<String> moreThanConcept;

  private final Set<String> interpretationClasses;
  private final List<String> relationProperties;
  private final Map<String, NameKind> nameProperties;
  private final Map<String, Integer> depth = new ConcurrentHashMap<>();
  private final Map<String, Boolean> support = new ConcurrentHashMap<>();
  private final Set<String> supportRoots;

  private MeaningSchema(OntologyModel ontology) {
    this.ontology = ontology;
    String interpretation = Noema.Interpretation.getURI();
    Set<String> entities = new TreeSet<>();
    Set<String> interpretations = new TreeSet<>();
    for (OntClass c : ontology.subClassesOf(Noema.MeaningEntity.getURI())) {
      entities.add(c.iri());
      if (ontology.isSubClassOf(c.iri(), interpretation)) {
        interpretations.add(c.iri());
      }
    }
    this.entityClasses = Set.copyOf(entities);
    String concept = Noema.Concept.getURI();
    this.moreThanConcept =
        entities.stream()
            .filter(
                t ->
                    !t.equals(concept)
                        && !ontology.isSubClassOf(concept, t)
                        && !ontology.disjoint(concept, t))
            .collect(Collectors.toUnmodifiableSet());
    this.interpretationClasses = Set.copyOf(interpretations);
    // Edges join two entities; an interpretation's own properties (interprets, fromPerspective:
    // domain Interpretation) are the parts of an n-ary node, read as such.
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
    Set<String> preferred = Set.copyOf(ontology.subPropertiesOf(SKOS.prefLabel.getURI()));
    Set<String> alternative = Set.copyOf(ontology.subPropertiesOf(SKOS.altLabel.getURI()));
    Map<String, NameKind> names = new LinkedHashMap<>();
    for (String p : ontology.subPropertiesOf(RDFS.label.getURI())) {
      names.put(
          p,
          preferred.contains(p)
              ? NameKind.PREFERRED
              : alternative.contains(p) ? NameKind.ALTERNATIVE : NameKind.PLAIN);
    }
    this.nameProperties = java.util.Collections.unmodifiableMap(names);
    // Built here, not in a static initialiser: Jena's vocabulary must not be touched before Jena
    // has initialised.
    this.supportRoots =
        Set.of(
            RDF.Statement.getURI(),
            OA.Annotation.getURI(),
            OA.SpecificResource.getURI(),
            OA.TextQuoteSelector.getURI(),
            OA.TextPositionSelector.getURI());
  }

  public static MeaningSchema of(OntologyModel ontology) {
    return new MeaningSchema(ontology);
  }

  public OntologyModel ontology() {
    return ontology;
  }

  /** The classes whose instances are meaning entities, interpretations included; sorted. */
  public Set<String> entityClasses() {
    return new TreeSet<>(entityClasses);
  }

  public boolean isEntityClass(String classIri) {
    return entityClasses.contains(classIri);
  }

  /** Whether {@code classIri} is {@code noema:Interpretation} or a sub-class of it. */
  public boolean isInterpretationClass(String classIri) {
    return interpretationClasses.contains(classIri);
  }

  /** Whether {@code classIri} is {@code ancestorIri} or a sub-class of it. */
  public boolean isA(String classIri, String ancestorIri) {
    return ontology.isSubClassOf(classIri, ancestorIri);
  }

  /** The object properties that relate two meaning entities, sorted. */
  public List<String> relationProperties() {
    return relationProperties;
  }

  /**
   * The properties that name a resource ({@code rdfs:label} and its sub-properties), with their
   * kind, nearest to {@code rdfs:label} first.
   */
  public Map<String, NameKind> nameProperties() {
    return nameProperties;
  }

  /** The kind of name {@code propertyIri} gives, or empty when it is not a label property. */
  public Optional<NameKind> nameKind(String propertyIri) {
    return Optional.ofNullable(nameProperties.get(propertyIri));
  }

  /**
   * The types of an entity as the ontology means them: {@code noema:Concept} is the type of a named
   * thing that "fits no more specific type", so beside a type that says more (a Place, a Method, a
   * Person) it is left out. An extractor unsure of a name types it Concept (the structural one
   * does); where another, or another turn, knows it is a place, the entity is a place. A type that
   * is a super-class of Concept says no more than it does, and one the ontology makes disjoint from
   * it (a Claim, an Analogy) says something else: a named hypothesis typed Concept by one graph and
   * Hypothesis by another stays both.
   *
   * @param asserted the entity's meaning-entity classes, from every graph
   * @return them, less Concept when another says more; {@code asserted} itself when nothing is left
   *     out
   */
  public Set<String> withoutFallback(Set<String> asserted) {
    String concept = Noema.Concept.getURI();
    if (!asserted.contains(concept) || asserted.stream().noneMatch(moreThanConcept::contains)) {
      return asserted;
    }
    Set<String> types = new TreeSet<>(asserted);
    types.remove(concept);
    return types;
  }

  /**
   * The most specific of {@code types}: the one with the most super-classes (ties by IRI), or null
   * when there are none.
   */
  public String mostSpecific(Collection<String> types) {
    return types.stream()
        .max(
            Comparator.comparingInt(this::depth)
                .thenComparing(Comparator.<String>naturalOrder().reversed()))
        .orElse(null);
  }

  /** How many super-classes (itself included) the ontology gives {@code classIri}. */
  public int depth(String classIri) {
    return depth.computeIfAbsent(classIri, c -> ontology.superClassesOf(c).size());
  }

  /**
   * Whether a resource of type {@code classIri} only supports a statement rather than being a thing
   * of its own: a fact reifying a triple ({@code rdf:Statement}, {@code noema:Fact}), a grounding
   * ({@code oa:Annotation}), its target ({@code oa:SpecificResource}) or selector, or a sub-class
   * of one of these.
   */
  public boolean isSupport(String classIri) {
    return support.computeIfAbsent(
        classIri, c -> ontology.superClassesOf(c).stream().anyMatch(supportRoots::contains));
  }
}
