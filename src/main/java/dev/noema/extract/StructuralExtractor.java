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
 * and turns its structure and its repeated names into meaning-layer facts. No LLM, no network; the
 * same conversation always gives the same facts.
 *
 * <p>Two passes over a conversation. The first ({@link ConversationTerms}) detects each turn's
 * language and decides which spans name entities, from evidence only: a gazetteer, a capitalised
 * name, a definition, a term repeated across turns; never code, never a generic word of the
 * language (per-language resource files under {@code lang/}, see {@link Lexicon}). The second
 * ({@link TurnScan}, one per turn) emits:
 *
 * <ul>
 *   <li><b>Entities named in prose</b>, typed only from strong cues (gazetteer, given names, person
 *       and organization cues, a definition naming a method); unsure means {@code Concept}.
 *   <li><b>Co-occurrence.</b> Two entities named in one sentence, list item or table cell are
 *       {@code relatedTo} when they co-occur in the conversation more than chance (positive PMI),
 *       weighted by how often in the turn; confidence {@code w / (w + 1)}.
 *   <li><b>Comparison tables.</b> A header cell that names who holds a view (a group such as the
 *       industry, a person such as Кирилл, or an unnamed standard view) is a {@code Perspective}
 *       (with its holder, an {@code Organization} or a {@code Person}); other header cells are
 *       aspects. When the first column is an aspect, its cells are concepts and each other cell is
 *       an {@code Interpretation} of the row's concept from the column's perspective (or, in an
 *       aspect column, the concept's definition). Two tables over the same concepts give each
 *       concept interpretations from both perspectives, and the perspectives {@code contrastsWith}
 *       each other; a row label that extends another's ("Архитектура модели" after "Архитектура")
 *       is read as that concept, and is {@code broader}-linked to it. When every column is a
 *       perspective, the cells interpret the word the headers share ("Метод", "Понимание") or else
 *       the enclosing heading's subject. A header naming a method ("Метод индустрии") is a {@code
 *       Method} the perspective and its holder {@code usesMethod}; "term: definition" cells under
 *       it are methods {@code partOf} it, contrasting across a row. In a table without perspectives
 *       a row label is an entity only when the prose names it too.
 *   <li><b>Headings.</b> The entities a heading names are {@code partOf} those of the nearest
 *       enclosing heading; a heading that names none is no entity.
 *   <li><b>Definitions.</b> "term: definition" list items and "X is a ..." sentences define their
 *       term.
 *   <li><b>Modules.</b> Upper-case Latin names that the conversation treats as modules (named near
 *       a module cue) are {@code CognitiveModule}s. A table row or list item whose label names a
 *       consensus ("Консенсус модулей") is a {@code ModuleConsensus}, and the modules named in it
 *       are {@code partOf} it.
 *   <li><b>Analogies.</b> A sentence with an analogy cue that names a person after it is an {@code
 *       Analogy}, and each such person (Лейбниц, Фейнман, Баха) a {@code Person} it {@code
 *       mentionsPerson}.
 * </ul>
 *
 * Other facts carry confidence 0.9. Canonical labels: a small lexicon ({@code lexicon.tsv}) maps
 * common terms and a few famous names to English (Архитектура to architecture, Лейбниц to Leibniz);
 * anything else keeps its most frequent surface form, lower-cased with Latin accents folded (names
 * keep their case).
 *
 * <p>{@link Mode#SURE_ONLY}, for use beside a model's extractor, keeps only what the structure
 * makes sure of (tables, definitions, headings, modules, analogies) and leaves names in running
 * prose and their co-occurrences to the model.
 *
 * <p>Every entity, relation and interpretation quotes the plain text of the node it came from (a
 * cell, a heading, a sentence), so {@link FactValidator} finds each quote in the turn. Text inside
 * a turn is only ever data: an instruction written in a turn is at most read as a concept, never
 * obeyed.
 *
 * <p>Thread-safe: the parser and word lists are immutable and each conversation is read by its own
 * {@link ConversationTerms} and {@link TurnScan}s.
 */
public final class StructuralExtractor implements Extractor {
  public static final String NAME = "structural";

  private final Parser parser =
      Parser.builder().extensions(List.of(TablesExtension.create())).build();
  private final Lexicon lexicon;
  private final Mode mode;

  /** What the extractor keeps. */
  public enum Mode {
    /** Everything it has evidence for: the offline extractor alone. */
    ALL,
    /** Only what the structure makes sure of, beside a model's extractor. */
    SURE_ONLY
  }

  /** The extractor alone ({@link Mode#ALL}). */
  public StructuralExtractor(OntologyModel ontology) {
    this(ontology, Mode.ALL);
  }

  /**
   * @param ontology the ontology facts are checked against; must declare extractable every class
   *     and relation this extractor produces
   * @throws OntologyException naming the first term the ontology lacks
   */
  public StructuralExtractor(OntologyModel ontology, Mode mode) {
    this.mode = mode;
    this.lexicon = Lexicon.bundled(ontology);
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
            Noema.Organization,
            Noema.Place,
            Noema.Product)) {
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
    List<Turn> turns = new ArrayList<>();
    List<org.commonmark.node.Node> documents = new ArrayList<>();
    for (Turn turn : conversation.turns()) {
      if (turn.alternativeOf() == null) {
        turns.add(turn);
        documents.add(parser.parse(turn.text()));
      }
    }
    ConversationTerms terms = new ConversationTerms(lexicon, mode == Mode.SURE_ONLY);
    terms.read(conversation.title(), turns, documents);
    for (int i = 0; i < turns.size(); i++) {
      new TurnScan(turns.get(i), lexicon, terms, mode == Mode.SURE_ONLY)
          .scan(documents.get(i), entities, relations, interpretations);
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
