package dev.noema.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.conversation.Conversation;
import dev.noema.conversation.Role;
import dev.noema.conversation.Turn;
import dev.noema.extract.ExtractedEntity;
import dev.noema.extract.Extraction;
import dev.noema.extract.ExtractionGraphs;
import dev.noema.extract.ExtractorInfo;
import dev.noema.extract.KnownEntity;
import dev.noema.ontology.Iris;
import dev.noema.ontology.Noema;
import dev.noema.ontology.OntologyModel;
import dev.noema.store.DialogueGraph;
import dev.noema.store.GraphChange;
import dev.noema.store.GraphContent;
import dev.noema.store.Tdb2GraphStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The knowledge base's known entities, read from a real TDB2 store as extractions write them. */
class StoredEntityNamesTest {
  private static final OntologyModel ONTOLOGY = OntologyModel.loadDefault();
  private static final KnownEntity BACH = new KnownEntity("Бах", "Bach", Noema.Person.getURI());

  private final Tdb2GraphStore store = Tdb2GraphStore.inMemory();

  @AfterEach
  void close() {
    store.close();
  }

  /** Writes a one-turn conversation and what {@code extractor} found in it, as import does. */
  private void write(
      String conversationId, String text, String extractor, ExtractedEntity... found) {
    Conversation conversation =
        new Conversation(
            conversationId,
            null,
            null,
            "test",
            "test",
            null,
            null,
            List.of(Turn.of(0, null, Role.ASSISTANT, "Assistant", null, text)),
            List.of());
    List<GraphContent> graphs = new ArrayList<>();
    graphs.add(
        new GraphContent(
            Iris.conversationGraph(conversationId), "d", DialogueGraph.triples(conversation)));
    Extraction extraction =
        new Extraction(
            conversationId,
            new ExtractorInfo(extractor, "p", "m", "h"),
            List.of(found),
            List.of(),
            List.of(),
            null,
            null);
    for (ExtractionGraphs.TurnGraph g :
        new ExtractionGraphs(ONTOLOGY)
            .graphs(extraction, conversation, irisByCanonicalLabel(extraction))) {
      graphs.add(new GraphContent(g.graphName(), g.inputHash(), g.triples()));
    }
    store.apply(new GraphChange(List.of(), List.of(), graphs));
  }

  /** Each entity's IRI minted from its canonical label, as a resolver over an empty store would. */
  private static java.util.Map<String, org.apache.jena.graph.Node> irisByCanonicalLabel(
      Extraction extraction) {
    java.util.Map<String, org.apache.jena.graph.Node> iris = new java.util.HashMap<>();
    extraction
        .entities()
        .forEach(e -> iris.put(e.key(), dev.noema.identity.EntityIris.of(e.canonicalLabel())));
    return iris;
  }

  private static ExtractedEntity entity(String label, String canonical, String type) {
    return new ExtractedEntity("k", label, "ru", canonical, type, List.of(), null, 0, label);
  }

  @Test
  void an_entity_named_in_another_conversation_is_found_by_an_inflected_name() {
    write("a", "Бах и симфония", "llm", entity("Бах", "Bach", Noema.Person.getURI()));
    StoredEntityNames names = new StoredEntityNames(store, ONTOLOGY, "llm");

    assertEquals(List.of(BACH), names.in("b", "голос Баха в нотах", 10));
  }

  @Test
  void an_entity_is_found_by_its_canonical_label_in_another_language() {
    write(
        "a",
        "эмерджентность",
        "llm",
        entity("эмерджентность", "emergence", Noema.Concept.getURI()));
    StoredEntityNames names = new StoredEntityNames(store, ONTOLOGY, "llm");

    assertEquals(
        List.of(new KnownEntity("emergence", "emergence", Noema.Concept.getURI())),
        names.in("b", "Why can't consciousness just be emergence?", 10));
  }

  @Test
  void entities_known_only_from_the_conversation_itself_are_left_out() {
    write("a", "Бах и симфония", "llm", entity("Бах", "Bach", Noema.Person.getURI()));
    StoredEntityNames names = new StoredEntityNames(store, ONTOLOGY, "llm");

    assertTrue(names.in("a", "голос Баха", 10).isEmpty());
    write("c", "снова Бах", "llm", entity("Бах", "Bach", Noema.Person.getURI()));
    assertEquals(List.of(BACH), names.in("a", "голос Баха", 10));
  }

  @Test
  void graphs_written_after_the_first_lookup_are_read_on_the_next() {
    write("a", "Бах", "llm", entity("Бах", "Bach", Noema.Person.getURI()));
    StoredEntityNames names = new StoredEntityNames(store, ONTOLOGY, "llm");
    assertTrue(names.in("b", "эмерджентности", 10).isEmpty());

    write(
        "c",
        "эмерджентность",
        "llm",
        entity("эмерджентность", "emergence", Noema.Concept.getURI()));

    assertEquals(
        List.of(new KnownEntity("эмерджентность", "emergence", Noema.Concept.getURI())),
        names.in("b", "природа эмерджентности", 10));
  }

  @Test
  void another_extractors_entities_are_not_listed() {
    write(
        "a",
        "консенсус модулей",
        "structural",
        entity("консенсус модулей", "консенсус модулей", Noema.ModuleConsensus.getURI()));
    StoredEntityNames names = new StoredEntityNames(store, ONTOLOGY, "llm");

    assertTrue(names.in("b", "консенсус модулей", 10).isEmpty());
  }
}
