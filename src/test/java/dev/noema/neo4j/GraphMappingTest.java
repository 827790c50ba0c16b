package dev.noema.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.noema.ontology.Noema;
import dev.noema.ontology.OntologyModel;
import dev.noema.ontology.OntologyModel.OntProperty;
import dev.noema.ontology.OntologyModel.PropertyKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;

class GraphMappingTest {
  private static final OntologyModel ONTOLOGY = OntologyModel.loadDefault();
  private final GraphMapping mapping = new GraphMapping(ONTOLOGY);

  @Test
  void relationship_types_are_upper_snake_case_without_a_repeated_domain() {
    assertEquals(Optional.of("RELATED_TO"), mapping.relationshipType(Noema.relatedTo.getURI()));
    assertEquals(Optional.of("HAS_TURN"), mapping.relationshipType(Noema.hasTurn.getURI()));
    assertEquals(Optional.of("NEXT"), mapping.relationshipType(Noema.nextTurn.getURI()));
    assertEquals(
        Optional.of("IN_CONVERSATION"), mapping.relationshipType(Noema.inConversation.getURI()));
    assertEquals(
        Optional.of("MENTIONED_IN_TURN"), mapping.relationshipType(Noema.mentionedInTurn.getURI()));
    assertEquals(Optional.empty(), mapping.relationshipType(Noema.text.getURI()));
  }

  @Test
  void upper_snake_case_splits_acronyms_and_words() {
    assertEquals("LLM_PROVIDER", GraphMapping.upperSnake("llmProvider"));
    assertEquals("AI_ASSISTANT", GraphMapping.upperSnake("AIAssistant"));
    assertEquals("PAGE_RANK", GraphMapping.upperSnake("pageRank"));
  }

  @Test
  void labels_are_a_class_and_its_superclasses_in_the_ontology_namespace() {
    assertEquals(
        Set.of("CognitiveModule", "Concept", "MeaningEntity"),
        mapping.labels(List.of(Noema.NS + "CognitiveModule", SKOS.Concept.getURI())));
    assertEquals(
        Set.of("AIAssistant", "Participant"), mapping.labels(List.of(Noema.AIAssistant.getURI())));
    assertEquals(Set.of(), mapping.labels(List.of("http://example.org/Unknown")));
  }

  @Test
  void reifications_groundings_and_activities_are_folded() {
    assertTrue(mapping.folded(List.of(Noema.Fact.getURI())));
    assertTrue(mapping.folded(List.of(Noema.Grounding.getURI())));
    assertTrue(mapping.folded(List.of(Noema.ExtractionActivity.getURI())));
    assertTrue(mapping.folded(List.of(OA.TextQuoteSelector.getURI())));
    assertTrue(mapping.folded(List.of(RDF.Statement.getURI())));
    assertFalse(mapping.folded(List.of(Noema.Interpretation.getURI())));
    assertFalse(mapping.folded(List.of()));
  }

  @Test
  void literals_the_extractor_writes_are_lists_unless_functional() {
    assertTrue(mapping.isList(Noema.statement.getURI()));
    assertTrue(mapping.isList(SKOS.definition.getURI()));
    assertFalse(mapping.isList(Noema.text.getURI()));
    assertFalse(mapping.isList(Noema.pageRank.getURI()));
    assertFalse(mapping.isList(Noema.canonicalLabel.getURI()));
    assertFalse(mapping.isList(DCTerms.title.getURI()));
    assertFalse(mapping.isList(Noema.relatedTo.getURI()));
  }

  @Test
  void markdown_table_lists_every_object_and_datatype_property_of_the_ontology() {
    String table = mapping.markdownTable();

    assertTrue(table.startsWith("| Ontology term | Kind | Neo4j |\n|---|---|---|\n"), table);
    for (OntProperty p : ONTOLOGY.properties()) {
      if (p.kind() == PropertyKind.OBJECT) {
        assertTrue(
            table.contains(
                "| `noema:"
                    + p.localName()
                    + "` | object property | `[:"
                    + mapping.relationshipType(p.iri()).orElseThrow()
                    + "]` |"),
            p.localName());
      } else if (p.kind() == PropertyKind.DATATYPE) {
        assertTrue(
            table.contains(
                "| `noema:"
                    + p.localName()
                    + "` | datatype property | `."
                    + p.localName()
                    + (mapping.isList(p.iri()) ? "` (list) |" : "` |")),
            p.localName());
      }
    }
    assertTrue(table.contains("| `noema:nextTurn` | object property | `[:NEXT]` |"), table);
    assertTrue(
        table.contains(
            "| `noema:CognitiveModule` | class | `:CognitiveModule:Concept:MeaningEntity` |"),
        table);
    assertTrue(table.contains("| `noema:Fact` | folded |"), table);
    assertTrue(
        table.contains("| `noema:statement` | datatype property | `.statement` (list) |"), table);
    assertTrue(table.contains("`allLabels` (list: every label)"), table);
    assertFalse(table.contains("| `noema:Fact` | class |"), table);
  }

  /**
   * The README links to this file; the test rewrites it when the mapping changed, and fails so that
   * it is committed.
   */
  @Test
  void docs_mapping_table_is_the_generated_one() throws IOException {
    Path doc = Path.of("docs", "neo4j-mapping.md");
    String expected =
        """
        # How the ontology maps to Neo4j

        Generated from `ontology/noema.ttl` by `GraphMapping.markdownTable()` (checked by `GraphMappingTest`; do not edit).
        Every projected node is a `:Resource` with a unique `iri`; relationships carry `confidence` (the highest),
        `turns`, `conversations` and `extractor` (lists) folded from the facts that state them, and `_sources`
        (bookkeeping of the sync: one entry per named graph that states the relationship).
        A literal property the extractor writes (marked "list") is always a list, even of one value, distinct and
        sorted: each conversation's extraction may word it its own way. The others are written once, by import or
        analysis, and are single values (the least in lexical order, should a resource ever have several).
        `allLabels` lists every `rdfs:label`: `UNWIND n.allLabels AS label` answers like SPARQL's `rdfs:label ?label`.

        """
            + mapping.markdownTable();
    String actual = Files.exists(doc) ? Files.readString(doc) : "";
    if (!actual.equals(expected)) {
      Files.createDirectories(doc.getParent());
      Files.writeString(doc, expected);
      fail(doc + " was stale and has been regenerated: review and commit it");
    }
  }
}
