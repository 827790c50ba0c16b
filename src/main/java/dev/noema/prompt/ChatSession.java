package dev.noema.prompt;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.noema.text.TokenCounter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * An interactive session: each line read is a question; each question retrieves its own context
 * from the knowledge graph (refreshed first, so conversations recorded meanwhile are found) and is
 * sent with the earlier exchanges (questions and answers, without their old contexts, the last
 * {@link #HISTORY} of them) so follow-up questions work. Ends at end of input or on {@code /exit}
 * or {@code /quit}.
 *
 * <p>Not thread-safe: one session per reader.
 */
public final class ChatSession {
  /** How many earlier exchanges are sent with a question. */
  public static final int HISTORY = 10;

  private static final String PROMPT = "noema> ";

  private final GraphRetrieval retrieval;
  private final ChatModel model;
  private final ContextRequest defaults;
  private final TokenCounter tokens = new TokenCounter();
  private final Deque<ChatMessage[]> history = new ArrayDeque<>();

  /**
   * @param model the chat model; required, a chat needs someone to answer
   * @param defaults budget, hops, format and explain for every question (its question is replaced)
   */
  public ChatSession(GraphRetrieval retrieval, ChatModel model, ContextRequest defaults) {
    this.retrieval = Objects.requireNonNull(retrieval, "retrieval");
    this.model = Objects.requireNonNull(model, "a chat needs a chat model: " + Asker.CONFIGURE);
    this.defaults = Objects.requireNonNull(defaults, "defaults");
  }

  /**
   * Runs until the input ends or the user types /exit.
   *
   * @return the number of questions answered
   */
  public int run(BufferedReader in, PrintWriter out) {
    out.println("Ask about your conversations; every answer cites its sources. /exit to leave.");
    int answered = 0;
    while (true) {
      out.print(PROMPT);
      out.flush();
      String line = readLine(in);
      if (line == null || line.strip().equals("/exit") || line.strip().equals("/quit")) {
        out.println();
        out.flush();
        return answered;
      }
      if (line.isBlank()) {
        continue;
      }
      String question = line.strip();
      retrieval.refresh();
      GraphContext context = retrieval.context(defaults.withQuestion(question));
      List<ChatMessage> earlier = new ArrayList<>();
      history.forEach(exchange -> earlier.addAll(List.of(exchange)));
      Answer answer =
          Asker.send(
              model, tokens, GraphAugmentedPrompt.of(context).messages(earlier), context.sources());
      AnswerPrinter.print(out, answer, false);
      out.flush();
      history.addLast(
          new ChatMessage[] {UserMessage.from(question), AiMessage.from(answer.text())});
      if (history.size() > HISTORY) {
        history.removeFirst();
      }
      answered++;
    }
  }

  private static String readLine(BufferedReader in) {
    try {
      return in.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the next question", e);
    }
  }
}
