package dev.noema.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * {@code <kb>/server.json}: how other Noema processes reach a knowledge base that {@code noema
 * serve} holds open. It names the server's URL and process and carries a per-run secret that lets
 * the local CLI write through the server; the file is readable by its owner only (mode 600).
 *
 * @param url the server's base URL, e.g. {@code http://127.0.0.1:8077}
 * @param pid the server's process id
 * @param tokenRequired whether reading through the server needs a bearer token (it binds a
 *     non-loopback address)
 * @param secret the per-run bearer token for the local CLI: full read and write access
 * @param bolt the Bolt URL of the Neo4j projection the server holds, or null when it holds none
 */
public record ServerFile(String url, long pid, boolean tokenRequired, String secret, String bolt) {

  /** The file's name inside the knowledge-base folder. */
  public static final String NAME = "server.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The SPARQL dataset URL (query, update and graph store protocol) of the server. */
  public String datasetUrl() {
    return url + NoemaServer.DATASET_PATH;
  }

  /** Whether the process that wrote the file is still running. */
  public boolean alive() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /**
   * The server that holds {@code folder}: empty when there is no file, it cannot be read, or its
   * process is dead.
   */
  public static Optional<ServerFile> live(Path folder) {
    Path file = folder.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      ServerFile read = JSON.readValue(file.toFile(), ServerFile.class);
      return read.alive() ? Optional.of(read) : Optional.empty();
    } catch (IOException unreadable) {
      // A half-written or foreign file says nothing about a live server; the store's own lock still
      // protects it.
      return Optional.empty();
    }
  }

  /** Writes the file atomically with owner-only permissions (on POSIX file systems). */
  void write(Path folder) {
    try {
      Files.createDirectories(folder);
      Path temp = Files.createTempFile(folder, ".server", ".json");
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the folder's ACL applies; nothing finer to set here.
      }
      JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), this);
      Files.move(
          temp,
          folder.resolve(NAME),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write " + folder.resolve(NAME) + ": " + e.getMessage(), e);
    }
  }

  /** Deletes the file if it is still this server's (a newer server may have replaced it). */
  void delete(Path folder) {
    Path file = folder.resolve(NAME);
    try {
      if (Files.isRegularFile(file)
          && JSON.readValue(file.toFile(), ServerFile.class).secret().equals(secret)) {
        Files.delete(file);
      }
    } catch (IOException ignored) {
      // Best effort on shutdown: a file left behind is stale (dead pid) and ignored by readers.
    }
  }
}
