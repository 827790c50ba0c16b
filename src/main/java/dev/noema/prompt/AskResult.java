package dev.noema.prompt;

import dev.noema.conversation.Conversation;
import dev.noema.conversation.Role;
import dev.noema.conversation.Turn;
import java.time.Instant;
import java.util.List;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * What {@link Asker#ask} produced.
 *
 * @param context the retrieved context
 * @param prompt the graph-augmented prompt (complete, ready to paste)
 * @param answer the model's answer with the graph, or null when no model is configured
 * @param baseline the same model's answer without the graph, or null when not asked for (or no
 *     model)
 * @param notice what to do next when no model is configured (how to configure a provider), else
 *     null
 */
public record AskResult(
    GraphContext context,
    GraphAugmentedPrompt prompt,
    Answer answer,
    Answer baseline,
    String notice) {

  /** The conversation format name of recorded questions. */
  public static final String FORMAT = "noema-ask";

  /** True when no model was asked: {@link #prompt} is the result. */
  public boolean promptOnly() {
    return answer == null;
  }

  /**
   * The question and the graph-augmented answer as a two-turn conversation (format {@value
   * #FORMAT}) for the import pipeline to store and extract from, so that asking feeds the graph.
   * Its id is derived from the question and the time, so recording the same exchange twice
   * addresses the same conversation.
   *
   * @throws IllegalStateException when there is no answer to record
   */
  public Conversation toConversation(Instant time) {
    if (answer == null) {
      throw new IllegalStateException("nothing to record: no model answered (configure NOEMA_LLM)");
    }
    String question = context.question();
    String id = "ask-" + DigestUtils.sha256Hex(time + "\n" + question).substring(0, 16);
    String title = question.length() <= 80 ? question : question.substring(0, 79) + "…";
    List<Turn> turns =
        List.of(
            Turn.of(0, id + "-q", Role.USER, "User", time, question),
            new Turn(
                1,
                id + "-a",
                Role.ASSISTANT,
                answer.model() == null ? "Assistant" : answer.model(),
                answer.model(),
                time.plus(answer.latency()),
                answer.text(),
                List.of(),
                null));
    Instant end = time.plus(answer.latency());
    return new Conversation(id, title, "noema", FORMAT, "noema ask", time, end, turns, List.of());
  }
}
