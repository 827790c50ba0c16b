package dev.noema.kb;

import dev.noema.text.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gold triples for {@code noema eval --gold}: a UTF-8 text file, one triple a line, three
 * tab-separated fields {@code subject predicate object}; blank lines and lines starting with {@code
 * #} are ignored. The predicate is an ontology property's local name ({@code partOf}) or {@code a}
 * for an entity's type, whose object is then a class's local name ({@code CognitiveModule}). A
 * subject or object may list equivalent labels separated by {@code |} ({@code module consensus |
 * консенсус модулей}), any of which matches. Labels are compared normalised ({@link #normalize}:
 * case, accents and punctuation ignored), the way entity IRIs are minted.
 */
public final class GoldTriples {
  /**
   * One gold triple.
   *
   * @param subjects the subject's accepted labels, normalised
   * @param predicate the predicate's local name, or "a"
   * @param objects the object's accepted labels (or the class's local name), normalised
   */
  public record Gold(Set<String> subjects, String predicate, Set<String> objects) {}

  private GoldTriples() {}

  /**
   * Reads a gold file.
   *
   * @throws IllegalArgumentException naming the file and line of the first malformed line
   * @throws UncheckedIOException when the file cannot be read
   */
  public static List<Gold> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the gold file " + file + ": " + e.getMessage(), e);
    }
    List<Gold> gold = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = lines.get(i).split("\t");
      if (fields.length != 3 || Arrays.stream(fields).anyMatch(String::isBlank)) {
        throw new IllegalArgumentException(
            file
                + ":"
                + (i + 1)
                + ": expected three tab-separated fields (subject, predicate, object), got "
                + fields.length);
      }
      gold.add(new Gold(labels(fields[0]), fields[1].strip(), labels(fields[2])));
    }
    return gold;
  }

  /** The form labels are compared in: Noema's one matching key ({@link Text#key}). */
  public static String normalize(String label) {
    return Text.key(label);
  }

  private static Set<String> labels(String field) {
    return Arrays.stream(field.split("\\|"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(GoldTriples::normalize)
        .collect(Collectors.toUnmodifiableSet());
  }
}
