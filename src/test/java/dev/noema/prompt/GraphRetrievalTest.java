package dev.noema.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.noema.conversation.Role;
import dev.noema.identity.EntityIris;
import dev.noema.meaning.MeaningLayers;
import dev.noema.ontology.Iris;
import dev.noema.ontology.OntologyModel;
import dev.noema.store.Tdb2GraphStore;
import dev.noema.text.TokenCounter;
import java.io.StringReader;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GraphRetrievalTest {
  private static final OntologyModel ONTOLOGY = OntologyModel.loadDefault();
  private static Tdb2GraphStore store;
  private static GraphRetrieval retrieval;

  @BeforeAll
  static void sample() {
    store = Tdb2GraphStore.inMemory();
    SampleGraph.writeTo(store);
    retrieval = new GraphRetrieval(MeaningLayers.of(store, ONTOLOGY), null);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  private static String first(String question) {
    List<Link> links = retrieval.link(question, 5);
    assertFalse(links.isEmpty(), "no link for " + question);
    return links.get(0).iri();
  }

  @Test
  void kirills_interpretation_of_attention_answers_the_done_question() {
    GraphContext context = retrieval.context(ContextRequest.of("Как Кирилл понимает внимание?"));
    ContextFact top = context.facts().get(0);
    assertEquals(SampleGraph.KIRILL_INTERPRETATION.getURI(), top.iri());
    assertEquals(ContextFact.Kind.INTERPRETATION, top.kind());
    assertEquals(SampleGraph.KIRILL_ON_ATTENTION, top.statement());
    assertEquals(SampleGraph.KIRILL_QUOTE, top.citations().get(0).quote());
    SourceTurn turn = top.citations().get(0).turn();
    assertEquals(Iris.turn(SampleGraph.CONVERSATION, 0).getURI(), turn.iri());
    assertEquals("m-0", turn.messageId());
    assertEquals("Kirill", turn.speaker());
    assertEquals(SampleGraph.TITLE, turn.conversationTitle());
    assertTrue(context.text().contains("\"" + SampleGraph.KIRILL_QUOTE + "\""), context.text());
    assertTrue(
        context
            .text()
            .contains(
                "[T1] «Архитектура смысла», turn 0, Kirill, 2025-03-01 10:00 UTC, message m-0"),
        context.text());
  }

  @Test
  void english_question_finds_the_same_interpretation() {
    GraphContext context =
        retrieval.context(ContextRequest.of("How does Kirill understand attention?"));
    assertEquals(SampleGraph.KIRILL_INTERPRETATION.getURI(), context.facts().get(0).iri());
  }

  @Test
  void russian_inflections_link_to_the_same_concept() {
    String attention = EntityIris.of("attention").getURI();
    assertEquals(attention, first("внимание"));
    assertEquals(attention, first("внимания"));
    assertEquals(attention, first("вниманием"));
  }

  @Test
  void case_and_accents_do_not_matter() {
    String attention = EntityIris.of("attention").getURI();
    assertEquals(attention, first("ВНИМАНИЕ"));
    assertEquals(attention, first("внима\u0301ние"));
    assertEquals(EntityIris.of("emergence").getURI(), first("Émergence"));
    assertEquals(EntityIris.of("emergence").getURI(), first("эмерджентность"));
  }

  @Test
  void english_stems_link() {
    assertEquals(EntityIris.of("attention").getURI(), first("attentions"));
    assertEquals(EntityIris.of("emergence").getURI(), first("EMERGENCES"));
  }

  @Test
  void a_question_about_nothing_known_gives_an_empty_context() {
    GraphContext context = retrieval.context(ContextRequest.of("zzzz qqqq"));
    assertEquals(List.of(), context.facts());
    assertTrue(context.text().contains("no facts"), context.text());
  }

  @Test
  void expansion_reaches_the_modules_of_the_consensus() {
    GraphContext context = retrieval.context(ContextRequest.of("Какие модули входят в консенсус?"));
    List<String> subjects = context.facts().stream().map(ContextFact::subjectLabel).toList();
    assertTrue(
        subjects.containsAll(List.of("RECURSIA", "OBSTRUCTIO", "INSIGHT")), subjects.toString());
  }

  @Test
  void zero_hops_keeps_only_facts_touching_the_seeds_besides_those_found_by_their_evidence() {
    GraphContext context = retrieval.context(ContextRequest.of("Feynman").withHops(0));
    assertEquals("Feynman", context.facts().get(0).objectLabel());
    for (ContextFact fact : context.facts()) {
      assertTrue(
          fact.seed() != null ? fact.hops() == 0 : fact.hops() == -1 && fact.evidence() > 0,
          fact.toString());
    }
  }

  @Test
  void more_hops_reach_further() {
    int one = retrieval.context(ContextRequest.of("Кирилл").withHops(1)).facts().size();
    int three = retrieval.context(ContextRequest.of("Кирилл").withHops(3)).facts().size();
    assertTrue(three > one, one + " facts at 1 hop, " + three + " at 3");
  }

  @Test
  void every_fact_is_cited_and_every_key_is_in_the_legend() {
    for (ContextFormat format : ContextFormat.values()) {
      GraphContext context =
          retrieval.context(ContextRequest.of("внимание смысл модули").withFormat(format));
      assertFalse(context.facts().isEmpty());
      for (ContextFact fact : context.facts()) {
        assertFalse(fact.citations().isEmpty());
        for (Citation c : fact.citations()) {
          assertEquals(c.turn(), context.sources().get(c.key()), format + " " + c.key());
          assertTrue(context.text().contains(c.key()), format + " misses " + c.key());
        }
      }
    }
  }

  @Test
  void budget_is_never_exceeded() {
    TokenCounter counter = new TokenCounter();
    for (ContextFormat format : ContextFormat.values()) {
      for (int budget : new int[] {40, 60, 90, 150, 250, 400, 2000}) {
        ContextRequest request =
            ContextRequest.of("внимание смысл модули Кирилл")
                .withFormat(format)
                .withBudget(budget)
                .withExplain(budget % 20 == 0);
        try {
          GraphContext context = retrieval.context(request);
          assertTrue(context.tokens() <= budget, format + " " + budget + ": " + context.tokens());
          assertEquals(counter.count(context.text()), context.tokens());
        } catch (IllegalArgumentException tooSmall) {
          assertTrue(tooSmall.getMessage().contains("too small"), tooSmall.getMessage());
        }
      }
    }
  }

  @Test
  void a_larger_budget_holds_more_facts_highest_ranked_first() {
    GraphContext small =
        retrieval.context(ContextRequest.of("внимание смысл модули").withBudget(400));
    GraphContext large =
        retrieval.context(ContextRequest.of("внимание смысл модули").withBudget(2000));
    assertTrue(
        large.facts().size() > small.facts().size(),
        small.facts().size() + " vs " + large.facts().size());
    assertEquals(large.facts().get(0).iri(), small.facts().get(0).iri());
    for (int i = 1; i < large.facts().size(); i++) {
      assertTrue(large.facts().get(i - 1).score() >= large.facts().get(i).score());
    }
  }

  @Test
  void explain_says_seed_hops_evidence_and_score() {
    GraphContext context =
        retrieval.context(ContextRequest.of("Как Кирилл понимает внимание?").withExplain(true));
    assertTrue(context.text().contains("{seed: "), context.text());
    assertTrue(context.text().contains("hops: "), context.text());
    assertTrue(context.text().contains("evidence: "), context.text());
    assertTrue(context.text().contains("score: "), context.text());
  }

  @Test
  void the_fact_whose_quote_answers_the_question_comes_before_better_connected_ones() {
    MeaningGraphBuilder b = new MeaningGraphBuilder("ribs", "Short ribs");
    b.turn(Role.USER, "User", null, "r-0", "How do I cook short ribs?");
    b.turn(Role.ASSISTANT, "Assistant", null, "r-1", "Several ways.");
    Node ribs = b.entity(1, "Concept", "short ribs", "short ribs@en");
    Node cooker = b.entity(1, "Concept", "pressure cooker", "pressure cooker@en");
    for (String way : List.of("oven braise", "slow cooker", "smoker", "grill", "sous vide")) {
      Node method = b.entity(1, "Method", way, way + "@en");
      b.fact(1, method, "operatesOn", ribs, 0.9, "The " + way + " works for short ribs.");
      b.fact(1, method, "contrastsWith", cooker, 0.9, "Unlike a pressure cooker, " + way + ".");
    }
    b.fact(1, cooker, "operatesOn", ribs, 0.5, "Under pressure they take 40-45 minutes.");
    try (Tdb2GraphStore other = Tdb2GraphStore.inMemory()) {
      b.writeTo(other);
      GraphRetrieval fresh = new GraphRetrieval(MeaningLayers.of(other, ONTOLOGY), null);
      ContextFact first =
          fresh
              .context(ContextRequest.of("How many minutes do short ribs take under pressure?"))
              .facts()
              .get(0);
      assertEquals("Under pressure they take 40-45 minutes.", first.citations().get(0).quote());
      assertEquals(1.0, first.evidence(), 1e-9);
    }
  }

  @Test
  void a_fact_that_no_linked_node_reaches_is_found_by_its_evidence() {
    MeaningGraphBuilder b = new MeaningGraphBuilder("cbt", "Sleep");
    b.turn(Role.ASSISTANT, "Assistant", null, "c-0", "TCC-I joins restriction and control.");
    Node restriction = b.entity(0, "Method", "sleep restriction", "sleep restriction@en");
    Node control = b.entity(0, "Method", "stimulus control", "stimulus control@en");
    b.fact(0, restriction, "relatedTo", control, 0.9, "TCC-I joins restriction and control.");
    try (Tdb2GraphStore other = Tdb2GraphStore.inMemory()) {
      b.writeTo(other);
      GraphRetrieval fresh = new GraphRetrieval(MeaningLayers.of(other, ONTOLOGY), null);
      GraphContext context =
          fresh.context(ContextRequest.of("What is in TCC-I?").withExplain(true));
      assertEquals(List.of(), context.links());
      ContextFact found = context.facts().get(0);
      assertEquals("sleep restriction", found.subjectLabel());
      assertEquals(null, found.seed());
      assertEquals(-1, found.hops());
      assertTrue(context.text().contains("{evidence: 1.0000, score: 1.0000}"), context.text());
    }
  }

  @Test
  void turtle_and_json_are_well_formed() throws Exception {
    GraphContext turtle =
        retrieval.context(
            ContextRequest.of("Как Кирилл понимает внимание?").withFormat(ContextFormat.TURTLE));
    Model model =
        ModelFactory.createDefaultModel().read(new StringReader(turtle.text()), null, "TURTLE");
    assertTrue(
        model.contains(
            model.createResource(SampleGraph.KIRILL_INTERPRETATION.getURI()),
            null,
            SampleGraph.KIRILL_ON_ATTENTION));
    GraphContext json =
        retrieval.context(
            ContextRequest.of("Как Кирилл понимает внимание?").withFormat(ContextFormat.JSON));
    JsonNode root = new ObjectMapper().readTree(json.text());
    assertEquals(
        SampleGraph.KIRILL_ON_ATTENTION, root.path("facts").path(0).path("statement").asText());
    assertEquals("m-0", root.path("sources").path("T1").path("messageId").asText());
  }

  @Test
  void index_is_rebuilt_when_the_store_changes() {
    assertTrue(retrieval.link("Лейбниц", 5).isEmpty());
    MeaningGraphBuilder b = new MeaningGraphBuilder("second", "Лейбниц");
    b.turn(dev.noema.conversation.Role.USER, "Kirill", null, "x-0", "Лейбниц предсказал анализ.");
    b.entity(0, "Person", "Leibniz", "Leibniz@en", "Лейбниц@ru");
    try (Tdb2GraphStore other = Tdb2GraphStore.inMemory()) {
      SampleGraph.writeTo(other);
      GraphRetrieval fresh = new GraphRetrieval(MeaningLayers.of(other, ONTOLOGY), null);
      assertTrue(fresh.link("Лейбниц", 5).isEmpty());
      b.writeTo(other);
      fresh.refresh();
      assertEquals(EntityIris.of("Leibniz").getURI(), fresh.link("Лейбница", 5).get(0).iri());
    }
  }
}
