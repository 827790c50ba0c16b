package dev.noema.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.ontology.Iris;
import dev.noema.ontology.Noema;
import dev.noema.ontology.OntologyModel;
import dev.noema.store.GraphChange;
import dev.noema.store.GraphContent;
import dev.noema.store.GraphStore;
import dev.noema.store.Tdb2GraphStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolverTest {
  static final OntologyModel ONTOLOGY = OntologyModel.loadDefault();
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);
  static final String PERSON = Noema.Person.getURI();
  static final String CONCEPT = Noema.Concept.getURI();

  @TempDir Path dir;
  GraphStore store;

  @BeforeEach
  void open() {
    store = Tdb2GraphStore.open(dir.resolve("tdb2"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  static Mention mention(
      String label,
      String language,
      String canonical,
      String type,
      String extractor,
      String conversation) {
    return new Mention(label, language, List.of(), canonical, type, extractor, conversation, 1);
  }

  private Resolver resolver() {
    return new Resolver(store, ONTOLOGY, CLOCK);
  }

  /** Writes what a resolver changed, as the import does. */
  private void write(Resolver resolver) {
    store.apply(new GraphChange(List.of(), List.of(), resolver.drainChanges()));
  }

  @Test
  void a_model_naming_an_offline_entity_in_another_language_gets_the_same_entity() {
    Resolver resolver = resolver();
    Node offline =
        resolver.resolve(mention("Кирилл", "ru", "Кирилл", PERSON, "structural", "seed"));
    Node model = resolver.resolve(mention("Кирилл", "ru", "Kirill", PERSON, "llm", "seed"));

    assertEquals(offline, model);
    List<GraphContent> changed = resolver.drainChanges();
    assertEquals(
        List.of(Iris.identityGraph(offline)), changed.stream().map(GraphContent::name).toList());
    List<Triple> triples = changed.get(0).triples();
    assertTrue(
        triples.contains(
            Triple.create(
                offline, SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang("Кирилл", "ru"))));
    assertTrue(
        triples.contains(
            Triple.create(
                offline, SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang("Kirill", "en"))));
    // The merge is recorded: who decided, on what evidence, and what it added.
    assertTrue(
        triples.stream()
            .anyMatch(
                t ->
                    t.getPredicate().equals(Noema.evidence)
                        && t.getObject().getLiteralLexicalForm().equals("same-name")));
    assertTrue(
        triples.contains(
            Triple.create(
                triples.stream()
                    .filter(t -> t.getObject().equals(Noema.IdentityDecision))
                    .findFirst()
                    .orElseThrow()
                    .getSubject(),
                Noema.addedLabel,
                NodeFactory.createLiteralLang("Kirill", "en"))));
  }

  @Test
  void a_canonical_label_that_is_only_the_folded_label_adds_no_english_name() {
    // The structural extractor has no translation: "lumiere" is "lumière" folded, not English.
    Resolver resolver = resolver();
    Node light = resolver.resolve(mention("lumière", "fr", "lumiere", CONCEPT, "structural", "a"));
    List<Triple> triples = resolver.drainChanges().get(0).triples();
    List<Node> labels =
        triples.stream()
            .filter(
                t ->
                    t.getSubject().equals(light)
                        && t.getPredicate().equals(SKOS.prefLabel.asNode()))
            .map(Triple::getObject)
            .toList();
    assertEquals(List.of(NodeFactory.createLiteralLang("lumière", "fr")), labels);
  }

  @Test
  void a_name_in_another_script_resolves_by_transliteration() {
    Resolver resolver = resolver();
    Node russian = resolver.resolve(mention("Кирилл", "ru", "Кирилл", PERSON, "structural", "a"));
    Node english = resolver.resolve(mention("Kirill", "en", "Kirill", PERSON, "structural", "b"));

    assertEquals(russian, english);
  }

  @Test
  void an_inflected_russian_name_resolves_by_its_stem() {
    Resolver resolver = resolver();
    Node bach = resolver.resolve(mention("Бах", "ru", "Johann Sebastian Bach", PERSON, "llm", "a"));

    assertEquals(bach, resolver.resolve(mention("Баха", "ru", "баха", PERSON, "structural", "b")));
    assertNotEquals(bach, resolver.resolve(mention("Кирилл", "ru", null, PERSON, "llm", "b")));
  }

  @Test
  void zayka_and_zaika_stay_two_entities() {
    Resolver resolver = resolver();
    Node bunny = resolver.resolve(mention("зайка", "ru", "зайка", CONCEPT, "structural", "a"));
    Node stutterer = resolver.resolve(mention("заика", "ru", "заика", CONCEPT, "structural", "a"));

    assertNotEquals(bunny, stutterer);
    assertEquals(EntityIris.of("зайка"), bunny);
    assertEquals(EntityIris.of("заика"), stutterer);
  }

  @Test
  void things_of_disjoint_types_are_two_entities_with_readable_iris() {
    Resolver resolver = resolver();
    Node company =
        resolver.resolve(
            mention("Amazon", "en", "Amazon", Noema.Organization.getURI(), "llm", "a"));
    Node river =
        resolver.resolve(
            mention("Amazon", "en", "Amazon", "https://w3id.org/noema/ontology#Place", "llm", "b"));
    Node companyAgain =
        resolver.resolve(mention("amazon", "en", null, Noema.Organization.getURI(), "llm", "c"));

    assertEquals(EntityIris.of("Amazon"), company);
    assertEquals(NodeFactory.createURI(Iris.ENTITY + "amazon-place"), river);
    assertEquals(company, companyAgain);
  }

  @Test
  void a_generic_concept_and_a_specific_type_of_the_same_name_are_one_entity() {
    Resolver resolver = resolver();
    Node concept =
        resolver.resolve(
            mention("консенсус модулей", "ru", "консенсус модулей", CONCEPT, "structural", "seed"));
    Node consensus =
        resolver.resolve(
            mention(
                "Консенсус модулей",
                "ru",
                "consensus of modules",
                Noema.ModuleConsensus.getURI(),
                "llm",
                "seed"));

    assertEquals(concept, consensus);
  }

  @Test
  void loosely_transliterated_names_wait_for_review_as_two_entities() {
    Resolver resolver = resolver();
    Node english =
        resolver.resolve(mention("David Chalmers", "en", "David Chalmers", PERSON, "llm", "a"));
    Node russian =
        resolver.resolve(
            mention("Дэвид Чалмерс", "ru", "Дэвид Чалмерс", PERSON, "structural", "b"));

    assertNotEquals(english, russian);
    List<Triple> triples =
        resolver.drainChanges().stream().flatMap(g -> g.triples().stream()).toList();
    assertTrue(
        triples.stream()
            .anyMatch(
                t ->
                    t.getPredicate().equals(Noema.verdict)
                        && t.getObject().getLiteralLexicalForm().equals("pending")));
    assertTrue(
        triples.stream()
            .anyMatch(
                t -> t.getPredicate().equals(Noema.otherEntity) && t.getObject().equals(english)));
  }

  @Test
  void decisions_written_to_the_store_are_read_back_by_the_next_resolver() {
    Resolver first = resolver();
    Node kirill = first.resolve(mention("Кирилл", "ru", "Кирилл", PERSON, "structural", "a"));
    first.resolve(mention("Kirill", "en", "Kirill", PERSON, "llm", "a"));
    Node chalmers =
        first.resolve(mention("David Chalmers", "en", "David Chalmers", PERSON, "llm", "b"));
    Node russian = first.resolve(mention("Дэвид Чалмерс", "ru", null, PERSON, "llm", "c"));
    write(first);

    Resolver second = resolver();
    assertEquals(kirill, second.resolve(mention("Kirill", "en", null, PERSON, "llm", "d")));
    assertEquals(russian, second.resolve(mention("Дэвид Чалмерс", "ru", null, PERSON, "llm", "c")));
    // Nothing new was learnt, and the pending pair is not suspected twice.
    assertEquals(List.of(), second.drainChanges());
    assertNotEquals(chalmers, russian);
  }

  @Test
  void an_entity_of_a_store_written_before_identity_is_found_by_its_labels() {
    // Ontology 0.1: persons were MentionedPersons, IRIs the accent-stripped canonical label, no
    // identity graph.
    Node leibniz = NodeFactory.createURI(Iris.ENTITY + "leibniz");
    Node graph = Iris.extractionGraph("old", 1, "structural");
    store.apply(
        GraphChange.put(
            new GraphContent(
                graph,
                "old",
                List.of(
                    Triple.create(
                        leibniz,
                        RDF.Nodes.type,
                        NodeFactory.createURI(Noema.NS + "MentionedPerson")),
                    Triple.create(
                        leibniz, RDFS.Nodes.label, NodeFactory.createLiteralLang("Лейбниц", "ru")),
                    Triple.create(
                        leibniz,
                        Noema.canonicalLabel,
                        NodeFactory.createLiteralString("Leibniz"))))));
    Resolver resolver = resolver();

    assertEquals(
        leibniz,
        resolver.resolve(
            mention("Leibniz", "en", "Gottfried Wilhelm Leibniz", PERSON, "llm", "new")));
    assertEquals(
        leibniz, resolver.resolve(mention("Лейбница", "ru", null, PERSON, "structural", "new")));
  }

  @Test
  void a_split_by_a_name_two_entities_share_is_refused_naming_both() {
    Resolver resolver = resolver();
    Node company =
        resolver.resolve(mention("Amazon", "en", null, Noema.Organization.getURI(), "llm", "a"));
    Node river = resolver.resolve(mention("Amazon", "en", null, Noema.NS + "Place", "llm", "b"));
    write(resolver);

    IllegalArgumentException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> new IdentityReview(store, CLOCK).split("amazon"));

    assertTrue(refused.getMessage().contains(company.getURI()), refused.getMessage());
    assertTrue(refused.getMessage().contains(river.getURI()), refused.getMessage());
  }

  @Test
  void two_conversations_generic_my_recommendation_stay_two_entities() {
    String perspective = Noema.Perspective.getURI();
    Resolver resolver = resolver();
    Node guitar =
        resolver.resolve(
            mention("Mi recomendación", "es", "my recommendation", perspective, "llm", "guitar"));
    Node train =
        resolver.resolve(
            mention("Meine Empfehlung", "de", "my recommendation", perspective, "llm", "train"));
    Node sameChat =
        resolver.resolve(
            mention("my recommendation", "en", null, perspective, "structural", "guitar"));

    assertNotEquals(guitar, train);
    assertEquals(guitar, sameChat, "within its conversation the name still finds its entity");
  }

  @Test
  void a_participants_view_is_one_entity_per_conversation() {
    String perspective = Noema.Perspective.getURI();
    Resolver resolver = resolver();
    Node guitar =
        resolver.resolve(
            mention(
                "la opinión del asistente",
                "es",
                "the assistant's view",
                perspective,
                "llm",
                "guitar"));
    Node train =
        resolver.resolve(
            mention("meine Empfehlung", "de", "the assistant's view", perspective, "llm", "train"));
    Node guitarAgain =
        resolver.resolve(
            mention(
                "mi recomendación", "es", "the assistant's view", perspective, "llm", "guitar"));

    assertNotEquals(guitar, train);
    assertEquals(guitar, guitarAgain);
  }

  @Test
  void two_conversations_plans_stay_two_entities_after_a_reload() {
    String method = Noema.Method.getURI();
    Resolver first = resolver();
    Mention guitarPlan =
        new Mention(
            "plan de práctica de ocho semanas",
            "es",
            List.of("plan"),
            "eight-week practice plan",
            method,
            "llm",
            "guitar",
            11);
    Node guitar = first.resolve(guitarPlan);
    write(first);
    // What the import writes beside the identity graphs: the extraction graph naming the entity.
    store.apply(
        GraphChange.put(
            new GraphContent(
                Iris.extractionGraph("guitar", 11, "llm"),
                "guitar",
                List.of(Triple.create(guitar, RDF.Nodes.type, Noema.Method)))));

    Resolver second = resolver();
    Node sleep =
        second.resolve(
            new Mention(
                "plan pour la série de nuits",
                "fr",
                List.of("plan"),
                "night-shift sleep plan",
                method,
                "llm",
                "sommeil",
                11));
    Node guitarReextracted = second.resolve(mention("plan", "es", null, method, "llm", "guitar"));

    assertNotEquals(guitar, sleep);
    assertEquals(guitar, guitarReextracted, "the store says which conversation names the plan");
  }

  @Test
  void a_named_thing_in_two_conversations_stays_one_entity() {
    Resolver resolver = resolver();
    Node seed = resolver.resolve(mention("Кирилл", "ru", "Kirill", PERSON, "llm", "seed"));
    Node other = resolver.resolve(mention("Kirill", "en", null, PERSON, "structural", "other"));
    Node practice =
        resolver.resolve(
            mention("eight-week practice plan", "en", null, Noema.Method.getURI(), "llm", "a"));
    Node samePractice =
        resolver.resolve(
            mention(
                "plan de práctica de ocho semanas",
                "es",
                "eight-week practice plan",
                Noema.Method.getURI(),
                "llm",
                "b"));

    assertEquals(seed, other);
    assertEquals(practice, samePractice);
  }

  @Test
  void only_names_made_of_ordinary_words_are_bound_to_their_conversation() {
    for (EntityName generic :
        List.of(
            new EntityName("plan", "fr"),
            new EntityName("Mi recomendación", "es"),
            new EntityName("meine Empfehlungen", "de"),
            new EntityName("your question", "en"),
            new EntityName("the assistant's view", "en"),
            new EntityName("la opinión del asistente", "es"),
            new EntityName("мой вопрос", "ru"))) {
      assertTrue(GenericNames.boundToConversation(generic), generic.toString());
    }
    for (EntityName named :
        List.of(
            new EntityName("night-shift sleep plan", "en"),
            new EntityName("Kirill", "en"),
            new EntityName("consciousness", "en"),
            new EntityName("сознание", "ru"),
            new EntityName("My Fair Lady", "en"),
            new EntityName("the", "en"),
            new EntityName("plan", "und"))) {
      assertTrue(!GenericNames.boundToConversation(named), named.toString());
    }
  }
}
