package dev.noema.kb;

import dev.noema.conversation.ImportProblem;
import java.util.List;

/**
 * What importing one file did.
 *
 * @param source the file (or archive entry)
 * @param format the format it was read as, or null when it could not be recognised
 * @param imported conversations new to the store
 * @param replaced conversations that were in the store and changed
 * @param unchanged conversations already in the store as they are
 * @param skipped conversations that could not be read, each with a problem
 * @param turns turns written (of imported and replaced conversations)
 * @param repaired conversations in which mojibake was repaired
 * @param facts meaning-layer facts extracted
 * @param problems one line each; a problem with no conversation means the whole file failed
 */
public record FileReport(
    String source,
    String format,
    int imported,
    int replaced,
    int unchanged,
    int skipped,
    long turns,
    int repaired,
    long facts,
    List<ImportProblem> problems) {

  public FileReport {
    problems = List.copyOf(problems);
  }

  /** Whether the file could not be read at all. */
  public boolean failed() {
    return format == null || (imported + replaced + unchanged == 0 && !problems.isEmpty());
  }
}
