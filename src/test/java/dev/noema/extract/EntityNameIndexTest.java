package dev.noema.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.ontology.Noema;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityNameIndexTest {
  private static final String PERSON = Noema.Person.getURI();
  private static final String CONCEPT = Noema.Concept.getURI();

  private static final KnownEntity BACH = new KnownEntity("Бах", "Bach", PERSON);
  private static final KnownEntity THEORY =
      new KnownEntity("теория Кирилла", "Kirill's theory", CONCEPT);
  private static final KnownEntity EMERGENCE =
      new KnownEntity("эмерджентность", "emergence", CONCEPT);
  private static final KnownEntity EMERGENCE_EN =
      new KnownEntity("emergence", "emergence", CONCEPT);
  private static final KnownEntity AI = new KnownEntity("AI", "AI", CONCEPT);

  private static final EntityNameIndex INDEX =
      new EntityNameIndex(List.of(BACH, THEORY, EMERGENCE, EMERGENCE_EN, AI));

  private static List<KnownEntity> find(String text) {
    return INDEX.find(text, 10, e -> true);
  }

  @Test
  void inflected_forms_find_the_base_form_of_a_name() {
    assertEquals(List.of(BACH), find("голос Баха в нотах"));
    assertEquals(List.of(THEORY), find("Он развивает теорию Кирилла."));
  }

  @Test
  void case_and_punctuation_do_not_matter_but_short_words_must_be_equal() {
    assertEquals(List.of(BACH), find("«БАХ»!"));
    assertEquals(List.of(AI), find("what AI can do"));
    assertTrue(find("AIM and AIDS").isEmpty());
  }

  @Test
  void a_word_that_only_starts_like_a_name_is_not_the_name() {
    // "бахрома" shares "бах" but leaves four more letters.
    assertTrue(find("бахрома на шторе").isEmpty());
    // A name may lose one letter to inflection, not two: "open" is not "OpenAI".
    EntityNameIndex index =
        new EntityNameIndex(
            List.of(
                new KnownEntity("OpenAI", "OpenAI", CONCEPT),
                new KnownEntity("структура", "structure", CONCEPT)));
    assertTrue(index.find("an open letter", 10, e -> true).isEmpty());
    assertTrue(
        new EntityNameIndex(List.of(new KnownEntity("Bach", "Bach", PERSON)))
            .find("we came back", 10, e -> true)
            .isEmpty());
    assertEquals(1, index.find("пять структур", 10, e -> true).size());
  }

  @Test
  void every_word_of_a_name_must_match_in_order() {
    assertTrue(find("теория относительности Кирилла").isEmpty());
  }

  @Test
  void an_entity_comes_once_ranked_by_how_often_it_is_named() {
    List<KnownEntity> found = find("Бах. Emergence, эмерджентность и снова эмерджентности.");

    assertEquals(2, found.size());
    assertEquals("emergence", found.get(0).canonicalLabel());
    assertEquals(BACH, found.get(1));
  }

  @Test
  void the_limit_and_the_filter_are_kept() {
    assertEquals(1, INDEX.find("Бах и эмерджентность", 1, e -> true).size());
    assertEquals(
        List.of(EMERGENCE), INDEX.find("Бах и эмерджентность", 10, e -> !e.type().equals(PERSON)));
    assertFalse(INDEX.find("Бах", 0, e -> true).iterator().hasNext());
  }
}
