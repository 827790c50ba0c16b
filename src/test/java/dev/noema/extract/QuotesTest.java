package dev.noema.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuotesTest {

  @Test
  void folds_typographic_quotes_dashes_case_and_whitespace() {
    assertTrue(
        Quotes.occursIn(
            "\"Если нельзя измерить - не существует\"",
            "| “Если нельзя  измерить — не существует” | x |"));
    assertTrue(Quotes.occursIn("LATENT space", "the latent\n  space"));
  }

  @Test
  void ignores_markdown_emphasis_and_block_quote_markers() {
    assertTrue(
        Quotes.occursIn(
            "Не топология слоёв, а структура смыслопотока",
            "| Не топология слоёв, а **структура смыслопотока в latent space** |"));
    assertTrue(
        Quotes.occursIn(
            "не просто говорит, что понимает. Он моделирует",
            "> Кирилл **не просто говорит**, что понимает. \n> Он **моделирует**"));
  }

  @Test
  void applies_nfkc() {
    assertEquals(Quotes.normalize("ﬁne"), Quotes.normalize("fine"));
  }

  @Test
  void rejects_changed_words_and_blank_quotes() {
    assertFalse(Quotes.occursIn("структура смысла", "структура смыслопотока"));
    assertFalse(Quotes.occursIn("  ", "anything"));
  }
}
