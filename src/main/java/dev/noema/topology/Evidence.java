package dev.noema.topology;

/**
 * Where a relation was found: the quoted span and the turn it was quoted from.
 *
 * @param quote the exact quoted text ({@code oa:exact}), or null when the grounding has no quote
 * @param turn IRI of the turn ({@code oa:hasSource}), or null when unknown
 */
public record Evidence(String quote, String turn) {}
