package dev.noema.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TurnTextTest {
  private static final String TURN =
      "📌 Прогресс индустрии **ограничен доступным наблюдением**, Кирилл работает от"
          + " *внутреннего моделирования*, аналогично тому, как Лейбниц предсказал исчисление.\n\n"
          + "> RECURSIA is the module of recursion. It is part of the consensus of modules.";

  /** The turn's text between code-point offsets, as SPARQL's SUBSTR and Array.from count. */
  private static String codePoints(String text, QuoteSpan span) {
    int from = text.offsetByCodePoints(0, span.start());
    int to = text.offsetByCodePoints(0, span.end());
    return text.substring(from, to);
  }

  @Test
  void exact_quote_gets_offsets_in_code_points_over_the_markup_it_skips() {
    QuoteSpan span =
        new TurnText(TURN)
            .locate("Прогресс индустрии ограничен доступным наблюдением")
            .orElseThrow();

    assertFalse(span.aligned());
    assertEquals(1.0, span.similarity());
    // The pin is two UTF-16 units but one code point: the span starts at code point 2.
    assertEquals(2, span.start());
    assertEquals("Прогресс индустрии **ограничен доступным наблюдением", codePoints(TURN, span));
    assertEquals("Прогресс индустрии ограничен доступным наблюдением", span.exact());
  }

  @Test
  void quote_from_a_block_quote_is_exact_and_its_span_skips_the_marker() {
    QuoteSpan span =
        new TurnText(TURN).locate("RECURSIA is the module of recursion.").orElseThrow();

    assertFalse(span.aligned());
    assertEquals("RECURSIA is the module of recursion.", codePoints(TURN, span));
  }

  @Test
  void changed_punctuation_is_aligned_with_words_that_match_exactly() {
    QuoteSpan span =
        new TurnText(TURN)
            .locate("Кирилл работает от внутреннего моделирования — аналогично тому как Лейбниц")
            .orElseThrow();

    assertTrue(span.aligned());
    assertEquals(1.0, span.similarity());
    assertEquals(
        "Кирилл работает от *внутреннего моделирования*, аналогично тому, как Лейбниц",
        codePoints(TURN, span));
    assertEquals(
        "Кирилл работает от внутреннего моделирования, аналогично тому, как Лейбниц", span.exact());
  }

  @Test
  void one_changed_word_in_a_sentence_is_aligned_and_scored() {
    QuoteSpan span =
        new TurnText(TURN).locate("It is part of the consensus among modules").orElseThrow();

    assertTrue(span.aligned());
    assertTrue(
        span.similarity() >= TurnText.ALIGNMENT_THRESHOLD && span.similarity() < 1,
        "similarity " + span.similarity());
    assertEquals("It is part of the consensus of modules", codePoints(TURN, span));
  }

  @Test
  void a_paraphrase_is_not_grounded() {
    Optional<QuoteSpan> span =
        new TurnText(TURN).locate("RECURSIA belongs to the agreement between the modules");

    assertTrue(span.isEmpty(), span.toString());
  }

  @Test
  void a_short_quote_is_taken_only_as_it_is() {
    TurnText text = new TurnText(TURN);

    assertTrue(text.locate("RECURSIA").isPresent());
    assertTrue(text.locate("RECURSIVA").isEmpty(), "one word is never aligned");
    assertTrue(text.locate("consensus of agents").isEmpty(), "a changed word in three");
    assertTrue(text.locate("   ").isEmpty());
  }
}
