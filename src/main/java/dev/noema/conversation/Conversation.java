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
    List<TextRepair> repairs) {

  public Conversation {
    Objects.requireNonNull(id, "conversation id");
    Objects.requireNonNull(format, "conversation format");
    Objects.requireNonNull(source, "conversation source");
    turns = turns == null ? List.of() : List.copyOf(turns);
    repairs = repairs == null ? List.of() : List.copyOf(repairs);
  }

  /** The number of turns on the active branch (alternatives not counted). */
  public long activeTurnCount() {
    return turns.stream().filter(t -> t.alternativeOf() == null).count();
  }
}
