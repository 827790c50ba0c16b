package dev.noema.ontology;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RiotException;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The ontology read as data: its classes and properties with label, comment, domain, range,
 * super-terms and characteristics. Extraction prompts and schemas, validation, and the Neo4j
 * mapping are all derived from this.
 *
 * <p>Immutable and thread-safe once loaded. Only terms in the ontology's own namespace are listed
 * as {@link #classes()} and {@link #properties()}; reused vocabularies (SKOS, PROV, OA) are only
 * followed as super-terms.
 */
public final class OntologyModel {

  /** A class of the ontology. */
  public record OntClass(
      String iri,
      String localName,
      String label,
      String comment,
      List<String> superClasses,
      boolean extractable) {}

  /** Kinds of property, as OWL declares them. */
  public enum PropertyKind {
    OBJECT,
    DATATYPE,
    ANNOTATION
  }

  /** A property of the ontology. */
  public record OntProperty(
      String iri,
      String localName,
      String label,
      String comment,
      PropertyKind kind,
      String domain,
      String range,
      List<String> superProperties,
      String inverse,
      boolean symmetric,
      boolean transitive,
      boolean functional,
      boolean extractable) {}

  private final Model model;
  private final String namespace;
  private final String version;
  private final Map<String, OntClass> classes;
  private final Map<String, OntProperty> properties;

  /** Each class declared disjoint with another, to the classes it is declared disjoint with. */
  private final Map<String, Set<String>> declaredDisjoint;

  private OntologyModel(Model model, String namespace) {
    this.model = model;
    this.namespace = namespace;
    this.version = readVersion(model);
    this.classes = Collections.unmodifiableMap(readClasses());
    this.properties = Collections.unmodifiableMap(readProperties());
    this.declaredDisjoint = readDisjointness(model);
  }

  /**
   * Noema's own ontology, {@code ontology/noema.ttl} as bundled on the classpath (in Noema's jar),
   * wherever Noema runs; another ontology is loaded by {@link #load(Path)}, never picked up from
   * the working directory.
   */
  public static OntologyModel loadDefault() {
    try (InputStream in = OntologyModel.class.getResourceAsStream("/ontology/noema.ttl")) {
      if (in == null) {
        throw new OntologyException("ontology/noema.ttl is missing from the classpath");
      }
      Model model = ModelFactory.createDefaultModel();
      RDFDataMgr.read(model, in, Lang.TURTLE);
      return new OntologyModel(model, Noema.NS);
    } catch (IOException e) {
      throw new OntologyException("cannot read the bundled ontology: " + e.getMessage(), e);
    }
  }

  /**
   * Loads an ontology file (any RDF syntax, by extension).
   *
   * @throws OntologyException with the file and the parser's message (line and column) when it
   *     cannot be read
   */
  public static OntologyModel load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new OntologyException(file + ": no such ontology file");
    }
    try {
      return new OntologyModel(RDFDataMgr.loadModel(file.toString()), Noema.NS);
    } catch (RiotException e) {
      throw new OntologyException(file + ": " + e.getMessage(), e);
    }
  }

  /** The ontology as an RDF model. Do not modify it. */
  public Model rdf() {
    return model;
  }

  /** {@code owl:versionInfo}, or "unversioned". */
  public String version() {
    return version;
  }

  public String namespace() {
    return namespace;
  }

  /** All classes in the ontology's namespace, in IRI order. */
  public List<OntClass> classes() {
    return List.copyOf(classes.values());
  }

  /** All properties in the ontology's namespace, in IRI order. */
  public List<OntProperty> properties() {
    return List.copyOf(properties.values());
  }

  public Optional<OntClass> ontClass(String iri) {
    return Optional.ofNullable(classes.get(iri));
  }

  public Optional<OntProperty> property(String iri) {
    return Optional.ofNullable(properties.get(iri));
  }

  /** The classes an extractor may produce. */
  public List<OntClass> extractableClasses() {
    return classes.values().stream().filter(OntClass::extractable).toList();
  }

  /** The properties an extractor may produce. */
  public List<OntProperty> extractableProperties() {
    return properties.values().stream().filter(OntProperty::extractable).toList();
  }

  /** {@code classIri} and all its super-classes (transitively, any namespace), nearest first. */
  public List<String> superClassesOf(String classIri) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> queue = new ArrayList<>(List.of(classIri));
    while (!queue.isEmpty()) {
      String next = queue.remove(0);
      if (seen.add(next)) {
        model
            .listObjectsOfProperty(model.createResource(next), RDFS.subClassOf)
            .filterKeep(RDFNode::isURIResource)
            .forEachRemaining(n -> queue.add(n.asResource().getURI()));
      }
    }
    return List.copyOf(seen);
  }

  /**
   * The ontology's own classes that are {@code ancestorIri} or its sub-classes (transitively), in
   * IRI order.
   */
  public List<OntClass> subClassesOf(String ancestorIri) {
    return classes.values().stream().filter(c -> isSubClassOf(c.iri(), ancestorIri)).toList();
  }

  /**
   * {@code propertyIri} and every property the ontology declares a sub-property of it
   * (transitively, any namespace: {@code skos:prefLabel} under {@code rdfs:label}), nearest first,
   * then in IRI order.
   */
  public List<String> subPropertiesOf(String propertyIri) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> queue = new ArrayList<>(List.of(propertyIri));
    while (!queue.isEmpty()) {
      String next = queue.remove(0);
      if (seen.add(next)) {
        model
            .listSubjectsWithProperty(RDFS.subPropertyOf, model.createResource(next))
            .filterKeep(Resource::isURIResource)
            .toList()
            .stream()
            .map(Resource::getURI)
            .sorted()
            .forEach(queue::add);
      }
    }
    return List.copyOf(seen);
  }

  /** Whether {@code classIri} is {@code ancestorIri} or one of its sub-classes. */
  public boolean isSubClassOf(String classIri, String ancestorIri) {
    return superClassesOf(classIri).contains(ancestorIri);
  }

  /**
   * Whether nothing can be an instance of both classes: some super-class of one (itself included)
   * is declared disjoint with some super-class of the other, by {@code owl:disjointWith} (either
   * direction) or as two members of one {@code owl:AllDisjointClasses}. Classes the ontology does
   * not declare disjoint, directly or through their super-classes, are compatible: one resource may
   * have both types.
   */
  public boolean disjoint(String classA, String classB) {
    if (declaredDisjoint.isEmpty()) {
      return false;
    }
    List<String> supersOfB = superClassesOf(classB);
    for (String a : superClassesOf(classA)) {
      Set<String> disjointWithA = declaredDisjoint.get(a);
      if (disjointWithA != null && supersOfB.stream().anyMatch(disjointWithA::contains)) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Set<String>> readDisjointness(Model model) {
    Map<String, Set<String>> pairs = new LinkedHashMap<>();
    model
        .listStatements(null, OWL2.disjointWith, (RDFNode) null)
        .filterKeep(s -> s.getSubject().isURIResource() && s.getObject().isURIResource())
        .forEachRemaining(
            s -> addDisjoint(pairs, s.getSubject().getURI(), s.getResource().getURI()));
    for (Resource group :
        model.listSubjectsWithProperty(RDF.type, OWL2.AllDisjointClasses).toList()) {
      Statement members = group.getProperty(OWL2.members);
      if (members == null || !members.getObject().canAs(RDFList.class)) {
        continue;
      }
      List<String> iris =
          members.getObject().as(RDFList.class).asJavaList().stream()
              .filter(RDFNode::isURIResource)
              .map(n -> n.asResource().getURI())
              .toList();
      for (int i = 0; i < iris.size(); i++) {
        for (int j = i + 1; j < iris.size(); j++) {
          addDisjoint(pairs, iris.get(i), iris.get(j));
        }
      }
    }
    Map<String, Set<String>> frozen = new LinkedHashMap<>();
    pairs.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
    return Collections.unmodifiableMap(frozen);
  }

  private static void addDisjoint(Map<String, Set<String>> pairs, String a, String b) {
    pairs.computeIfAbsent(a, k -> new LinkedHashSet<>()).add(b);
    pairs.computeIfAbsent(b, k -> new LinkedHashSet<>()).add(a);
  }

  private Map<String, OntClass> readClasses() {
    Map<String, OntClass> result = new LinkedHashMap<>();
    model.listSubjectsWithProperty(RDF.type, OWL2.Class).toList().stream()
        .filter(r -> r.isURIResource() && r.getURI().startsWith(namespace))
        .sorted((a, b) -> a.getURI().compareTo(b.getURI()))
        .forEach(
            r ->
                result.put(
                    r.getURI(),
                    new OntClass(
                        r.getURI(),
                        r.getLocalName(),
                        text(r, RDFS.label),
                        text(r, RDFS.comment),
                        uris(r, RDFS.subClassOf),
                        isExtractable(r))));
    return result;
  }

  private Map<String, OntProperty> readProperties() {
    Map<String, OntProperty> result = new LinkedHashMap<>();
    List<Resource> found = new ArrayList<>();
    for (Resource type :
        List.of(OWL2.ObjectProperty, OWL2.DatatypeProperty, OWL2.AnnotationProperty)) {
      found.addAll(model.listSubjectsWithProperty(RDF.type, type).toList());
    }
    found.stream()
        .filter(r -> r.isURIResource() && r.getURI().startsWith(namespace))
        .distinct()
        .sorted((a, b) -> a.getURI().compareTo(b.getURI()))
        .forEach(
            r ->
                result.put(
                    r.getURI(),
                    new OntProperty(
                        r.getURI(),
                        r.getLocalName(),
                        text(r, RDFS.label),
                        text(r, RDFS.comment),
                        kind(r),
                        uri(r, RDFS.domain),
                        uri(r, RDFS.range),
                        uris(r, RDFS.subPropertyOf),
                        inverse(r),
                        r.hasProperty(RDF.type, OWL2.SymmetricProperty),
                        r.hasProperty(RDF.type, OWL2.TransitiveProperty),
                        r.hasProperty(RDF.type, OWL2.FunctionalProperty),
                        isExtractable(r))));
    return result;
  }

  private static PropertyKind kind(Resource r) {
    if (r.hasProperty(RDF.type, OWL2.ObjectProperty)) {
      return PropertyKind.OBJECT;
    }
    return r.hasProperty(RDF.type, OWL2.DatatypeProperty)
        ? PropertyKind.DATATYPE
        : PropertyKind.ANNOTATION;
  }

  private String inverse(Resource r) {
    String forward = uri(r, OWL2.inverseOf);
    if (forward != null) {
      return forward;
    }
    List<Resource> back = model.listSubjectsWithProperty(OWL2.inverseOf, r).toList();
    return back.isEmpty() ? null : back.get(0).getURI();
  }

  private boolean isExtractable(Resource r) {
    Statement s = r.getProperty(model.createProperty(Noema.extractable.getURI()));
    return s != null && s.getObject().isLiteral() && s.getLiteral().getBoolean();
  }

  /**
   * The English (or untagged) value of an annotation; the first one found otherwise; null when
   * absent.
   */
  private static String text(Resource r, org.apache.jena.rdf.model.Property p) {
    String fallback = null;
    for (Statement s : r.listProperties(p).toList()) {
      if (s.getObject().isLiteral()) {
        Literal l = s.getLiteral();
        if (l.getLanguage().isEmpty() || l.getLanguage().startsWith("en")) {
          return l.getLexicalForm();
        }
        fallback = fallback == null ? l.getLexicalForm() : fallback;
      }
    }
    return fallback;
  }

  private static String uri(Resource r, org.apache.jena.rdf.model.Property p) {
    Statement s = r.getProperty(p);
    return s != null && s.getObject().isURIResource() ? s.getResource().getURI() : null;
  }

  private static List<String> uris(Resource r, org.apache.jena.rdf.model.Property p) {
    return r.listProperties(p).toList().stream()
        .map(Statement::getObject)
        .filter(RDFNode::isURIResource)
        .map(n -> n.asResource().getURI())
        .sorted()
        .toList();
  }

  private static String readVersion(Model model) {
    return model.listObjectsOfProperty(OWL2.versionInfo).toList().stream()
        .filter(RDFNode::isLiteral)
        .map(n -> n.asLiteral().getLexicalForm())
        .findFirst()
        .orElse("unversioned");
  }
}
