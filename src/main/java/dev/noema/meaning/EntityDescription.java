package dev.noema.meaning;

import dev.noema.ontology.Iris;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One meaning entity described for a reader (the web page's concept panel): its names per language,
 * definitions, how each perspective interprets it, the quotes that ground it and the facts about
 * it, and what it is related to.
 *
 * @param label its name in the language asked for ({@link Names#display})
 * @param type the local name of its most specific class
 * @param aliases per language tag ("" for untagged), its names, preferred first
 * @param evidence quotes that ground the entity or a fact it is the subject or object of, by
 *     conversation, turn and quote; at most {@value #MAX_EVIDENCE}
 */
public record EntityDescription(
    String iri,
    String label,
    String type,
    List<String> definitions,
    Map<String, List<String>> aliases,
    List<InterpretationView> interpretations,
    List<EvidenceView> evidence,
    List<Neighbour> neighbours) {
  /** The most quotes one description lists. */
  public static final int MAX_EVIDENCE = 200;

  /**
   * How one perspective interprets the entity.
   *
   * @param turn a turn the interpretation was found in, or null
   */
  public record InterpretationView(
      String perspective, String perspectiveLabel, String statement, String turn) {}

  /**
   * A quote and where it was said.
   *
   * @param conversation the conversation's id, or null when the turn is not in the layer
   * @param turnIndex the turn's index, or null when unknown
   * @param speaker the speaker's name, or null
   * @param start the quote's first code point in the turn's text, or null for a grounding written
   *     before offsets were
   * @param end the code point after the quote, or null with {@code start}
   * @param similarity set for a quote found by alignment: how close the extractor's quote was
   */
  public record EvidenceView(
      String quote,
      String turn,
      String conversation,
      Integer turnIndex,
      String speaker,
      Integer start,
      Integer end,
      Double similarity) {}

  /**
   * An entity this one is related to.
   *
   * @param direction "out" when this entity is the subject, "in" when it is the object
   * @param relation the local name of the relation property
   */
  public record Neighbour(String direction, String relation, String iri, String label) {}

  /** The description of {@code iri}, or empty when it is not an entity of the layer. */
  public static Optional<EntityDescription> of(MeaningLayer layer, String iri, String language) {
    Entity entity = layer.entity(iri).orElse(null);
    if (entity == null) {
      return Optional.empty();
    }
    List<String> definitions = new ArrayList<>();
    entity.definitions().forEach(d -> definitions.add(d.text()));

    Map<List<String>, InterpretationView> interpretations = new LinkedHashMap<>();
    for (Interpretation i : layer.interpretationsOf(iri)) {
      for (LangText statement : i.statements()) {
        String turn =
            !i.mentions().isEmpty()
                ? i.mentions().get(0)
                : i.groundings().isEmpty() ? null : i.groundings().get(0).turn();
        interpretations.putIfAbsent(
            List.of(i.perspective(), statement.text()),
            new InterpretationView(
                i.perspective(), layer.label(i.perspective(), language), statement.text(), turn));
      }
    }
    List<InterpretationView> byPerspective = new ArrayList<>(interpretations.values());
    byPerspective.sort(
        Comparator.comparing(InterpretationView::perspective)
            .thenComparing(InterpretationView::statement));

    Set<EvidenceView> evidence = new LinkedHashSet<>();
    entity.groundings().forEach(g -> evidence(layer, g, evidence));
    List<Neighbour> neighbours = new ArrayList<>();
    for (Relation r : layer.relationsOf(iri)) {
      r.facts().forEach(f -> f.groundings().forEach(g -> evidence(layer, g, evidence)));
      String relation = Iris.localName(r.predicate());
      if (r.subject().equals(iri)) {
        neighbours.add(
            new Neighbour("out", relation, r.object(), layer.label(r.object(), language)));
      }
      if (r.object().equals(iri)) {
        neighbours.add(
            new Neighbour("in", relation, r.subject(), layer.label(r.subject(), language)));
      }
    }
    neighbours.sort(
        Comparator.comparing(Neighbour::relation)
            .thenComparing(Neighbour::label)
            .thenComparing(Neighbour::direction));
    List<EvidenceView> quotes = new ArrayList<>(evidence);
    quotes.sort(
        Comparator.comparing(
                EvidenceView::conversation, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(
                EvidenceView::turnIndex, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(EvidenceView::quote));
    return Optional.of(
        new EntityDescription(
            iri,
            layer.label(iri, language),
            Iris.localName(entity.type()),
            definitions,
            entity.names().byLanguage(),
            byPerspective,
            List.copyOf(quotes.subList(0, Math.min(MAX_EVIDENCE, quotes.size()))),
            neighbours));
  }

  /** Adds a grounding that has a quote, with where its turn is. */
  private static void evidence(MeaningLayer layer, Grounding g, Set<EvidenceView> into) {
    if (g.quote() == null) {
      return;
    }
    TurnRef turn = layer.turn(g.turn()).orElse(null);
    into.add(
        new EvidenceView(
            g.quote(),
            g.turn(),
            turn == null ? null : turn.conversationId(),
            turn == null || turn.index() < 0 ? null : turn.index(),
            turn == null ? null : turn.speakerName(),
            g.start(),
            g.end(),
            g.similarity()));
  }
}
