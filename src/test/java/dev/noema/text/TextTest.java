package dev.noema.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class TextTest {

  @Test
  void primary_language_is_the_lower_case_first_subtag_and_empty_for_none() {
    assertEquals("en", Text.primaryLanguage("en-GB"));
    assertEquals("ru", Text.primaryLanguage("RU"));
    assertEquals("und", Text.primaryLanguage("und"));
    assertEquals("", Text.primaryLanguage(" "));
    assertEquals("", Text.primaryLanguage(null));
  }

  @Test
  void keeps_russian_short_i_apart_from_i() {
    assertNotEquals(Text.key("зайка"), Text.key("заика"));
  }

  @Test
  void reads_russian_yo_as_ye() {
    assertEquals(Text.key("еж"), Text.key("ёж"));
  }

  @Test
  void drops_russian_stress_marks() {
    assertEquals("внимание", Text.key("внима\u0301ние"));
    assertEquals("замок", Text.key("за\u0300мок"));
  }

  @Test
  void folds_latin_accents_and_case() {
    assertEquals("cafe creme", Text.key("  Café  Crème "));
    assertEquals("grusse", Text.key("Grüße"));
    assertEquals("melatonine", Text.key("Mélatonine"));
  }

  @Test
  void keeps_marks_of_other_scripts_and_lowercases_them() {
    assertEquals("внимание", Text.key("Внимание"));
    assertEquals("東京", Text.key("東京"));
  }

  @Test
  void reads_compatibility_forms_as_plain_letters() {
    assertEquals("office", Text.key("ｏﬃce"));
  }

  @Test
  void turns_punctuation_runs_into_one_space() {
    assertEquals("kirill s theory", Text.key("Kirill’s — theory!"));
    assertEquals("tcc i", Text.key("TCC-I"));
  }

  @Test
  void folds_like_the_key_but_keeps_punctuation_with_apostrophes_and_dashes_as_ascii() {
    assertEquals("l'activation", Text.fold(" L’Activation "));
    assertEquals("tcc-i", Text.fold("TCC‑I"));
    assertEquals("strasse", Text.fold("Straße"));
    assertEquals("внимание елка", Text.fold("Внима́ние   Ёлка"));
    assertEquals("зайка", Text.fold("Зайка"));
    assertEquals(Text.key("Kirill’s — theory!"), Text.key(Text.fold("Kirill’s — theory!")));
    assertEquals("office...", Text.fold("Oﬃce…"));
    assertEquals("sparpreis", Text.fold("\u00A0Sparpreis\u202F"));
  }

  @Test
  void gives_an_empty_key_for_a_label_without_letters() {
    assertEquals("", Text.key("—!?"));
    assertEquals("", Text.key(null));
  }

  @Test
  void slugs_with_hyphens_and_never_empty() {
    assertEquals("consensus-of-modules", Text.slug("Consensus of Modules"));
    assertEquals("x", Text.slug("***"));
  }

  @Test
  void cleans_whitespace_but_keeps_case_and_accents() {
    assertEquals("Café Crème", Text.clean(" Café\n Crème "));
  }
}
