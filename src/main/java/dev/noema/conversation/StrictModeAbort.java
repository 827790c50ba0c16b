package dev.noema.conversation;

/**
 * Thrown by a {@link ConversationSink} to stop reading at the first problem (the CLI's {@code
 * --strict}).
 */
public final class StrictModeAbort extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient ImportProblem problem;

  public StrictModeAbort(ImportProblem problem) {
    super(problem.toString());
    this.problem = problem;
  }

  public ImportProblem problem() {
    return problem;
  }
}
