package dev.noema.topology;

import dev.noema.ontology.Iris;
import dev.noema.ontology.Noema;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * The computed measures as RDF, so that users can query them with SPARQL ({@code
 * queries/sparql/centres.rq}, {@code clusters.rq}): for every entity {@code noema:pageRank}, {@code
 * noema:betweenness} (when computed), {@code noema:degree}, {@code noema:cluster} and {@code
 * noema:isBridge} (true for articulation points, false otherwise), in the named graph {@code
 * Iris.derivedGraph("topology")}, with the {@code noema:AnalysisActivity} that generated it (PROV
 * start and end time, ontology version, one {@code noema:parameter} per parameter and filter).
 *
 * <p>The caller writes the graph through the store ({@code
 * store.apply(GraphChange.put(graph.content()))}), which replaces the previous analysis.
 * Thread-safe.
 */
public final class DerivedMeasures {
  /** Name of the derived graph, as passed to {@link Iris#derivedGraph(String)}. */
  public static final String GRAPH = "topology";

  private final Topology topology;
  private final TopologyFilter filter;
  private final String ontologyVersion;
  private final Clock clock;

  public DerivedMeasures(
      Topology topology, TopologyFilter filter, String ontologyVersion, Clock clock) {
    this.topology = topology;
    this.filter = filter;
    this.ontologyVersion = ontologyVersion;
    this.clock = clock;
  }

  /** Computes centres, clusters and bridges (if not yet cached) and returns them as a graph. */
  public DerivedGraph graph() {
    Instant started = clock.instant();
    CentresResult centres = topology.centres();
    ClustersResult clusters = topology.clusters();
    Set<String> cutpoints = new HashSet<>();
    topology.bridges().articulationPoints().forEach(p -> cutpoints.add(p.iri()));
    Instant ended = clock.instant();

    Node graph = Iris.derivedGraph(GRAPH);
    Node activity = NodeFactory.createBlankNode();
    List<Triple> triples = new ArrayList<>();
    triples.add(Triple.create(activity, RDF.type.asNode(), Noema.AnalysisActivity));
    triples.add(Triple.create(activity, Noema.prov_startedAtTime, time(started)));
    triples.add(Triple.create(activity, Noema.prov_endedAtTime, time(ended)));
    triples.add(
        Triple.create(
            activity, Noema.ontologyVersion, NodeFactory.createLiteralString(ontologyVersion)));
    for (String p : parameters(centres)) {
      triples.add(Triple.create(activity, Noema.parameter, NodeFactory.createLiteralString(p)));
    }
    triples.add(Triple.create(graph, Noema.prov_wasGeneratedBy, activity));
    triples.add(Triple.create(graph, Noema.prov_generatedAtTime, time(ended)));
    Map<String, Integer> membership = clusters.membership();
    for (CentresResult.Centre c : centres.centres()) {
      Node entity = NodeFactory.createURI(c.iri());
      triples.add(Triple.create(entity, Noema.pageRank, number(c.pageRank())));
      if (c.betweenness() != null) {
        triples.add(Triple.create(entity, Noema.betweenness, number(c.betweenness())));
      }
      triples.add(Triple.create(entity, Noema.degree, integer(c.degree())));
      Integer cluster = membership.get(c.iri());
      if (cluster != null) {
        triples.add(Triple.create(entity, Noema.cluster, integer(cluster)));
      }
      triples.add(
          Triple.create(
              entity,
              Noema.isBridge,
              NodeFactory.createLiteralDT(
                  String.valueOf(cutpoints.contains(c.iri())), XSDDatatype.XSDboolean)));
    }
    return new DerivedGraph(graph, triples);
  }

  private List<String> parameters(CentresResult centres) {
    TopologySettings s = topology.settings();
    List<String> p =
        new ArrayList<>(
            List.of(
                "pagerank.damping=" + PersonalisedPageRank.DAMPING,
                "pagerank.jumps=salience (turns x name specificity; perspectives none)",
                "betweenness=" + centres.betweennessMethod() + ", normalised",
                "leiden.resolution=" + s.resolution(),
                "leiden.seed=" + s.seed(),
                "leiden.iterations=" + LeidenClustering.ITERATIONS,
                "leiden.modularity=" + topology.clusters().modularity()));
    add(p, "filter.conversation", filter.conversation());
    add(p, "filter.participant", filter.participant());
    add(p, "filter.perspective", filter.perspective());
    add(p, "filter.since", filter.since());
    add(p, "filter.until", filter.until());
    filter.relations().stream().sorted().forEach(r -> p.add("filter.relation=" + r));
    return p;
  }

  private static void add(List<String> parameters, String name, Object value) {
    if (value != null) {
      parameters.add(name + "=" + value);
    }
  }

  private static Node time(Instant instant) {
    return NodeFactory.createLiteralDT(instant.toString(), XSDDatatype.XSDdateTime);
  }

  private static Node number(double value) {
    return NodeFactory.createLiteralDT(Double.toString(value), XSDDatatype.XSDdouble);
  }

  private static Node integer(int value) {
    return NodeFactory.createLiteralDT(Integer.toString(value), XSDDatatype.XSDinteger);
  }
}
