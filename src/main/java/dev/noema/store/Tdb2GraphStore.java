package dev.noema.store;

/** Placeholder until the embedded implementation lands (in progress, same session). */
abstract class Tdb2GraphStore implements GraphStore {}
