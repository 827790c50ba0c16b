package dev.noema.kb;

import dev.noema.conversation.ReadOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * What to import and how.
 *
 * @param paths files, folders or archives; folders are walked
 * @param format a format name to use instead of detection, or null to detect each file by content
 * @param readOptions what to keep beyond the visible dialogue
 * @param strict stop at the first problem and write nothing at all
 * @param extract run the meaning extractors on imported conversations
 * @param maxTurnChars a conversation with a longer turn is skipped with a reason (protects memory
 *     and the extractors)
 */
public record ImportRequest(
    List<Path> paths,
    String format,
    ReadOptions readOptions,
    boolean strict,
    boolean extract,
    int maxTurnChars) {

  /**
   * The default turn-size limit: 16 Mi characters, far above any real message, far below the heap.
   */
  public static final int DEFAULT_MAX_TURN_CHARS = 16 * 1024 * 1024;

  public ImportRequest {
    paths = List.copyOf(paths);
    readOptions = readOptions == null ? ReadOptions.defaults() : readOptions;
    if (maxTurnChars <= 0) {
      throw new IllegalArgumentException("maxTurnChars must be positive");
    }
  }

  /** Import {@code paths} with detection, defaults and extraction. */
  public static ImportRequest of(List<Path> paths) {
    return new ImportRequest(
        paths, null, ReadOptions.defaults(), false, true, DEFAULT_MAX_TURN_CHARS);
  }
}
