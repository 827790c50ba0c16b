/**
 * The map of meaning, as the web page of {@code noema serve} draws it and a Java user can compute
 * it: the meaning layer's entities as nodes (named, shaped by class, sized by PageRank, coloured by
 * cluster), its relations as edges, positions from a force layout computed here ({@link
 * dev.noema.map.MapLayout}), and search over the nodes' names ({@link dev.noema.map.MeaningMaps}).
 * Builds on {@code meaning}, {@code store} and {@code ontology}.
 */
package dev.noema.map;
