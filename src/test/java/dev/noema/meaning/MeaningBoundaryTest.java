package dev.noema.meaning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the meaning layer read in one place and the edges thin, by reading the main sources: a
 * second reader, SPARQL in the server or the CLI, or a package cycle fails the build.
 */
class MeaningBoundaryTest {
  private static final Path MAIN = Path.of("src", "main", "java", "dev", "noema");
  private static final Path RESOURCES = Path.of("src", "main", "resources", "dev", "noema");

  /** How facts are reified and grounded, as code names it (comments stripped first). */
  private static final Pattern FACT_READING =
      Pattern.compile(
          "RDF\\.(Nodes\\.)?(subject|predicate|object)\\b|oa_has(Body|Target|Source|Selector)"
              + "|oa_exact|rdf:(subject|predicate|object)\\b|oa:(hasBody|hasTarget|hasSource"
              + "|hasSelector|exact)\\b");

  /**
   * The files that may name them: the meaning package (the reader), the vocabulary, and the two
   * writers of reified facts (extraction graphs, the prompt's Turtle context).
   */
  private static final List<String> MAY_NAME_FACT_TERMS =
      List.of(
          "meaning/",
          "ontology/Noema.java",
          "extract/ExtractionGraphs.java",
          "prompt/ContextWriter.java");

  @Test
  void only_the_meaning_layers_class_references_the_meaning_query() {
    List<String> referencing =
        mainFiles(MAIN, ".java").stream()
            .filter(f -> code(f).contains("meaning-layer.rq"))
            .map(f -> MAIN.relativize(f).toString())
            .toList();
    assertEquals(List.of("meaning/MeaningLayers.java"), referencing);
  }

  @Test
  void no_class_outside_the_meaning_package_reads_how_facts_are_reified_or_grounded() {
    List<String> offenders = new ArrayList<>();
    for (Path f : mainFiles(MAIN, ".java")) {
      String relative = MAIN.relativize(f).toString().replace('\\', '/');
      if (MAY_NAME_FACT_TERMS.stream().noneMatch(relative::startsWith)) {
        Matcher m = FACT_READING.matcher(code(f));
        if (m.find()) {
          offenders.add(relative + ": " + m.group());
        }
      }
    }
    for (Path f : mainFiles(RESOURCES, ".rq")) {
      String relative = RESOURCES.relativize(f).toString().replace('\\', '/');
      Matcher m = FACT_READING.matcher(read(f));
      if (!relative.startsWith("meaning/") && m.find()) {
        offenders.add(relative + ": " + m.group());
      }
    }
    assertEquals(List.of(), offenders);
  }

  @Test
  void the_server_and_the_cli_hold_no_query_of_their_own() {
    List<String> offenders = new ArrayList<>();
    for (String edge : List.of("server", "cli")) {
      for (Path f : mainFiles(MAIN.resolve(edge), ".java")) {
        String code = code(f);
        if (code.matches("(?s).*(WHERE\\s*\\{|PREFIX\\s+\\w*:).*")) {
          offenders.add(MAIN.relativize(f).toString());
        }
      }
      offenders.addAll(
          mainFiles(RESOURCES.resolve(edge), ".rq").stream().map(Path::toString).toList());
    }
    assertEquals(List.of(), offenders);
  }

  private static List<Path> mainFiles(Path root, String suffix) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Java file without its comments. */
  private static String code(Path file) {
    return read(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
