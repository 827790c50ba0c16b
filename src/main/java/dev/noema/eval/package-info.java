/**
 * Quality measured against hand-written gold: the development corpus's gold files ({@link
 * dev.noema.eval.GoldCorpus}) read, and the knowledge base as stored scored against them per
 * conversation and overall ({@link dev.noema.eval.CorpusEvaluation}): entity recall, typing
 * precision, top-10 precision of the centres, {@code not_entities} produced, relations, topics
 * among the centres, grounding, cross-language identity; and the gold's retrieval questions turned
 * into {@link dev.noema.prompt.EvalQuestion}s. Reads only: it never writes to the store. Builds on
 * {@code store}, {@code ontology}, {@code text}, {@code topology}, {@code extract} (the quote rule)
 * and {@code prompt} (the question record).
 */
package dev.noema.eval;
