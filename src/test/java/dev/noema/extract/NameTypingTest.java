package dev.noema.extract;

import static dev.noema.extract.SampleDialogue.typeOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.ontology.Noema;
import dev.noema.ontology.OntologyModel;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kinds of thing the structural extractor types a name as from class words beside it (the
 * {@code *-word} keys of {@code lang/CODE/cues.properties}), from a title in italics, and where it
 * refuses to: a class word that heads no noun phrase, a person's name. Short dialogues written for
 * the test, in the languages the held-out corpus showed each case in.
 */
class NameTypingTest {
  private static StructuralExtractor extractor;

  @BeforeAll
  static void load() {
    extractor = new StructuralExtractor(OntologyModel.loadDefault());
  }

  @Test
  void a_class_word_heading_a_definition_or_an_apposition_types_the_name_a_participle_after_it() {
    Extraction e =
        extract(
            "Should I use Anki or Remembering the Kanji first?",
            "Remembering the Kanji is a book by James Heisig. Anki, a free flashcard program built"
                + " on spaced repetition, then drills what Remembering the Kanji teaches.",
            "So Anki every day?",
            "Yes: Anki every day, and Remembering the Kanji beside it.");

    assertEquals(Noema.Work.getURI(), typeOf(e, "Remembering the Kanji"), e.entities().toString());
    assertEquals(Noema.Product.getURI(), typeOf(e, "Anki"), e.entities().toString());
  }

  @Test
  void a_class_word_before_a_name_or_an_event_word_in_it_types_the_name_in_its_language() {
    Extraction e =
        extract(
            "Mon beau-frère a fait un stage à la ferme du Bec Hellouin. C'est loin ?",
            "La ferme du Bec Hellouin se trouve en Normandie ; le Bec Hellouin en est la vitrine.",
            "Me he apuntado al Medio Maratón de Valencia. ¿Es llano el Medio Maratón de Valencia?",
            "Sí: el Medio Maratón de Valencia es muy llano. Датский король Вальдемар IV захватил"
                + " Висбю, и Вальдемар IV хотел контролировать Балтику.");

    assertEquals(Noema.Place.getURI(), typeOf(e, "Bec Hellouin"), e.entities().toString());
    assertEquals(
        Noema.Event.getURI(), typeOf(e, "Medio Maratón de Valencia"), e.entities().toString());
    assertEquals(Noema.Person.getURI(), typeOf(e, "Вальдемар IV"), e.entities().toString());
  }

  @Test
  void a_class_word_that_heads_no_noun_phrase_types_nothing() {
    Extraction e =
        extract(
            "Who designed TaskGroup? And what does the Lakatosian Reading say?",
            "Nathaniel Smith, who created the Trio library, designed it. Nathaniel Smith wrote"
                + " about structured concurrency.",
            "**Lakatosian Reading**: the EMH is the hard core of a research programme. The"
                + " Lakatosian Reading keeps it.",
            "Синергетику как программу Герман Хакен предложил в 1969 году. Герман Хакен изучал"
                + " лазер.");

    assertEquals(Noema.Person.getURI(), typeOf(e, "Nathaniel Smith"), e.entities().toString());
    assertNotEquals(
        Noema.Product.getURI(), typeOf(e, "Lakatosian Reading"), e.entities().toString());
    assertEquals(Noema.Person.getURI(), typeOf(e, "Герман Хакен"), e.entities().toString());
  }

  @Test
  void a_title_in_italics_placed_as_a_works_is_a_work_labelled_as_written() {
    Extraction e =
        extract(
            "Which book first: Kuhn or Feyerabend?",
            "Thomas Kuhn's *The Structure of Scientific Revolutions* (1962) came first;"
                + " *Against Method* (1975) answers it.",
            "So *The Structure of Scientific Revolutions* is the classic?",
            "Yes.");

    assertEquals(
        Noema.Work.getURI(),
        typeOf(e, "The Structure of Scientific Revolutions"),
        e.entities().toString());
    assertNotEquals(Noema.Work.getURI(), typeOf(e, "Method"), "a title's fragment is no work");
    assertTrue(
        e.entities().stream().noneMatch(x -> x.label().equals("Scientific Revolutions")),
        "a name inside a title is none of its own: " + e.entities());
  }

  @Test
  void a_class_noun_before_a_defined_name_is_its_kind_not_part_of_it() {
    Extraction e =
        extract(
            "Which book and which app?",
            "Their book *Animal Farm* is a joke about pigs. The app Anki is a flashcard tool.",
            "And Anki on the phone?",
            "Anki runs there too.");

    assertEquals(Noema.Work.getURI(), typeOf(e, "Animal Farm"), e.entities().toString());
    assertEquals(Noema.Product.getURI(), typeOf(e, "Anki"), e.entities().toString());
    assertTrue(
        e.entities().stream().noneMatch(x -> x.label().startsWith("book ")),
        e.entities().toString());
  }

