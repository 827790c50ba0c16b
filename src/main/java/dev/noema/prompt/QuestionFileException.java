package dev.noema.prompt;

/**
 * A question file that cannot be used; the message is one line naming the file and the line or
 * entry.
 */
public final class QuestionFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public QuestionFileException(String message) {
    super(message);
  }
}
