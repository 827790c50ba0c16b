package dev.noema.extract;

import static dev.noema.extract.SampleDialogue.canonical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.ontology.Noema;
import dev.noema.ontology.OntologyModel;
import dev.noema.text.Text;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The evidence that a span names a term, as a text marks it plainly: a defined term with its
 * article, a long form with its acronym, the subjects a title or heading names, the words of a
 * title that the turns repeat. Short dialogues written for the test, in the languages the rules
 * were seen failing in.
 */
class TermEvidenceTest {
  private static StructuralExtractor extractor;

  @BeforeAll
  static void load() {
    extractor = new StructuralExtractor(OntologyModel.loadDefault());
  }

  @Test
  void a_bold_term_after_an_article_and_before_a_colon_is_defined_without_the_article() {
    Extraction e =
        extract(
            null,
            "Comment fonctionne la digestion ?",
            """
            Deux mécanismes comptent :

            - **Le péristaltisme intestinal** : des contractions qui font avancer le bol.
            - **La flore** : les bactéries de l'intestin.
            """);

    ExtractedEntity term = entity(e, "péristaltisme intestinal").orElseThrow();
    assertEquals("des contractions qui font avancer le bol.", term.definition());
    assertTrue(entity(e, "le péristaltisme intestinal").isEmpty());
  }

  @Test
  void a_long_form_before_its_hyphenated_acronym_is_one_entity_with_the_acronym_as_alias() {
    Extraction e =
        extract(
            null,
            "Mon kiné parle de RPG-P. C'est quoi ?",
            """
            La **rééducation posturale globale du patient (RPG-P)** est une méthode de \
            kinésithérapie. La RPG-P se pratique en séances individuelles.
            """,
            "Et la RPG-P soulage le dos ?",
            "Oui, la RPG-P vise surtout les douleurs chroniques du dos.");

    ExtractedEntity term = entity(e, "rééducation posturale globale du patient").orElseThrow();
    assertTrue(term.aliases().contains("RPG-P"), term.aliases().toString());
    assertEquals(Noema.Method.getURI(), term.type());
    assertTrue(entity(e, "RPG-P").isEmpty(), "the acronym is an alias, not a second entity");
  }

  @Test
  void a_long_form_skips_the_prepositions_and_articles_its_acronym_leaves_out() {
    Extraction e =
        extract(
            null,
            "What does the department do?",
            "The Office of the Budget Review (OBR) publishes forecasts twice a year.");

    assertTrue(entity(e, "Office of the Budget Review").isPresent(), labels(e).toString());
  }

  @Test
  void a_subject_of_a_heading_of_several_parts_mentioned_once_is_a_term() {
    Extraction e =
        extract(
            null,
            "Why does bread brown?",
            """
            ## Crust: browning vs. caramelization

            Sugar on its own turns brown by caramelization at high heat.
            """);

    assertTrue(entity(e, "caramelization").isPresent(), labels(e).toString());
  }

  @Test
  void beside_a_model_a_heading_subject_mentioned_once_is_left_to_the_model() {
    StructuralExtractor sureOnly =
        new StructuralExtractor(OntologyModel.loadDefault(), StructuralExtractor.Mode.SURE_ONLY);
    Extraction e =
        sureOnly.extract(
            SampleDialogue.dialogue(
                "evidence",
                null,
                "Why does bread brown?",
                """
                ## Crust: browning vs. caramelization

                Sugar on its own turns brown by caramelization at high heat.
                """));

    assertTrue(entity(e, "caramelization").isEmpty(), labels(e).toString());
  }

  @Test
  void a_heading_of_one_phrase_mentioned_once_is_a_label_not_a_subject() {
    Extraction e =
        extract(
            null,
            "Here is my plan. Quick gut check?",
            """
            ## Gut check

            The plan holds up.
            """);

    assertTrue(entity(e, "gut check").isEmpty(), labels(e).toString());
  }

  @Test
  void the_title_names_its_subject_whole_even_when_its_head_words_are_generic() {
    Extraction e =
        extract(
            "The hard problem of induction: Hume vs. Popper",
            "Why is the hard problem of induction still open?",
            "Hume argued that no number of observations proves a law.");

    assertTrue(entity(e, "hard problem of induction").isPresent(), labels(e).toString());
  }

