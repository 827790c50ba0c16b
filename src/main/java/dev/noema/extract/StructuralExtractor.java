package dev.noema.extract;

import dev.noema.conversation.Conversation;
import dev.noema.conversation.Turn;
import dev.noema.ontology.Noema;
import dev.noema.ontology.OntologyException;
import dev.noema.ontology.OntologyModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;

/**
 * The deterministic offline extractor: reads each turn's Markdown with commonmark-java (GFM tables)
 * and turns its structure into meaning-layer facts. No LLM, no network; the same turn always gives
 * the same facts.
 *
 * <p>What it finds:
 *
 * <ul>
 *   <li><b>Comparison tables.</b> A header cell that names who holds a view (a group such as the
 *       industry, a person named elsewhere in the turn such as Кирилл, or an unnamed standard view)
 *       is a {@code Perspective} (with its holder, an {@code Organization} or a {@code Person});
 *       other header cells are aspects. When the first column is an aspect, its cells are concepts
 *       and each other cell is an {@code Interpretation} of the row's concept from the column's
 *       perspective (or, in an aspect column, the concept's definition). Two tables over the same
 *       concepts give each concept interpretations from both perspectives, and the perspectives
 *       {@code contrastsWith} each other; a row label that extends another's ("Архитектура модели"
 *       after "Архитектура") is read as that concept, and is {@code broader}-linked to it. When
 *       every column is a perspective, the cells interpret the word the headers share ("Метод",
 *       "Понимание") or else the enclosing heading's topic. A header naming a method ("Метод
 *       индустрии") is a {@code Method} the perspective and its holder {@code usesMethod}; "term:
 *       definition" cells under it are methods {@code partOf} it, contrasting across a row.
 *   <li><b>Emphasis.</b> Bold and italic phrases of one to six words are concepts.
 *   <li><b>Headings.</b> Topics (concepts), each {@code partOf} the nearest enclosing heading's
 *       topic.
 *   <li><b>List items.</b> "term: definition" and "term — definition" give a concept with its
 *       definition.
 *   <li><b>Modules.</b> Upper-case Latin names of five or more letters not listed in {@code
 *       acronyms.txt} and not part of a run of capitals (RECURSIA, not LLM, not SHOUTED TEXT) are
 *       {@code CognitiveModule}s. A table row or list item whose label names a consensus
 *       ("Консенсус модулей") is a {@code ModuleConsensus}, and the modules named in it are {@code
 *       partOf} it.
 *   <li><b>Analogies.</b> A sentence with an analogy cue (see {@link TextRules}) is an {@code
 *       Analogy}, and each person named after the cue (Лейбниц, Фейнман, Баха) a {@code Person} it
 *       {@code mentionsPerson}.
 *   <li><b>Co-occurrence.</b> Concepts, modules, methods and persons named in one sentence or one
 *       table row are {@code relatedTo}, weighted by how often; confidence {@code w / (w + 1)}.
 *       Other facts carry 0.9.
 * </ul>
 *
 * Canonical labels: a small lexicon ({@code lexicon.tsv}) maps common terms and a few famous names
 * to English (Архитектура to architecture, Лейбниц to Leibniz); anything else keeps its own label,
 * lower-cased with Latin accents folded (names of persons and modules keep their case). Labels
 * carry the language of their script (ru, en).
 *
 * <p>Every entity, relation and interpretation quotes the plain text of the node it came from (a
 * cell, a heading, an emphasised phrase, a sentence), so {@link FactValidator} finds each quote in
 * the turn. Text inside a turn is only ever data: an instruction written in a turn is at most read
 * as a concept, never obeyed.
 *
 * <p>Thread-safe: the parser and word lists are immutable and each turn is scanned by its own
 * {@link TurnScan}.
 */
public final class StructuralExtractor implements Extractor {
  public static final String NAME = "structural";

  private final Parser parser =
      Parser.builder().extensions(List.of(TablesExtension.create())).build();
  private final Lexicon lexicon = Lexicon.bundled();

  /**
   * @param ontology the ontology facts are checked against; must declare extractable every class
   *     and relation this extractor produces
   * @throws OntologyException naming the first term the ontology lacks
   */
  public StructuralExtractor(OntologyModel ontology) {
    for (Node term :
        List.of(
            Noema.Concept,
            Noema.CognitiveModule,
            Noema.ModuleConsensus,
            Noema.Perspective,
            Noema.Interpretation,
            Noema.Method,
            Noema.Analogy,
            Noema.Person,
            Noema.Organization)) {
      if (ontology.ontClass(term.getURI()).filter(OntologyModel.OntClass::extractable).isEmpty()) {
        throw new OntologyException(
            "the ontology does not declare the extractable class " + term.getURI());
      }
    }
    for (Node term :
        List.of(
            Noema.partOf,
            Noema.broader,
            Noema.contrastsWith,
            Noema.mentionsPerson,
            Noema.holdsPerspective,
            Noema.usesMethod,
            Noema.relatedTo,
            Noema.interprets,
            Noema.fromPerspective)) {
      if (ontology
          .property(term.getURI())
          .filter(OntologyModel.OntProperty::extractable)
          .isEmpty()) {
        throw new OntologyException(
            "the ontology does not declare the extractable property " + term.getURI());
      }
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Extraction extract(Conversation conversation) {
    Instant started = Instant.now();
    List<ExtractedEntity> entities = new ArrayList<>();
    List<ExtractedRelation> relations = new ArrayList<>();
    List<ExtractedInterpretation> interpretations = new ArrayList<>();
    for (Turn turn : conversation.turns()) {
      if (turn.alternativeOf() == null) {
        new TurnScan(turn, lexicon)
            .scan(parser.parse(turn.text()), entities, relations, interpretations);
      }
    }
    return new Extraction(
        conversation.id(),
        ExtractorInfo.structural(NAME),
        entities,
        relations,
        interpretations,
        started,
        Instant.now());
  }
}
