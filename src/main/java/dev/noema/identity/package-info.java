/**
 * Identity: one node per real thing. Decides, when facts are written, which existing entity a
 * mention (a name as one extractor used it in one turn) denotes, or mints a new one ({@link
 * dev.noema.identity.Resolver}); keeps each entity's names per language and every decision about it
 * (with its evidence, score and who took it, as PROV) in the entity's identity graph; and lets the
 * user list, split, accept and reject decisions ({@link dev.noema.identity.IdentityReview}). Builds
 * on {@code text}, {@code ontology} and {@code store}; nothing of {@code extract}.
 */
package dev.noema.identity;
