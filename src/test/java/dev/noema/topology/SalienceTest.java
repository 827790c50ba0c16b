package dev.noema.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.meaning.Name;
import dev.noema.meaning.NameKind;
import org.junit.jupiter.api.Test;

class SalienceTest {
  private static Name name(String text, String language) {
    return new Name(text, language, NameKind.PREFERRED, "urn:p");
  }

  @Test
  void a_common_word_weighs_less_than_a_term() {
    double task = Salience.of(name("task", "en"), 4, false);
    double semaphore = Salience.of(name("semaphore", "en"), 4, false);
    assertEquals(4.0, semaphore, 1e-12);
    assertTrue(task < 0.5 * semaphore, "task " + task);
    assertTrue(
        Salience.of(name("sommeil", "fr"), 4, false)
            < Salience.of(name("mélatonine", "fr"), 4, false));
  }

  @Test
  void a_name_of_several_words_is_a_term() {
    assertEquals(3.0, Salience.of(name("event loop", "en"), 3, false), 1e-12);
  }

  @Test
  void more_turns_weigh_more_and_a_view_has_none() {
    assertEquals(
        2 * Salience.of(name("asyncio", "en"), 1, false),
        Salience.of(name("asyncio", "en"), 2, false),
        1e-12);
    assertEquals(1.0, Salience.of(name("asyncio", "en"), 0, false), 1e-12);
    assertEquals(0.0, Salience.of(name("the assistant's view", "en"), 9, true), 1e-12);
  }

  @Test
  void a_language_without_common_words_counts_every_word_as_specific() {
    assertEquals(1.0, Salience.specificity(name("the", "xx")), 1e-12);
    assertEquals(1.0, Salience.specificity(name("the", "")), 1e-12);
  }
}
