package dev.noema.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.conversation.Conversation;
import dev.noema.conversation.ConversationFormat;
import dev.noema.conversation.ConversationSink;
import dev.noema.conversation.ImportProblem;
import dev.noema.conversation.LogSource;
import dev.noema.conversation.ReadOptions;
import dev.noema.conversation.format.ChatGptExportFormat;
import dev.noema.conversation.format.ClaudeExportFormat;
import dev.noema.extract.ValidationSummary.DropReason;
import dev.noema.identity.EntityIris;
import dev.noema.llm.CacheMode;
import dev.noema.llm.CallPolicy;
import dev.noema.llm.ChatCalls;
import dev.noema.llm.ChatModels;
import dev.noema.llm.ChatTarget;
import dev.noema.llm.LlmConfig;
import dev.noema.llm.LlmProvider;
import dev.noema.llm.ProviderStub;
import dev.noema.llm.RecordedReplies;
import dev.noema.llm.RetryPolicy;
import dev.noema.ontology.Noema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The replies of a deliberately weaker model ({@code replies/weaker-model}: a small local model
 * through Ollama, a gpt-3.5-class model through the OpenAI protocol) to Noema's real extraction
 * requests for three conversations of the development corpus, replayed by the provider stubs
 * through the real LangChain4j clients, then validated and written as the pipeline does. Each test
 * holds one kind of fault to what the pipeline does with it today: repaired (aligned), dropped with
 * its reason, asked again, or kept as the model gave it. The faults of each reply are listed in its
 * {@code faults} note. Keys are the chunk's number in the conversation ({@code c0.}, {@code c1.})
 * and the model's id.
 */
class WeakerModelRepliesTest {
  static final Path REPLIES = Path.of("src", "test", "resources", "replies", "weaker-model");
  static final Path EXPORTS = Path.of("import", "corpus", "exports");

  /** One conversation extracted with the weaker model, validated and turned into triples. */
  record Run(
      ProviderStub stub,
      LlmExtractor extractor,
      Conversation conversation,
      FactValidator.Result result,
      List<Triple> triples) {

    Optional<ExtractedEntity> kept(String key) {
      return result.kept().entities().stream().filter(e -> e.key().equals(key)).findFirst();
    }

    ExtractedEntity entity(String key) {
      return kept(key).orElseThrow(() -> new AssertionError(key + " not kept: " + problems()));
    }

    /** The one problem line about {@code item} ("entity 'c0.e9'", "relation c0.e11 "). */
    String problem(String item) {
      List<String> lines = problems().stream().filter(p -> p.contains(": " + item)).toList();
      assertEquals(1, lines.size(), item + " in " + problems());
      return lines.get(0);
    }

    List<String> problems() {
      return result.summary().problems();
    }

    boolean has(Node s, Node p, Node o) {
      return triples.contains(Triple.create(s, p, o));
    }
  }

  static Run bahn;
  static Run consciousness;
  static Run sommeil;

  @BeforeAll
  static void extractWithTheWeakerModel() throws IOException {
    RecordedReplies replies = RecordedReplies.load(REPLIES);
    // The German conversation as a small local model answers it through Ollama; the others as an
    // older hosted model answers them through the OpenAI protocol.
    bahn =
        run(
            LlmProvider.OLLAMA,
            ProviderStub.Protocol.OLLAMA,
            replies,
            new ChatGptExportFormat(),
            "chatgpt/conversations.json",
            "Zugreise München–Wien planen");
    consciousness =
        run(
            LlmProvider.OPENAI,
            ProviderStub.Protocol.OPENAI,
            replies,
            new ClaudeExportFormat(),
            "claude/conversations.json",
            "The hard problem of consciousness: Chalmers vs. Dennett");
    sommeil =
        run(
            LlmProvider.OPENAI,
            ProviderStub.Protocol.OPENAI,
            replies,
            new ClaudeExportFormat(),
            "claude/conversations.json",
            "Sommeil et travail de nuit");
  }

  @AfterAll
  static void stop() {
    for (Run r : new Run[] {bahn, consciousness, sommeil}) {
      if (r != null) {
        r.stub().close();
      }
    }
  }

