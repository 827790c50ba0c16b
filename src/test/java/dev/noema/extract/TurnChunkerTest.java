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

  @Test
  void halving_a_chunk_of_turns_cuts_between_turns_near_half_the_tokens() {
    Conversation c =
        SampleDialogue.conversation(
            "c",
            Turn.of(0, null, Role.USER, "User", null, SECTION),
            Turn.of(1, null, Role.ASSISTANT, "Assistant", null, SECTION),
            Turn.of(2, null, Role.USER, "User", null, SECTION.repeat(2)));
    TurnChunker chunker = new TurnChunker(1000);

    List<TurnChunker.Chunk> halves = chunker.halve(chunker.chunks(c).get(0));

    assertEquals(List.of(0, 1), halves.get(0).turnIndices());
    assertEquals(List.of(2), halves.get(1).turnIndices());
  }

  @Test
  void halving_one_turn_cuts_it_at_a_sentence_into_parts_numbered_twice_as_finely() {
    String sentence = "This sentence has exactly ten words in it, no more. ";
    String text = sentence.repeat(20);
    Conversation c =
        SampleDialogue.conversation("c", Turn.of(3, null, Role.ASSISTANT, "Assistant", null, text));
    TurnChunker chunker = new TurnChunker(1000);

    List<TurnChunker.Chunk> halves = chunker.halve(chunker.chunks(c).get(0));

    TurnChunker.Piece first = halves.get(0).pieces().get(0);
    TurnChunker.Piece second = halves.get(1).pieces().get(0);
    assertEquals(text, first.text() + second.text(), "verbatim, nothing lost");
    assertTrue(first.text().endsWith("no more. "), first.text());
    int total = first.tokens() + second.tokens();
    assertTrue(
        first.tokens() * 10 <= total * 6 && second.tokens() * 10 <= total * 6,
        first.tokens() + " and " + second.tokens() + " tokens");
    assertEquals(
        List.of(1, 2, 2, 2), List.of(first.part(), first.parts(), second.part(), second.parts()));
    // A half cut again: part 2 of 2 becomes parts 3 and 4 of 4.
    TurnChunker.Piece quarter = chunker.halve(halves.get(1)).get(1).pieces().get(0);
    assertEquals(List.of(4, 4), List.of(quarter.part(), quarter.parts()));
  }

  @Test
  void one_sentence_cannot_be_halved() {
    Conversation c =
        SampleDialogue.conversation(
            "c", Turn.of(0, null, Role.USER, "User", null, "One sentence only, of a few words."));
    TurnChunker chunker = new TurnChunker(1000);
    TurnChunker.Chunk chunk = chunker.chunks(c).get(0);

    assertEquals(List.of(chunk), chunker.halve(chunk));
  }

  private static int chunkerBudget(String s) {
    return new TurnChunker(1).tokens(s);
  }
}
