package dev.noema.conversation;

/**
 * What a format keeps beyond the visible dialogue. The defaults keep exactly what a person saw in
 * the chat window.
 *
 * @param allBranches keep alternative branches (regenerated and edited messages) as turns linked by
 *     {@link Turn#alternativeOf()}; by default only the active branch is read
 * @param includeSystem keep system and developer messages, and messages the service hid from the
 *     conversation view
 * @param includeTools keep tool calls and tool output
 * @param includeThinking keep the assistant's thinking and reasoning summaries
 * @param includeUserContext keep the user's custom instructions and profile messages
 * @param includeProjects read project side files (Claude's {@code projects.json}: a project's
 *     description, instructions and knowledge documents); by default they are passed over
 */
public record ReadOptions(
    boolean allBranches,
    boolean includeSystem,
    boolean includeTools,
    boolean includeThinking,
    boolean includeUserContext,
    boolean includeProjects) {

  /** The active branch of the visible dialogue only. */
  public static ReadOptions defaults() {
    return new ReadOptions(false, false, false, false, false, false);
  }
}
