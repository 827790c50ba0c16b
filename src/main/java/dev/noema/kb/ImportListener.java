package dev.noema.kb;

/**
 * Follows an import as it runs (the CLI draws a progress bar with it). Called from the importing
 * thread; must be quick.
 */
public interface ImportListener {
  /** A file is about to be read; {@code bytes} is its size or -1. */
  default void fileStarted(String source, String format, long bytes) {}

  /**
   * Reading the current file has got {@code bytesRead} bytes into it (of the size given to {@link
   * #fileStarted}; for an archive entry, inflated bytes). Called before each {@link
   * #conversationDone} and after each skipped conversation; never decreases within a file. Reads
   * are buffered, so it runs a little ahead of the conversation just handled.
   */
  default void bytesRead(String source, long bytesRead) {}

  /** A conversation was read and handled; {@code turns} of it were read. */
  default void conversationDone(String source, int turns) {}

  /** A file was read to the end (or given up on). */
  default void fileDone(FileReport report) {}

  ImportListener NONE = new ImportListener() {};
}
