package dev.noema.store;

import dev.noema.ontology.Noema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCTerms;

/**
 * The registry of named graphs: one named graph that records, for every other graph, the hash it
 * was written with and when. Kept as RDF so that it lives in the same transaction as the graphs it
 * describes.
 */
final class Registry {
  private Registry() {}

  static final Node GRAPH = NodeFactory.createURI(Noema.GRAPH + "registry");

  /**
   * The registry graph's triples, for a store that can only be queried; {@link #entries} reads
   * them.
   */
  static final String CONTENTS_QUERY =
      "CONSTRUCT { ?g ?p ?o } WHERE { GRAPH <" + GRAPH.getURI() + "> { ?g ?p ?o } }";

  static List<Triple> entry(Node graph, String hash, Instant modified) {
    List<Triple> triples = new ArrayList<>(2);
    triples.add(Triple.create(graph, Noema.contentHash, NodeFactory.createLiteralString(hash)));
    triples.add(
        Triple.create(
            graph,
            DCTerms.modified.asNode(),
            NodeFactory.createLiteralDT(modified.toString(), XSDDatatype.XSDdateTime)));
    return triples;
  }

  /** The entries the registry graph's triples state, in IRI order of the graph names. */
  static List<GraphEntry> entries(Iterator<Triple> registryTriples) {
    Map<String, Node> names = new TreeMap<>();
    Map<String, String> hashes = new HashMap<>();
    Map<String, Instant> modified = new HashMap<>();
    registryTriples.forEachRemaining(
        q -> {
          String name =
              q.getSubject().isURI() ? q.getSubject().getURI() : q.getSubject().toString();
          if (q.getPredicate().equals(Noema.contentHash)) {
            names.put(name, q.getSubject());
            hashes.put(name, q.getObject().getLiteralLexicalForm());
          } else if (q.getPredicate().equals(DCTerms.modified.asNode())) {
            modified.put(name, Instant.parse(q.getObject().getLiteralLexicalForm()));
          }
        });
    List<GraphEntry> entries = new ArrayList<>(names.size());
    names.forEach(
        (name, node) -> entries.add(new GraphEntry(node, hashes.get(name), modified.get(name))));
    return entries;
  }
}
