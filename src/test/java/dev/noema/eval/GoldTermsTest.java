package dev.noema.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.ontology.Noema;
import dev.noema.ontology.OntologyModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gold type and predicate names read through a small hand-written ontology's hierarchy. */
class GoldTermsTest {
  private static final String PREFIXES =
      """
      @prefix noema: <https://w3id.org/noema/ontology#> .
      @prefix owl: <http://www.w3.org/2002/07/owl#> .
      @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
      @prefix foaf: <http://xmlns.com/foaf/0.1/> .
      """;
  private static final String BASE =
      PREFIXES
          + """
          noema:MeaningEntity a owl:Class .
          noema:Concept a owl:Class ; rdfs:subClassOf noema:MeaningEntity .
          noema:CognitiveModule a owl:Class ; rdfs:subClassOf noema:Concept .
          noema:MentionedPerson a owl:Class ; rdfs:subClassOf noema:MeaningEntity, foaf:Person .
          foaf:Person a owl:Class .
          noema:relatedTo a owl:ObjectProperty, owl:SymmetricProperty .
          noema:contrastsWith a owl:ObjectProperty, owl:SymmetricProperty .
          noema:partOf a owl:ObjectProperty ; owl:inverseOf noema:hasPart .
          noema:hasPart a owl:ObjectProperty .
          noema:causes a owl:ObjectProperty .
          noema:triggers a owl:ObjectProperty ; rdfs:subPropertyOf noema:causes .
          """;

  @TempDir Path dir;

  private GoldTerms terms(String turtle) throws IOException {
    Path file = dir.resolve("ontology.ttl");
    Files.writeString(file, turtle);
    return new GoldTerms(OntologyModel.load(file));
  }

  private static String iri(String localName) {
    return Noema.NS + localName;
  }

  @Test
  void a_sub_class_of_a_gold_type_is_acceptable_and_a_super_class_is_not() throws IOException {
    GoldTerms terms = terms(BASE);

    assertTrue(terms.acceptable(iri("CognitiveModule"), List.of("Concept")));
    assertTrue(terms.acceptable(iri("Concept"), List.of("Method", "Concept")));
    assertFalse(terms.acceptable(iri("Concept"), List.of("CognitiveModule")));
    assertFalse(terms.acceptable(iri("MentionedPerson"), List.of("Concept")));
  }

  @Test
  void a_gold_type_the_ontology_lacks_accepts_nothing_and_is_reported() throws IOException {
    GoldTerms terms = terms(BASE);

    // foaf:Person is only a super-class of MentionedPerson, not a class of the ontology's own.
    assertFalse(terms.acceptable(iri("MentionedPerson"), List.of("Person")));
    assertEquals(
        Set.of("Person", "Place"), terms.unknownTypes(List.of("Concept", "Person", "Place")));
  }

  @Test
  void mentioned_person_counts_for_person_once_the_ontology_makes_it_a_sub_class()
      throws IOException {
    GoldTerms terms =
        terms(
            BASE
                + """
                noema:Person a owl:Class ; rdfs:subClassOf noema:MeaningEntity .
                noema:MentionedPerson rdfs:subClassOf noema:Person .
                """);

    assertTrue(terms.acceptable(iri("MentionedPerson"), List.of("Person")));
    assertTrue(terms.unknownTypes(List.of("Person")).isEmpty());
  }

  @Test
  void the_most_specific_types_drop_the_super_classes_of_the_others() throws IOException {
    GoldTerms terms = terms(BASE);

    assertEquals(
        List.of(iri("CognitiveModule")),
        terms.mostSpecific(List.of(iri("Concept"), iri("CognitiveModule"))));
    assertEquals(
        List.of(iri("Concept"), iri("MentionedPerson")),
        terms.mostSpecific(List.of(iri("Concept"), iri("MentionedPerson"))));
  }

  @Test
  void a_relation_says_its_predicate_through_sub_properties_inverses_and_symmetry()
      throws IOException {
    GoldTerms terms = terms(BASE);

    assertTrue(terms.says(iri("causes"), "causes", true));
    assertTrue(terms.says(iri("triggers"), "causes", true), "a sub-property");
    assertFalse(terms.says(iri("causes"), "triggers", true), "a super-property is less precise");
    assertFalse(terms.says(iri("causes"), "causes", false), "backwards, causes is the converse");
    assertTrue(terms.says(iri("hasPart"), "partOf", false), "the inverse, backwards");
    assertFalse(terms.says(iri("hasPart"), "partOf", true));
    assertTrue(terms.says(iri("contrastsWith"), "contrastsWith", false), "symmetric");
    assertFalse(terms.says(iri("relatedTo"), "causes", true));
    assertFalse(terms.says(iri("causes"), "kindOf", true), "a predicate the ontology lacks");
    assertEquals(Set.of("kindOf"), terms.unknownPredicates(List.of("kindOf", "partOf")));
  }
}