  @Test
  void a_term_in_capitals_in_italics_is_no_title() {
    Extraction e =
        extract(
            "What is the *Tragedy of the Commons*? And the *Total Expense Ratio*?",
            "The *Tragedy of the Commons* is a dilemma of shared goods. The *Total Expense Ratio*"
                + " (TER) is what a fund costs each year.",
            "So the *Tragedy of the Commons* is about grazing?",
            "Among other things.");

    assertNotEquals(Noema.Work.getURI(), typeOf(e, "Tragedy of the Commons"), "no title's place");
    assertNotEquals(Noema.Work.getURI(), typeOf(e, "Total Expense Ratio"), "no title's place");
  }

  @Test
  void a_class_word_that_ends_no_noun_phrase_or_stands_alone_before_a_name_types_nothing() {
    Extraction e =
        extract(
            "After the war Adenauer rebuilt the country. In the film Morpheus explains it.",
            "Nakamura, a software engineer, agrees. Jane Smith is a software engineer at Google."
                + " After the war Adenauer rebuilt, and in the film Morpheus explains. Nakamura"
                + " and Jane Smith say so.",
            "What about Moore's Law and Victoria Station?",
            "Moore's Law held for decades; Victoria Station is in London.");

    for (String name : List.of("Adenauer", "Morpheus", "Nakamura")) {
      String type = typeOf(e, name);
      assertTrue(
          type == null || type.equals(Noema.Concept.getURI()) || type.equals(Noema.Person.getURI()),
          name + ": " + type);
    }
    assertEquals(Noema.Person.getURI(), typeOf(e, "Jane Smith"), e.entities().toString());
    assertTrue(
        e.entities().stream().anyMatch(x -> x.label().equals("Moore's Law")),
        "a possessive inside a name's own words keeps it whole: " + e.entities());
    assertNotEquals(Noema.Person.getURI(), typeOf(e, "Victoria Station"), "no given name");
  }

  @Test
  void a_table_column_headed_by_a_class_word_types_the_names_under_it() {
    Extraction e =
        extract(
            "Where do the old breweries stand?",
            "| Brewery | Town | Beer |\n|---|---|---|\n| Oakhollow | Brindleford | stout |\n"
                + "| Quillon | Marrow Vale | ale |\n| Fenwright | London and Paris | lager |\n\n"
                + "Visitors reach Brindleford by train, and Brindleford keeps Oakhollow open; locals"
                + " drink at Oakhollow daily. London and Paris stock it.",
            "And which books?",
            "| Книга | Автор |\n|---|---|\n| Доктор Живаго | Борис Пастернак |\n\n"
                + "«Доктор Живаго» читают и сегодня, Доктор Живаго вышел в 1957.");

    assertEquals(Noema.Place.getURI(), typeOf(e, "Brindleford"), e.entities().toString());
    assertEquals(Noema.Work.getURI(), typeOf(e, "Доктор Живаго"), e.entities().toString());
    String brewery = typeOf(e, "Oakhollow");
    assertNotNull(brewery, "Oakhollow is named in sentences: " + e.entities());
    assertNotEquals(Noema.Place.getURI(), brewery, "its column says brewery, no class word");
    assertNotEquals(
        Noema.Place.getURI(), typeOf(e, "London and Paris"), "two names in one cell are no place");
  }

  @Test
  void a_short_person_cue_is_a_whole_word_not_the_start_of_one() {
    Extraction e =
        extract(
            "Last year we dropped Mercurial. Was moving off Mercurial wise?",
            "Yes: most teams prefer Git to Mercurial now.",
            "Who explained the move best? I liked what Dr Almqvist wrote.",
            "Yes, and Dr Almqvist is right.");

    assertNotEquals(Noema.Person.getURI(), typeOf(e, "Mercurial"), "\"dropped\" is no \"Dr\"");
    assertEquals(Noema.Person.getURI(), typeOf(e, "Dr Almqvist"), e.entities().toString());
  }

  @Test
  void a_possessive_ends_a_name() {
    Extraction e =
        extract(
            "What did Thomas Kuhn argue?",
            "Thomas Kuhn's *The Structure of Scientific Revolutions* came at it as a historian."
                + " Thomas Kuhn's paradigms change.",
            "And Thomas Kuhn's critics?",
            "They read Thomas Kuhn's book closely.");

    assertEquals(Noema.Person.getURI(), typeOf(e, "Thomas Kuhn"), e.entities().toString());
    assertFalse(
        e.entities().stream().anyMatch(x -> x.label().contains("Kuhn's")), e.entities().toString());
    assertTrue(
        e.entities().stream().noneMatch(x -> x.label().startsWith("Thomas Kuhn's The")),
        "a name does not run on past a possessive");
  }

  /** A dialogue of alternating user and assistant turns. */
  private static Extraction extract(String... texts) {
    return extractor.extract(SampleDialogue.dialogue("typing", null, texts));
  }
}
