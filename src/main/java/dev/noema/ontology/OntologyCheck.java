package dev.noema.ontology;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.reasoner.ReasonerRegistry;
import org.apache.jena.reasoner.ValidityReport;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RiotException;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Checks the ontology with an OWL reasoner and validates data graphs against the SHACL shapes
 * ({@code ontology/shapes.ttl}).
 *
 * <p><b>Reasoner.</b> Jena's OWL Micro rule reasoner ({@link
 * ReasonerRegistry#getOWLMicroReasoner()}). Measured on {@code noema.ttl} (2 cores, Java 17): OWL
 * Micro 0.3-0.7 s, OWL Mini ~3.4 s, the full OWL rule reasoner 2-4.6 s, and on this ontology (class
 * hierarchy and disjointness, no restrictions) the full one finds nothing Micro misses once the
 * probes below are in place. Jena's rule reasoners predate OWL 2, so {@code owl:AllDisjointClasses}
 * is expanded into pairwise {@code owl:disjointWith} first (without that, a class under two members
 * of an AllDisjointClasses axiom passes unnoticed). A class is unsatisfiable when the reasoner says
 * so about the class itself, infers it a sub-class of (or equivalent to) {@code owl:Nothing}, or
 * finds a conflict in a probe: one fresh individual typed with each named class of the ontology's
 * namespace. Every other conflict is an inconsistency of the ontology.
 *
 * <p><b>Shapes.</b> Validated with jena-shacl against the caller's graph united with the
 * ontology's, so that {@code sh:class} and {@code sh:targetClass} follow {@code rdfs:subClassOf}.
 *
 * <p>Immutable; {@link #reason()} and {@link #validate} may be called from several threads (each
 * call builds its own inference model), but the graph passed to {@link #validate} must not change
 * during the call.
 */
public final class OntologyCheck {

  /**
   * Where probe individuals live: a scheme no real data uses, so a conflict about one is always
   * about its class.
   */
  private static final String PROBE = "urn:noema:probe:";

  /**
   * The reasoner's verdict on the ontology.
   *
   * @param reasoner which reasoner ran
   * @param inconsistencies one line per conflict not explained by an unsatisfiable class; empty
   *     when consistent
   * @param unsatisfiableClasses IRIs of classes that cannot have instances, sorted
   * @param elapsed how long the reasoner ran
   */
  public record ReasonerReport(
      String reasoner,
      List<String> inconsistencies,
      List<String> unsatisfiableClasses,
      Duration elapsed) {
    public ReasonerReport {
      inconsistencies = List.copyOf(inconsistencies);
      unsatisfiableClasses = List.copyOf(unsatisfiableClasses);
    }

    public boolean consistent() {
      return inconsistencies.isEmpty();
    }

    /** Consistent and every class satisfiable. */
    public boolean ok() {
      return consistent() && unsatisfiableClasses.isEmpty();
    }
  }

  /**
   * The outcome of validating a graph against the shapes.
   *
   * @param conforms true when there is no violation at all
   * @param violations how many results the validation produced
   * @param focusNodes how many distinct nodes had at least one result
   * @param lines up to the requested number of results, one line each ({@code focus node | path |
   *     message}), in the validator's order; empty when it conforms
   */
  public record ShapeReport(boolean conforms, int violations, int focusNodes, List<String> lines) {
    public ShapeReport {
      lines = List.copyOf(lines);
    }
  }

  private final OntologyModel ontology;
  private final Shapes shapes;

  public OntologyCheck(OntologyModel ontology, Shapes shapes) {
    this.ontology = ontology;
    this.shapes = shapes;
  }

  /** Noema's ontology and shapes, as bundled on the classpath. */
  public static OntologyCheck loadDefault() {
    return new OntologyCheck(OntologyModel.loadDefault(), loadDefaultShapes());
  }

  /** {@code ontology/shapes.ttl} as bundled on the classpath, wherever Noema runs. */
  public static Shapes loadDefaultShapes() {
    try (InputStream in = OntologyCheck.class.getResourceAsStream("/ontology/shapes.ttl")) {
      if (in == null) {
        throw new OntologyException("ontology/shapes.ttl is missing from the classpath");
      }
      Model model = ModelFactory.createDefaultModel();
      RDFDataMgr.read(model, in, Lang.TURTLE);
      return Shapes.parse(model.getGraph());
    } catch (IOException | RiotException e) {
      throw new OntologyException("cannot read the bundled shapes: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a SHACL shapes file.
   *
   * @throws OntologyException naming the file and the parser's message when it cannot be read or is
   *     not valid SHACL
   */
  public static Shapes loadShapes(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new OntologyException(file + ": no such shapes file");
    }
    try {
      return Shapes.parse(RDFDataMgr.loadGraph(file.toString()));
    } catch (RuntimeException e) {
      // Both riot's parse errors and jena-shacl's ShaclParseException carry a message that says
      // where.
      throw new OntologyException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs the reasoner over the ontology; see the class comment for what counts as unsatisfiable.
   */
  public ReasonerReport reason() {
    long start = System.nanoTime();
    Model base = ModelFactory.createDefaultModel().add(ontology.rdf());
    expandAllDisjointClasses(base);
    Map<String, String> probeToClass = new LinkedHashMap<>();
    for (OntologyModel.OntClass c : ontology.classes()) {
      Resource probe = base.createResource(PROBE + c.localName());
      base.add(probe, RDF.type, base.createResource(c.iri()));
      probeToClass.put(probe.getURI(), c.iri());
    }
    InfModel inf = ModelFactory.createInfModel(ReasonerRegistry.getOWLMicroReasoner(), base);
    ValidityReport validity = inf.validate();

    Set<String> unsatisfiable = new TreeSet<>();
    for (String iri : probeToClass.values()) {
      Resource c = inf.getResource(iri);
      if (inf.contains(c, RDFS.subClassOf, OWL2.Nothing)
          || inf.contains(c, OWL2.equivalentClass, OWL2.Nothing)) {
        unsatisfiable.add(iri);
      }
    }
    List<String> inconsistencies = new ArrayList<>();
    for (ValidityReport.Report report : iterable(validity)) {
      String culprit =
          report.getExtension() instanceof RDFNode n && n.isURIResource()
              ? n.asResource().getURI()
              : report.getExtension() instanceof Node n && n.isURI() ? n.getURI() : null;
      if (culprit != null && probeToClass.containsKey(culprit)) {
        unsatisfiable.add(probeToClass.get(culprit));
      } else if ("Inconsistent class".equals(report.getType()) && culprit != null) {
        unsatisfiable.add(culprit);
      } else if (report.isError()) {
        inconsistencies.add(report.getType() + ": " + oneLine(report.getDescription()));
      }
    }
    return new ReasonerReport(
        "Jena OWL Micro",
        inconsistencies,
        List.copyOf(unsatisfiable),
        Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * Validates {@code data} (typically the union of the store's named graphs) against the shapes.
   *
   * @param maxLines how many results to render as lines; the counts always cover all of them
   */
  public ShapeReport validate(Graph data, int maxLines) {
    Graph withOntology = new Union(data, ontology.rdf().getGraph());
    ValidationReport report = ShaclValidator.get().validate(shapes, withOntology);
    PrefixMapping prefixes = prefixes();
    List<String> lines = new ArrayList<>();
    Set<Node> focus = new HashSet<>();
    for (ReportEntry entry : report.getEntries()) {
      focus.add(entry.focusNode());
      if (lines.size() < maxLines) {
        String path =
            entry.resultPath() == null ? "-" : entry.resultPath().toString(new Prologue(prefixes));
        lines.add(
            prefixes.shortForm(render(entry.focusNode()))
                + " | "
                + path
                + " | "
                + oneLine(entry.message()));
      }
    }
    return new ShapeReport(report.conforms(), report.getEntries().size(), focus.size(), lines);
  }

  /**
   * Adds {@code a owl:disjointWith b} for every pair of members of every {@code
   * owl:AllDisjointClasses}.
   */
  private static void expandAllDisjointClasses(Model model) {
    for (Resource axiom :
        model.listSubjectsWithProperty(RDF.type, OWL2.AllDisjointClasses).toList()) {
      RDFNode members = axiom.getPropertyResourceValue(OWL2.members);
      if (members == null || !members.canAs(RDFList.class)) {
        continue;
      }
      List<RDFNode> list = members.as(RDFList.class).asJavaList();
      for (int i = 0; i < list.size(); i++) {
        for (int j = i + 1; j < list.size(); j++) {
          if (list.get(i).isResource() && list.get(j).isResource()) {
            model.add(list.get(i).asResource(), OWL2.disjointWith, list.get(j).asResource());
          }
        }
      }
    }
  }

  private PrefixMapping prefixes() {
    PrefixMapping mapping =
        PrefixMapping.Factory.create().setNsPrefixes(ontology.rdf().getNsPrefixMap());
    mapping.setNsPrefix("id", Noema.ID);
    return mapping;
  }

  private static String render(Node node) {
    return node.isURI() ? node.getURI() : node.toString();
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s+", " ");
  }

  private static List<ValidityReport.Report> iterable(ValidityReport report) {
    List<ValidityReport.Report> reports = new ArrayList<>();
    report.getReports().forEachRemaining(reports::add);
    return reports;
  }
}
