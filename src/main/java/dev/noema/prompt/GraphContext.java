package dev.noema.prompt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The context retrieved for a question.
 *
 * @param question the question
 * @param links the nodes the question was linked to, best first
 * @param facts the facts that fitted the budget, most relevant first; each has at least one
 *     citation
 * @param sources the turns cited, by key ("T1", "T2", ...) in order of first citation
 * @param format how {@link #text} is written
 * @param text the rendered context; empty facts give a context that says nothing was found
 * @param tokens the tokens {@link #text} takes (o200k_base), never more than the budget
 * @param budget the budget it was fitted into
 * @param candidates how many facts were ranked before the budget cut
 */
public record GraphContext(
    String question,
    List<Link> links,
    List<ContextFact> facts,
    Map<String, SourceTurn> sources,
    ContextFormat format,
    String text,
    int tokens,
    int budget,
    int candidates) {

  public GraphContext {
    links = List.copyOf(links);
    facts = List.copyOf(facts);
    sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
  }
}
