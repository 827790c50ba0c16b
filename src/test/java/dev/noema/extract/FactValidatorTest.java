package dev.noema.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.conversation.Conversation;
import dev.noema.conversation.Role;
import dev.noema.conversation.Turn;
import dev.noema.extract.ValidationSummary.DropReason;
import dev.noema.ontology.Noema;
import dev.noema.ontology.OntologyModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactValidatorTest {
  private static final OntologyModel ONTOLOGY = OntologyModel.loadDefault();
  private static final Conversation CONVERSATION =
      SampleDialogue.conversation(
          "c",
          Turn.of(
              0,
              null,
              Role.USER,
              "User",
              null,
              "Is RECURSIA part of the **consensus of modules**?"),
          Turn.of(
              1,
              null,
              Role.ASSISTANT,
              "Assistant",
              null,
              "Yes: RECURSIA is part of the consensus, like Leibniz said."));

  private final FactValidator validator = new FactValidator(ONTOLOGY);

  @Test
  void keeps_grounded_facts_within_domain_and_range() {
    FactValidator.Result result =
        validator.validate(
            extraction(
                List.of(module("m", 1), consensus("c", 1)),
                List.of(relation("m", Noema.partOf, "c", "RECURSIA is part of the consensus", 1))),
            CONVERSATION);

    assertEquals(Map.of(), result.summary().dropped());
    assertEquals(1, result.kept().relations().size());
  }

  @Test
  void drops_unknown_type_and_what_refers_to_it() {
    ExtractedEntity unknown =
        new ExtractedEntity(
            "x", "RECURSIA", "en", "RECURSIA", Noema.NS + "Wizard", List.of(), null, 1, "RECURSIA");
    FactValidator.Result result =
        validator.validate(
            extraction(
                List.of(unknown, consensus("c", 1)),
                List.of(relation("x", Noema.partOf, "c", "RECURSIA is part", 1))),
            CONVERSATION);

    assertEquals(
        Map.of(DropReason.UNKNOWN_TYPE, 1, DropReason.DANGLING, 1), result.summary().dropped());
    assertTrue(
        result
            .summary()
            .problems()
            .get(0)
            .startsWith("conversation c, turn 1: entity 'x' dropped (unknown_type)"),
        result.summary().problems().get(0));
  }

  @Test
  void drops_predicate_that_is_not_an_extractable_relation() {
    FactValidator.Result result =
        validator.validate(
            extraction(
                List.of(module("m", 1), consensus("c", 1)),
                List.of(
                    relation("m", Noema.spokenBy, "c", "RECURSIA", 1),
                    relation("m", Noema.statement, "c", "RECURSIA", 1))),
            CONVERSATION);

    assertEquals(Map.of(DropReason.UNKNOWN_PREDICATE, 2), result.summary().dropped());
  }

  @Test
  void drops_range_violation() {
    // mentionsPerson wants a Person as object; a consensus is not one.
    FactValidator.Result result =
        validator.validate(
            extraction(
                List.of(module("m", 1), consensus("c", 1)),
                List.of(relation("m", Noema.mentionsPerson, "c", "RECURSIA", 1))),
            CONVERSATION);

    assertEquals(Map.of(DropReason.RANGE, 1), result.summary().dropped());
  }

  @Test
  void drops_domain_violation() {
    ExtractedEntity perspective = entity("p", "consensus", Noema.Perspective, 1);
    ExtractedEntity other = entity("q", "Leibniz", Noema.Perspective, 1);
    // broader is declared between concepts; perspectives are not concepts.
    FactValidator.Result result =
        validator.validate(
            extraction(
                List.of(perspective, other),
                List.of(relation("p", Noema.broader, "q", "consensus", 1))),
            CONVERSATION);

    assertEquals(Map.of(DropReason.DOMAIN, 1), result.summary().dropped());
  }

  @Test
  void drops_quote_not_in_the_cited_turn() {
    FactValidator.Result result =
        validator.validate(
            extraction(
                List.of(
                    module("m", 1), consensus("c", 1), entity("ghost", "AGI", Noema.Concept, 1)),
                List.of(
                    relation("m", Noema.partOf, "c", "consensus of modules", 1),
                    relation("m", Noema.partOf, "c", "RECURSIA is part of the consensus", 7))),
            CONVERSATION);

    assertEquals(Map.of(DropReason.UNGROUNDED, 3), result.summary().dropped());
    assertEquals(
        List.of("m", "c"), result.kept().entities().stream().map(ExtractedEntity::key).toList());
  }

  @Test
  void an_aligned_quote_is_kept_with_its_span_and_counted_apart() {
    FactValidator.Result result =
        validator.validate(
            extraction(
                List.of(module("m", 1), consensus("c", 1)),
                List.of(
                    relation("m", Noema.partOf, "c", "RECURSIA is part of the consensus", 1),
                    relation("m", Noema.partOf, "c", "RECURSIA is a part of this consensus", 1))),
            CONVERSATION);

    assertEquals(Map.of(), result.summary().dropped());
    assertEquals(3, result.summary().exactQuotes(), "two entities and one relation");
    assertEquals(1, result.summary().alignedQuotes());
    QuoteSpan aligned = result.kept().relations().get(1).span();
    assertTrue(aligned.aligned());
    assertEquals("RECURSIA is part of the consensus", aligned.exact());
    assertEquals(5, aligned.start());
  }

  @Test
  void grounding_forgives_case_quotes_and_markdown() {
    FactValidator.Result result =
        validator.validate(
            extraction(
                List.of(entity("c", "consensus of modules", Noema.ModuleConsensus, 0)), List.of()),
            CONVERSATION);

    assertEquals(1, result.summary().keptEntities());
  }

  @Test
  void drops_confidence_outside_zero_to_one_and_conflicting_types() {
    ExtractedEntity twin =
        new ExtractedEntity(
            "m2",
            "RECURSIA",
            "en",
            "RECURSIA/m",
            Noema.Method.getURI(),
            List.of(),
            null,
            1,
            "RECURSIA");
    FactValidator.Result result =
        validator.validate(
            extraction(
                List.of(module("m", 1), consensus("c", 1), twin),
                List.of(
                    new ExtractedRelation("m", Noema.partOf.getURI(), "c", "RECURSIA", 1, 1.5, 1))),
            CONVERSATION);

    assertEquals(
        Map.of(DropReason.MALFORMED, 1, DropReason.CONFLICT, 1), result.summary().dropped());
  }

  @Test
  void interpretation_needs_a_perspective() {
    ExtractedInterpretation good =
        new ExtractedInterpretation("m", "p", "l", "a module", "en", "RECURSIA", 1, null);
    ExtractedInterpretation bad =
        new ExtractedInterpretation("m", "c", null, "a module", "en", "RECURSIA", 1, null);
    Extraction e =
        new Extraction(
            "c",
            ExtractorInfo.structural("test"),
            List.of(
                module("m", 1),
                consensus("c", 1),
                entity("p", "Leibniz", Noema.Perspective, 1),
                entity("l", "Leibniz", Noema.Person, 1)),
            List.of(),
            List.of(good, bad),
            null,
            null);

    FactValidator.Result result = validator.validate(e, CONVERSATION);

    assertEquals(
        List.of(good), result.kept().interpretations().stream().map(i -> i.located(null)).toList());
    assertEquals(Map.of(DropReason.RANGE, 1), result.summary().dropped());
  }

  private static Extraction extraction(
      List<ExtractedEntity> entities, List<ExtractedRelation> relations) {
    return new Extraction(
        "c", ExtractorInfo.structural("test"), entities, relations, List.of(), null, null);
  }

  private static ExtractedEntity module(String key, int turn) {
    return entity(key, "RECURSIA", Noema.CognitiveModule, turn);
  }

  private static ExtractedEntity consensus(String key, int turn) {
    return entity(key, "consensus", Noema.ModuleConsensus, turn);
  }

  private static ExtractedEntity entity(
      String key, String label, org.apache.jena.graph.Node type, int turn) {
    return new ExtractedEntity(
        key, label, "en", label + "/" + key, type.getURI(), List.of(), null, turn, label);
  }

  private static ExtractedRelation relation(
      String s, org.apache.jena.graph.Node p, String o, String quote, int turn) {
    return new ExtractedRelation(s, p.getURI(), o, quote, turn, 0.9, 1);
  }
}
