package dev.noema.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LanguageWordsTest {

  @Test
  void specificity_grows_with_a_words_rank_and_is_one_for_an_unlisted_word() {
    LanguageWords en = LanguageWords.of("en");
    double model = en.specificity("model");
    double task = en.specificity("Task");
    assertTrue(model > 0 && model < task && task < 1, model + " " + task);
    assertEquals(1.0, en.specificity("semaphore"), 1e-12);
  }

  @Test
  void every_language_with_cue_files_has_common_words() {
    for (String code : new String[] {"en", "de", "fr", "es", "ru", "it"}) {
      LanguageWords words = LanguageWords.of(code);
      String first = firstWord(code);
      assertTrue(words.specificity(first) < 0.05, code + ": " + first);
    }
  }

  @Test
  void a_language_with_no_lists_has_no_words_and_no_common_words() {
    LanguageWords none = LanguageWords.of("xx");
    assertTrue(none.stopWords().isEmpty());
    assertEquals(1.0, none.specificity("the"), 1e-12);
  }

  private static String firstWord(String code) {
    try (var in = LanguageWords.class.getResourceAsStream("lang/" + code + "/common-words.txt")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.startsWith("#"))
          .findFirst()
          .orElseThrow();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
