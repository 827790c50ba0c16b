package dev.noema.extract;

import static dev.noema.extract.SampleDialogue.canonical;
import static dev.noema.extract.SampleDialogue.typeOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.ontology.Noema;
import dev.noema.ontology.OntologyModel;
import dev.noema.text.Text;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the structural extractor refuses to make an entity of, or reads as another entity: the noise
 * of ordinary conversations (adjectives of persons, phrases cut across a conjunction, row labels of
 * figures and of compared aspects).
 */
class TermRejectionTest {
  private static StructuralExtractor extractor;

  @BeforeAll
  static void load() {
    extractor = new StructuralExtractor(OntologyModel.loadDefault());
  }

  @Test
  void an_adjective_made_from_a_named_persons_name_is_a_mention_of_that_person() {
    Extraction e =
        extractor.extract(
            SampleDialogue.dialogue(
                "adjectives",
                null,
                "What did Charles Darwin and Immanuel Kant leave us?",
                "Charles Darwin gave biology its method. A Darwinian account explains"
                    + " traits by selection, and the Darwinian view still shapes ecology.",
                "And the Darwinian idea of fitness, is it circular?"));

    assertTrue(labels(e).stream().noneMatch(l -> l.startsWith("Darwinian")), labels(e).toString());
    assertTrue(
        e.entities().stream()
            .anyMatch(
                x ->
                    x.turnIndex() == 2
                        && x.type().equals(Noema.Person.getURI())
                        && x.canonicalLabel().equals("Charles Darwin")),
        "turn 2 names Darwin only by the adjective: " + e.entities());
  }

  @Test
  void a_russian_adjective_of_a_persons_name_is_a_mention_of_that_person_in_any_case() {
    Extraction e =
        extractor.extract(
            SampleDialogue.ofMarkdown(
                """
                ## Пригожинский и хакеновский

                Илья Пригожин и Герман Хакен изучали открытые системы. Пригожинский подход \
                объясняет порядок через флуктуации, хакеновский через параметр порядка. \
                В пригожинском смысле порядок рождается из хаоса; хакеновская школа спорила.
                """));

    assertTrue(
        labels(e).stream().noneMatch(l -> l.toLowerCase().matches("(пригожинск|хакеновск).*")),
        labels(e).toString());
    assertTrue(
        labels(e).containsAll(Set.of("Илья Пригожин", "Герман Хакен")), labels(e).toString());
  }

  @Test
  void a_phrase_joined_by_a_conjunction_or_opening_a_verbs_object_is_no_term() {
    Extraction e =
        extractor.extract(
            SampleDialogue.dialogue(
                "joined",
                null,
                "Should I bill pages or documents? Seats feel wrong.",
                "Bill pages or documents, whichever your customers count. Both pages or"
                    + " documents grow with the firm. Twenty tasks were refreshing the token"
                    + " at once; refreshing the token twice is wasted, and refreshing the"
                    + " token under a lock is slow. Read Remembering the Kanji, then"
                    + " Remembering the Kanji again: Remembering the Kanji works."));

    Set<String> labels = labels(e);
    assertFalse(labels.stream().anyMatch(l -> l.toLowerCase().contains(" or ")), labels.toString());
    assertFalse(labels.stream().anyMatch(l -> l.contains("the token")), labels.toString());
    // A title's words may join anything.
    assertTrue(labels.contains("Remembering the Kanji"), labels.toString());
  }

  @Test
  void a_phrase_with_a_form_of_to_be_or_a_possessive_inside_is_no_term() {
    Extraction e =
        extractor.extract(
            SampleDialogue.dialogue(
                "copula",
                null,
                "Is dualism true? Some say physicalism is false.",
                "If physicalism is false, then physicalism is false for qualia too. Light can"
                    + " shift your circadian rhythm; naps shift your circadian rhythm less, and"
                    + " coffee can shift your circadian rhythm too."));

    Set<String> labels = labels(e);
    assertFalse(labels.stream().anyMatch(l -> l.contains(" is ")), labels.toString());
    assertFalse(labels.stream().anyMatch(l -> l.contains(" your ")), labels.toString());
    assertTrue(labels.contains("circadian rhythm"), labels.toString());
  }

  @Test
  void a_subject_that_runs_into_code_defines_nothing() {
    Extraction e =
        extractor.extract(
            SampleDialogue.dialogue(
                "code subject",
                null,
                "How do I await in a notebook?",
                "Top-level `await` is the supported solution. Top-level `await` is simple.",
                "And in a script?",
                "Top-level `await` is not allowed there; use `asyncio.run`."));

    assertFalse(
        labels(e).stream().anyMatch(l -> l.equalsIgnoreCase("top-level")), labels(e).toString());
  }

