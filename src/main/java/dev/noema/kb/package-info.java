/**
 * The library API a Java user calls: a {@link dev.noema.kb.KnowledgeBase} opened on a folder (or a
 * remote endpoint) that imports logs, extracts meaning and answers queries. It composes the
 * capability packages (conversation, ontology, extract, store, ...) and is what the CLI and the
 * server wire up; it holds no logic of its own that belongs to one of them.
 */
package dev.noema.kb;
