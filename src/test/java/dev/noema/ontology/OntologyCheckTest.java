package dev.noema.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OntologyCheckTest {

  private static final String PREFIXES =
      """
      @prefix noema: <https://w3id.org/noema/ontology#> .
      @prefix id:    <https://w3id.org/noema/id/> .
      @prefix rdf:   <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
      @prefix rdfs:  <http://www.w3.org/2000/01/rdf-schema#> .
      @prefix owl:   <http://www.w3.org/2002/07/owl#> .
      @prefix xsd:   <http://www.w3.org/2001/XMLSchema#> .
      @prefix oa:    <http://www.w3.org/ns/oa#> .
      """;

  private static final String DIALOGUE =
      PREFIXES
          + """
      id:c a noema:Conversation ; noema:conversationId "c" .
      id:user a noema:HumanParticipant .
      id:bot a noema:AIAssistant .
      id:t0 a noema:Turn ; noema:inConversation id:c ; noema:turnIndex 0 ; noema:text "Hello" ;
          noema:spokenBy id:user ; noema:timestamp "2025-07-26T10:07:00Z"^^xsd:dateTime .
      id:t1 a noema:Turn ; noema:inConversation id:c ; noema:turnIndex 1 ; noema:text "Hi, RECURSIA here" ;
          noema:spokenBy id:bot .
      id:recursia a noema:CognitiveModule ; rdfs:label "RECURSIA" .
      id:consensus a noema:ModuleConsensus ; rdfs:label "Консенсус модулей"@ru .
      id:fact a noema:Fact ; rdf:subject id:recursia ; rdf:predicate noema:partOf ; rdf:object id:consensus .
      id:grounding a noema:Grounding ; oa:hasBody id:fact ; oa:hasTarget id:target .
      id:target oa:hasSource id:t1 ; oa:hasSelector id:selector .
      id:selector oa:exact "RECURSIA" .
      """;

  private final OntologyCheck check = OntologyCheck.loadDefault();

  @BeforeAll
  static void temp_directory_exists() throws IOException {
    // The pom points java.io.tmpdir into target/ (for the embedding stack's natives) but nothing
    // creates it.
    Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
  }

  @Test
  void shipped_ontology_is_consistent_with_no_unsatisfiable_classes() {
    OntologyCheck.ReasonerReport report = check.reason();

    assertEquals(List.of(), report.inconsistencies());
    assertEquals(List.of(), report.unsatisfiableClasses());
    assertTrue(report.ok());
  }

  @Test
  void reports_class_under_two_members_of_all_disjoint_classes(@TempDir Path dir)
      throws IOException {
    OntologyCheck edited =
        withOntologyEdit(
            dir, "noema:Broken a owl:Class ; rdfs:subClassOf noema:Method, noema:Analogy .");

    OntologyCheck.ReasonerReport report = edited.reason();

    assertEquals(List.of(Noema.NS + "Broken"), report.unsatisfiableClasses());
    assertTrue(report.consistent());
  }

  @Test
  void reports_sub_class_of_an_unsatisfiable_class(@TempDir Path dir) throws IOException {
    OntologyCheck edited =
        withOntologyEdit(
            dir,
            """
        noema:Broken a owl:Class ; rdfs:subClassOf noema:CognitiveModule, noema:ModuleConsensus .
        noema:Worse a owl:Class ; rdfs:subClassOf noema:Broken .""");

    assertEquals(
        List.of(Noema.NS + "Broken", Noema.NS + "Worse"), edited.reason().unsatisfiableClasses());
  }

  @Test
  void reports_individual_in_disjoint_classes_as_inconsistency(@TempDir Path dir)
      throws IOException {
    OntologyCheck edited =
        withOntologyEdit(dir, "<urn:x:thing> a noema:Turn, noema:Conversation .");

    OntologyCheck.ReasonerReport report = edited.reason();

    assertFalse(report.consistent());
    assertTrue(
        report.inconsistencies().get(0).contains("urn:x:thing"),
        report.inconsistencies().toString());
  }

  @Test
  void valid_dialogue_graph_conforms() {
    OntologyCheck.ShapeReport report = check.validate(graph(DIALOGUE), 10);

    assertEquals(List.of(), report.lines());
    assertTrue(report.conforms());
  }

  @Test
  void turn_with_two_texts_is_reported_with_its_focus_node() {
    OntologyCheck.ShapeReport report =
        check.validate(graph(DIALOGUE + "id:t0 noema:text \"Hello again\" ."), 10);

    assertFalse(report.conforms());
    assertEquals(1, report.violations());
    assertTrue(report.lines().get(0).startsWith("id:t0 | noema:text | "), report.lines().get(0));
  }

  @Test
  void turn_without_speaker_is_reported_with_its_focus_node() {
    String withoutSpeaker =
        DIALOGUE.replace(
            "noema:text \"Hi, RECURSIA here\" ;\n    noema:spokenBy id:bot .",
            "noema:text \"Hi, RECURSIA here\" .");
    OntologyCheck.ShapeReport report = check.validate(graph(withoutSpeaker), 10);

    assertEquals(1, report.violations());
    assertTrue(
        report.lines().get(0).startsWith("id:t1 | noema:spokenBy | "), report.lines().get(0));
  }

  @Test
  void grounding_on_something_that_is_not_a_turn_is_reported() {
    OntologyCheck.ShapeReport report =
        check.validate(
            graph(DIALOGUE.replace("oa:hasSource id:t1", "oa:hasSource id:recursia")), 10);

    assertEquals(1, report.focusNodes());
    assertTrue(
        report.lines().get(0).startsWith("id:grounding | oa:hasTarget | "), report.lines().get(0));
  }

  @Test
  void renders_no_more_lines_than_asked_but_counts_all() {
    OntologyCheck.ShapeReport report =
        check.validate(
            graph(
                DIALOGUE
                    + "id:t0 noema:text \"again\" . id:t1 noema:text \"again\" . id:x a noema:Concept ."),
            2);

    assertEquals(3, report.violations());
    assertEquals(3, report.focusNodes());
    assertEquals(2, report.lines().size());
  }

  @Test
  void broken_shapes_file_names_the_file(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("shapes.ttl"), "@prefix sh: <http://www.w3.org/ns/shacl#> .\nnot turtle");

    OntologyException e =
        assertThrows(OntologyException.class, () -> OntologyCheck.loadShapes(file));

    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
  }

  private static OntologyCheck withOntologyEdit(Path dir, String turtle) throws IOException {
    Path file = dir.resolve("noema.ttl");
    Files.writeString(
        file, Files.readString(Path.of("ontology", "noema.ttl")) + "\n" + turtle + "\n");
    return new OntologyCheck(OntologyModel.load(file), OntologyCheck.loadDefaultShapes());
  }

  private static Graph graph(String turtle) {
    Model model = ModelFactory.createDefaultModel();
    RDFDataMgr.read(model, new StringReader(turtle), null, Lang.TURTLE);
    return model.getGraph();
  }
}
