package dev.noema.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedRepliesTest {

  @Test
  void a_chunk_whose_first_sixty_characters_end_in_a_space_finds_its_recording(@TempDir Path dir)
      throws IOException {
    // The 60th character of this turn is the space after "Klasse".
    String turn =
        "Wie ist der Railjet eigentlich so? Lohnt sich die 1. Klasse oder sogar Business?";
    assertEquals(' ', turn.charAt(RecordedReplies.START_CHARS - 1));
    Files.writeString(
        dir.resolve("c.json"),
        """
        {"conversation": "c", "replies": [{"turns": "6-9",
          "starts_with": "Wie ist der Railjet eigentlich so? Lohnt sich die 1. Klasse ",
          "reply": {"entities": [], "relations": [], "interpretations": []}}]}""");
    String user =
        "<<<TURN index=6 role=user speaker=\"User\">>>\n"
            + turn
            + "\n<<<END 0123456789ab>>>\n\n<<<TURN index=9 role=assistant speaker=\"A\">>>\n"
            + "Der Railjet ist ein ziemlich angenehmer Zug.\n<<<END 0123456789ab>>>\n";

    RecordedReplies.ChunkKey key = RecordedReplies.keyOf(user).orElseThrow();

    assertEquals("6-9", key.turns());
    assertEquals(
        "{\"entities\":[],\"relations\":[],\"interpretations\":[]}",
        RecordedReplies.load(dir).next(key).orElseThrow().text());
  }
}
