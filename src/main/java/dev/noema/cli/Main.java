package dev.noema.cli;

/** Entry point of the {@code noema} launcher. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(NoemaCommand.commandLine(args).execute(args));
  }
}
