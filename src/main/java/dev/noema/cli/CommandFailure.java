package dev.noema.cli;

/** A command cannot do what was asked; its message is the one line shown to the user. */
final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CommandFailure(String message) {
    super(message);
  }
}
