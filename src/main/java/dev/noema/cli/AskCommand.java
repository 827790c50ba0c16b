package dev.noema.cli;

import dev.langchain4j.model.chat.ChatModel;
import dev.noema.conversation.Conversation;
import dev.noema.kb.ImportReport;
import dev.noema.kb.KnowledgeBase;
import dev.noema.prompt.AnswerPrinter;
import dev.noema.prompt.AskResult;
import dev.noema.prompt.Asker;
import dev.noema.prompt.GraphRetrieval;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code noema ask QUESTION}: answers with the meaning graph's context, citing the turns; with no
 * model configured, prints the complete prompt to paste anywhere.
 */
@Command(
    name = "ask",
    mixinStandardHelpOptions = true,
    description = {
      "Ask the configured model a question with the graph's context (graph-augmented prompting).",
      "With no model configured (NOEMA_LLM), prints the complete prompt instead."
    })
final class AskCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LlmOptions llm;
  @Mixin ContextCommand.ContextOptions context;

  @Parameters(paramLabel = "QUESTION", description = "The question, in any language.")
  String question;

  @Option(
      names = "--baseline",
      description = "Also ask without the graph, and show both answers side by side.")
  boolean baseline;

  @Option(
      names = "--record",
      description = "Store the question and answer as a conversation (and extract from it).")
  boolean record;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (KnowledgeBase base = llm.open()) {
      ChatModel model = base.chatModel().orElse(null);
      GraphRetrieval retrieval = base.retrieval();
      AskResult result = new Asker(retrieval, model).ask(context.request(question), baseline);
      AnswerPrinter.print(out, result);
      ContextCommand.noteMissingEmbeddings(retrieval, spec.commandLine().getErr());
      if (record) {
        if (model == null) {
          throw new CommandFailure(
              "--record needs a model's answer: configure one with NOEMA_LLM or --llm");
        }
        // One conversation: its id derives from the time, so a second toConversation would name
        // another one.
        Conversation recorded = result.toConversation(Instant.now());
        ImportReport report = base.record("noema ask", List.of(recorded));
        out.printf(
            "recorded as conversation %s (%d facts extracted)%n", recorded.id(), report.facts());
      }
      out.flush();
      return 0;
    }
  }
}
