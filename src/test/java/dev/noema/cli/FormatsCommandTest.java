package dev.noema.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.conversation.ConversationFormat;
import dev.noema.conversation.format.ConversationFormats;
import org.junit.jupiter.api.Test;

class FormatsCommandTest {

  @Test
  void lists_every_format_with_its_description_and_example_and_the_side_files() {
    CliRun run = CliRun.of("formats");

    assertEquals(0, run.exitCode(), run::toString);
    for (ConversationFormat format : ConversationFormats.standard().all()) {
      assertTrue(run.out().contains(format.name() + "\n  " + format.description()), format.name());
      String firstExampleLine = format.example().lines().findFirst().orElseThrow();
      assertTrue(run.out().contains("  example:\n    " + firstExampleLine), format.name());
    }
    assertTrue(run.out().contains("  ChatGPT user.json: account details, no conversations"));
    assertTrue(run.out().contains("  a Perplexity thread exported as Markdown"));
  }

  @Test
  void shows_one_format_by_name_and_refuses_an_unknown_one() {
    CliRun one = CliRun.of("formats", "grok-json");
    CliRun unknown = CliRun.of("formats", "myspace-json");

    assertEquals(0, one.exitCode(), one::toString);
    assertTrue(one.out().startsWith("grok-json\n"), one::toString);
    assertEquals(1, one.out().lines().filter(l -> !l.startsWith(" ") && !l.isEmpty()).count());
    assertEquals(1, unknown.exitCode(), unknown::toString);
    assertTrue(unknown.err().startsWith("noema: unknown format 'myspace-json' (known: "));
  }
}
