package dev.noema.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.ontology.Noema;
import dev.noema.text.Text;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LexiconTest {
  private static final Lexicon LEXICON =
      Lexicon.bundled(dev.noema.ontology.OntologyModel.loadDefault());

  @Test
  void detects_each_language_with_resources_by_its_function_words_or_script() {
    assertEquals("en", LEXICON.detect("Why does the lock hang when the task waits on itself?"));
    assertEquals("fr", LEXICON.detect("La lumière est votre levier principal pour le sommeil."));
    assertEquals("de", LEXICON.detect("Lohnt sich die Bahncard für eine Fahrt nach Wien?"));
    assertEquals("es", LEXICON.detect("¿Cómo consigo que suene limpio el acorde con cejilla?"));
    assertEquals("ru", LEXICON.detect("Чем Пригожин и Хакен по-разному понимают порядок?"));
    assertEquals(
        "it", LEXICON.detect("Il Barolo è un vino rosso del Piemonte: non si beve giovane."));
    assertEquals("it", LEXICON.detect("Quale dei due mi consigli per una cena con gli amici?"));
    assertEquals("und", LEXICON.detect("12:30 → 14:45"));
  }

  @Test
  void a_stemmed_cue_matches_the_start_of_a_word_but_a_short_one_only_the_whole_word() {
    Pattern cue =
        LanguageProfile.cuePattern(
            List.of("dr|ms|professor|(?:a|b)c|x[\\]|]y|[^]|]z", "roi"), true);
    assertTrue(cue.matcher("Dr").matches());
    assertTrue(cue.matcher("professors").matches());
    assertTrue(cue.matcher("bc").matches(), "a group's alternatives stay inside it");
    assertFalse(cue.matcher("ad").matches(), "a group's alternatives stay inside it");
    assertTrue(cue.matcher("x|y").matches(), "a class's characters stay inside it");
    assertTrue(cue.matcher("qz").matches(), "a negated class stays whole");
    assertFalse(cue.matcher("|z").matches(), "a negated class stays whole");
    assertFalse(cue.matcher("dropped").matches());
    assertFalse(cue.matcher("msg").matches());
    assertFalse(cue.matcher("roistering").matches());
  }

  @Test
  void stop_words_of_each_language_come_from_lucene_and_the_language_files() {
    assertStop("en", "the");
    assertTrue(LEXICON.language("en").isGeneric("thing", "thing"));
    assertStop("fr", "est");
    assertTrue(LEXICON.language("fr").isGeneric("chose", "chose"));
    assertStop("de", "und");
    assertTrue(LEXICON.language("de").isGeneric("tipps", "tipps"));
    assertStop("es", "que");
    assertStop("ru", "это");
    assertStop("it", "della");
    assertStop("it", "perciò");
    assertTrue(LEXICON.language("it").isGeneric("domanda", "domand"));
    assertTrue(LEXICON.language("ru").isGeneric("вопрос", "вопрос"));
    assertFalse(isStop("en", "asyncio"));
    assertFalse(isStop("fr", "mélatonine"));
  }

  @Test
  void stems_reduce_inflections_to_one_base_form() {
    UnaryOperator<String> es = LEXICON.language("es").stemmer();
    assertEquals(es.apply("acorde"), es.apply("acordes"));
    UnaryOperator<String> ru = LEXICON.language("ru").stemmer();
    assertEquals(ru.apply("пригожин"), ru.apply("пригожина"));
    UnaryOperator<String> it = LEXICON.language("it").stemmer();
    assertEquals(it.apply("vitigno"), it.apply("vitigni"));
  }

  @Test
  void gazetteer_and_given_names_type_known_names_whatever_their_case_or_accents() {
    assertEquals(Noema.Place.getURI(), LEXICON.knownType("munchen"));
    assertEquals(Noema.Organization.getURI(), LEXICON.knownType("Deutsche Bahn"));
    assertEquals(null, LEXICON.knownType("Sparpreis"));
    assertTrue(LEXICON.isGivenName("Andrés"));
    assertTrue(LEXICON.isGivenName("Илья"));
    assertTrue(LEXICON.startsPersonName("Илья"), "a curated name also starts a name");
    assertTrue(LEXICON.startsPersonName("Warren"), "from the generated lists");
    assertFalse(LEXICON.isGivenName("Warren"), "a generated name alone is no person");
  }

  private static void assertStop(String language, String word) {
    assertTrue(isStop(language, word), language + ": " + word);
  }

  private static boolean isStop(String language, String word) {
    LanguageProfile p = LEXICON.language(language);
    String folded = Text.fold(word);
    return p.isStopWord(folded, p.stemmer().apply(folded));
  }
}
