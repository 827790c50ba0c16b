package dev.noema.store;

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
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.Quad;
import dev.noema.ontology.Noema;

/**
 * The registry of named graphs: one named graph that records, for every other graph, the hash it was written with
 * and when. Kept as RDF so that it lives in the same transaction as the graphs it describes.
 */
final class Registry {
  private Registry() {}

  static final Node GRAPH = NodeFactory.createURI(Noema.GRAPH + "registry");

  static final String LIST_QUERY = "SELECT ?g ?hash ?modified WHERE { GRAPH <" + GRAPH.getURI() + "> { ?g <"
      + Noema.contentHash.getURI() + "> ?hash . OPTIONAL { ?g <" + Noema.dcterms_modified.getURI()
      + "> ?modified } } } ORDER BY STR(?g)";

  static List<Triple> entry(Node graph, String hash, Instant modified) {
    List<Triple> triples = new ArrayList<>(2);
    triples.add(Triple.create(graph, Noema.contentHash, NodeFactory.createLiteralString(hash)));
    triples.add(Triple.create(graph, Noema.dcterms_modified,
        NodeFactory.createLiteralDT(modified.toString(), XSDDatatype.XSDdateTime)));
    return triples;
  }

  /**
   * The entries the registry's own quads state, in IRI order as {@link #LIST_QUERY} lists them: for a store that can
   * scan the registry graph directly, without compiling and running a query.
   */
  static List<GraphEntry> entries(Iterator<Quad> registryQuads) {
    Map<String, Node> names = new TreeMap<>();
    Map<String, String> hashes = new HashMap<>();
    Map<String, Instant> modified = new HashMap<>();
    registryQuads.forEachRemaining(q -> {
      String name = q.getSubject().isURI() ? q.getSubject().getURI() : q.getSubject().toString();
      if (q.getPredicate().equals(Noema.contentHash)) {
        names.put(name, q.getSubject());
        hashes.put(name, q.getObject().getLiteralLexicalForm());
      } else if (q.getPredicate().equals(Noema.dcterms_modified)) {
        modified.put(name, Instant.parse(q.getObject().getLiteralLexicalForm()));
      }
    });
    List<GraphEntry> entries = new ArrayList<>(names.size());
    names.forEach((name, node) -> entries.add(new GraphEntry(node, hashes.get(name), modified.get(name))));
    return entries;
  }

  /** The rows of {@link #LIST_QUERY} as entries. */
  static List<GraphEntry> entries(ResultSet rows) {
    List<GraphEntry> entries = new ArrayList<>();
    rows.forEachRemaining(row -> entries.add(new GraphEntry(row.get("g").asNode(),
        row.getLiteral("hash").getLexicalForm(),
        row.contains("modified") ? Instant.parse(row.get("modified").asNode().getLiteralLexicalForm()) : null)));
    return entries;
  }
}
