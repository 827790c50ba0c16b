package dev.noema.conversation;

/**
 * Why a conversation, or a whole file, could not be read. Rendered as one line for the user.
 *
 * @param source the file (and archive entry) concerned
 * @param location where in it: "line 12", "conversation 7 of 40 (id abc)", or null for the whole
 *     file
 * @param reason what was wrong, in words a user can act on
 */
public record ImportProblem(String source, String location, String reason) {

  /** {@code file: location: reason}, or {@code file: reason} without a location. */
  @Override
  public String toString() {
    return location == null ? source + ": " + reason : source + ": " + location + ": " + reason;
  }
}
