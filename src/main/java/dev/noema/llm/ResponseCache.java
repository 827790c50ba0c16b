package dev.noema.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Optional;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * An on-disk, content-addressed cache of LLM answers: one JSON file per request, named by the
 * SHA-256 of the provider, model and the full request ({@link #key}), under {@code <dir>/<first two
 * hex digits>/}. An unchanged request is answered without a call; any change to the prompt, the
 * schema, the turns or the model misses.
 *
 * <p>Writes are atomic (a temporary file in the same folder, then a move), so a crash leaves an
 * entry whole or absent and concurrent writers of one key cannot interleave. An unreadable entry is
 * a miss. Thread-safe.
 */
public final class ResponseCache {
  /**
   * One cached answer.
   *
   * @param text the answer's text as the provider returned it
   * @param model the model that answered, as the provider named it
   * @param promptTokens prompt tokens the original call used
   * @param completionTokens completion tokens the original call used
   */
  public record Entry(String text, String model, long promptTokens, long completionTokens) {}

  private final Path dir;
  private final ObjectMapper json = new ObjectMapper();

  public ResponseCache(Path dir) {
    this.dir = dir;
  }

  /** The folder entries are kept in. */
  public Path dir() {
    return dir;
  }

  /**
   * The cache key of a request: SHA-256 over its parts, each length-prefixed so that no two part
   * lists collide.
   */
  public static String key(String... parts) {
    MessageDigest digest = DigestUtils.getSha256Digest();
    for (String part : parts) {
      byte[] bytes = (part == null ? "\u0000" : part).getBytes(StandardCharsets.UTF_8);
      digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
      digest.update(bytes);
    }
    return Hex.encodeHexString(digest.digest());
  }

  /** The entry for {@code key}, or empty when absent or unreadable. */
  public Optional<Entry> get(String key) {
    Path file = file(key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(json.readValue(file.toFile(), Entry.class));
    } catch (IOException e) {
      return Optional.empty(); // a damaged entry is asked again and overwritten
    }
  }

  /** Stores {@code entry} under {@code key}, replacing any previous one. */
  public void put(String key, Entry entry) {
    Path file = file(key);
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), key.substring(0, 8), ".tmp");
      try {
        json.writeValue(temp.toFile(), entry);
        try {
          Files.move(
              temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the LLM cache entry " + file + ": " + e.getMessage(), e);
    }
  }

  private Path file(String key) {
    return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
  }
}
