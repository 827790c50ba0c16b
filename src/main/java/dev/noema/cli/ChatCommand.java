package dev.noema.cli;

import dev.noema.kb.KnowledgeBase;
import dev.noema.prompt.ChatSession;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code noema chat}: an interactive session in which every question retrieves its own context. */
@Command(
    name = "chat",
    mixinStandardHelpOptions = true,
    description =
        "Chat with the configured model; every question gets its own graph context. /exit to leave.")
final class ChatCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LlmOptions llm;
  @Mixin ContextCommand.ContextOptions context;

  @Override
  public Integer call() {
    try (KnowledgeBase base = llm.open()) {
      var model =
          base.chatModel()
              .orElseThrow(
                  () ->
                      new CommandFailure(
                          "chat needs a model: set NOEMA_LLM (openai:gpt-4o-mini with OPENAI_API_KEY, ollama:llama3.1, "
                              + "anthropic:claude-3-5-haiku-latest with ANTHROPIC_API_KEY) or use --llm"));
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      return new ChatSession(
              base.retrieval(), model, context.request("(replaced by each question)"))
          .run(in, spec.commandLine().getOut());
    }
  }
}
