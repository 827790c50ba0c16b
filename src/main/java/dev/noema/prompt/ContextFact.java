package dev.noema.prompt;

import java.util.List;

/**
 * One fact of a context, with its evidence and why it was chosen.
 *
 * @param kind what the fact states
 * @param iri the fact's node: the interpretation's or the entity's IRI; for a relation, the
 *     subject's
 * @param subject the subject entity (the interpreted concept for an interpretation, the defined
 *     entity for a definition)
 * @param subjectLabel its label in the question's language
 * @param predicate the relation's property IRI ({@code noema:interprets} for an interpretation),
 *     null for a definition
 * @param predicateLabel the property's label from the ontology, or null
 * @param object the object entity (the perspective for an interpretation), or null for a definition
 * @param objectLabel its label, or null
 * @param statement the interpretation's statement or the definition, null for a relation
 * @param citations the evidence, never empty: a fact without evidence is never put into a context
 * @param score the fact's relevance (higher is more relevant): its graph share (its
 *     personalised-PageRank score over the best candidate's, 0 when only its evidence found it)
 *     plus its evidence share
 * @param evidence its evidence share, from 0 to 1: the BM25 score of its best piece of evidence for
 *     the question over the best piece's; 0 when none matches
 * @param seed the label of the linked node the fact is nearest to, or null when only its evidence
 *     found it
 * @param hops how many hops that seed is from the fact's nearest node (0: the fact touches the
 *     seed), or -1 when only its evidence found it
 */
public record ContextFact(
    Kind kind,
    String iri,
    String subject,
    String subjectLabel,
    String predicate,
    String predicateLabel,
    String object,
    String objectLabel,
    String statement,
    List<Citation> citations,
    double score,
    double evidence,
    String seed,
    int hops) {

  /** What a context fact states. */
  public enum Kind {
    /** A relation between two entities. */
    RELATION,
    /** How a perspective understands a concept. */
    INTERPRETATION,
    /** An entity's definition. */
    DEFINITION
  }

  public ContextFact {
    citations = List.copyOf(citations);
    if (citations.isEmpty()) {
      throw new IllegalArgumentException("a context fact needs evidence: " + iri);
    }
  }
}
