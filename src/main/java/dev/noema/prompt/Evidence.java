package dev.noema.prompt;

/**
 * Why a fact is believed: a turn, and the span of it that was quoted (null when the grounding has
 * no selector).
 *
 * @param turn the turn the fact was extracted from
 * @param quote the quoted span ({@code oa:exact}), or null
 */
public record Evidence(SourceTurn turn, String quote) {}