  private static Run run(
      LlmProvider provider,
      ProviderStub.Protocol protocol,
      RecordedReplies replies,
      ConversationFormat format,
      String file,
      String title)
      throws IOException {
    Conversation conversation = read(format, EXPORTS.resolve(file), title);
    ProviderStub stub = new ProviderStub(protocol).replay(replies);
    LlmConfig config =
        new LlmConfig(
            provider, "weak-model", stub.baseUrl(), "sk-weak", Duration.ofSeconds(10), 1, 3, null);
    LlmExtractor extractor =
        new LlmExtractor(
            LlmExtractorTest.ONTOLOGY,
            new ChatCalls(
                ChatModels.create(config),
                ChatTarget.of(config),
                new CallPolicy(
                    null,
                    CacheMode.USE,
                    1,
                    new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)))),
            LlmExtractor.DEFAULT_CHUNK_TOKENS);
    FactValidator.Result result =
        new FactValidator(LlmExtractorTest.ONTOLOGY)
            .validate(extractor.extract(conversation), conversation);
    List<Triple> triples =
        new ExtractionGraphs(LlmExtractorTest.ONTOLOGY)
            .graphs(result.kept(), conversation, SampleDialogue.entityIris(result.kept())).stream()
                .flatMap(g -> g.triples().stream())
                .toList();
    return new Run(stub, extractor, conversation, result, triples);
  }

  private static Conversation read(ConversationFormat format, Path file, String title) {
    List<Conversation> all = new ArrayList<>();
    try {
      format.read(
          LogSource.of(file),
          ReadOptions.defaults(),
          new ConversationSink() {
            @Override
            public void accept(Conversation c) {
              all.add(c);
            }

            @Override
            public void reject(ImportProblem problem) {
              throw new AssertionError(problem.toString());
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all.stream().filter(c -> title.equals(c.title())).findFirst().orElseThrow();
  }

  private static List<String> turnsAsked(Run run) {
    return run.stub().requests().stream()
        .map(r -> RecordedReplies.keyOf(r.user()).orElseThrow().turns())
        .toList();
  }

  @Test
  void every_chunk_has_its_recorded_reply_and_no_request_is_one_the_service_refuses() {
    for (Run r : List.of(bahn, consciousness, sommeil)) {
      assertEquals(List.of(), r.stub().unrecorded(), r.conversation().title());
      assertEquals(List.of(), r.stub().rejected(), r.conversation().title());
    }
  }

  @Test
  void a_reply_cut_off_mid_json_is_asked_again_as_two_halves_whose_facts_are_kept() {
    assertEquals(List.of("0-9", "0-5", "6-9"), turnsAsked(bahn));
    assertEquals(1, bahn.extractor().calls().usage().cutOff());
    // Nothing of the cut-off reply is read; each half's facts are, as chunks c0 and c1.
    assertEquals("Wien", bahn.entity("c0.e1").label());
    assertEquals("WLAN", bahn.entity("c1.e2").label());
    assertEquals(
        Map.of("c0", 7L, "c1", 5L),
        bahn.result().kept().entities().stream()
            .collect(Collectors.groupingBy(e -> e.key().substring(0, 2), Collectors.counting())));
    assertEquals(1, bahn.result().kept().relations().size());
  }

  @Test
  void json_wrapped_in_prose_is_asked_again_with_the_reason_and_the_second_answer_kept() {
    assertEquals(List.of("0-9", "0-9", "10-13"), turnsAsked(consciousness));
    assertEquals(1, consciousness.extractor().calls().usage().malformed());
    String again = consciousness.stub().requests().get(1).body();
    assertTrue(again.contains("not valid JSON"), "the request asking again says why");
    assertEquals("Integrated Information Theory", consciousness.entity("c0.e13").label());
  }

  @Test
  void a_re_punctuated_quote_is_kept_by_alignment_with_the_turns_own_words() {
    QuoteSpan fare = bahn.entity("c0.e7").span();
    QuoteSpan gap = consciousness.entity("c0.e6").span();
    QuoteSpan rhythm = sommeil.entity("c0.e1").span();

    for (QuoteSpan span : List.of(fare, gap, rhythm)) {
      assertTrue(span.aligned(), span.toString());
      assertEquals(1.0, span.similarity(), span.toString());
    }
    assertTrue(fare.exact().contains("Flexpreis: deutlich günstiger, aber"), fare.exact());
    assertTrue(gap.exact().contains("explanatory gap (Joseph Levine's term"), gap.exact());
    assertTrue(rhythm.exact().startsWith("Le rythme circadien : une horloge"), rhythm.exact());
  }

  @Test
  void a_quote_with_one_word_changed_is_kept_by_alignment_and_its_similarity_recorded() {
    QuoteSpan flex = bahn.entity("c0.e8").span();
    QuoteSpan chalmers = consciousness.entity("c0.e2").span();
    QuoteSpan halfLife = sommeil.entity("c0.e8").span();

    assertTrue(flex.exact().contains("fahrt später mit"), "the turn's word, not the model's");
    assertEquals(0.950, flex.similarity(), 0.001);
    assertEquals(0.908, chalmers.similarity(), 0.001);
    assertEquals(0.974, halfLife.similarity(), 0.001);
    assertTrue(similarityRecorded(bahn, "flexible fare", "0.950"));
    assertTrue(similarityRecorded(consciousness, "David Chalmers", "0.908"));
    assertFalse(similarityRecorded(bahn, "Vienna", "1.000"), "an exact quote records none");
  }

  /** Whether a grounding of the entity records {@code noema:quoteSimilarity} {@code value}. */
  private static boolean similarityRecorded(Run run, String canonicalLabel, String value) {
    Node entity = EntityIris.of(canonicalLabel);
    Node similarity = NodeFactory.createLiteralDT(value, XSDDatatype.XSDdecimal);
    return run.triples().stream()
        .filter(t -> t.getPredicate().equals(OA.hasBody.asNode()) && t.getObject().equals(entity))
        .anyMatch(t -> run.has(t.getSubject(), Noema.quoteSimilarity, similarity));
  }

  @Test
  void paraphrased_translated_stitched_or_misplaced_quotes_are_dropped_naming_the_quote() {
    Map<Run, Map<String, String>> dropped =
        Map.of(
            bahn,
            Map.of(
                "entity 'c0.e9'", "'Die Bahncard 25 kostet etwa 60 Euro", // paraphrased
                "entity 'c0.e10'", "'The Westbahn is a private", // translated
                "entity 'c1.e1'", "'Der Railjet ist ein ziemlich angenehmer Zug und", // stitched
                "entity 'c1.e7'", "'Bei einem durchgehenden Ticket"), // turn 8, not 9
            consciousness,
            Map.of(
                "entity 'c0.e10'", "'Dennett says the hard problem is just", // paraphrased
                "entity 'c1.e6'", "'In the 2020 PhilPapers Survey"), // turn 12, not 13
            sommeil,
            Map.of(
                "entity 'c0.e9'", "'sunglasses that filter well", // translated
                "entity 'c0.e12'", "'La lumière est le signal le plus puissant")); // stitched
    dropped.forEach(
        (run, items) ->
            items.forEach(
                (item, quote) ->
                    assertTrue(
                        run.problem(item)
                            .contains("dropped (ungrounded): evidence not in the turn: " + quote),
                        run.problem(item))));
    assertEquals(4, bahn.result().summary().dropped().get(DropReason.UNGROUNDED));
    assertEquals(2, consciousness.result().summary().dropped().get(DropReason.UNGROUNDED));
    assertEquals(2, sommeil.result().summary().dropped().get(DropReason.UNGROUNDED));
  }

  @Test
  void an_inflected_label_is_kept_as_written_and_the_canonical_label_names_the_node() {
    ExtractedEntity db = bahn.entity("c0.e3");
    assertEquals("Deutschen Bahn", db.label());
    assertTrue(
        bahn.has(
            EntityIris.of("Deutsche Bahn"),
            RDFS.Nodes.label,
            NodeFactory.createLiteralLang("Deutschen Bahn", "de")));
    assertEquals("Fahrgastrechten", bahn.entity("c1.e3").label());
    assertTrue(
        bahn.has(
            EntityIris.of("passenger rights"),
            RDFS.Nodes.label,
            NodeFactory.createLiteralLang("Fahrgastrechten", "de")));
  }

  @Test
  void an_article_in_the_label_is_kept_and_one_in_the_canonical_label_mints_another_node() {
    assertEquals("der Railjet", bahn.entity("c0.e5").label());
    assertEquals("la mélatonine", sommeil.entity("c0.e4").label());
    assertEquals("du noyau suprachiasmatique", sommeil.entity("c0.e2").label());
    // "melatonin" names the careful model's node; "the Railjet" is not the careful "Railjet".
    assertTrue(
        sommeil.has(
            EntityIris.of("melatonin"),
            RDFS.Nodes.label,
            NodeFactory.createLiteralLang("la mélatonine", "fr")));
    assertNotEquals(EntityIris.of("Railjet"), EntityIris.of("the Railjet"));
    assertTrue(
        bahn.has(
            EntityIris.of("the Railjet"),
            RDFS.Nodes.label,
            NodeFactory.createLiteralLang("der Railjet", "de")));
    assertNotEquals(
        EntityIris.of("explanatory gap"),
        EntityIris.of(consciousness.entity("c0.e6").canonicalLabel()));
  }

  @Test
  void a_label_translated_into_english_is_kept_in_the_language_the_model_gave() {
    assertTrue(
        bahn.has(
            EntityIris.of("Munich"),
            RDFS.Nodes.label,
            NodeFactory.createLiteralLang("Munich", "en")));
    assertTrue(
        sommeil.has(
            EntityIris.of("magnesium"),
            RDFS.Nodes.label,
            NodeFactory.createLiteralLang("magnesium", "en")));
    assertEquals("en", sommeil.entity("c0.e7").language());
  }

  @Test
  void an_invented_type_is_dropped_naming_the_type_and_relations_to_it_as_dangling() {
    Map<Run, Map<String, String>> invented =
        Map.of(
            bahn, Map.of("entity 'c0.e4'", "Company", "entity 'c0.e6'", "Location"),
            consciousness,
                Map.of(
                    "entity 'c0.e4'",
                    "Author",
                    "entity 'c0.e5'",
                    "Book",
                    "entity 'c0.e9'",
                    "Theory",
                    "entity 'c1.e3'",
                    "Game"),
            sommeil,
                Map.of(
                    "entity 'c0.e6'",
                    "Agency",
                    "entity 'c0.e10'",
                    "Doctor",
                    "entity 'c1.e4'",
                    "Country"));
    invented.forEach(
        (run, items) ->
            items.forEach(
                (item, type) ->
                    assertTrue(
                        run.problem(item)
                            .endsWith(
                                "dropped (unknown_type): type "
                                    + Noema.NS
                                    + type
                                    + " is not extractable"),
                        run.problem(item))));
    assertTrue(
        bahn.problem("relation c0.e5 ").endsWith("dropped (dangling): no kept entity 'c0.e4'"));
    assertTrue(
        bahn.problem("relation c0.e6 ").endsWith("dropped (dangling): no kept entity 'c0.e6'"));
  }

  @Test
  void a_person_typed_as_a_concept_is_kept_so_and_its_proposed_by_dropped_for_the_range() {
    assertEquals(Noema.NS + "Concept", consciousness.entity("c0.e2").type());
    assertTrue(
        consciousness
            .problem("relation c0.e1 ")
            .endsWith(
                "dropped (range): "
                    + Noema.NS
                    + "Concept is not in the range http://www.w3.org/ns/prov#Agent of proposedBy"));
  }

  @Test
  void an_unknown_predicate_is_dropped_naming_it() {
    Map<Run, List<String>> unknown =
        Map.of(
            bahn,
                List.of(
                    "relation c0.e11 " + Noema.NS + "isPartOf",
                    "relation c1.e4 " + Noema.NS + "mentions"),
            consciousness,
                List.of(
                    "relation c0.e6 " + Noema.NS + "isPartOf",
                    "relation c0.e3 " + Noema.NS + "criticizes",
                    "relation c0.e4 " + Noema.NS + "mentions"),
            sommeil,
                List.of(
                    "relation c0.e2 " + Noema.NS + "isPartOf",
                    "relation c0.e10 " + Noema.NS + "mentions",
                    "relation c1.e1 " + Noema.NS + "recommendedBy"));
    unknown.forEach(
        (run, items) -> {
          for (String item : items) {
            assertTrue(
                run.problem(item)
                    .endsWith(
                        "dropped (unknown_predicate): predicate is not an extractable relation"),
                run.problem(item));
          }
          assertEquals(
              items.size(), run.result().summary().dropped().get(DropReason.UNKNOWN_PREDICATE));
        });
  }

  @Test
  void extra_properties_are_ignored_and_their_items_kept() {
    // "importance" and "confidence" on an entity, "source" on another, "explanation" on a
    // relation, "summary" and "notes" beside the three arrays.
    assertEquals("Zugbindung", bahn.entity("c0.e11").label());
    assertEquals("heterophenomenology", consciousness.entity("c0.e7").label());
    assertTrue(
        consciousness.result().kept().relations().stream()
            .anyMatch(r -> r.subject().equals("c0.e13") && r.predicate().endsWith("#proposedBy")));
    assertEquals(
        5, bahn.result().kept().entities().stream().filter(e -> e.key().startsWith("c1.")).count());
    assertEquals(
        4,
        consciousness.result().kept().entities().stream()
            .filter(e -> e.key().startsWith("c1."))
            .count());
    assertTrue(
        bahn.triples().stream()
            .noneMatch(
                t ->
                    t.getObject().isLiteral()
                        && t.getObject().getLiteralLexicalForm().equals("high")));
  }

  @Test
  void a_relation_whose_end_is_missing_or_named_by_its_label_is_dropped_as_dangling() {
    assertTrue(bahn.problem("relation c0.e3 ").endsWith("(dangling): no kept entity 'c0.e14'"));
    assertTrue(
        bahn.problem("relation c1.DB Navigator ")
            .endsWith("(dangling): no kept entity 'c1.DB Navigator'"));
    assertTrue(
        consciousness.problem("relation c1.e7 ").endsWith("(dangling): no kept entity 'c1.e7'"));
    assertTrue(sommeil.problem("relation c0.e7 ").endsWith("(dangling): no kept entity 'c0.e13'"));
  }

  @Test
  void an_id_used_twice_keeps_the_first_entity_and_drops_the_second_as_a_conflict() {
    assertEquals("heterophenomenology", consciousness.entity("c0.e7").label());
    assertTrue(
        consciousness.problem("entity 'c0.e7'").endsWith("dropped (conflict): key used twice"));
    assertTrue(
        consciousness.result().kept().entities().stream()
            .noneMatch(e -> e.label().equals("functionalism")));
  }

  @Test
  void a_confidence_outside_zero_to_one_is_dropped_and_one_given_as_a_word_is_read_as_one() {
    assertTrue(
        consciousness
            .problem("relation c0.e11 ")
            .endsWith("dropped (malformed): confidence 85.0 outside 0..1"));
    ExtractedRelation contrast = bahn.result().kept().relations().get(0);
    assertEquals(List.of("c0.e7", "c0.e8"), List.of(contrast.subject(), contrast.object()));
    assertEquals(1.0, contrast.confidence(), "'high' is no number: the default");
  }

  @Test
  void a_turn_given_as_a_string_is_read_as_its_number() {
    ExtractedEntity protection = bahn.entity("c1.e6");
    assertEquals(9, protection.turnIndex());
    assertFalse(protection.span().aligned());
  }

  @Test
  void an_interpretation_whose_perspective_was_dropped_is_dropped_as_dangling() {
    assertTrue(
        consciousness
            .problem("interpretation of 'c0.e1'")
            .endsWith("dropped (dangling): no kept entity 'c0.e10'"));
    assertEquals(0, consciousness.result().kept().interpretations().size());
  }

  @Test
  void every_item_of_every_reply_is_kept_or_dropped_with_a_reason_and_the_tally_holds() {
    // (kept entities, relations, exact quotes, aligned quotes, drops by reason) per conversation:
    // the numbers the README gives. Kept and dropped add up to every item the replies hold.
    assertTally(
        bahn,
        12,
        1,
        11,
        2,
        Map.of(
            DropReason.UNKNOWN_TYPE, 2,
            DropReason.UNKNOWN_PREDICATE, 2,
            DropReason.UNGROUNDED, 4,
            DropReason.DANGLING, 5),
        26);
    assertTally(
        consciousness,
        13,
        3,
        14,
        2,
        Map.of(
            DropReason.UNKNOWN_TYPE, 4,
            DropReason.UNKNOWN_PREDICATE, 3,
            DropReason.RANGE, 1,
            DropReason.UNGROUNDED, 2,
            DropReason.DANGLING, 2,
            DropReason.CONFLICT, 1,
            DropReason.MALFORMED, 1),
        30);
    assertTally(
        sommeil,
        13,
        3,
        14,
        2,
        Map.of(
            DropReason.UNKNOWN_TYPE, 3,
            DropReason.UNKNOWN_PREDICATE, 3,
            DropReason.UNGROUNDED, 2,
            DropReason.DANGLING, 1),
        25);
  }

  private static void assertTally(
      Run run,
      int entities,
      int relations,
      int exact,
      int aligned,
      Map<DropReason, Integer> dropped,
      int items) {
    ValidationSummary s = run.result().summary();
    String title = run.conversation().title();
    assertEquals(entities, s.keptEntities(), title);
    assertEquals(relations, s.keptRelations(), title);
    assertEquals(0, s.keptInterpretations(), title);
    assertEquals(exact, s.exactQuotes(), title);
    assertEquals(aligned, s.alignedQuotes(), title);
    assertEquals(dropped, s.dropped(), title);
    assertEquals(s.droppedCount(), s.problems().size(), "one line per drop");
    assertEquals(items, entities + relations + s.droppedCount(), title);
  }
}
