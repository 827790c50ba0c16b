package dev.noema.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One conversation read from a log, with its turns in order.
 *
 * @param id the stable id: the export's own conversation id when it has one, else derived from the
 *     source file name (and index within the file), so re-importing the same file addresses the
 *     same conversation
 * @param title the title, or null
 * @param provider who hosted it ("chatgpt", "claude", ...), or null when unknown
 * @param format the {@link ConversationFormat#name()} of the format it was read from
 * @param source where it was read from: the file path, with "!entry" appended for an entry inside
 *     an archive
 * @param created creation time, or null
 * @param updated last update time, or null
 * @param turns the turns, active branch in order then alternatives; never null
 * @param repairs the text repairs made while reading (mojibake layers undone), empty when the text
 *     was clean
 * @param kind what the document is: a dialogue, or a conversation-like side document of an export
 * @param project the id of the {@link Kind#PROJECT} this one belongs to, or null
 */
public record Conversation(
    String id,
    String title,
    String provider,
    String format,
    String source,
    Instant created,
    Instant updated,
    List<Turn> turns,
    List<TextRepair> repairs,
    Kind kind,
    String project) {

  /** What a conversation-like document is. */
  public enum Kind {
    /** A dialogue between a person and an assistant: what every chat export holds. */
    DIALOGUE,
    /**
     * What an assistant service remembers about its user across conversations (Claude's {@code
     * memories.json}): each turn is a statement the assistant keeps about the human participant.
     */
    MEMORY,
    /**
     * A project of an assistant service: its description, the instructions it gives the assistant
     * and its knowledge documents, each a turn written by the user.
     */
    PROJECT
  }

  public Conversation {
    Objects.requireNonNull(id, "conversation id");
    Objects.requireNonNull(format, "conversation format");
    Objects.requireNonNull(source, "conversation source");
    Objects.requireNonNull(kind, "conversation kind");
    turns = turns == null ? List.of() : List.copyOf(turns);
    repairs = repairs == null ? List.of() : List.copyOf(repairs);
  }

  /** A dialogue in no project: what every chat export holds. */
  public Conversation(
      String id,
      String title,
      String provider,
      String format,
      String source,
      Instant created,
      Instant updated,
      List<Turn> turns,
      List<TextRepair> repairs) {
    this(
        id, title, provider, format, source, created, updated, turns, repairs, Kind.DIALOGUE, null);
  }

  /** The number of turns on the active branch (alternatives not counted). */
  public long activeTurnCount() {
    return turns.stream().filter(t -> t.alternativeOf() == null).count();
  }
}
