package dev.noema.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * A {@link ChatModel} test double: answers from a script, then from a function of the request;
 * records every request. Test code only.
 */
public final class ScriptedChatModel implements ChatModel {
  private final ConcurrentLinkedQueue<String> script = new ConcurrentLinkedQueue<>();
  private final List<ChatRequest> requests = Collections.synchronizedList(new ArrayList<>());
  private final Function<ChatRequest, String> fallback;

  public ScriptedChatModel(Function<ChatRequest, String> fallback, String... answers) {
    this.fallback = fallback;
    script.addAll(List.of(answers));
  }

  public ScriptedChatModel(String... answers) {
    this(request -> "{\"entities\":[],\"relations\":[],\"interpretations\":[]}", answers);
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    requests.add(request);
    String answer = script.poll();
    return ChatResponse.builder()
        .aiMessage(AiMessage.from(answer != null ? answer : fallback.apply(request)))
        .tokenUsage(new TokenUsage(100, 20))
        .build();
  }

  public List<ChatRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }
}
