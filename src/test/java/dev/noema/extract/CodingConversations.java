package dev.noema.extract;

import dev.noema.conversation.Conversation;
import dev.noema.conversation.Role;
import dev.noema.conversation.Turn;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates conversations about code, the way people debug with an assistant: identifiers, file
 * names, paths, flags, constants and version strings written in code blocks, in inline code and
 * bare in the prose around them, beside ordinary subjects. Seeded, so a failure can be replayed;
 * {@link #code()} lists every code string it wrote, none of which may become an entity.
 */
final class CodingConversations {
  private static final String[] VERBS = {"fetch", "load", "parse", "ensure", "refresh", "build"};
  private static final String[] NOUNS = {"data", "token", "folder", "config", "cache", "session"};
  private static final String[] EXTENSIONS = {"ts", "py", "java", "rs", "go", "yaml", "json"};
  private static final String[] LANGUAGES = {"TypeScript", "Python", "Java", "Rust", "Go"};
  private static final String[] CAPS = {"ACCESS", "TOKEN", "LICENSE", "README", "AMDGPU", "CNTFS"};

  private final Random random;
  private final Set<String> code = new LinkedHashSet<>();

  CodingConversations(long seed) {
    this.random = new Random(seed);
  }

  /** Every identifier, file name, path, flag, constant and version written so far. */
  Set<String> code() {
    return code;
  }

  Conversation next(String id) {
    String verb = pick(VERBS);
    String noun = pick(NOUNS);
    String snake = remember(verb + "_" + noun);
    String camel = remember(verb + capital(noun) + "Exists");
    String pascal = remember(capital(noun) + "Handler");
    String constant = remember("MAX_" + noun.toUpperCase() + "_RETRIES");
    String file = remember(noun + "handler." + pick(EXTENSIONS));
    String path = remember("src/" + noun + "/" + file);
    String version =
        remember(random.nextInt(4) + "." + random.nextInt(20) + "." + random.nextInt(9));
    String flag = remember("--" + verb + "-" + noun);
    String caps = remember(pick(CAPS));
    String language = pick(LANGUAGES);
    List<Turn> turns = new ArrayList<>();
    turns.add(
        turn(
            0,
            Role.USER,
            "My "
                + language
                + " build fails after upgrading to "
                + version
                + ". "
                + pascal
                + " throws when "
                + camel
                + " runs, and "
                + snake
                + " never returns. The "
                + caps
                + " file is there. See "
                + path
                + ":\n\n```\nclass "
                + pascal
                + " {\n  "
                + camel
                + "() { return "
                + snake
                + "("
                + constant
                + "); }\n}\n```\n"));
    turns.add(
        turn(
            1,
            Role.ASSISTANT,
            "## Why "
                + camel
                + " fails\n\nThe **dependency injection** container builds "
                + pascal
                + " before "
                + file
                + " is loaded, so `"
                + snake
                + "` sees an empty "
                + constant
                + ". Dependency injection is a pattern where objects receive what they need.\n\n"
                + "- "
                + pascal
                + ": the class in "
                + file
                + "\n- `"
                + flag
                + "`: turns the check off\n\n| Setting | Value |\n|---|---|\n| "
                + constant
                + " | 3 |\n| "
                + caps
                + " | read-only |\n\nRun it again with "
                + flag
                + " and pin "
                + version
                + ". Dependency injection makes "
                + pascal
                + " easy to test."));
    turns.add(
        turn(
            2,
            Role.USER,
            "So "
                + pascal
                + " and "
                + camel
                + " stay, and I rename "
                + snake
                + " in "
                + path
                + "? Does dependency injection work in "
                + language
                + " too?"));
    return new Conversation(id, null, null, "test", "test", null, null, turns, List.of());
  }

  private String remember(String s) {
    code.add(s);
    return s;
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }

  private static String capital(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static Turn turn(int index, Role role, String text) {
    return Turn.of(index, null, role, role == Role.USER ? "User" : "Assistant", null, text);
  }
}
