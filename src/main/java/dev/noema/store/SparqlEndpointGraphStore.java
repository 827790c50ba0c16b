package dev.noema.store;

/** Placeholder until the endpoint implementation lands (in progress, same session). */
abstract class SparqlEndpointGraphStore implements GraphStore {}
