package dev.noema.prompt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.conversation.Role;
import dev.noema.meaning.MeaningLayers;
import dev.noema.ontology.OntologyModel;
import dev.noema.prompt.EvidenceIndex.Match;
import dev.noema.prompt.MeaningSnapshot.Item;
import dev.noema.store.Tdb2GraphStore;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;

/** Facts scored by their own evidence, on small hand-built conversations. */
class EvidenceIndexTest {
  private static final OntologyModel ONTOLOGY = OntologyModel.loadDefault();

  /** A snapshot of the conversation {@code b} describes, read back from a real store. */
  private static MeaningSnapshot snapshot(MeaningGraphBuilder b) {
    try (Tdb2GraphStore store = Tdb2GraphStore.inMemory()) {
      b.writeTo(store);
      return MeaningSnapshot.of(MeaningLayers.of(store, ONTOLOGY).current());
    }
  }

  /** The item whose evidence quotes {@code quote}. */
  private static int item(MeaningSnapshot snapshot, String quote) {
    List<Item> items = snapshot.items();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).evidence().stream().anyMatch(e -> quote.equals(e.quote()))) {
        return i;
      }
    }
    throw new AssertionError("no fact quotes " + quote);
  }

  /** One assistant turn with one fact per quote, between two fresh entities each. */
  private static MeaningSnapshot answers(String... quotes) {
    MeaningGraphBuilder b = new MeaningGraphBuilder("answers", "Answers");
    b.turn(Role.ASSISTANT, "Assistant", null, "a-0", String.join(" ", quotes));
    for (int i = 0; i < quotes.length; i++) {
      Node s = b.entity(0, "Concept", "subject " + i, "subject " + i + "@en");
      Node o = b.entity(0, "Concept", "object " + i, "object " + i + "@en");
      b.fact(0, s, "relatedTo", o, 0.9, quotes[i]);
    }
    return snapshot(b);
  }

  @Test
  void a_word_finds_its_inflections_through_the_stemmer_of_its_language() {
    MeaningSnapshot snapshot =
        answers(
            "Ab 60 Minuten Verspätung gibt es 25 Prozent.",
            "Seared meat loses as much moisture as unseared meat.",
            "Ганза не была государством.",
            "La melatonine avancee de deux heures aide peu.");
    EvidenceIndex index = new EvidenceIndex(snapshot);
    assertEquals(
        List.of(item(snapshot, "Ab 60 Minuten Verspätung gibt es 25 Prozent.")),
        List.copyOf(index.match("Verspätungen", 10).keySet()));
    assertEquals(
        List.of(item(snapshot, "Seared meat loses as much moisture as unseared meat.")),
        List.copyOf(index.match("Does searing seal in the juices?", 10).keySet()));
    assertEquals(
        List.of(item(snapshot, "Ганза не была государством.")),
        List.copyOf(index.match("Почему Ганзу называют союзом?", 10).keySet()));
    assertEquals(
        List.of(item(snapshot, "La melatonine avancee de deux heures aide peu.")),
        List.copyOf(index.match("La mélatonine aide-t-elle ?", 10).keySet()));
  }

  @Test
  void function_words_of_any_listed_language_match_nothing() {
    EvidenceIndex index =
        new EvidenceIndex(answers("What was the point of it?", "Was ist das, und wie?"));
    assertEquals(Map.of(), index.match("what is the", 10));
    assertEquals(Map.of(), index.match("Was ist das?", 10));
    assertEquals(Map.of(), index.match("¿Qué es lo que?", 10));
  }

  @Test
  void the_quote_sharing_more_of_the_questions_words_scores_higher() {
    MeaningSnapshot snapshot =
        answers(
            "Short ribs need about three hours in the oven.",
            "In a pressure cooker short ribs take 40 minutes.");
    Map<Integer, Match> matches =
        new EvidenceIndex(snapshot).match("How long do short ribs take in a pressure cooker?", 10);
    assertEquals(
        List.of(
            item(snapshot, "In a pressure cooker short ribs take 40 minutes."),
            item(snapshot, "Short ribs need about three hours in the oven.")),
        List.copyOf(matches.keySet()));
    List<Double> scores = matches.values().stream().map(Match::score).toList();
    assertTrue(scores.get(0) > scores.get(1), scores.toString());
  }

  @Test
  void a_facts_pieces_of_evidence_come_best_first() {
    MeaningGraphBuilder b = new MeaningGraphBuilder("twice", "Twice");
    b.turn(Role.ASSISTANT, "Assistant", null, "t-0", "first");
    b.turn(Role.ASSISTANT, "Assistant", null, "t-1", "second");
    Node tit = b.entity(0, "Concept", "IIT", "IIT@en");
    Node phi = b.entity(0, "Concept", "phi", "phi@en");
    b.fact(0, phi, "partOf", tit, 0.9, "On IIT a digital computer has almost no consciousness.");
    b.fact(1, phi, "partOf", tit, 0.9, "Phi measures how much a system is integrated.");
    MeaningSnapshot snapshot = snapshot(b);
    Match match = new EvidenceIndex(snapshot).match("What does phi measure?", 10).get(0);
    Item item = snapshot.items().get(0);
    assertEquals(
        "Phi measures how much a system is integrated.",
        item.evidence().get(match.evidence()[0]).quote());
  }

  @Test
  void a_reply_is_found_by_the_question_it_answers_and_the_users_wording_is_no_answer() {
    MeaningGraphBuilder b = new MeaningGraphBuilder("bread", "Bread");
    b.turn(Role.USER, "User", null, "b-0", "Why does my loaf collapse in the oven?");
    b.turn(Role.ASSISTANT, "Assistant", null, "b-1", "Overproofing weakens the gluten.");
    Node sourdough = b.entity(0, "Concept", "sourdough", "sourdough@en");
    Node heat = b.entity(0, "Concept", "baking", "baking@en");
    Node proofing = b.entity(1, "Concept", "overproofing", "overproofing@en");
    Node gluten = b.entity(1, "Concept", "gluten", "gluten@en");
    b.fact(0, sourdough, "relatedTo", heat, 0.9, "my loaf collapse in the oven");
    b.fact(1, proofing, "causes", gluten, 0.9, "Overproofing weakens the gluten.");
    MeaningSnapshot snapshot = snapshot(b);
    assertEquals(
        List.of(item(snapshot, "Overproofing weakens the gluten.")),
        List.copyOf(new EvidenceIndex(snapshot).match("Why did the loaf collapse?", 10).keySet()));
  }

  /**
   * The user's turn pairs with its reply by its own text, so a question that only shares words with
   * the user's turn ("OOMKilled" in a pasted status line) finds the reply even when nothing was
   * extracted from that turn; a fenced block the user pasted is left out of it.
   */
  @Test
  void a_reply_is_found_by_its_questions_text_though_nothing_was_read_from_the_question() {
    MeaningGraphBuilder b = new MeaningGraphBuilder("pod", "Pod");
    b.turn(
        Role.USER,
        "User",
        null,
        "p-0",
        "The pod says OOMKilled, what now?\n```\nLast State: Terminated\nReason: heapdump\n```");
    b.turn(Role.ASSISTANT, "Assistant", null, "p-1", "The container hit its memory limit.");
    Node container = b.entity(1, "Concept", "container", "container@en");
    Node limit = b.entity(1, "Concept", "memory limit", "memory limit@en");
    b.fact(1, container, "relatedTo", limit, 0.9, "The container hit its memory limit.");
    MeaningSnapshot snapshot = snapshot(b);
    EvidenceIndex index = new EvidenceIndex(snapshot);

    assertEquals(
        List.of(item(snapshot, "The container hit its memory limit.")),
        List.copyOf(index.match("Why was my pod OOMKilled?", 10).keySet()));
    assertEquals(Map.of(), index.match("heapdump", 10));
  }

  /**
   * The question of a reply is the user's turns right before it, past a tool's turn, and of a long
   * paste both ends: the question after a pasted report is kept.
   */
  @Test
  void a_replys_question_spans_a_tool_turn_two_user_turns_and_the_end_of_a_long_paste() {
    MeaningGraphBuilder b = new MeaningGraphBuilder("garden", "Garden");
    b.turn(Role.USER, "User", null, "g-0", "My tomato leaves curl.");
    b.turn(Role.USER, "User", null, "g-1", "And the veins turn purple.");
    b.turn(Role.TOOL, "search", null, "g-2", "results");
    b.turn(Role.ASSISTANT, "Assistant", null, "g-3", "That is a phosphorus deficiency.");
    b.turn(
        Role.USER,
        "User",
        null,
        "g-4",
        "Here is my soil report. " + "pH 6.5, nitrogen normal. ".repeat(120) + "Is lime enough?");
    b.turn(Role.ASSISTANT, "Assistant", null, "g-5", "Add bone meal in spring.");
    Node leaves = b.entity(3, "Concept", "phosphorus", "phosphorus@en");
    Node deficiency = b.entity(3, "Concept", "deficiency", "deficiency@en");
    Node bone = b.entity(5, "Concept", "bone meal", "bone meal@en");
    Node spring = b.entity(5, "Concept", "spring", "spring@en");
    b.fact(3, leaves, "relatedTo", deficiency, 0.9, "That is a phosphorus deficiency.");
    b.fact(5, bone, "relatedTo", spring, 0.9, "Add bone meal in spring.");
    MeaningSnapshot snapshot = snapshot(b);
    EvidenceIndex index = new EvidenceIndex(snapshot);

    int phosphorus = item(snapshot, "That is a phosphorus deficiency.");
    assertEquals(List.of(phosphorus), List.copyOf(index.match("curling leaves", 10).keySet()));
    assertEquals(List.of(phosphorus), List.copyOf(index.match("purple veins", 10).keySet()));
    assertEquals(
        List.of(item(snapshot, "Add bone meal in spring.")),
        List.copyOf(index.match("is lime enough", 10).keySet()));
  }

  @Test
  void what_the_user_states_is_found_by_the_facts_own_words() {
    MeaningGraphBuilder b = new MeaningGraphBuilder("views", "Views");
    b.turn(Role.USER, "Kirill", null, "v-0", "For me attention is the gravity of meaning.");
    Node attention = b.entity(0, "Concept", "attention", "attention@en");
    Node kirill = b.entity(0, "Perspective", "Kirill's perspective", "Kirill's perspective@en");
    b.interpretation(
        0,
        "Kirill's perspective on attention",
        attention,
        kirill,
        "attention is the gravity of meaning@en",
        "For me attention is the gravity of meaning.");
    MeaningSnapshot snapshot = snapshot(b);
    assertEquals(1, new EvidenceIndex(snapshot).match("How does Kirill see attention?", 10).size());
  }

  @Test
  void a_turn_after_another_assistant_turn_is_not_paired() {
    MeaningGraphBuilder b = new MeaningGraphBuilder("two", "Two");
    b.turn(Role.USER, "User", null, "w-0", "Why does my loaf collapse?");
    b.turn(Role.ASSISTANT, "Assistant", null, "w-1", "Overproofing weakens the gluten.");
    b.turn(Role.ASSISTANT, "Assistant", null, "w-2", "Rye holds less gas.");
    Node sourdough = b.entity(0, "Concept", "sourdough", "sourdough@en");
    Node heat = b.entity(0, "Concept", "baking", "baking@en");
    Node rye = b.entity(2, "Concept", "rye", "rye@en");
    Node gas = b.entity(2, "Concept", "gas", "gas@en");
    b.fact(0, sourdough, "relatedTo", heat, 0.9, "my loaf collapse");
    b.fact(2, rye, "relatedTo", gas, 0.9, "Rye holds less gas.");
    assertEquals(Map.of(), new EvidenceIndex(snapshot(b)).match("loaf collapse", 10));
  }

  @Test
  void a_definition_known_by_mention_is_matched_by_its_own_words() {
    MeaningGraphBuilder b = new MeaningGraphBuilder("terms", "Terms");
    b.turn(Role.ASSISTANT, "Assistant", null, "d-0", "Stigmergy.");
    Node stigmergy = b.entity(0, "Concept", "stigmergy", "stigmergy@en");
    b.definition(0, stigmergy, "Coordination through traces left in the environment.@en");
    MeaningSnapshot snapshot = snapshot(b);
    Map<Integer, Match> matches =
        new EvidenceIndex(snapshot).match("coordination through the environment", 10);
    assertEquals(1, matches.size());
    assertArrayEquals(new int[] {0}, matches.values().iterator().next().evidence());
  }
}
