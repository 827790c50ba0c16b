package dev.noema.ontology;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OntologyDisjointnessTest {
  private static final OntologyModel ONTOLOGY = OntologyModel.loadDefault();
  private static final String NS = Noema.NS;

  @Test
  void members_of_one_all_disjoint_classes_axiom_are_disjoint_both_ways() {
    assertTrue(ONTOLOGY.disjoint(NS + "Person", NS + "Place"));
    assertTrue(ONTOLOGY.disjoint(NS + "Place", NS + "Person"));
    assertTrue(ONTOLOGY.disjoint(NS + "Organization", NS + "Perspective"));
  }

  @Test
  void disjointness_holds_through_the_class_hierarchy() {
    // MentionedPerson is a Person; CognitiveModule a Concept, and Concept is disjoint with Claim.
    assertTrue(ONTOLOGY.disjoint(NS + "MentionedPerson", NS + "Place"));
    assertTrue(ONTOLOGY.disjoint(NS + "Hypothesis", NS + "CognitiveModule"));
    assertTrue(ONTOLOGY.disjoint(NS + "CognitiveModule", NS + "ModuleConsensus"));
  }

  @Test
  void classes_not_declared_disjoint_are_compatible() {
    assertFalse(ONTOLOGY.disjoint(NS + "Concept", NS + "Person"));
    assertFalse(ONTOLOGY.disjoint(NS + "Concept", NS + "ModuleConsensus"));
    assertFalse(ONTOLOGY.disjoint(NS + "MentionedPerson", NS + "Person"));
    assertFalse(ONTOLOGY.disjoint(NS + "Person", NS + "Person"));
  }

  @Test
  void owl_disjoint_with_is_read_in_both_directions(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("o.ttl");
    Files.writeString(
        file,
        """
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix noema: <https://w3id.org/noema/ontology#> .
        noema:A a owl:Class . noema:B a owl:Class . noema:C a owl:Class ; rdfs:subClassOf noema:B .
        noema:A owl:disjointWith noema:B .
        """,
        StandardCharsets.UTF_8);
    OntologyModel small = OntologyModel.load(file);

    assertTrue(small.disjoint(NS + "C", NS + "A"));
    assertTrue(small.disjoint(NS + "A", NS + "C"));
    assertFalse(small.disjoint(NS + "B", NS + "C"));
  }
}
