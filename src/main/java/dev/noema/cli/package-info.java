/**
 * The {@code noema} command line: thin picocli commands over the {@link dev.noema.kb.KnowledgeBase}
 * API. Each subcommand is a {@code Callable<Integer>} whose return value is the exit code (0 ok, 1
 * failure, 2 usage); only {@link dev.noema.cli.Main} calls {@code System.exit}. Errors are printed
 * as one line, never a stack trace (set {@code NOEMA_DEBUG=1} to see one).
 */
package dev.noema.cli;
