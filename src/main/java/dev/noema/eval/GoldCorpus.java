package dev.noema.eval;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The gold files of a corpus ({@code import/corpus/gold/*.yaml}): each a YAML mapping describing
 * one conversation ({@link GoldConversation}).
 *
 * @param conversations one per gold file, in file-name order
 */
public record GoldCorpus(List<GoldConversation> conversations) {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  public GoldCorpus {
    conversations = List.copyOf(conversations);
  }

  /**
   * Whether {@code path} holds corpus gold rather than another evaluation format: a folder, or a
   * YAML file whose top level is a mapping (a question file is a list, a triple file is TSV), or a
   * YAML path that does not exist.
   */
  public static boolean isCorpus(Path path) {
    if (Files.isDirectory(path)) {
      return true;
    }
    if (!isYaml(path)) {
      return false;
    }
    if (!Files.isRegularFile(path)) {
      // Reading it as gold says it is missing.
      return true;
    }
    try {
      JsonNode root = YAML.readTree(path.toFile());
      return root != null && root.isObject();
    } catch (IOException unreadable) {
      // Reading it as gold reports the problem with its line.
      return true;
    }
  }

  /**
   * Reads one gold file, or every {@code *.yaml} and {@code *.yml} file of a folder (not its
   * sub-folders).
   *
   * @throws GoldFileException naming the file and the line or entry of the first problem: a parse
   *     error, an unknown field, a missing conversation, an entity without label or types, a
   *     relation without both ends, a predicate or a quote, a negative turn, a question without
   *     text, a cross-language entry that is not a pair; or a folder with no gold file
   */
  public static GoldCorpus read(Path path) {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> listing = Files.list(path)) {
        listing
            .filter(GoldCorpus::isYaml)
            .filter(Files::isRegularFile)
            .sorted()
            .forEach(files::add);
      } catch (IOException e) {
        throw new GoldFileException(path + ": cannot list the folder: " + e.getMessage());
      }
      if (files.isEmpty()) {
        throw new GoldFileException(path + ": no gold files (*.yaml) in the folder");
      }
    } else if (Files.isRegularFile(path)) {
      files.add(path);
    } else {
      throw new GoldFileException(path + ": no such file or folder");
    }
    return new GoldCorpus(files.stream().map(GoldCorpus::readFile).toList());
  }

  private static GoldConversation readFile(Path file) {
    GoldConversation gold;
    try {
      gold = YAML.readValue(file.toFile(), GoldConversation.class);
    } catch (JsonProcessingException e) {
      throw new GoldFileException(describe(file, e));
    } catch (IOException e) {
      throw new GoldFileException(file + ": cannot read: " + e.getMessage());
    }
    if (gold == null) {
      throw new GoldFileException(file + ": empty (expected a mapping with a conversation)");
    }
    check(file, gold);
    return gold.withFile(file.getFileName().toString());
  }

  /**
   * One line for a parse or mapping error: a YAML syntax error with its line; a mapping error with
   * the field it is about, since its location is where the buffered entry ended, not the field.
   */
  private static String describe(Path file, JsonProcessingException e) {
    Throwable cause = e;
    while (cause != null && !(cause instanceof StreamReadException)) {
      cause = cause.getCause();
    }
    if (cause instanceof StreamReadException syntax) {
      JsonLocation at = syntax.getLocation();
      String where = at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr();
      // SnakeYAML's message indents its excerpts; the unindented lines say what is wrong.
      String what =
          String.join(
              ": ",
              syntax
                  .getOriginalMessage()
                  .lines()
                  .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                  .toList());
      return file + where + ": " + what;
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return file
          + ": "
          + path(unknown)
          + ": unknown field (known: "
          + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().toList()
          + ")";
    }
    if (e instanceof JsonMappingException mapping) {
      return file + ": " + path(mapping) + ": " + firstLine(mapping.getOriginalMessage());
    }
    return file + ": " + firstLine(e.getOriginalMessage());
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  /** The field a mapping error is about: {@code entities[3].types}. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "(top level)" : path.toString();
  }

  private static void check(Path file, GoldConversation gold) {
    require(file, "conversation", gold.conversation());
    for (int i = 0; i < gold.entities().size(); i++) {
      GoldConversation.Entity e = gold.entities().get(i);
      String where = "entities[" + i + "]";
      require(file, where + ".label", e.label());
      if (e.types().isEmpty()) {
        throw new GoldFileException(
            file + ": " + where + " (" + e.label() + "): no types (give at least one)");
      }
    }
    for (int i = 0; i < gold.relations().size(); i++) {
      GoldConversation.Relation r = gold.relations().get(i);
      String where = "relations[" + i + "]";
      require(file, where + ".subject", r.subject());
      require(file, where + ".predicate", r.predicate());
      require(file, where + ".object", r.object());
      require(file, where + ".quote", r.quote());
      turn(file, where, r.turn());
    }
    for (int i = 0; i < gold.questions().size(); i++) {
      GoldConversation.Question q = gold.questions().get(i);
      String where = "questions[" + i + "]";
      require(file, where + ".question", q.question());
      turn(file, where, q.turn());
    }
    for (int i = 0; i < gold.crossLanguage().size(); i++) {
      List<String> pair = gold.crossLanguage().get(i);
      if (pair.size() != 2 || pair.stream().anyMatch(s -> s == null || s.isBlank())) {
        throw new GoldFileException(
            file + ": cross_language[" + i + "]: expected a pair of names, got " + pair);
      }
    }
  }

  private static void require(Path file, String field, String value) {
    if (value == null || value.isBlank()) {
      throw new GoldFileException(file + ": " + field + ": missing");
    }
  }

  private static void turn(Path file, String where, Integer turn) {
    if (turn == null) {
      throw new GoldFileException(file + ": " + where + ".turn: missing");
    }
    if (turn < 0) {
      throw new GoldFileException(file + ": " + where + ".turn: " + turn + " is negative");
    }
  }

  private static boolean isYaml(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }
}
