/**
 * Noema's OWL ontology as data: loading it from {@code ontology/}, reading its classes and
 * properties with their labels, comments, domains and ranges ({@link
 * dev.noema.ontology.OntologyModel}), and checking it with a reasoner and SHACL. The IRIs Java code
 * must name are kept in one place, {@link dev.noema.ontology.Noema}. Depends on nothing else of
 * Noema's.
 */
package dev.noema.ontology;
