package dev.noema.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Noema's line-per-entry data files (word lists, gazetteers, cue lists): the lines that are
 * neither blank nor a comment ("#" first), in order, each without trailing white space. One reader,
 * so that every list file follows the same rules.
 */
public final class ResourceLines {
  private ResourceLines() {}

  /**
   * The lines of {@code resource}, found as {@code owner} finds its resources.
   *
   * @throws IllegalStateException when there is no such resource
   */
  public static List<String> of(Class<?> owner, String resource) {
    return ifPresent(owner, resource)
        .orElseThrow(
            () -> new IllegalStateException(resource + " missing beside " + owner.getName()));
  }

  /**
   * The lines of {@code resource} beside {@code owner}, or empty when there is no such resource.
   */
  public static Optional<List<String>> ifPresent(Class<?> owner, String resource) {
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      List<String> lines = new ArrayList<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          lines.add(line.stripTrailing());
        }
      }
      return Optional.of(lines);
    } catch (IOException e) {
      throw new UncheckedIOException(resource + ": " + e.getMessage(), e);
    }
  }
}
