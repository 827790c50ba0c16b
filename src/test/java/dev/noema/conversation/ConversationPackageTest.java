package dev.noema.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The seam package stays at the bottom: the formats build on it, never the other way round. */
class ConversationPackageTest {
  private static final Path PACKAGE = Path.of("src/main/java/dev/noema/conversation");
  private static final Pattern NOEMA_IMPORT =
      Pattern.compile("^import (?:static )?(dev\\.noema\\.[\\w.]+)\\.\\w+;", Pattern.MULTILINE);

  @Test
  void conversation_imports_nothing_of_noema_outside_itself() throws IOException {
    List<String> outside;
    try (Stream<Path> files = Files.list(PACKAGE)) {
      List<Path> sources = files.filter(f -> f.toString().endsWith(".java")).toList();
      assertTrue(sources.size() > 10, "the package's sources are found from the project folder");
      outside =
          sources.stream()
              .flatMap(ConversationPackageTest::imports)
              .filter(p -> !p.equals("dev.noema.conversation"))
              .distinct()
              .toList();
    }

    assertEquals(List.of(), outside);
  }

  private static Stream<String> imports(Path source) {
    try {
      Matcher m = NOEMA_IMPORT.matcher(Files.readString(source));
      Stream.Builder<String> packages = Stream.builder();
      while (m.find()) {
        packages.add(m.group(1));
      }
      return packages.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
