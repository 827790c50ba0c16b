package dev.noema.prompt;

/**
 * A fact's evidence as a prompt cites it.
 *
 * @param key the citation key the context uses for the turn ("T1")
 * @param turn the turn
 * @param quote the quoted span, or null when the grounding names only the turn
 */
public record Citation(String key, SourceTurn turn, String quote) {}