  @Test
  void a_common_word_alone_is_no_entity_however_often_stressed_unless_defined() {
    Extraction e =
        extractor.extract(
            SampleDialogue.dialogue(
                "common",
                null,
                "Why does my **task** hang while threading works?",
                "Each **task** waits on the lock; threading does not.",
                "So the **task** never resumes with threading gone?",
                "Right: a **task** resumes only when threading or the loop lets it. A thread is"
                    + " a unit of execution the operating system schedules."));

    Set<String> labels = labels(e);
    assertFalse(labels.stream().anyMatch(l -> l.equalsIgnoreCase("task")), labels.toString());
    // "thread" is common, but written "threading" too, and defined.
    assertTrue(
        labels.stream().anyMatch(l -> l.toLowerCase().startsWith("thread")), labels.toString());
  }

  @Test
  void a_phrase_of_everyday_words_needs_four_mentions_where_a_rarer_phrase_needs_two_turns() {
    Extraction twice =
        extractor.extract(
            SampleDialogue.dialogue(
                "everyday",
                null,
                "I bake in the morning. Do I need a sourdough starter and a quiet room?",
                "Feed the sourdough starter at night; a quiet room helps the dough rest."));
    Set<String> labels = labels(twice);
    assertTrue(labels.contains("sourdough starter"), labels.toString());
    assertFalse(labels.contains("quiet room"), labels.toString());

    Extraction thrice =
        extractor.extract(
            SampleDialogue.dialogue(
                "everyday thrice",
                null,
                "Do I need a quiet room to let the dough rest?",
                "A quiet room keeps the dough warm, and any quiet room works."));
    assertFalse(labels(thrice).contains("quiet room"), labels(thrice).toString());

    Extraction often =
        extractor.extract(
            SampleDialogue.dialogue(
                "everyday often",
                null,
                "Do I need a quiet room to let the dough rest?",
                "A quiet room keeps the dough warm. Any quiet room works, and a quiet room with"
                    + " a door is best."));
    assertTrue(labels(often).contains("quiet room"), labels(often).toString());
  }

  @Test
  void a_word_written_no_more_often_alone_than_inside_one_term_is_that_terms_short_form() {
    // "metric": four times alone, four times in "value metric" (a tie); "latency": five times
    // alone, twice in "tail latency".
    Extraction e =
        extractor.extract(
            SampleDialogue.dialogue(
                "short forms",
                null,
                "Which value metric fits us? Is latency a **metric** we should watch?",
                "A value metric grows with what the customer gets; a **metric** of cost is not"
                    + " one. Watch **latency**: tail latency hurts.",
                "So pages are our value metric, and seats a weaker **metric**? And **latency**?",
                "Yes, pages are the value metric; any other **metric** is secondary. And"
                    + " **latency** matters too: check latency daily, and the tail latency weekly."));

    Set<String> labels = labels(e);
    assertFalse(labels.contains("metric"), labels.toString());
    assertTrue(
        aliases(e, "value metric").contains("metric"), aliases(e, "value metric").toString());
    assertTrue(labels.contains("latency"), labels.toString());
  }

  @Test
  void a_word_capitalised_inside_a_sentence_is_a_name_and_no_terms_short_form() {
    Extraction e =
        extractor.extract(
            SampleDialogue.dialogue(
                "names",
                null,
                "Is the Varnel pattern worth it? My lead says the Varnel pattern is slow.",
                "The Varnel pattern is fine; the **Varnel** docs cover it. The Varnel pattern"
                    + " scales.",
                "So **Varnel** again? I read about the Varnel pattern online.",
                "Yes, and the **Varnel** site explains the Varnel pattern in depth."));

    Set<String> labels = labels(e);
    assertTrue(labels.contains("Varnel"), labels.toString());
  }

  @Test
  void the_label_of_a_row_of_figures_is_no_mention_but_a_row_of_prose_is() {
    Extraction e =
        extractor.extract(
            SampleDialogue.ofMarkdown(
                """
                The heavy firm pays most, so the heavy firm may leave.

                | Customer | Seats | Bill |
                |---|---|---|
                | Heavy firm | 4 | $3,149 |
                | Small firm | 2 | $199 |

                Sleep restriction works when kept up.

                | Method | What it does |
                |---|---|
                | **Sleep restriction** | fewer hours in bed, deeper sleep |
                """));

    Set<String> labels = labels(e);
    assertFalse(labels.stream().anyMatch(l -> l.equalsIgnoreCase("heavy firm")), labels.toString());
    assertTrue(
        labels.stream().anyMatch(l -> l.equalsIgnoreCase("sleep restriction")), labels.toString());
  }

  @Test
  void a_row_compared_across_views_is_a_concept_only_when_named_besides_its_row() {
    Extraction e =
        extractor.extract(
            SampleDialogue.ofMarkdown(
                """
                Karl Popper and Thomas Kuhn disagreed about falsification, and Popper said so.

                | | Popper | Kuhn |
                |---|---|---|
                | Falsification | the method of science | rare in practice |
                | Engine of progress | bold conjectures | puzzle solving, then revolutions |
                """));

    Set<String> concepts =
        e.interpretations().stream()
            .map(i -> canonical(e, i.concept()))
            .collect(Collectors.toSet());
    assertEquals(Set.of("falsification"), concepts);
    assertTrue(
        labels(e).stream().noneMatch(l -> l.equalsIgnoreCase("engine of progress")),
        labels(e).toString());
  }

