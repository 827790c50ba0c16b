package dev.noema.conversation;

/**
 * Receives what a {@link ConversationFormat} reads, one conversation at a time, so that an export
 * of any size is streamed rather than held in memory.
 */
public interface ConversationSink {

  /** A conversation read completely and consistently. */
  void accept(Conversation conversation);

  /**
   * A conversation (or a whole file) that could not be read; reading goes on with the next one.
   *
   * @throws StrictModeAbort when the sink wants reading to stop at the first problem
   */
  void reject(ImportProblem problem);
}
