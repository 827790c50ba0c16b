package dev.noema.identity;

/**
 * What {@link IdentityReview#accept} did.
 *
 * @param kept the entity that stays
 * @param merged the entity merged into it, whose IRI is gone
 * @param graphsRewritten graphs that named {@code merged} and now name {@code kept}
 */
public record MergeResult(String kept, String merged, int graphsRewritten) {}
