package dev.noema.meaning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamesTest {
  private static final String CANONICAL = "https://w3id.org/noema/ontology#canonicalLabel";
  private static final String PREF = "http://www.w3.org/2004/02/skos/core#prefLabel";
  private static final String LABEL = "http://www.w3.org/2000/01/rdf-schema#label";
  private static final String ALT = "http://www.w3.org/2004/02/skos/core#altLabel";

  private final Names architecture =
      Names.of(
          List.of(
              new Name("architecture", "", NameKind.PREFERRED, CANONICAL),
              new Name("Архитектура", "ru", NameKind.PLAIN, LABEL),
              new Name("архитектура", "ru", NameKind.PREFERRED, PREF),
              new Name("арх.", "ru", NameKind.ALTERNATIVE, ALT),
              new Name("Architektur", "de-AT", NameKind.PLAIN, LABEL)));

  @Test
  void display_takes_the_language_asked_for_first_then_the_preferred_name() {
    assertEquals("архитектура", architecture.display("ru").orElseThrow());
    assertEquals("архитектура", architecture.display("RU").orElseThrow());
  }

  @Test
  void display_falls_back_to_the_primary_language_then_untagged_then_any() {
    assertEquals("Architektur", architecture.display("de").orElseThrow());
    assertEquals("architecture", architecture.display("en").orElseThrow());
    assertEquals("architecture", architecture.display(null).orElseThrow());
    Names onlyRussian = Names.of(List.of(new Name("Кирилл", "ru", NameKind.PLAIN, LABEL)));
    assertEquals("Кирилл", onlyRussian.display("en").orElseThrow());
  }

  @Test
  void an_alternative_name_in_the_language_beats_an_untagged_preferred_one() {
    Names names =
        Names.of(
            List.of(
                new Name("latent space", "", NameKind.PREFERRED, CANONICAL),
                new Name("латентное пространство", "ru", NameKind.ALTERNATIVE, ALT)));
    assertEquals("латентное пространство", names.display("ru").orElseThrow());
    assertEquals("latent space", names.display("en").orElseThrow());
  }

  @Test
  void ties_are_broken_by_text_so_the_choice_is_stable() {
    Names names =
        Names.of(
            List.of(
                new Name("latent space", "en", NameKind.PLAIN, LABEL),
                new Name("Latent Space", "en", NameKind.PLAIN, LABEL)));
    assertEquals("Latent Space", names.display("en").orElseThrow());
  }

  @Test
  void in_language_needs_that_exact_tag() {
    assertEquals("архитектура", architecture.inLanguage("ru").orElseThrow());
    assertTrue(architecture.inLanguage("de").isEmpty());
    assertTrue(Names.none().display("en").isEmpty());
  }

  @Test
  void by_language_lists_each_tag_preferred_names_first() {
    Map<String, List<String>> byLanguage = architecture.byLanguage();
    assertEquals(List.of("", "de-at", "ru"), List.copyOf(byLanguage.keySet()));
    assertEquals(List.of("архитектура", "Архитектура", "арх."), byLanguage.get("ru"));
  }
}
