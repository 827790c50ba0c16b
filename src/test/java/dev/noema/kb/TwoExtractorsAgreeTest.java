package dev.noema.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.conversation.Conversation;
import dev.noema.extract.ExtractedEntity;
import dev.noema.extract.ExtractedRelation;
import dev.noema.extract.Extraction;
import dev.noema.extract.Extractor;
import dev.noema.extract.ExtractorInfo;
import dev.noema.extract.StructuralExtractor;
import dev.noema.meaning.Entity;
import dev.noema.meaning.MeaningLayer;
import dev.noema.meaning.Name;
import dev.noema.meaning.NameKind;
import dev.noema.meaning.Names;
import dev.noema.ontology.Noema;
import dev.noema.store.GraphChange;
import dev.noema.store.GraphContent;
import dev.noema.text.Text;
import dev.noema.topology.MeaningGraph;
import dev.noema.topology.TopologyFilter;
import dev.noema.topology.TopologySettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Item 6 of the identity issue: on one turn, a thing named by both the offline extractor and a
 * model is one entity carrying both extractors' facts. The model's side is written by hand as a
 * careful model answers for the seed (English canonical labels, labels as written or in the
 * nominative, its own wording of perspectives); the resolver acts on extractions, so no HTTP is
 * involved.
 */
class TwoExtractorsAgreeTest {
  private static final String NS = Noema.NS;

  @TempDir static Path dir;
  private static KnowledgeBase kb;

  /** Entity IRI to its labels, as the store holds them after both extractors ran. */
  private static Map<String, TreeSet<String>> labels;

  /** The model's reply for the seed, as records. */
  static Extraction modelReply(String conversationId) {
    List<ExtractedEntity> e = new ArrayList<>();
    e.add(entity("k0", "Кирилл", "Kirill", "Person", 0, "Теория Кирилла"));
    e.add(entity("i0", "индустрия", "industry", "Organization", 0, "Но в индустрии никто"));
    e.add(entity("k1", "Кирилл", "Kirill", "Person", 1, "Кирилл работает от"));
    e.add(
        entity(
            "l1",
            "Лейбниц",
            "Gottfried Wilhelm Leibniz",
            "Person",
            1,
            "как Лейбниц предсказал исчисление без компьютеров"));
    e.add(entity("b1", "Бах", "Johann Sebastian Bach", "Person", 1, "голос Баха в нотах"));
    e.add(
        entity(
            "c1",
            "консенсус модулей",
            "consensus of modules",
            "ModuleConsensus",
            1,
            "Консенсус модулей"));
    e.add(entity("r1", "RECURSIA", "RECURSIA", "CognitiveModule", 1, "RECURSIA, OBSTRUCTIO"));
    e.add(
        entity(
            "p1",
            "взгляд Кирилла",
            "Kirill's perspective",
            "Perspective",
            1,
            "Что под этим понимает Кирилл"));
    e.add(
        entity(
            "p2",
            "типичное понимание в индустрии",
            "industry perspective",
            "Perspective",
            1,
            "Типичное понимание в индустрии"));
    List<ExtractedRelation> r =
        List.of(
            new ExtractedRelation(
                "r1", NS + "partOf", "c1", "Онтология согласованных агентов", 1, 0.8, 1),
            new ExtractedRelation(
                "k1", NS + "holdsPerspective", "p1", "Что под этим понимает Кирилл", 1, 0.9, 1));
    return new Extraction(
        conversationId,
        new ExtractorInfo("llm", "openai", "gpt-4o-mini", "recorded"),
        e,
        r,
        List.of(),
        null,
        null);
  }

  private static ExtractedEntity entity(
      String key, String label, String canonical, String type, int turn, String evidence) {
    return new ExtractedEntity(
        key, label, "ru", canonical, NS + type, List.of(), null, turn, evidence);
  }

  @BeforeAll
  static void extractWithBoth() {
    kb = KnowledgeBase.open(KnowledgeBaseConfig.folder(dir));
    ImportRequest dialogueOnly =
        new ImportRequest(
            List.of(KnowledgeBaseExtractTest.SAMPLE),
            null,
            null,
            false,
            false,
            ImportRequest.DEFAULT_MAX_TURN_CHARS);
    kb.importLogs(dialogueOnly, ImportListener.NONE);
    Extractions stored = new Extractions(kb.store());
    String id = stored.conversationIds(null).get(0);
    Conversation conversation = stored.read(id).orElseThrow();
    Extractor model =
        new Extractor() {
          @Override
          public String name() {
            return "llm";
          }

          @Override
          public Extraction extract(Conversation c) {
            return modelReply(c.id());
          }
        };
    ExtractionStep step =
        new ExtractionStep(
            kb.ontology(), List.of(new StructuralExtractor(kb.ontology()), model), kb.resolver());
    ExtractionStep.Result result = step.extract(conversation);
    List<GraphContent> graphs = new ArrayList<>(result.graphs());
    graphs.addAll(step.drainIdentity());
    kb.store().apply(new GraphChange(List.of(), List.of(), graphs));
    assertEquals(Map.of(), step.dropped(), "the model's reply is grounded and typed");

    labels = new TreeMap<>();
    kb.store()
        .select(
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"
                + " SELECT ?e ?l WHERE { ?e rdfs:label ?l FILTER(STRSTARTS(STR(?e),"
                + " 'https://w3id.org/noema/id/entity/')) }",
            Map.of(),
            rows -> {
              rows.forEachRemaining(
                  row ->
                      labels
                          .computeIfAbsent(row.get("e").toString(), k -> new TreeSet<>())
                          .add(row.get("l").asLiteral().getLexicalForm()));
              return null;
            });
  }