  @Test
  void a_rare_word_of_the_title_repeated_in_two_turns_is_a_term_but_a_common_verb_is_not() {
    String[] turns = {
      "Quiero aprender violín. ¿Es tarde a mi edad?",
      "Nunca es tarde. Para aprender, el violín pide paciencia con la afinación.",
      "¿Cuánto tiempo tardaré en aprender una pieza?",
      "Con el violín, unos meses; aprender a leer partituras ayuda."
    };

    Extraction titled = extract("Aprender violín de mayor", turns);
    Extraction untitled = extract(null, turns);

    assertTrue(entity(titled, "violín").isPresent(), labels(titled).toString());
    assertFalse(entity(untitled, "violín").isPresent(), labels(untitled).toString());
    assertTrue(entity(titled, "aprender").isEmpty(), labels(titled).toString());
  }

  @Test
  void a_title_without_function_words_is_read_in_the_language_of_its_turns() {
    Extraction e =
        extract(
            "Mutex Starvation Debugging",
            "My worker threads stall and I suspect starvation.",
            "Starvation happens when one thread keeps taking the mutex before the others.");

    assertTrue(entity(e, "starvation").isPresent(), labels(e).toString());
  }

  @Test
  void
      the_column_heads_of_a_table_with_an_empty_corner_are_compared_things_that_contrast_and_own_their_cells() {
    Extraction e =
        extract(
            null,
            "Should I pay for home insurance monthly or yearly?",
            """
            Monthly billing and yearly billing suit different households: monthly billing \
            spreads the cost, yearly billing is cheaper overall.

            | | Monthly | Yearly |
            |---|---|---|
            | Cost | A little higher | Lowest |
            | Cash flow | Even | One large payment |
            | Typical examples | Netflix, Spotify | Costco |
            """);

    ExtractedEntity monthly = entity(e, "monthly billing").orElseThrow();
    ExtractedEntity yearly = entity(e, "yearly billing").orElseThrow();
    assertTrue(monthly.aliases().contains("Monthly"), monthly.aliases().toString());
    assertTrue(contrasted(e, monthly, yearly), relationsOf(e).toString());
    assertTrue(
        e.relations().stream()
            .anyMatch(
                r ->
                    r.predicate().equals(Noema.contrastsWith.getURI())
                        && r.evidence().startsWith("Monthly billing and yearly billing suit")),
        "the contrast quotes the sentence that names both: " + e.relations());
    assertTrue(entity(e, "monthly").isEmpty(), "the header is an alias, not a second entity");
    List<String> relations = relationsOf(e);
    assertTrue(relations.contains("monthly billing relatedTo Netflix"), relations.toString());
    assertTrue(relations.contains("monthly billing relatedTo Spotify"), relations.toString());
    assertFalse(relations.contains("yearly billing relatedTo Netflix"), relations.toString());
  }

  @Test
  void a_long_german_compound_written_in_two_turns_is_a_term_a_common_one_is_not() {
    Extraction e =
        extract(
            null,
            "Wie wirkt der Zinseszinseffekt bei einem ETF? Und die Verantwortung der Bank?",
            "Der Zinseszinseffekt wächst mit der Zeit. Die Verantwortung liegt bei dir.",
            "Also hilft mir der Zinseszinseffekt nur langfristig? Und die Verantwortung?",
            "Ja, langfristig.");

    assertTrue(entity(e, "Zinseszinseffekt").isPresent(), labels(e).toString());
    assertFalse(entity(e, "Verantwortung").isPresent(), "a common word: " + labels(e));
  }

