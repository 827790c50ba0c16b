package dev.noema.cli;

import dev.noema.conversation.StrictModeAbort;
import dev.noema.ontology.OntologyException;
import dev.noema.store.StoreException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root command: lists the subcommands, and turns known failures into one line and exit code 1.
 */
@Command(
    name = "noema",
    mixinStandardHelpOptions = true,
    version = "noema 0.1.0",
    description = "A knowledge graph of the meaning in your AI-chat conversations.")
public final class NoemaCommand implements Runnable {
  /** The subcommands, in the order the usage lists them. */
  private static final List<Class<?>> SUBCOMMANDS =
      List.of(
          DemoCommand.class,
          ImportCommand.class,
          FormatsCommand.class,
          QueryCommand.class,
          SyncCommand.class,
          StatsCommand.class,
          ExportCommand.class,
          ExploreCommand.class,
          ContextCommand.class,
          AskCommand.class,
          ChatCommand.class,
          ExtractCommand.class,
          ResolveCommand.class,
          EvalCommand.class,
          OntologyCommand.class,
          ServeCommand.class,
          CommandLine.HelpCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * The configured command line for {@code args}: what {@link Main} runs and what tests call {@code
   * execute(args)} on. When {@code args} start with the name of a subcommand other than {@code
   * help}, only that subcommand is built: picocli reads every command's options by reflection as it
   * builds it, which took a tenth of {@code noema stats}. Otherwise (no arguments, {@code --help},
   * {@code help}, a misspelt name that picocli suggests corrections for) all of them are.
   */
  public static CommandLine commandLine(String... args) {
    CommandLine cli = new CommandLine(new NoemaCommand());
    List<Class<?>> named =
        SUBCOMMANDS.stream()
            .filter(
                c ->
                    args.length > 0
                        && !args[0].equals("help")
                        && c.getAnnotation(Command.class).name().equals(args[0]))
            .toList();
    (named.isEmpty() ? SUBCOMMANDS : named).forEach(cli::addSubcommand);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (System.getenv("NOEMA_DEBUG") != null) {
            e.printStackTrace(commandLine.getErr());
          }
          commandLine.getErr().println("noema: " + oneLine(e));
          commandLine.getErr().flush();
          return 1;
        });
    return cli;
  }

  /**
   * Failures whose message is already the one line a user needs; anything else is a bug and says
   * so.
   */
  private static final List<Class<? extends Throwable>> USER_FACING =
      List.of(
          StoreException.class,
          OntologyException.class,
          StrictModeAbort.class,
          CommandFailure.class,
          java.io.UncheckedIOException.class,
          dev.noema.llm.LlmException.class,
          dev.noema.topology.TopologyException.class,
          dev.noema.neo4j.Neo4jException.class,
          dev.noema.prompt.QuestionFileException.class,
          IllegalArgumentException.class);

  /**
   * One line that says what went wrong, for the failures a user can cause; a short class name
   * otherwise.
   */
  static String oneLine(Throwable e) {
    if (USER_FACING.stream().anyMatch(type -> type.isInstance(e))) {
      return e.getMessage();
    }
    String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
    return e.getClass().getSimpleName()
        + (message.isEmpty() ? "" : ": " + message)
        + " (set NOEMA_DEBUG=1 for the stack trace)";
  }
}
