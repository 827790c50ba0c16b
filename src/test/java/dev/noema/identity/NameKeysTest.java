package dev.noema.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class NameKeysTest {
  @Test
  void a_cyrillic_name_is_matched_by_its_latin_forms() {
    assertTrue(NameKeys.latin("кирилл").contains("kirill"));
    // BGN writes names as English texts do; ICU's own Any-Latin writes Fejnman.
    assertTrue(NameKeys.latin("фейнман").contains("feynman"));
    assertTrue(NameKeys.latin("кирилл s perspective").contains("kirill s perspective"));
  }

  @Test
  void a_name_in_latin_letters_has_no_transliteration() {
    assertEquals(Set.of(), NameKeys.latin("kirill"));
    assertEquals(Set.of(), NameKeys.latin("cafe 42"));
  }

  @Test
  void inflected_russian_names_share_a_stem() {
    assertEquals(NameKeys.stem("бах", "ru"), NameKeys.stem("баха", "ru"));
    assertEquals(NameKeys.stem("кирилл", "ru"), NameKeys.stem("кирилла", "und"));
    assertEquals(
        NameKeys.stem("консенсус модулей", "ru"), NameKeys.stem("консенсуса модули", "ru"));
  }

  @Test
  void zayka_and_zaika_have_different_keys_stems_and_transliterations() {
    assertNotEquals(NameKeys.exact("зайка"), NameKeys.exact("заика"));
    assertNotEquals(NameKeys.stem("зайка", "ru"), NameKeys.stem("заика", "ru"));
    assertTrue(java.util.Collections.disjoint(NameKeys.latin("зайка"), NameKeys.latin("заика")));
  }

  @Test
  void english_stems_remove_plurals_only() {
    assertEquals(NameKeys.stem("modules", "en"), NameKeys.stem("module", "en"));
    assertNotEquals(NameKeys.stem("university", "en"), NameKeys.stem("universe", "en"));
  }

  @Test
  void no_stem_for_a_language_without_stemmer_or_a_too_short_name() {
    assertNull(NameKeys.stem("東京", "ja"));
    assertNull(NameKeys.stem("ai", "en"));
  }

  @Test
  void loosely_transliterated_names_share_a_consonant_skeleton() {
    assertTrue(
        NameKeys.latin("дэвид чалмерс").stream()
            .map(NameKeys::skeleton)
            .anyMatch(s -> s.equals(NameKeys.skeleton("david chalmers"))));
    assertTrue(
        NameKeys.latin("дэниел деннет").stream()
            .map(NameKeys::skeleton)
            .anyMatch(s -> s.equals(NameKeys.skeleton("daniel dennett"))));
    assertNull(NameKeys.skeleton("ai"));
  }
}