  @Test
  void a_column_head_that_names_a_term_is_that_term() {
    Extraction e =
        extract(
            null,
            "Was ist der Unterschied zwischen Sparpreis und Flexpreis?",
            """
            Der **Sparpreis** ist günstig, der **Flexpreis** ist flexibel. Den Sparpreis gibt es \
            nur mit Zugbindung, den Flexpreis ohne.

            | | Sparpreis | Flexpreis |
            |---|---|---|
            | Zugbindung | ja | nein |
            """,
            "Und wenn ich mit dem Sparpreis den Zug verpasse?",
            "Mit dem Sparpreis verfällt das Ticket; mit dem Flexpreis nimmst du den nächsten Zug.");

    ExtractedEntity spar = entity(e, "Sparpreis").orElseThrow();
    ExtractedEntity flex = entity(e, "Flexpreis").orElseThrow();
    assertTrue(contrasted(e, spar, flex), relationsOf(e).toString());
  }

  @Test
  void a_column_head_is_extended_through_emphasis_and_a_line_break() {
    Extraction e =
        extract(
            null,
            "Pay monthly or yearly?",
            """
            **Monthly** billing spreads the cost, while *yearly*
            billing is cheaper overall.

            | | Monthly | Yearly |
            |---|---|---|
            | Cost | Higher | Lower |
            """);

    assertTrue(entity(e, "monthly billing").isPresent(), labels(e).toString());
    assertTrue(entity(e, "yearly billing").isPresent(), labels(e).toString());
  }

  @Test
  void a_column_head_is_extended_where_the_prose_writes_its_hyphen_as_a_non_breaking_one() {
    Extraction e =
        extract(
            null,
            "Seat-based or usage-based?",
            """
            Seat‑based pricing charges per user; usage‑based pricing charges per page.

            | | Seat-based | Usage-based |
            |---|---|---|
            | Unit | Seat | Page |
            """);

    assertTrue(
        labels(e).stream().map(Text::key).anyMatch(Text.key("seat-based pricing")::equals),
        labels(e).toString());
  }

  @Test
  void a_column_head_is_not_extended_by_a_function_word() {
    Extraction e =
        extract(
            null,
            "Monthly or yearly?",
            """
            Monthly is flexible. Yearly is cheaper.

            | | Monthly | Yearly |
            |---|---|---|
            | Cost | Higher | Lower |
            """);

    assertTrue(labels(e).stream().noneMatch(l -> l.endsWith(" is")), labels(e).toString());
  }

  @Test
  void column_heads_under_a_named_corner_are_aspects_and_contrast_nothing() {
    Extraction e =
        extract(
            null,
            "Which plan should we offer?",
            """
            Monthly billing and yearly billing both work for a small shop.

            | Plan | Monthly | Yearly |
            |---|---|---|
            | Basic | $5 | $50 |
            """);

    assertTrue(
        e.relations().stream().noneMatch(r -> r.predicate().equals(Noema.contrastsWith.getURI())),
        relationsOf(e).toString());
  }

  // ---- helpers ----

  /** A conversation of alternating user and assistant turns, with the given title or none. */
  private static Extraction extract(String title, String... texts) {
    return extractor.extract(SampleDialogue.dialogue("evidence", title, texts));
  }

  private static Optional<ExtractedEntity> entity(Extraction e, String canonical) {
    return e.entities().stream()
        .filter(x -> x.canonicalLabel().equalsIgnoreCase(canonical))
        .findFirst();
  }

  private static List<String> labels(Extraction e) {
    return e.entities().stream().map(ExtractedEntity::canonicalLabel).distinct().toList();
  }

  private static boolean contrasted(Extraction e, ExtractedEntity a, ExtractedEntity b) {
    return e.relations().stream()
        .anyMatch(
            r ->
                r.predicate().equals(Noema.contrastsWith.getURI())
                    && java.util.Set.of(
                            canonical(e, r.subject()).toLowerCase(java.util.Locale.ROOT),
                            canonical(e, r.object()).toLowerCase(java.util.Locale.ROOT))
                        .equals(
                            java.util.Set.of(
                                a.canonicalLabel().toLowerCase(java.util.Locale.ROOT),
                                b.canonicalLabel().toLowerCase(java.util.Locale.ROOT))));
  }

  private static List<String> relationsOf(Extraction e) {
    return e.relations().stream()
        .map(
            r ->
                canonical(e, r.subject())
                    + " "
                    + r.predicate().substring(r.predicate().indexOf('#') + 1)
                    + " "
                    + canonical(e, r.object()))
        .toList();
  }
}
