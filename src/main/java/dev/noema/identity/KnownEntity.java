package dev.noema.identity;

/**
 * An existing entity whose name occurs in a text ({@link Resolver#namedIn}).
 *
 * @param iri the entity's IRI
 * @param name the entity's name as the text wrote it (its spelling in the entity's names)
 * @param canonicalLabel the entity's English name when it has one, else its first preferred name
 * @param type IRI of its most specific type, or null when no extraction states one
 */
public record KnownEntity(String iri, String name, String canonicalLabel, String type) {}