  @Test
  void a_heading_that_reads_as_a_sentence_names_no_subject_but_a_named_one_does() {
    Extraction e =
        extractor.extract(
            SampleDialogue.dialogue(
                "sentence-headings",
                null,
                "Как гомеостаз держит температуру и почему организм не ошибается?",
                """
                    ## Гомеостаз и температура

                    Гомеостаз поддерживает температуру тела; без гомеостаза клетки гибнут.

                    ## Почему он почти никогда не ошибается

                    Организм редко ошибается, потому что сигналы дублируются.
                    """));
    Set<String> labels = labels(e);
    assertTrue(labels.stream().anyMatch(l -> l.equalsIgnoreCase("гомеостаз")), labels.toString());
    assertTrue(
        labels.stream().noneMatch(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("ошиба")),
        labels.toString());
  }

  @Test
  void a_key_combination_is_code_and_no_term() {
    Extraction e =
        extractor.extract(
            SampleDialogue.dialogue(
                "keys",
                null,
                "My editor freezes. When I press Ctrl+C nothing happens.",
                "Try Ctrl+Shift+P and reload the window. If Ctrl + C still does nothing,"
                    + " restart the editor.",
                "Ctrl+C works now, and so does Cmd+K on my Mac."));

    assertTrue(
        labels(e).stream().noneMatch(l -> l.matches("(?i).*\\b(ctrl|cmd|shift)\\b.*")),
        labels(e).toString());
  }

  @Test
  void names_joined_by_a_plus_are_no_key_combination() {
    Extraction e =
        extractor.extract(
            SampleDialogue.dialogue(
                "ads",
                null,
                "We advertise on Meta + Google. Is Meta worth it?",
                "Meta reaches more people; Google converts better.",
                "So Meta for reach and Google for sales."));

    assertTrue(labels(e).containsAll(Set.of("Meta", "Google")), labels(e).toString());
  }

  @Test
  void a_phrase_written_after_a_number_is_a_measured_quantity_and_no_term() {
    Extraction e =
        extractor.extract(
            SampleDialogue.dialogue(
                "quantities",
                null,
                "Was gilt bei Verspätung mit dem Super Sparpreis?",
                "Beim Super Sparpreis ist die Zugbindung aufgehoben, wenn ab 20 Minuten"
                    + " Verspätung am Ziel"
                    + " absehbar sind. Ab 60 Minuten Verspätung gibt es 25 Prozent"
                    + " Entschädigung.",
                "Und bei 120 Minuten Verspätung?"));

    Set<String> keys = labels(e).stream().map(Text::key).collect(Collectors.toSet());
    assertTrue(keys.stream().noneMatch(k -> k.startsWith("minuten")), keys.toString());
    assertTrue(keys.contains("super sparpreis"), "the rule leaves other terms: " + keys);
  }

  @Test
  void a_name_written_after_a_number_is_still_a_name() {
    Extraction e =
        extractor.extract(
            SampleDialogue.dialogue(
                "numbers",
                null,
                "We run 3 Kafka clusters. Why 3 Kafka clusters, you ask?",
                "Because 3 Kafka clusters isolate the tenants.",
                "Would one Kafka cluster do?"));

    assertTrue(
        labels(e).stream().map(Text::key).anyMatch(k -> k.startsWith("kafka")),
        labels(e).toString());
  }

  @Test
  void a_word_only_the_generated_name_lists_hold_starts_a_persons_name_but_is_no_person_alone() {
    Extraction e =
        extractor.extract(
            SampleDialogue.dialogue(
                "generated names",
                null,
                "Why did the engineers move from Borg to Omega and then on?",
                "Borg came first; its experimental successor Omega tried a shared state."
                    + " Warren Buffett would call Omega a moat. Ask Warren Buffett!",
                "So Omega lost to Kubernetes?"));

    assertEquals(
        Noema.Person.getURI(),
        typeOf(e, "Warren Buffett"),
        "a generated name starts a person's name");
    assertTrue(
        !Noema.Person.getURI().equals(typeOf(e, "Omega")),
        "a word only the generated lists hold is no person alone: " + e.entities());
  }

  private static Set<String> aliases(Extraction e, String label) {
    return e.entities().stream()
        .filter(x -> x.label().equals(label))
        .flatMap(x -> x.aliases().stream())
        .collect(Collectors.toSet());
  }

  private static Set<String> labels(Extraction e) {
    return e.entities().stream().map(ExtractedEntity::label).collect(Collectors.toSet());
  }
}
