package dev.noema.prompt;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.noema.text.TokenCounter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks a question with the knowledge graph's context: retrieves the context, builds the {@link
 * GraphAugmentedPrompt}, sends it to the chat model and resolves the answer's citations to turns;
 * optionally asks the same model the bare question too (the baseline), so the two answers can be
 * compared with their tokens and latency.
 *
 * <p>With no model (null), nothing is sent: the result carries the complete prompt and a notice on
 * how to configure a provider. Thread-safe when the chat model is.
 */
public final class Asker {
  /** Shown when no chat model is configured. */
  public static final String CONFIGURE =
      "No chat model is configured, so nothing was sent: paste the prompt above"
          + " into any assistant, or configure a provider: NOEMA_LLM=openai:gpt-4o-mini (with OPENAI_API_KEY),"
          + " NOEMA_LLM=ollama:llama3.1 (a local Ollama), or NOEMA_LLM=anthropic:claude-3-5-haiku-latest"
          + " (with ANTHROPIC_API_KEY).";

  private static final Pattern BRACKETS = Pattern.compile("\\[([^\\[\\]]{1,80})]");
  private static final Pattern KEY = Pattern.compile("\\bT\\d+\\b");

  private final GraphRetrieval retrieval;
  private final ChatModel model;
  private final TokenCounter tokens = new TokenCounter();

  /**
   * @param retrieval where contexts come from
   * @param model the chat model (the provider is chosen at wiring), or null to only build prompts
   */
  public Asker(GraphRetrieval retrieval, ChatModel model) {
    this.retrieval = Objects.requireNonNull(retrieval, "retrieval");
    this.model = model;
  }

  /** Asks {@code request}'s question; with {@code baseline}, also without the graph. */
  public AskResult ask(ContextRequest request, boolean baseline) {
    return ask(retrieval.context(request), baseline);
  }

  /**
   * Asks the question of a context already retrieved; with {@code baseline}, also without the
   * graph.
   */
  public AskResult ask(GraphContext context, boolean baseline) {
    GraphAugmentedPrompt prompt = GraphAugmentedPrompt.of(context);
    if (model == null) {
      return new AskResult(context, prompt, null, null, CONFIGURE);
    }
    Answer answer = send(prompt.messages(List.of()), context.sources());
    Answer bare =
        baseline
            ? send(GraphAugmentedPrompt.baseline(context.question()).messages(List.of()), Map.of())
            : null;
    return new AskResult(context, prompt, answer, bare, null);
  }

  /** Sends {@code messages} and resolves the answer's citation keys against {@code sources}. */
  Answer send(List<ChatMessage> messages, Map<String, SourceTurn> sources) {
    return send(model, tokens, messages, sources);
  }

  static Answer send(
      ChatModel model,
      TokenCounter tokens,
      List<ChatMessage> messages,
      Map<String, SourceTurn> sources) {
    long start = System.nanoTime();
    ChatResponse response = model.chat(ChatRequest.builder().messages(messages).build());
    Duration latency = Duration.ofNanos(System.nanoTime() - start);
    String text = response.aiMessage().text() == null ? "" : response.aiMessage().text();
    TokenUsage usage = response.tokenUsage();
    boolean estimated =
        usage == null || usage.inputTokenCount() == null || usage.outputTokenCount() == null;
    int in =
        estimated
            ? messages.stream().mapToInt(m -> tokens.count(textOf(m))).sum()
            : usage.inputTokenCount();
    int out = estimated ? tokens.count(text) : usage.outputTokenCount();
    Map<String, Citation> cited = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    Matcher brackets = BRACKETS.matcher(text);
    while (brackets.find()) {
      Matcher key = KEY.matcher(brackets.group(1));
      while (key.find()) {
        String k = key.group();
        SourceTurn turn = sources.get(k);
        if (turn != null) {
          cited.putIfAbsent(k, new Citation(k, turn, null));
        } else if (!unknown.contains(k)) {
          unknown.add(k);
        }
      }
    }
    return new Answer(
        text,
        List.copyOf(cited.values()),
        unknown,
        in,
        out,
        estimated,
        latency,
        response.modelName());
  }

  private static String textOf(ChatMessage message) {
    if (message instanceof SystemMessage s) {
      return s.text();
    }
    if (message instanceof UserMessage u) {
      return u.hasSingleText() ? u.singleText() : u.toString();
    }
    if (message instanceof dev.langchain4j.data.message.AiMessage a) {
      return a.text();
    }
    return message.toString();
  }
}
