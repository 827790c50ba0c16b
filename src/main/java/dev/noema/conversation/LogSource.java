package dev.noema.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A log to read: a file on disk or an entry of an archive. Can be opened more than once (detection
 * reads a prefix, the format then reads it all).
 */
public interface LogSource {

  /**
   * The name shown to the user and recorded as provenance: a path, with "!entry" for an archive
   * entry.
   */
  String name();

  /** A fresh stream over the raw bytes, from the start. The caller closes it. */
  InputStream open() throws IOException;

  /** The size in bytes, or -1 when unknown. */
  long size();

  /** A file on disk. */
  static LogSource of(Path file) {
    return new LogSource() {
      @Override
      public String name() {
        return file.toString();
      }

      @Override
      public InputStream open() throws IOException {
        return Files.newInputStream(file);
      }

      @Override
      public long size() {
        try {
          return Files.size(file);
        } catch (IOException e) {
          return -1;
        }
      }
    };
  }
}
