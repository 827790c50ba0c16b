package dev.noema.meaning;

/**
 * What a name is to the resource it names, by the label property that gives it: the rank it has
 * when a display name is picked ({@link Names#display}). Read from the ontology's property
 * hierarchy ({@link MeaningSchema#nameKind}), never from a list of IRIs.
 */
public enum NameKind {
  /** {@code skos:prefLabel} and its sub-properties ({@code noema:canonicalLabel}). */
  PREFERRED,
  /** {@code rdfs:label} itself, and any other sub-property of it. */
  PLAIN,
  /** {@code skos:altLabel} and its sub-properties. */
  ALTERNATIVE
}
