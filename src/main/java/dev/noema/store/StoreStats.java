package dev.noema.store;

/**
 * Sizes of a store.
 *
 * @param graphs named graphs
 * @param quads quads in all named graphs
 */
public record StoreStats(long graphs, long quads) {}
