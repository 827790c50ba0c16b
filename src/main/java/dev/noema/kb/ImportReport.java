package dev.noema.kb;

import java.util.List;

/**
 * What an import did, file by file.
 *
 * @param files one report per file read, in the order read
 * @param millis wall time
 */
public record ImportReport(List<FileReport> files, long millis) {
  public ImportReport {
    files = List.copyOf(files);
  }

  public int imported() {
    return files.stream().mapToInt(FileReport::imported).sum();
  }

  public int replaced() {
    return files.stream().mapToInt(FileReport::replaced).sum();
  }

  public int unchanged() {
    return files.stream().mapToInt(FileReport::unchanged).sum();
  }

  public int skipped() {
    return files.stream().mapToInt(FileReport::skipped).sum();
  }

  public long failedFiles() {
    return files.stream().filter(FileReport::failed).count();
  }

  public long turns() {
    return files.stream().mapToLong(FileReport::turns).sum();
  }

  public long facts() {
    return files.stream().mapToLong(FileReport::facts).sum();
  }

  /** Whether anything went wrong: a file that failed or a conversation skipped. */
  public boolean hasProblems() {
    return files.stream().anyMatch(f -> !f.problems().isEmpty());
  }

  /** Whether the import wrote or confirmed at least one conversation. */
  public boolean didSomething() {
    return imported() + replaced() + unchanged() > 0;
  }
}
