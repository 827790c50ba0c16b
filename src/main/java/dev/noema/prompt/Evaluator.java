package dev.noema.prompt;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.noema.identity.EntityIris;
import dev.noema.text.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Evaluates retrieval (and, with a judge, answers) on a list of questions.
 *
 * <p>Retrieval: recall@budget of the expected facts and turns in the context, and the rank of the
 * first fact that matches any of them. An expected fact matches a context fact when it names (IRI,
 * canonical label minted to its IRI, or displayed label, ignoring case and accents) the fact's
 * subject, object or node, or is a phrase of its statement; an expected turn matches a cited turn
 * by IRI or message id.
 *
 * <p>Answers (when a judge is given): the question is asked with and without the graph (by the
 * answering model, or the judge when there is none), and the judge says CORRECT or INCORRECT for
 * each against the expected facts and answer.
 */
public final class Evaluator {
  static final String JUDGE_INSTRUCTIONS =
      """
      You grade answers to questions about a person's conversations with AI assistants. You get the question, the \
      reference (facts that a correct answer must agree with, and possibly a reference answer) and an answer. Reply \
      with one word: CORRECT if the answer agrees with the reference and answers the question, INCORRECT otherwise.""";

  private final GraphRetrieval retrieval;
  private final Asker asker;
  private final ChatModel judge;

  /**
   * @param answerer the model whose answers are judged, or null to let the judge answer
   * @param judge the judge, or null to evaluate retrieval only
   */
  public Evaluator(GraphRetrieval retrieval, ChatModel answerer, ChatModel judge) {
    this.retrieval = Objects.requireNonNull(retrieval, "retrieval");
    this.judge = judge;
    ChatModel answering = answerer != null ? answerer : judge;
    this.asker = answering == null ? null : new Asker(retrieval, answering);
  }

  /** Evaluates every question with {@code defaults}' budget and hops, in order. */
  public EvalReport run(List<EvalQuestion> questions, ContextRequest defaults) {
    List<EvalResult> results = new ArrayList<>(questions.size());
    for (EvalQuestion q : questions) {
      ContextRequest request =
          defaults.withQuestion(q.question()).withFormat(ContextFormat.COMPACT);
      GraphContext context = retrieval.context(request);
      List<String> found = new ArrayList<>();
      List<String> missed = new ArrayList<>();
      int firstHit = 0;
      for (String expected : q.expectedFacts()) {
        (context.facts().stream().anyMatch(f -> factMatches(expected, f)) ? found : missed)
            .add(expected);
      }
      for (String expected : q.expectedTurns()) {
        (context.facts().stream().anyMatch(f -> turnMatches(expected, f)) ? found : missed)
            .add(expected);
      }
      for (int i = 0; i < context.facts().size() && firstHit == 0; i++) {
        ContextFact f = context.facts().get(i);
        if (q.expectedFacts().stream().anyMatch(e -> factMatches(e, f))
            || q.expectedTurns().stream().anyMatch(e -> turnMatches(e, f))) {
          firstHit = i + 1;
        }
      }
      int expectedCount = found.size() + missed.size();
      double recall = expectedCount == 0 ? 1 : found.size() / (double) expectedCount;
      Boolean withGraph = null;
      Boolean withoutGraph = null;
      if (judge != null) {
        AskResult asked = asker.ask(context, true);
        withGraph = judge(q, asked.answer().text());
        withoutGraph = judge(q, asked.baseline().text());
      }
      results.add(
          new EvalResult(
              q,
              found,
              missed,
              recall,
              firstHit,
              context.facts().size(),
              context.tokens(),
              withGraph,
              withoutGraph));
    }
    return new EvalReport(results, defaults.budget());
  }

  private Boolean judge(EvalQuestion q, String answer) {
    StringBuilder reference = new StringBuilder();
    if (!q.expectedFacts().isEmpty()) {
      reference.append("Facts: ").append(String.join("; ", q.expectedFacts())).append('\n');
    }
    if (q.expectedAnswer() != null) {
      reference.append("Reference answer: ").append(q.expectedAnswer()).append('\n');
    }
    String verdict =
        judge
            .chat(
                ChatRequest.builder()
                    .messages(
                        SystemMessage.from(JUDGE_INSTRUCTIONS),
                        UserMessage.from(
                            "Question: "
                                + q.question()
                                + "\n\nReference:\n"
                                + reference
                                + "\nAnswer:\n"
                                + answer))
                    .build())
            .aiMessage()
            .text();
    String word = verdict == null ? "" : verdict.strip().toUpperCase(Locale.ROOT);
    if (word.startsWith("INCORRECT")) {
      return false;
    }
    return word.startsWith("CORRECT") ? true : null;
  }

  static boolean factMatches(String expected, ContextFact f) {
    String e = Text.key(expected);
    List<String> names = new ArrayList<>();
    for (String iri : new String[] {f.iri(), f.subject(), f.object()}) {
      if (iri != null) {
        names.add(iri);
      }
    }
    String minted = expected.contains("://") ? expected : EntityIris.of(expected).getURI();
    if (names.contains(expected) || names.contains(minted)) {
      return true;
    }
    for (String label : new String[] {f.subjectLabel(), f.objectLabel()}) {
      if (label != null && Text.key(label).equals(e)) {
        return true;
      }
    }
    return f.statement() != null && e.length() > 3 && Text.key(f.statement()).contains(e);
  }

  static boolean turnMatches(String expected, ContextFact f) {
    return f.citations().stream()
        .anyMatch(c -> c.turn().iri().equals(expected) || expected.equals(c.turn().messageId()));
  }
}
