package dev.noema.prompt;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One evaluation question.
 *
 * @param question the question
 * @param expectedFacts what the context should contain: canonical labels, displayed labels or IRIs
 *     of the entities (or interpretations) a fact should involve, or a phrase of an
 *     interpretation's statement; empty when not given
 * @param expectedTurns turns the context should cite: turn IRIs or message ids; empty when not
 *     given
 * @param expectedAnswer a reference answer for the judge, or null
 */
public record EvalQuestion(
    String question,
    List<String> expectedFacts,
    List<String> expectedTurns,
    String expectedAnswer) {

  @JsonCreator
  public EvalQuestion(
      @JsonProperty("question") String question,
      @JsonProperty("expected_facts") List<String> expectedFacts,
      @JsonProperty("expected_turns") List<String> expectedTurns,
      @JsonProperty("expected_answer") String expectedAnswer) {
    this.question = question;
    this.expectedFacts = expectedFacts == null ? List.of() : List.copyOf(expectedFacts);
    this.expectedTurns = expectedTurns == null ? List.of() : List.copyOf(expectedTurns);
    this.expectedAnswer = expectedAnswer;
  }
}
