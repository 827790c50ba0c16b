package dev.noema.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.conversation.Conversation;
import dev.noema.conversation.Role;
import dev.noema.conversation.Turn;
import dev.noema.ontology.Noema;
import dev.noema.ontology.OntologyModel;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Italian is one folder of resource files (lang/it/cues.properties, text/lang/it/stopwords.txt) and
 * a line in lang/languages.txt: the structural extractor reads a short Italian dialogue as it reads
 * the other languages, and elided articles ("l'", "dell'", "d'") never edge a term.
 */
class ItalianExtractionTest {
  /** Articles and prepositions, elided or not, that must never start or end an entity's label. */
  private static final Pattern EDGE_WORD =
      Pattern.compile(
          "(?iu)^(?:(?:il|lo|la|i|gli|le|un|uno|una|di|del|della|dei|degli|delle|a|al|alla|da|dal"
              + "|in|nel|nella|su|sul|per|con|tra|fra|e|o)\\s.*|.*\\s(?:il|lo|la|i|gli|le|un|uno|una"
              + "|di|del|della|a|al|da|in|nel|su|per|con|e|o)|(?:l|dell|all|dall|nell|sull|un|d|c)['’].*)$");

  private static Extraction wine;

  @BeforeAll
  static void extract_the_dialogue() {
    StructuralExtractor extractor = new StructuralExtractor(OntologyModel.loadDefault());
    Conversation c =
        SampleDialogue.conversation(
            "vini",
            Turn.of(
                0,
                null,
                Role.USER,
                "User",
                null,
                "Ciao! Per una cena con gli amici sono indeciso tra il Barolo e il Brunello di"
                    + " Montalcino. Quale mi consigli?"),
            Turn.of(
                1,
                null,
                Role.ASSISTANT,
                "Assistant",
                null,
                """
                # Barolo e Brunello di Montalcino

                Il Nebbiolo è un vitigno a bacca rossa del Piemonte, da cui nasce il Barolo. Il \
                Brunello di Montalcino nasce invece dal Sangiovese, in Toscana.

                L'enologo Giacomo Tachis sosteneva che il Sangiovese ha bisogno di tempo. Il \
                professor Bertolini, invece, dice che il Brunello di Montalcino si può bere anche \
                giovane.

                | Aspetto | Tachis | Bertolini |
                |---|---|---|
                | Invecchiamento | lungo, in botte grande | breve, in barrique |
                | Abbinamento | carne alla brace | formaggi stagionati |

                Dell'annata conta soprattutto il clima: un'estate calda dà vini più morbidi. Per \
                una cena tra amici il Barolo è una scelta sicura.
                """),
            Turn.of(
                2,
                null,
                Role.USER,
                "User",
                null,
                "Grazie! E il Nebbiolo d'Alba è diverso dal Barolo? Il professor Bertolini lo"
                    + " consiglia?"),
            Turn.of(
                3,
                null,
                Role.ASSISTANT,
                "Assistant",
                null,
                "Sì: il Nebbiolo d'Alba è più giovane e costa meno del Barolo. Bertolini lo"
                    + " consiglia con la pasta, mentre dell'invecchiamento in botte parla"
                    + " soprattutto Tachis."));
    wine = extractor.extract(c);
  }

  @Test
  void italian_dialogue_finds_wines_grapes_and_people_with_their_types() {
    assertEquals(Noema.Person.getURI(), entity("Giacomo Tachis").type());
    // A single family name is a person by the title before it ("il professor Bertolini").
    assertEquals(Noema.Person.getURI(), entity("Bertolini").type());
    for (String wineOrGrape : List.of("Barolo", "Brunello di Montalcino", "Nebbiolo")) {
      assertEquals(Noema.Concept.getURI(), entity(wineOrGrape).type(), wineOrGrape);
    }
    assertTrue(entity("Nebbiolo").definition().startsWith("Il Nebbiolo è un vitigno"));
    assertTrue(
        wine.entities().stream().allMatch(e -> e.language().equals("it")),
        wine.entities().stream().map(e -> e.label() + "@" + e.language()).toList().toString());
  }

  @Test
  void a_table_headed_by_two_names_compares_their_views_in_italian() {
    Set<String> views =
        wine.entities().stream()
            .filter(e -> e.type().equals(Noema.Perspective.getURI()))
            .map(ExtractedEntity::label)
            .collect(Collectors.toSet());
    assertEquals(Set.of("punto di vista di Tachis", "punto di vista di Bertolini"), views);
    Set<String> interpreted =
        wine.interpretations().stream()
            .map(i -> canonical(i.concept()) + " / " + canonical(i.holder()))
            .collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "invecchiamento / Giacomo Tachis",
            "invecchiamento / Bertolini",
            "abbinamento / Giacomo Tachis",
            "abbinamento / Bertolini"),
        interpreted);
  }

  @Test
  void no_term_starts_or_ends_with_an_article_or_a_preposition() {
    List<String> edged =
        wine.entities().stream()
            .flatMap(e -> java.util.stream.Stream.of(e.label(), e.canonicalLabel()))
            .filter(l -> EDGE_WORD.matcher(l).matches())
            .toList();
    assertEquals(List.of(), edged);
    Set<String> labels =
        wine.entities().stream().map(ExtractedEntity::label).collect(Collectors.toSet());
    assertFalse(labels.contains("di Montalcino"), labels.toString());
    assertFalse(labels.contains("Montalcino"), labels.toString());
    // The elided preposition stays inside a name, written as Italian writes it.
    assertTrue(labels.contains("Nebbiolo d'Alba"), labels.toString());
  }

  @Test
  void the_heading_names_both_wines_as_its_subjects() {
    Set<String> inHeading =
        wine.entities().stream()
            .filter(e -> e.evidence().equals("Barolo e Brunello di Montalcino"))
            .map(ExtractedEntity::canonicalLabel)
            .collect(Collectors.toSet());
    assertEquals(Set.of("Barolo", "Brunello di Montalcino"), inHeading);
  }

  @Test
  void an_elided_french_article_is_split_off_but_a_name_keeps_its_apostrophe() {
    StructuralExtractor extractor = new StructuralExtractor(OntologyModel.loadDefault());
    Extraction e =
        extractor.extract(
            SampleDialogue.ofMarkdown(
                """
                L'activation mentale retarde le sommeil. Après une pause d'une vingtaine de \
                minutes, l'activation mentale baisse, et d'une vingtaine de minutes on passe à \
                une heure. Le chimiste Paul D'Amato étudie l'activation mentale; D'Amato l'a \
                mesurée.
                """));
    Set<String> labels =
        e.entities().stream().map(ExtractedEntity::label).collect(Collectors.toSet());
    assertTrue(labels.contains("activation mentale"), labels.toString());
    assertTrue(labels.stream().noneMatch(l -> l.contains("une vingtaine")), labels.toString());
    assertTrue(labels.contains("Paul D'Amato"), labels.toString());
    assertTrue(labels.stream().noneMatch(l -> l.matches("(?i)[ld]['’].*")), labels.toString());
  }

  private static ExtractedEntity entity(String canonical) {
    return wine.entities().stream()
        .filter(x -> x.canonicalLabel().equals(canonical))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no entity "
                        + canonical
                        + " in "
                        + wine.entities().stream().map(ExtractedEntity::canonicalLabel).toList()));
  }

  private static String canonical(String key) {
    return wine.entities().stream()
        .filter(x -> x.key().equals(key))
        .findFirst()
        .orElseThrow()
        .canonicalLabel();
  }
}
