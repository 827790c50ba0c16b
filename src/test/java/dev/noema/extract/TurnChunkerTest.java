package dev.noema.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.conversation.Conversation;
import dev.noema.conversation.Role;
import dev.noema.conversation.Turn;
import java.util.List;
import org.junit.jupiter.api.Test;

class TurnChunkerTest {
  private static final String SECTION =
      "Some words about this part. They go on for a while, and then a little more.\n\n";

  @Test
  void short_turns_share_a_chunk_within_the_budget() {
    Conversation c =
        SampleDialogue.conversation(
            "c",
            Turn.of(0, null, Role.USER, "User", null, "Hello there."),
            Turn.of(1, null, Role.ASSISTANT, "Assistant", null, "Hello, how can I help?"));

    List<TurnChunker.Chunk> chunks = new TurnChunker(100).chunks(c);

    assertEquals(1, chunks.size());
    assertEquals(List.of(0, 1), chunks.get(0).turnIndices());
  }

  @Test
  void long_turn_splits_before_headings_and_parts_rebuild_the_text() {
    String text =
        "# One\n\n" + SECTION.repeat(3) + "# Two\n\n" + SECTION.repeat(3) + "# Three\n\n" + SECTION;
    TurnChunker chunker = new TurnChunker(chunkerBudget(SECTION) * 4);

    List<String> parts = chunker.split(text);

    assertEquals(3, parts.size());
    assertTrue(parts.get(1).startsWith("# Two"), parts.get(1));
    assertTrue(parts.get(2).startsWith("# Three"), parts.get(2));
    assertEquals(text, String.join("", parts));
  }

  @Test
  void a_long_paragraph_splits_between_sentences_never_inside_one() {
    String sentence = "This sentence has exactly ten words in it, no more. ";
    String text = sentence.repeat(20).strip();
    TurnChunker chunker = new TurnChunker(chunkerBudget(sentence) * 3);

    List<String> parts = chunker.split(text);

    assertTrue(parts.size() >= 6, parts.toString());
    assertEquals(text, String.join("", parts));
    for (String part : parts) {
      assertTrue(part.strip().endsWith("no more."), part);
    }
  }

  @Test
  void parts_of_a_long_turn_keep_its_index_and_number_their_parts() {
    String text = "# A\n\n" + SECTION.repeat(3) + "# B\n\n" + SECTION.repeat(3);
    Conversation c =
        SampleDialogue.conversation("c", Turn.of(4, null, Role.ASSISTANT, "Assistant", null, text));

    List<TurnChunker.Chunk> chunks = new TurnChunker(chunkerBudget(SECTION) * 4).chunks(c);

    assertEquals(2, chunks.size());
    TurnChunker.Piece second = chunks.get(1).pieces().get(0);
    assertEquals(4, second.turn().index());
    assertEquals(2, second.part());
    assertEquals(2, second.parts());
  }

  private static int chunkerBudget(String s) {
    return new TurnChunker(1).tokens(s);
  }
}
