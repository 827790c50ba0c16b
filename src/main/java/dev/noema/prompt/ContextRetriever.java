package dev.noema.prompt;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * LangChain4j's RAG interface backed by a Noema knowledge base: any {@code AiServices} assistant
 * can use it as its {@code contentRetriever}.
 *
 * <p>Each {@link Content} is one fact, most relevant first, self-contained: its line with quoted
 * evidence and citation keys, then the legend lines of the turns it cites (conversation, turn,
 * speaker, time, message id). The facts together fit the token budget given here. Its {@link
 * ContentMetadata#SCORE} is the fact's ranking score. A question that neither links to a node nor
 * matches any evidence gives an empty list. Thread-safe.
 */
public final class ContextRetriever implements ContentRetriever {
  private final GraphRetrieval retrieval;
  private final int budget;
  private final int hops;
  private final ContextWriter writer = new ContextWriter();

  /** Default budget (2,000 tokens) and hops (2). */
  public ContextRetriever(GraphRetrieval retrieval) {
    this(retrieval, ContextRequest.DEFAULT_BUDGET, ContextRequest.DEFAULT_HOPS);
  }

  /**
   * @param budget the most tokens the facts may take together
   * @param hops how far to expand from the linked nodes
   */
  public ContextRetriever(GraphRetrieval retrieval, int budget, int hops) {
    this.retrieval = Objects.requireNonNull(retrieval, "retrieval");
    this.budget = budget;
    this.hops = hops;
    if (budget < 1 || hops < 0) {
      throw new IllegalArgumentException(
          "budget must be at least 1 and hops 0 or more: " + budget + ", " + hops);
    }
  }

  @Override
  public List<Content> retrieve(Query query) {
    GraphContext context =
        retrieval.context(ContextRequest.of(query.text()).withBudget(budget).withHops(hops));
    return context.facts().stream()
        .map(
            f ->
                Content.from(
                    TextSegment.from(writer.citedFact(f, context.sources())),
                    Map.of(ContentMetadata.SCORE, f.score())))
        .toList();
  }
}
