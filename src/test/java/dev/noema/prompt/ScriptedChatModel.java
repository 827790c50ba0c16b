package dev.noema.prompt;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A chat model for tests: answers by a script and records every request it got. */
final class ScriptedChatModel implements ChatModel {
  private final Function<List<ChatMessage>, String> script;
  private final boolean reportsUsage;
  final List<List<ChatMessage>> requests = new ArrayList<>();

  ScriptedChatModel(Function<List<ChatMessage>, String> script, boolean reportsUsage) {
    this.script = script;
    this.reportsUsage = reportsUsage;
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    requests.add(request.messages());
    String answer = script.apply(request.messages());
    ChatResponse.Builder response =
        ChatResponse.builder().aiMessage(AiMessage.from(answer)).modelName("scripted");
    if (reportsUsage) {
      response.tokenUsage(new TokenUsage(100 * request.messages().size(), 7));
    }
    return response.build();
  }

  /** The text of every message of a request, joined. */
  static String text(List<ChatMessage> messages) {
    StringBuilder out = new StringBuilder();
    for (ChatMessage m : messages) {
      if (m instanceof SystemMessage s) {
        out.append(s.text());
      } else if (m instanceof UserMessage u) {
        out.append(u.singleText());
      } else if (m instanceof AiMessage a) {
        out.append(a.text());
      }
      out.append('\n');
    }
    return out.toString();
  }
}
