package dev.noema.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The named ("canned") queries: the ones bundled with Noema (in its jar under {@code
 * queries/sparql/NAME.rq} and {@code queries/cypher/NAME.cypher}), found wherever Noema runs, plus
 * a user's own in a folder of the same layout (the CLI passes {@code queries/} of the working
 * directory), which win over a bundled query of the same name. A query's summary is its first
 * comment line ({@code #} in SPARQL, {@code //} in Cypher).
 *
 * <p>Names are letters, digits, {@code -} and {@code _}; other files in the folder are passed over.
 * Immutable and thread-safe: every query is read when the set is built.
 */
public final class NamedQueries {
  /** The languages a named query may be written in, with their folder and file extension. */
  public enum Language {
    SPARQL("sparql", ".rq"),
    CYPHER("cypher", ".cypher");

    private final String folder;
    private final String extension;

    Language(String folder, String extension) {
      this.folder = folder;
      this.extension = extension;
    }

    /** The folder under {@code queries/} that holds this language's queries. */
    public String folder() {
      return folder;
    }

    /** The file extension of this language's queries, with its dot. */
    public String extension() {
      return extension;
    }
  }

  /**
   * One named query.
   *
   * @param name the query's name (its file name without the extension)
   * @param language its language
   * @param summary its first comment line, or empty
   * @param text the query text
   * @param origin where it was read from: {@code bundled} or the path of the user's file
   */
  public record NamedQuery(
      String name, Language language, String summary, String text, String origin) {}

  /** What a query name may be: also what tells a name from a query text. */
  public static final String NAME_PATTERN = "[A-Za-z0-9_-]+";

  private static final String BUNDLED = "/queries/";

  private final Map<Language, Map<String, NamedQuery>> queries;

  private NamedQueries(Map<Language, Map<String, NamedQuery>> queries) {
    this.queries = queries;
  }

  /** The bundled queries only. */
  public static NamedQueries bundled() {
    return bundledAnd(null);
  }

  /**
   * The bundled queries plus those in {@code userFolder} ({@code sparql/} and {@code cypher/} under
   * it), when it exists; null or a missing folder adds none.
   *
   * @throws UncheckedIOException when a query cannot be read, naming its file
   */
  public static NamedQueries bundledAnd(Path userFolder) {
    Map<Language, Map<String, NamedQuery>> all = new TreeMap<>();
    for (Language language : Language.values()) {
      Map<String, NamedQuery> byName = new TreeMap<>();
      readBundled(language, byName);
      if (userFolder != null && Files.isDirectory(userFolder.resolve(language.folder()))) {
        read(userFolder.resolve(language.folder()), language, false, byName);
      }
      all.put(language, Collections.unmodifiableMap(byName));
    }
    return new NamedQueries(Collections.unmodifiableMap(all));
  }

  /** The queries of one language, by name. */
  public List<NamedQuery> list(Language language) {
    return List.copyOf(queries.get(language).values());
  }

  /** The query of this name and language, if there is one. */
  public Optional<NamedQuery> find(Language language, String name) {
    return Optional.ofNullable(queries.get(language).get(name));
  }

  /**
   * The text of the query of this name and language.
   *
   * @throws IllegalArgumentException when there is none
   */
  public String text(Language language, String name) {
    return find(language, name)
        .orElseThrow(
            () -> new IllegalArgumentException("no " + language.folder() + " query named " + name))
        .text();
  }

  private static void readBundled(Language language, Map<String, NamedQuery> into) {
    URL folder = NamedQueries.class.getResource(BUNDLED + language.folder());
    if (folder == null) {
      throw new IllegalStateException(
          "the bundled queries ("
              + BUNDLED
              + language.folder()
              + ") are missing from the classpath");
    }
    try {
      URI uri = folder.toURI();
      if (!uri.getScheme().equals("jar")) {
        read(Path.of(uri), language, true, into);
        return;
      }
      // Inside Noema's jar: listed through a zip file system, opened here unless someone else has
      // one open already (then it is theirs to close).
      FileSystem jar;
      boolean ours;
      try {
        jar = FileSystems.newFileSystem(uri, Map.of());
        ours = true;
      } catch (FileSystemAlreadyExistsException openElsewhere) {
        jar = FileSystems.getFileSystem(uri);
        ours = false;
      }
      try {
        read(jar.getPath(BUNDLED + language.folder()), language, true, into);
      } finally {
        if (ours) {
          jar.close();
        }
      }
    } catch (URISyntaxException | IOException e) {
      throw new UncheckedIOException(
          new IOException("cannot list the bundled queries at " + folder + ": " + e.getMessage()));
    }
  }

  private static void read(
      Path folder, Language language, boolean bundled, Map<String, NamedQuery> into) {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> listed = Files.list(folder)) {
      listed.forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(folder + ": cannot list the queries", e);
    }
    for (Path file : files) {
      String fileName = file.getFileName().toString();
      if (!fileName.endsWith(language.extension())) {
        continue;
      }
      String name = fileName.substring(0, fileName.length() - language.extension().length());
      if (!name.matches(NAME_PATTERN) || !Files.isRegularFile(file)) {
        continue;
      }
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(file + ": cannot read the query", e);
      }
      into.put(
          name,
          new NamedQuery(
              name, language, summary(text), text, bundled ? "bundled" : file.toString()));
    }
  }

  private static String summary(String text) {
    return text.lines()
        .filter(l -> l.startsWith("#") || l.startsWith("//"))
        .findFirst()
        .map(l -> l.replaceFirst("^(#|//)\\s*", ""))
        .orElse("");
  }
}
