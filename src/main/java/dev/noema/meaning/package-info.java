/**
 * The meaning layer, read once: one query over the store ({@code meaning-layer.rq}), one reader of
 * its triples ({@link dev.noema.meaning.MeaningReader}) and one immutable {@link
 * dev.noema.meaning.MeaningLayer} (entities with their names in every language, relations with the
 * facts that reify them and their groundings, interpretations, the turns they cite), cached per
 * store state by {@link dev.noema.meaning.MeaningLayers}. What the layer is comes from the ontology
 * ({@link dev.noema.meaning.MeaningSchema}); which name to show for a language is decided in one
 * place ({@link dev.noema.meaning.Names#display}). Also the views of it that the web page and a
 * Java user read: finding entities by name ({@link dev.noema.meaning.NameIndex}) and describing one
 * ({@link dev.noema.meaning.EntityDescription}).
 *
 * <p>Builds on {@code ontology}, {@code store} and {@code text}; {@code topology}, {@code prompt},
 * {@code neo4j} and the server read meaning only through this package.
 */
package dev.noema.meaning;
