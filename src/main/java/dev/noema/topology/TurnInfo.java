package dev.noema.topology;

import java.time.Instant;

/**
 * What the filters and the flow analysis need to know about a turn.
 *
 * @param iri the turn's IRI
 * @param conversation IRI of its conversation
 * @param index its position in the conversation, or -1 when the store does not say
 * @param speaker IRI of the participant who spoke it, or null
 * @param speakerName the speaker's name as the log writes it, or null
 * @param timestamp when it was written, or null
 */
public record TurnInfo(
    String iri,
    String conversation,
    int index,
    String speaker,
    String speakerName,
    Instant timestamp) {}
