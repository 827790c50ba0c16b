package dev.noema.cli;

import dev.noema.conversation.ConversationFormat;
import dev.noema.conversation.format.ConversationFormats;
import dev.noema.conversation.format.Identification;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code noema formats [NAME]}: the formats import reads, what each recognises, an example. */
@Command(
    name = "formats",
    mixinStandardHelpOptions = true,
    description =
        "List the formats 'noema import' reads (in the order detection asks them), what each"
            + " recognises, with an example; and the side files of exports it passes over.")
final class FormatsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "NAME",
      description = "Show this format only (as in 'noema import --format NAME').")
  String name;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ConversationFormats formats = ConversationFormats.standard();
    List<ConversationFormat> shown =
        name == null ? formats.all() : formats.byName(name).stream().toList();
    if (shown.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println(
              "noema: unknown format '"
                  + name
                  + "' (known: "
                  + String.join(", ", formats.all().stream().map(ConversationFormat::name).toList())
                  + ")");
      return 1;
    }
    for (ConversationFormat format : shown) {
      out.println(format.name());
      out.println("  " + format.description());
      out.println("  example:");
      format.example().lines().forEach(line -> out.println("    " + line));
      out.println();
    }
    if (name == null) {
      out.println(
          "Every format is read from UTF-8 (with or without a byte order mark), UTF-16 or UTF-32.");
      out.println("Recognised and passed over (files exports carry beside their conversations):");
      for (ConversationFormats.KnownFile known : formats.knownFiles()) {
        if (known.verdict() instanceof Identification.PassedOver passed) {
          out.println("  " + passed.what());
        }
      }
      out.println("Recognised and refused, with what to do:");
      for (ConversationFormats.KnownFile known : formats.knownFiles()) {
        if (known.verdict() instanceof Identification.Unreadable refused) {
          out.println("  " + refused.reason());
        }
      }
    }
    out.flush();
    return 0;
  }
}
