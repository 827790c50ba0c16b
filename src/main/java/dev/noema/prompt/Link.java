package dev.noema.prompt;

/**
 * A graph node the question was linked to.
 *
 * @param iri the node's IRI
 * @param label its label in the question's language
 * @param score the reciprocal-rank-fusion score (sum of 1/(60 + rank) over the lists that found it)
 * @param lexicalRank its 1-based rank in the Lucene list, or 0 when Lucene did not find it
 * @param semanticRank its 1-based rank in the embedding list, or 0 when it was not among the
 *     nearest
 */
public record Link(String iri, String label, double score, int lexicalRank, int semanticRank) {}
