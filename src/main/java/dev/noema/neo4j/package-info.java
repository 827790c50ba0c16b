/**
 * The Neo4j projection of the RDF store: where Neo4j runs ({@link dev.noema.neo4j.Neo4jTarget}:
 * embedded in-process or any server through Bolt), the connection every access goes through ({@link
 * dev.noema.neo4j.Neo4jConnection}, the official driver with managed transactions), the mapping of
 * the ontology to labels, properties and relationship types ({@link dev.noema.neo4j.GraphMapping},
 * derived from {@link dev.noema.ontology.OntologyModel}), and the incremental sync of named graphs
 * ({@link dev.noema.neo4j.Neo4jSync}). Builds on {@code ontology} and {@code store}; the RDF store
 * stays the source of truth and is only read.
 */
package dev.noema.neo4j;
