/**
 * Graph-augmented prompting: link a question to meaning-graph nodes (Lucene + embeddings,
 * reciprocal-rank fusion), expand k hops ranked by personalised PageRank, rank the facts by that
 * and by how well their own evidence matches the question (BM25), fit them with their quoted
 * evidence into a token budget, render them for a prompt, ask a LangChain4j {@code ChatModel} (with
 * and without the graph), chat, and evaluate retrieval.
 *
 * <p>Reads the meaning layer through {@code meaning}; also depends on {@code ontology} and {@code
 * conversation}; the CLI only wires it. The entry point is {@link dev.noema.prompt.GraphRetrieval};
 * {@link dev.noema.prompt.ContextRetriever} adapts it to LangChain4j RAG.
 */
package dev.noema.prompt;
