package dev.noema.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Model replies recorded for the extraction requests of known conversations, replayed by {@link
 * ProviderStub} whatever the instructions say: a reply is found by the turns its request covers
 * (the range of turn indices, with the part of a split turn, and the first words of the first
 * turn), never by a hash of the prompt, so rewording the instructions or the schema keeps every
 * recording. A change of the chunk size changes the ranges and so needs new recordings.
 *
 * <p>The format (one JSON file per conversation; see {@code src/test/resources/replies/README.md}):
 *
 * <pre>{@code
 * {"conversation": "000_aecd9b8aaabbed65",           // for people and messages
 *  "source": "import/samples/000_aecd9b8aaabbed65.txt",
 *  "answered_by": "who played the model",
 *  "replies": [
 *    {"turns": "0-3",                                  // first-last turn index of the chunk
 *     "starts_with": "Tell me about",                  // the start of the chunk's first turn
 *     "reply": {"entities": [], ...}},                 // the answer: a JSON object, or a string
 *    {"turns": "4:1/2", "starts_with": "...",          // part 1 of 2 of a split turn 4
 *     "reply": "{\"entities\": [", "finish": "length"} // cut off at the output limit
 *  ]}
 * }</pre>
 *
 * Several replies for one chunk are served in order (an answer, then the one to the request asking
 * again); the last is repeated. Thread-safe.
 */
public final class RecordedReplies {
  /** One recorded reply: the answer's text and whether it stopped at the output limit. */
  public record Recorded(String text, boolean cutOff) {}

  /** What identifies a chunk's request: its turn range and the start of its first turn. */
  public record ChunkKey(String turns, String startsWith) {
    @Override
    public String toString() {
      return "turns " + turns + " starting \"" + startsWith + "\"";
    }
  }

  /** How many characters of the first turn identify a chunk. */
  static final int START_CHARS = 60;

  private static final Pattern BLOCK =
      Pattern.compile(
          "<<<TURN index=(\\d+)[^\\n]*?(?: part=(\\d+/\\d+))?>>>\\n(.*?)\\n<<<END [0-9a-f]+>>>",
          Pattern.DOTALL);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<ChunkKey, List<Recorded>> replies = new HashMap<>();
  private final Map<ChunkKey, AtomicInteger> served = new HashMap<>();

  private RecordedReplies() {}

  /** The replies of every {@code *.json} file in {@code folder}. */
  public static RecordedReplies load(Path folder) {
    RecordedReplies all = new RecordedReplies();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        all.read(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }

  private void read(Path file) throws IOException {
    JsonNode root = JSON.readTree(file.toFile());
    for (JsonNode entry : root.path("replies")) {
      JsonNode reply = entry.path("reply");
      ChunkKey key =
          new ChunkKey(entry.path("turns").asText(), start(entry.path("starts_with").asText()));
      if (key.turns().isEmpty() || reply.isMissingNode()) {
        throw new IllegalArgumentException(file + ": a reply needs 'turns' and 'reply'");
      }
      replies
          .computeIfAbsent(key, k -> new ArrayList<>())
          .add(
              new Recorded(
                  reply.isTextual() ? reply.asText() : reply.toString(),
                  "length".equals(entry.path("finish").asText())));
      served.putIfAbsent(key, new AtomicInteger());
    }
  }

  /** How many chunks have a recording. */
  public int size() {
    return replies.size();
  }

  /**
   * The key of the extraction request whose first user message is {@code user}, or empty when it
   * holds no turn blocks.
   */
  public static Optional<ChunkKey> keyOf(String user) {
    Matcher m = BLOCK.matcher(user);
    String first = null;
    String last = null;
    String startsWith = null;
    while (m.find()) {
      String turn = m.group(1) + (m.group(2) == null ? "" : ":" + m.group(2));
      if (first == null) {
        first = turn;
        startsWith = start(m.group(3));
      }
      last = turn;
    }
    if (first == null) {
      return Optional.empty();
    }
    return Optional.of(new ChunkKey(first.equals(last) ? first : first + "-" + last, startsWith));
  }

  /** The next reply recorded for {@code key}, or empty when none is. */
  public Optional<Recorded> next(ChunkKey key) {
    List<Recorded> list = replies.get(key);
    if (list == null) {
      return Optional.empty();
    }
    int i = served.get(key).getAndIncrement();
    return Optional.of(list.get(Math.min(i, list.size() - 1)));
  }

  /**
   * The first {@link #START_CHARS} characters of a turn, whitespace collapsed and stripped after
   * the cut too, so that the start of a start is itself (a recording's {@code starts_with} is read
   * through this again).
   */
  static String start(String text) {
    String t = text.replaceAll("\\s+", " ").strip();
    return t.length() <= START_CHARS ? t : t.substring(0, START_CHARS).stripTrailing();
  }
}
