package dev.noema.meaning;

import java.util.List;
import java.util.Objects;

/**
 * How one perspective understands one concept: an n-ary {@code noema:Interpretation} node.
 *
 * @param concept IRI of what it interprets ({@code noema:interprets})
 * @param perspective IRI of the perspective it is from ({@code noema:fromPerspective})
 * @param statements its {@code noema:statement}s, by language then text
 * @param groundings the groundings whose body is the interpretation, in turn order
 * @param mentions IRIs of the turns it is mentioned in, sorted
 */
public record Interpretation(
    String iri,
    String concept,
    String perspective,
    List<LangText> statements,
    List<Grounding> groundings,
    List<String> mentions) {
  public Interpretation {
    Objects.requireNonNull(iri, "iri");
    Objects.requireNonNull(concept, "concept");
    Objects.requireNonNull(perspective, "perspective");
    statements = List.copyOf(statements);
    groundings = List.copyOf(groundings);
    mentions = List.copyOf(mentions);
  }

  /** The first statement, or null when it has none. */
  public String statement() {
    return statements.isEmpty() ? null : statements.get(0).text();
  }
}
