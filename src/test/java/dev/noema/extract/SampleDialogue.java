package dev.noema.extract;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.noema.conversation.Conversation;
import dev.noema.conversation.Role;
import dev.noema.conversation.Turn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample Nexus dialogue as a {@link Conversation}, built by hand until the real Nexus format
 * lands: the file's text is UTF-8 read as Mac Roman, so it is repaired, split at the assistant's
 * callout, and the callouts' "> " prefixes stripped.
 */
final class SampleDialogue {
  static final Path FILE = Path.of("import", "samples", "000_aecd9b8aaabbed65.txt");

  private SampleDialogue() {}

  static Conversation conversation() {
    String text = repaired();
    int split = text.indexOf(">[!nexus_agent]");
    return conversation(
        "aecd9b8aaabbed65",
        Turn.of(0, null, Role.USER, "User", null, body(text.substring(0, split))),
        Turn.of(1, null, Role.ASSISTANT, "Assistant", null, body(text.substring(split))));
  }

  static Conversation conversation(String id, Turn... turns) {
    return new Conversation(id, null, null, "test", "test", null, null, List.of(turns), List.of());
  }

  /** A conversation of the given turns, the user's and the assistant's in turn, with a title. */
  static Conversation dialogue(String id, String title, String... texts) {
    List<Turn> turns = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      Role role = i % 2 == 0 ? Role.USER : Role.ASSISTANT;
      turns.add(Turn.of(i, null, role, role == Role.USER ? "User" : "Assistant", null, texts[i]));
    }
    return new Conversation(id, title, null, "test", "test", null, null, turns, List.of());
  }

  /** A conversation of one assistant turn with the given Markdown. */
  static Conversation ofMarkdown(String markdown) {
    return conversation("md", Turn.of(0, null, Role.ASSISTANT, "Assistant", null, markdown));
  }

  static String repaired() {
    try {
      String mojibake = Files.readString(FILE, UTF_8);
      return new String(mojibake.getBytes(Charset.forName("x-MacRoman")), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The callout's lines without its header, UID comment and "> " prefixes. */
  private static String body(String callout) {
    List<String> lines = new ArrayList<>();
    for (String line : callout.split("\n", -1)) {
      if (line.startsWith(">[!") || line.startsWith("<!-- UID:")) {
        continue;
      }
      lines.add(line.startsWith("> ") ? line.substring(2) : line.equals(">") ? "" : line);
    }
    return String.join("\n", lines).strip();
  }

  /**
   * Each entity's IRI by key, minted from its canonical label, as a resolver with an empty store
   * mints the first of each name.
   */
  static java.util.Map<String, org.apache.jena.graph.Node> entityIris(Extraction extraction) {
    java.util.Map<String, org.apache.jena.graph.Node> iris = new java.util.HashMap<>();
    extraction
        .entities()
        .forEach(e -> iris.put(e.key(), dev.noema.identity.EntityIris.of(e.canonicalLabel())));
    return iris;
  }

  /** The canonical label of the extraction's entity with this key. */
  static String canonical(Extraction e, String key) {
    return e.entities().stream()
        .filter(x -> x.key().equals(key))
        .findFirst()
        .orElseThrow()
        .canonicalLabel();
  }

  /** The type of the extraction's entity with this label, or null when there is none. */
  static String typeOf(Extraction e, String label) {
    return e.entities().stream()
        .filter(x -> x.label().equals(label))
        .map(ExtractedEntity::type)
        .findFirst()
        .orElse(null);
  }
}
