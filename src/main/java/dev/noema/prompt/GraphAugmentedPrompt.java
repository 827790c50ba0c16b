package dev.noema.prompt;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * A prompt: system instructions and a user message. The graph-augmented one carries the context and
 * asks the model to cite its keys; the baseline is the bare question.
 *
 * @param system the system instructions, or null for none (the baseline)
 * @param user the user message
 */
public record GraphAugmentedPrompt(String system, String user) {

  /** The instructions of a graph-augmented prompt. */
  public static final String INSTRUCTIONS =
      """
      You answer questions with the help of facts from a knowledge graph built from the user's own conversations \
      with AI assistants. Each fact cites the conversation turn it was taken from with a key such as [T1]; the \
      Sources list says which conversation, speaker, time and message each key is.
      - Answer in the language of the question.
      - Base the answer on the facts. After each statement that uses a fact, cite its key in square brackets, \
      for example [T1] or [T1][T3].
      - Keep the perspectives apart: when a fact says whose view it is (a person's, the industry's), say so.
      - If the facts do not answer the question, say that the knowledge graph does not cover it, then answer from \
      general knowledge and mark that part as not from the knowledge graph.""";

  /** The prompt for {@code question} with {@code context}. */
  public static GraphAugmentedPrompt of(GraphContext context) {
    return new GraphAugmentedPrompt(
        INSTRUCTIONS,
        "Context:\n" + context.text().strip() + "\n\nQuestion: " + context.question());
  }

  /**
   * The same question with no graph context and no instructions: what the model says on its own.
   */
  public static GraphAugmentedPrompt baseline(String question) {
    return new GraphAugmentedPrompt(null, question);
  }

  /**
   * The messages to send, optionally after earlier turns of a chat ({@code history}, oldest first).
   */
  public List<ChatMessage> messages(List<ChatMessage> history) {
    List<ChatMessage> messages = new ArrayList<>(history.size() + 2);
    if (system != null) {
      messages.add(SystemMessage.from(system));
    }
    messages.addAll(history);
    messages.add(UserMessage.from(user));
    return messages;
  }

  /** The whole prompt as one text, ready to paste into any assistant. */
  public String text() {
    return system == null ? user : system + "\n\n" + user;
  }
}