  @AfterAll
  static void close() {
    kb.close();
  }

  /** The entities that have a label with this key among their labels. */
  private static List<String> entitiesLabelled(String label) {
    String key = dev.noema.text.Text.key(label);
    return labels.entrySet().stream()
        .filter(e -> e.getValue().stream().anyMatch(l -> dev.noema.text.Text.key(l).equals(key)))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Names of the extractors whose facts (reified, or activities' entities) are on the entity. */
  private static TreeSet<String> extractorsOf(String entity) {
    TreeSet<String> extractors = new TreeSet<>();
    kb.store()
        .select(
            "PREFIX noema: <https://w3id.org/noema/ontology#>"
                + " SELECT DISTINCT ?x WHERE { GRAPH ?g { ?e noema:mentionedInTurn ?t }"
                + " GRAPH ?g { ?a noema:extractor ?x ; noema:extractedFromTurn ?t } }",
            Map.of("e", org.apache.jena.graph.NodeFactory.createURI(entity)),
            rows -> {
              rows.forEachRemaining(row -> extractors.add(row.get("x").asLiteral().getString()));
              return null;
            });
    return extractors;
  }

  @Test
  void kirill_is_one_entity_with_both_extractors_facts() {
    List<String> kirill = entitiesLabelled("Кирилл");
    assertEquals(1, kirill.size(), labels.toString());
    assertEquals(new TreeSet<>(List.of("llm", "structural")), extractorsOf(kirill.get(0)));
  }

  @Test
  void leibniz_is_one_entity_though_the_model_names_him_in_full() {
    List<String> leibniz = entitiesLabelled("Лейбниц");
    assertEquals(1, leibniz.size(), labels.toString());
    assertEquals(new TreeSet<>(List.of("llm", "structural")), extractorsOf(leibniz.get(0)));
  }

  @Test
  void the_consensus_of_modules_is_one_entity() {
    List<String> consensus = entitiesLabelled("консенсус модулей");
    assertEquals(1, consensus.size(), labels.toString());
    assertEquals(new TreeSet<>(List.of("llm", "structural")), extractorsOf(consensus.get(0)));
  }

  @Test
  void the_two_extractors_perspectives_are_one_entity_each() {
    // Offline: "Кирилл's perspective"; the model: "Kirill's perspective" (label "взгляд Кирилла").
    List<String> kirills = entitiesLabelled("взгляд Кирилла");
    assertEquals(1, kirills.size());
    assertTrue(
        labels.get(kirills.get(0)).contains("Что под этим понимает Кирилл"), labels.toString());
    List<String> industry = entitiesLabelled("Типичное понимание в индустрии");
    assertEquals(1, industry.size(), labels.toString());
  }

  @Test
  void bach_named_in_the_genitive_offline_and_the_nominative_by_the_model_is_one_entity() {
    assertEquals(entitiesLabelled("Баха"), entitiesLabelled("Бах"));
  }

  @Test
  void the_meaning_layer_and_the_topology_see_one_kirill_named_per_language() {
    String kirill = entitiesLabelled("Кирилл").get(0);
    MeaningLayer layer = kb.meaning().current();
    String key = Text.key("Кирилл");
    List<String> named =
        layer.entities().stream()
            .filter(e -> e.names().texts().stream().anyMatch(t -> Text.key(t).equals(key)))
            .map(Entity::iri)
            .toList();
    assertEquals(List.of(kirill), named);
    // The identity graph's names, one skos:prefLabel per language, are what the display rule picks.
    Names names = layer.entity(kirill).orElseThrow().names();
    String preferred = SKOS.prefLabel.getURI();
    assertEquals(
        Optional.of(new Name("Кирилл", "ru", NameKind.PREFERRED, preferred)), names.best("ru"));
    assertEquals(
        Optional.of(new Name("Kirill", "en", NameKind.PREFERRED, preferred)), names.best("en"));
    MeaningGraph graph = kb.topology(TopologyFilter.NONE, TopologySettings.DEFAULT).graph();
    List<String> nodes =
        graph.entities().stream()
            .map(dev.noema.topology.Entity::iri)
            .filter(iri -> List.of("Kirill", "Кирилл").contains(graph.label(iri)))
            .toList();
    assertEquals(List.of(kirill), nodes);
  }
}
