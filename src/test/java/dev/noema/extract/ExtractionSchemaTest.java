package dev.noema.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.noema.ontology.OntologyModel;
import dev.noema.ontology.OntologyModel.OntProperty;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The extraction instructions as a model reads them: the rules a model asked to have stated. */
class ExtractionSchemaTest {
  private static final OntologyModel ONTOLOGY = OntologyModel.loadDefault();
  private static final ExtractionSchema SCHEMA = new ExtractionSchema(ONTOLOGY);
  private static final String PROMPT = SCHEMA.systemPrompt();

  private static JsonNode field(String array, String name) throws Exception {
    return new ObjectMapper()
        .readTree(SCHEMA.schemaJson())
        .at("/properties/" + array + "/items/properties/" + name + "/description");
  }

  /** The section of the prompt that starts with {@code heading}, up to the next blank line. */
  private static String section(String heading) {
    int start = PROMPT.indexOf("\n" + heading);
    assertTrue(start >= 0, "no section " + heading);
    int end = PROMPT.indexOf("\n\n", start + 1);
    return PROMPT.substring(start, end < 0 ? PROMPT.length() : end);
  }

  @Test
  void labels_are_asked_in_base_form_with_the_inflected_form_only_in_the_evidence()
      throws Exception {
    String labels = section("LABELS AND LANGUAGES");

    assertTrue(labels.contains("base form"), labels);
    assertTrue(labels.contains("\"Толстой\", not the \"Толстого\""), labels);
    assertTrue(labels.contains("inflected form as written belongs only in \"evidence\""), labels);
    assertTrue(field("entities", "label").asText().contains("base form"));
    assertTrue(field("entities", "aliases").asText().contains("base form"));
  }

  @Test
  void the_language_of_every_text_field_is_stated() throws Exception {
    String labels = section("LABELS AND LANGUAGES");

    assertTrue(
        labels.contains("\"label\", \"aliases\" and \"definition\" are in that language"), labels);
    assertTrue(
        labels.contains("\"statement\" is one sentence in the language of the turn"), labels);
    assertTrue(labels.contains("\"canonical_label\" is a short English name"), labels);
    assertTrue(
        labels.contains("or null when it does not say"),
        "the instructions agree with the schema's nullable definition: " + labels);
    assertTrue(field("entities", "definition").asText().contains("in the turn's language"));
    assertTrue(
        field("interpretations", "statement").asText().contains("language of the cited turn"));
  }

  @Test
  void participants_are_named_by_reserved_references_only_as_holders() throws Exception {
    String participants = section("PARTICIPANTS");

    assertTrue(participants.contains("\"" + ExtractionSchema.USER_REF + "\""), participants);
    assertTrue(participants.contains("\"" + ExtractionSchema.ASSISTANT_REF + "\""), participants);
    assertTrue(participants.contains("only in an interpretation's \"holder\""), participants);
    assertTrue(participants.contains("else composed after its holder"), participants);
    assertTrue(
        participants.contains(
            "its canonical label is always \"the user's view\" or \"the assistant's view\""),
        participants);
    assertTrue(participants.contains("Other facts about the participants"), participants);
    String holder = field("interpretations", "holder").asText();
    assertTrue(holder.contains(ExtractionSchema.USER_REF), holder);
    assertTrue(holder.contains(ExtractionSchema.ASSISTANT_REF), holder);
  }

  @Test
  void an_analogy_has_an_explicit_structure_of_three_parts() {
    String analogies = section("ANALOGIES");

    assertTrue(analogies.contains("thing explained analogousTo image, in that direction"));
    assertTrue(analogies.contains("Analogy about thing explained"), analogies);
    assertTrue(analogies.contains("Analogy mentionsPerson that person"), analogies);
    assertTrue(analogies.contains("never by analogousTo"), analogies);
    // The example is an ordinary one: the seed's own analogies must not be handed to the model.
    assertTrue(
        analogies.contains("electric current analogousTo water flowing through a"), analogies);
    assertTrue(!analogies.contains("Leibniz") && !analogies.contains("Kirill"), analogies);
  }

  @Test
  void a_claims_speaker_is_not_its_proposer() {
    String claims = section("CLAIMS");

    assertTrue(claims.contains("Claim or Hypothesis"), claims);
    assertTrue(claims.contains("add no relation"), claims);
    assertTrue(claims.contains("proposedBy only for a person or organization other than"));
  }

  @Test
  void an_entity_is_given_once_per_turn_and_may_be_used_from_another_turn() {
    String rules = section("RULES");

    assertTrue(rules.contains("An entity is a mention in one turn"), rules);
    assertTrue(rules.contains("within one turn it is one entity"), rules);
    assertTrue(rules.contains("may use an entity quoted from another turn"), rules);
  }

  /**
   * What a conversation is made of (its headings, the assistant's plan for the user, the user's own
   * days and code) is named as not an entity, while what a heading or plan names still is: without
   * this, the lab's careful model made "make-ahead plan" and "Meine Empfehlung" entities.
   */
  @Test
  void the_dialogues_own_structure_plans_circumstances_and_code_are_not_entities() {
    String what = section("WHAT IS AN ENTITY");

    assertTrue(what.contains("headings, greetings, sign-offs"), what);
    assertTrue(what.contains("the assistant's proposal for this user as a whole"), what);
    assertTrue(what.contains("the proposal itself is not"), what);
    assertTrue(what.contains("the participants' own circumstances"), what);
    assertTrue(what.contains("names in the user's own code or configuration"), what);
    assertTrue(
        what.contains("A heading, label or cell that names a thing the dialogue discusses"), what);
    assertTrue(
        section("PARTICIPANTS").contains("a heading or phrase that only introduces the view"));
  }

  @Test
  void a_known_entity_is_reused_only_for_the_same_thing() {
    assertTrue(
        section("LABELS AND LANGUAGES").contains("the same thing (not merely the same word)"));
  }

  /**
   * A relation open to any entity that lists kinds of subject or object in its description lists
   * them as typical, so that the types stated and the description agree.
   */
  @Test
  void relations_open_to_any_entity_describe_their_listed_kinds_as_typical() {
    List<String> disagreeing = new ArrayList<>();
    for (String name : SCHEMA.predicateNames()) {
      OntProperty p =
          ONTOLOGY.extractableProperties().stream()
              .filter(q -> q.localName().equals(name))
              .findFirst()
              .orElseThrow();
      String line =
          PROMPT.lines().filter(l -> l.startsWith("- " + name + " (")).findFirst().orElseThrow();
      String comment = p.comment();
      boolean anySubject = line.contains("(any entity ->");
      boolean anyObject = line.contains("-> any entity)");
      boolean listsSubjects = comment.startsWith("The subject (") || comment.startsWith("An ");
      boolean listsObjects = comment.matches("(?s).*the object, an? .*");
      if ((anySubject && listsSubjects || anyObject && listsObjects)
          && !comment.contains("typically")
          && !comment.contains("often")) {
        disagreeing.add(line);
      }
    }
    assertEquals(List.of(), disagreeing);
  }

  @Test
  void relations_with_restricted_ends_state_them() {
    assertTrue(PROMPT.contains("- mentionsPerson (any entity -> Person)"));
    assertTrue(PROMPT.contains("- proposedBy (any entity -> Organization|Person)"));
    assertTrue(PROMPT.contains("- usesMethod (any entity -> Method)"));
    assertTrue(PROMPT.contains("- holdsPerspective (Organization|Person -> Perspective)"));
  }
}
