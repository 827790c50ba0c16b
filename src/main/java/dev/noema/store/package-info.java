/**
 * The source of truth: named RDF graphs in Apache Jena TDB2 (embedded) or behind a remote SPARQL
 * 1.1 endpoint, behind one interface, {@link dev.noema.store.GraphStore}. Every write is one
 * transaction; every named graph carries a content hash in the store's registry so that re-imports
 * and projections can tell what changed. Also maps the dialogue layer of a {@link
 * dev.noema.conversation.Conversation} to RDF ({@link dev.noema.store.DialogueGraph}).
 */
package dev.noema.store;
