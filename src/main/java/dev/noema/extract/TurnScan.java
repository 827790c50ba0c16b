package dev.noema.extract;

import dev.noema.conversation.Turn;
import dev.noema.ontology.Noema;
import dev.noema.text.Text;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;

/**
 * One turn read by the structural extractor, after {@link ConversationTerms} has decided which
 * spans of the whole conversation name entities: walks the turn's commonmark tree once to learn its
 * table concepts, then again to collect the structure's facts (tables, headings, definitions,
 * modules and their consensus, analogies), and adds the entities named in each unit with the
 * co-occurrences the conversation holds to be more than chance. Each quote it cites is the plain
 * text of a node (a cell, a heading, a sentence), so it occurs in the turn once Markdown markers
 * are ignored, which is how {@link Quotes} compares. Not thread-safe: one instance per turn, used
 * once.
 */
final class TurnScan {
  /** Any hyphen a writer may put inside a word: ASCII, the Unicode hyphen, the non-breaking one. */
  private static final String HYPHEN = "[-\\u2010\\u2011]";

  /** Rule-based facts read from explicit structure (tables, headings, lists, cue words). */
  private static final double STRUCTURAL_CONFIDENCE = 0.9;

  private static final int MAX_PHRASE_WORDS = 6;
  private static final int MAX_ANALOGY_LABEL_WORDS = 8;

  private record Draft(
      String key,
      String label,
      String canonical,
      String type,
      Set<String> aliases,
      String[] definition,
      String evidence) {}

  private record RelationDraft(
      String subject,
      String predicate,
      String object,
      String evidence,
      double confidence,
      int[] weight) {}

  /** A column header read as a perspective, with who holds it (null when unnamed). */
  private record Perspective(String key, String holder, String holderCanonical, String header) {}

  private record Section(int level, List<String> keys) {}

  /**
   * Modifier keys joined by "+" to a last key that is one character, F1-F24 or a named key ({@code
   * key-modifiers.txt}, {@code key-names.txt}): as the tokenizer splits "Ctrl+C" at the "+", "Ctrl
   * C" had become a term. The last key is required, so that "Meta + Google" stays two names.
   */
  private static final Pattern KEY_COMBINATION =
      keyCombination(alternation("key-modifiers.txt"), alternation("key-names.txt"));

  private final Turn turn;

  /** {@link #prose()}, once read. */
  private String prose;

  private final Lexicon lexicon;
  private final ConversationTerms terms;
  private final String language;
  private final boolean sureOnly;
  private final Map<String, Draft> entities = new LinkedHashMap<>();
  private final Map<String, RelationDraft> relations = new LinkedHashMap<>();
  private final List<ExtractedInterpretation> interpretations = new ArrayList<>();

  /**
   * First-column labels of concept tables (folded) to the label of the concept they are read as.
   */
  private final Map<String, String> rowConcepts = new HashMap<>();

  /**
   * Concept key to the perspectives that interpreted it so far, with the header that named each.
   */
  private final Map<String, Map<String, String>> interpretedFrom = new HashMap<>();

  private final Deque<Section> sections = new ArrayDeque<>();

  /**
   * @param sureOnly keep only what the structure makes sure of (tables, definitions, headings,
   *     modules), leaving names repeated in prose and their co-occurrences to a model
   */
  TurnScan(Turn turn, Lexicon lexicon, ConversationTerms terms, boolean sureOnly) {
    this.turn = turn;
    this.lexicon = lexicon;
    this.terms = terms;
    this.language = terms.language(turn.index());
    this.sureOnly = sureOnly;
  }

  /**
   * Scans the parsed turn and adds what it found to the lists, entity keys prefixed so they stay
   * unique.
   */
  void scan(
      Node document,
      List<ExtractedEntity> outEntities,
      List<ExtractedRelation> outRelations,
      List<ExtractedInterpretation> outInterpretations) {
    learn(document);
    visit(document);
    if (!sureOnly) {
      cooccurrences();
    }
    for (Draft d : entities.values()) {
      outEntities.add(
          new ExtractedEntity(
              d.key(),
              d.label(),
              TextRules.language(d.label(), language),
              d.canonical(),
              d.type(),
              List.copyOf(d.aliases()),
              d.definition()[0],
              turn.index(),
              d.evidence()));
    }
    for (RelationDraft r : relations.values()) {
      double confidence =
          r.predicate().equals(Noema.relatedTo.getURI())
              ? r.weight()[0] / (r.weight()[0] + 1.0)
              : r.confidence();
      outRelations.add(
          new ExtractedRelation(
              r.subject(),
              r.predicate(),
              r.object(),
              r.evidence(),
              turn.index(),
              confidence,
              r.weight()[0]));
    }
    outInterpretations.addAll(interpretations);
  }

  // ---- first pass: the concepts of table rows ----

  private void learn(Node document) {
    List<String> labels = new ArrayList<>();
    walk(
        document,
        node -> {
          if (node instanceof TableBlock table) {
            List<List<String>> rows = rows(table);
            if (!rows.isEmpty() && perspectiveCue(rows.get(0).get(0)) == null) {
              rows.stream()
                  .skip(1)
                  .map(r -> TextRules.cleanLabel(r.get(0)))
                  .filter(l -> !l.isEmpty())
                  .forEach(labels::add);
            }
          }
        });
    // A row label that starts with another row's whole label ("Архитектура модели", "Архитектура")
    // is read as that
    // concept, so two tables comparing the same concepts line up; the longer label becomes a
    // narrower concept.
    List<List<String>> labelWords = new ArrayList<>();
    for (String label : labels) {
      labelWords.add(TextRules.words(terms.labelKey(label)));
    }
    for (int a = 0; a < labels.size(); a++) {
      List<String> words = labelWords.get(a);
      String best = labels.get(a);
      int bestWords = words.size();
      for (int b = 0; b < labels.size(); b++) {
        List<String> otherWords = labelWords.get(b);
        if (otherWords.size() < words.size()
            && !otherWords.isEmpty()
            && words.subList(0, otherWords.size()).equals(otherWords)
            && otherWords.size() < bestWords) {
          best = labels.get(b);
          bestWords = otherWords.size();
        }
      }
      rowConcepts.put(terms.labelKey(labels.get(a)), best);
    }
  }

  // ---- second pass ----

  private void visit(Node node) {
    if (node instanceof Heading heading) {
      heading(heading);
    } else if (node instanceof TableBlock table) {
      table(table);
    } else if (node instanceof Paragraph paragraph) {
      paragraph(paragraph);
    } else {
      if (node instanceof ListItem item && item.getFirstChild() instanceof Paragraph first) {
        listItem(text(first));
      }
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        visit(child);
      }
    }
  }

  /**
   * The entities a heading names are its subjects, each {@code partOf} the subjects of the nearest
   * enclosing heading that names any; a heading that names none ("Where to start") is no entity.
   */
  private void heading(Heading heading) {
    String text = text(heading);
    while (!sections.isEmpty() && sections.peek().level() >= heading.getLevel()) {
      sections.pop();
    }
    List<String> keys = new ArrayList<>();
    for (ConversationTerms.Mention m : terms.mentions(plainText(heading), turn.index())) {
      keys.add(entity(m.term(), m.surface(), text));
    }
    keys = keys.stream().distinct().toList();
    if (keys.isEmpty()) {
      return;
    }
    Section parent = sections.stream().filter(s -> !s.keys().isEmpty()).findFirst().orElse(null);
    if (parent != null) {
      for (String key : keys) {
        for (String whole : parent.keys()) {
          relation(key, Noema.partOf.getURI(), whole, text);
        }
      }
    }
    sections.push(new Section(heading.getLevel(), keys));
  }

  private void paragraph(Paragraph paragraph) {
    for (String sentence : TextRules.sentences(text(paragraph))) {
      analogy(sentence);
    }
  }

  /** {@code term: definition} or {@code term — definition} gives a concept with its definition. */
  private void listItem(String text) {
    String[] split = termAndDefinition(text);
    if (split == null) {
      return;
    }
    if (lexicon.cue("consensus").matcher(split[0]).find()) {
      String key = entity(split[0], canonical(split[0]), Noema.ModuleConsensus.getURI(), split[0]);
      define(key, split[1]);
      modules(text, key);
      return;
    }
    ConversationTerms.Term term = terms.term(split[0], turn.index());
    if (term != null) {
      define(entity(term, split[0], text), split[1]);
    }
  }

  private void table(TableBlock table) {
    List<List<String>> rows = rows(table);
    if (rows.isEmpty()) {
      return;
    }
    List<String> header = rows.get(0);
    List<Perspective> columns = new ArrayList<>();
    for (String cell : header) {
      columns.add(perspective(cell));
    }
    if (columns.get(0) == null) {
      if (header.get(0).isBlank()) {
        comparedColumns(rows(table, TurnScan::plainText), columns);
      }
      conceptTable(rows, columns);
    } else {
      perspectiveTable(rows, columns);
    }
  }

  /**
   * First column: concepts; other columns: a perspective's interpretation of the row's concept, or
   * an aspect of it.
   */
  private void conceptTable(List<List<String>> rows, List<Perspective> columns) {
    methods(columns);
    boolean compared = columns.stream().anyMatch(c -> c != null);
    for (List<String> row : rows.subList(1, rows.size())) {
      String label = TextRules.cleanLabel(row.get(0));
      if (label.isEmpty()) {
        continue;
      }
      boolean consensus = lexicon.cue("consensus").matcher(label).find();
      String type = (consensus ? Noema.ModuleConsensus : Noema.Concept).getURI();
      String concept;
      if (compared || consensus) {
        // A row compared across perspectives names a concept by the table's structure when its
        // label names a thing; a phrase written only there ("Main objection", "Engine of
        // progress") is an aspect the views are compared by, no entity.
        String shared = rowConcepts.getOrDefault(terms.labelKey(label), label);
        if (!consensus && !terms.namesAThing(shared, turn.index())) {
          continue;
        }
        concept = entity(shared, canonical(shared), type, shared);
        if (!shared.equals(label)) {
          relation(
              entity(label, canonical(label), type, label), Noema.broader.getURI(), concept, label);
        }
      } else {
        ConversationTerms.Term term = terms.term(label, turn.index());
        concept = term == null ? null : entity(term, label, row.get(0));
      }
      if (concept == null) {
        continue;
      }
      for (int j = 1; j < row.size() && j < columns.size(); j++) {
        String cell = row.get(j);
        if (cell.isBlank()) {
          continue;
        }
        if (columns.get(j) != null) {
          interpret(concept, columns.get(j), cell);
        } else {
          define(concept, cell);
        }
        if (consensus) {
          modules(cell, concept);
        }
      }
    }
  }

  /**
   * A table whose corner cell is empty compares the things its other header cells name (| |
   * Sparpreis | Flexpreis |, | | Maillard reaction | Caramelization |): each that names a term of
   * the conversation is that entity, and they contrast with each other. A header cell that is only
   * the start of a term ("Seat-based", "Usage-based") names the term it starts in this turn's
   * prose, when every such header continues with the same word there ("seat-based pricing",
   * "usage-based pricing"). A header that names a holder's view is a perspective, contrasted with
   * the others as views are ({@link #interpret}); a header naming nothing is left alone. A cell
   * describes its column's thing along its row's aspect, so the entities a cell names are related
   * to that thing ("Typical examples | Slack, Notion | Stripe, Twilio").
   *
   * @param marked the table's rows, header first, code spans marked ({@link #plainText})
   */
  private void comparedColumns(List<List<String>> marked, List<Perspective> columns) {
    List<String> header = marked.get(0).stream().map(ConversationTerms::quote).toList();
    List<String> labels = header.stream().map(TextRules::cleanLabel).toList();
    List<Integer> open = new ArrayList<>();
    Map<Integer, String> things = new LinkedHashMap<>();
    for (int j = 1; j < header.size(); j++) {
      String label = labels.get(j);
      if (columns.get(j) != null || label.isEmpty()) {
        continue;
      }
      ConversationTerms.Term term = terms.term(label, turn.index());
      if (term != null) {
        things.put(j, entity(term, label, header.get(j)));
      } else {
        open.add(j);
      }
    }
    String head = sharedNextWord(open.stream().map(labels::get).toList());
    if (head != null) {
      for (int j : open) {
        String label = labels.get(j);
        Matcher written = followedBy(label, head).matcher(prose());
        if (written.find()) {
          String named = written.group();
          ConversationTerms.Term term = terms.term(named, turn.index());
          String key =
              term != null
                  ? entity(term, named, named)
                  : entity(named, canonical(named), Noema.Concept.getURI(), named);
          Draft draft = entities.get(key);
          if (!terms.labelKey(label).equals(terms.labelKey(draft.label()))) {
            draft.aliases().add(label);
          }
          things.put(j, key);
        }
      }
    }
    List<String> compared = new ArrayList<>(things.values());
    List<Integer> at = new ArrayList<>(things.keySet());
    for (int a = 0; a < compared.size(); a++) {
      for (int b = a + 1; b < compared.size(); b++) {
        String quote =
            sentenceNaming(compared.get(a), compared.get(b)).orElse(header.get(at.get(b)));
        relation(compared.get(a), Noema.contrastsWith.getURI(), compared.get(b), quote);
      }
    }
    // A cell describes its column's thing: what it names is related to that thing ("Typical
    // examples | Slack, Notion | Stripe, Twilio").
    for (List<String> row : marked.subList(1, marked.size())) {
      things.forEach(
          (j, thing) -> {
            if (j < row.size()) {
              for (ConversationTerms.Mention m : terms.mentions(row.get(j), turn.index())) {
                String cell = ConversationTerms.quote(row.get(j));
                relation(
                    thing, Noema.relatedTo.getURI(), entity(m.term(), m.surface(), cell), cell);
              }
            }
          });
    }
  }

  /**
   * The first sentence of this turn that names both entities (by their drafts' canonical labels),
   * the better quote for what relates them ("Usage-based pricing and seat-based pricing answer
   * different questions"), if any.
   */
  private Optional<String> sentenceNaming(String a, String b) {
    String first = terms.labelKey(entities.get(a).canonical());
    String second = terms.labelKey(entities.get(b).canonical());
    // A thing named by its column head alone ("seat-based pricing") is no term to be matched:
    // its label written in the sentence is found instead.
    String firstLabel = entities.get(a).label().toLowerCase(Locale.ROOT);
    String secondLabel = entities.get(b).label().toLowerCase(Locale.ROOT);
    for (ConversationTerms.Unit unit : terms.units(turn.index())) {
      Set<String> named = new HashSet<>();
      for (ConversationTerms.Mention m : unit.mentions()) {
        named.add(terms.labelKey(m.term().canonical()));
      }
      String written = unit.quote().toLowerCase(Locale.ROOT);
      if ((named.contains(first) || written.contains(firstLabel))
          && (named.contains(second) || written.contains(secondLabel))) {
        return Optional.of(unit.quote());
      }
    }
    return Optional.empty();
  }

  /**
   * The word that follows each of {@code labels} somewhere in this turn's prose, the same for all
   * of them (the earliest written when several are), or null: none, a function word, or fewer than
   * two labels.
   */
  private String sharedNextWord(List<String> labels) {
    if (labels.size() < 2) {
      return null;
    }
    LanguageProfile profile = lexicon.language(language);
    Map<String, Integer> shared = null;
    for (String label : labels) {
      Map<String, Integer> next = new LinkedHashMap<>();
      Matcher m = followedBy(label, "\\p{L}[\\p{L}\\p{M}-]*").matcher(prose());
      while (m.find()) {
        String word = m.group(1).toLowerCase(Locale.ROOT);
        if (!profile.isStopWord(Text.fold(word), "")) {
          next.putIfAbsent(word, m.start(1));
        }
      }
      if (shared == null) {
        shared = next;
      } else {
        shared.keySet().retainAll(next.keySet());
      }
    }
    return shared.entrySet().stream()
        .min(Map.Entry.comparingByValue())
        .map(e -> Pattern.quote(e.getKey()))
        .orElse(null);
  }

  /**
   * This turn's sentences, list items and cells as a reader sees them, one a line: markup and line
   * breaks inside a sentence do not hide a phrase ("**Seat-based** pricing").
   */
  private String prose() {
    if (prose == null) {
      StringBuilder out = new StringBuilder();
      terms.units(turn.index()).forEach(unit -> out.append(unit.quote()).append('\n'));
      prose = out.toString();
    }
    return prose;
  }

  /**
   * {@code label} as a whole word, any case, its hyphens written as any hyphen ("Seat\u2011based"
   * with a non-breaking one), then a space and {@code next} (group 1).
   */
  private static Pattern followedBy(String label, String next) {
    String written =
        Arrays.stream(label.split("-", -1)).map(Pattern::quote).collect(Collectors.joining(HYPHEN));
    return Pattern.compile(
        "(?<![\\p{L}\\p{N}])" + written + "[ \\u00A0]+(" + next + ")(?![\\p{L}\\p{N}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /**
   * Every column a perspective (Индустрия говорит | Кирилл делает): each row sets their statements
   * side by side. They interpret the word the headers share (Метод, Понимание), else the enclosing
   * heading's topic.
   */
  private void perspectiveTable(List<List<String>> rows, List<Perspective> columns) {
    List<Perspective> perspectives = columns.stream().filter(p -> p != null).toList();
    for (int a = 0; a < perspectives.size(); a++) {
      for (int b = a + 1; b < perspectives.size(); b++) {
        relation(
            perspectives.get(a).key(),
            Noema.contrastsWith.getURI(),
            perspectives.get(b).key(),
            perspectives.get(b).header());
      }
    }
    Map<Integer, String> methods = methods(columns);
    String concept = sharedConcept(perspectives);
    if (concept == null) {
      concept =
          sections.stream()
              .filter(section -> !section.keys().isEmpty())
              .map(section -> section.keys().get(0))
              .findFirst()
              .orElse(null);
    }
    for (List<String> row : rows.subList(1, rows.size())) {
      List<String> rowMethods = new ArrayList<>();
      List<String> rowMethodCells = new ArrayList<>();
      for (int j = 0; j < row.size() && j < columns.size(); j++) {
        String cell = row.get(j);
        if (columns.get(j) == null || cell.isBlank()) {
          continue;
        }
        if (concept != null) {
          interpret(concept, columns.get(j), cell);
        }
        String[] split = methods.containsKey(j) ? termAndDefinition(cell) : null;
        if (split != null) {
          String method = entity(split[0], canonical(split[0]), Noema.Method.getURI(), split[0]);
          define(method, split[1]);
          relation(method, Noema.partOf.getURI(), methods.get(j), cell);
          rowMethods.add(method);
          rowMethodCells.add(cell);
        }
      }
      for (int b = 1; b < rowMethods.size(); b++) {
        relation(
            rowMethods.get(0),
            Noema.contrastsWith.getURI(),
            rowMethods.get(b),
            rowMethodCells.get(b));
      }
    }
  }

  /**
   * Columns whose header names a method become methods, used by the perspective (and its holder);
   * they contrast.
   */
  private Map<Integer, String> methods(List<Perspective> columns) {
    Map<Integer, String> methods = new LinkedHashMap<>();
    for (int j = 0; j < columns.size(); j++) {
      Perspective p = columns.get(j);
      if (p != null && lexicon.cue("method").matcher(p.header()).find()) {
        String canonical =
            p.holderCanonical() == null ? canonical(p.header()) : p.holderCanonical() + " method";
        String method = entity(p.header(), canonical, Noema.Method.getURI(), p.header());
        relation(p.key(), Noema.usesMethod.getURI(), method, p.header());
        if (p.holder() != null) {
          relation(p.holder(), Noema.usesMethod.getURI(), method, p.header());
        }
        for (String other : methods.values()) {
          relation(other, Noema.contrastsWith.getURI(), method, p.header());
        }
        methods.put(j, method);
      }
    }
    return methods;
  }

  private void interpret(String concept, Perspective perspective, String cell) {
    interpretations.add(
        new ExtractedInterpretation(
            concept,
            perspective.key(),
            perspective.holder(),
            cell,
            TextRules.language(cell, language),
            cell,
            turn.index(),
            null));
    Map<String, String> seen = interpretedFrom.computeIfAbsent(concept, k -> new LinkedHashMap<>());
    for (Map.Entry<String, String> other : seen.entrySet()) {
      if (!other.getKey().equals(perspective.key())) {
        relation(
            other.getKey(), Noema.contrastsWith.getURI(), perspective.key(), perspective.header());
      }
    }
    seen.putIfAbsent(perspective.key(), perspective.header());
  }

  /** The concept named by a word every perspective header shares, or null. */
  private String sharedConcept(List<Perspective> perspectives) {
    if (perspectives.size() < 2) {
      return null;
    }
    for (String word : TextRules.words(perspectives.get(0).header())) {
      boolean shared =
          word.length() >= 4
              && perspectives.stream()
                  .allMatch(
                      p ->
                          TextRules.words(p.header()).stream()
                              .anyMatch(w -> Text.sameKey(w, word)));
      if (shared) {
        return entity(word, canonical(word), Noema.Concept.getURI(), word);
      }
    }
    return null;
  }

  /**
   * A header that names who holds a view: a group (индустрия), a person named elsewhere in the turn
   * (Кирилл), or an unnamed standard view. Null for an aspect column (Параметр, Что у него есть).
   */
  private Perspective perspective(String header) {
    String[] holder = perspectiveCue(header);
    if (holder == null) {
      return null;
    }
    String holderKey = null;
    String perspectiveCanonical = "standard perspective";
    if (holder[0] != null) {
      boolean group = holder[2] != null;
      holderKey =
          entity(
              holder[0],
              holder[1],
              (group ? Noema.Organization : Noema.Person).getURI(),
              holder[0]);
      perspectiveCanonical = holder[1] + (group ? " perspective" : "'s perspective");
    }
    // A column headed by the holder's name alone ("Popper") names the view after them: the
    // perspective must not carry the person's name as its own label.
    String label =
        holder[0] != null && namesOnly(header, holder[0])
            ? lexicon.viewLabel(language, header.strip())
            : header;
    String key = entity(label, perspectiveCanonical, Noema.Perspective.getURI(), header);
    return new Perspective(key, holderKey, holder[0] == null ? null : holder[1], header);
  }

  /**
   * Whether every word of {@code header} is a word of the holder's name ("Popper", "Karl Popper").
   */
  private static boolean namesOnly(String header, String name) {
    List<String> names = TextRules.words(name);
    List<String> words = TextRules.words(header);
    return !words.isEmpty()
        && words.stream().allMatch(w -> names.stream().anyMatch(n -> Text.sameKey(w, n)));
  }

  /**
   * {label, canonical, "group" or null} of the holder a header names, {null, null, null} for a
   * standard view, or null.
   */
  private String[] perspectiveCue(String header) {
    Matcher group = lexicon.cue("group").matcher(header);
    if (group.find()) {
      return new String[] {group.group(), canonical(group.group()), "group"};
    }
    for (String word : TextRules.capitalisedWords(header, 0)) {
      String[] person = personName(word);
      if (person != null && !possessedThing(header, word)) {
        return new String[] {person[0], person[1], null};
      }
    }
    return lexicon.cue("standard").matcher(header).find() ? new String[] {null, null, null} : null;
  }

  /**
   * Whether a header names a thing of the person ("Julia Child's boeuf bourguignon") rather than
   * their view ("Dennett's view"): a possessive followed by no view word.
   */
  private boolean possessedThing(String header, String word) {
    String name = word.replaceFirst("['’]s$", "");
    Matcher possessive = Pattern.compile(Pattern.quote(name) + "['’]s\\b(.*)").matcher(header);
    return possessive.find() && !lexicon.cue("view").matcher(possessive.group(1)).find();
  }

  /**
   * An analogy cue in a sentence makes an analogy, labelled by the clause after the cue; the
   * persons named in that clause are mentioned by it.
   */
  private void analogy(String sentence) {
    Matcher cue = lexicon.cue("analogy").matcher(sentence);
    if (!cue.find()) {
      return;
    }
    String clause = TextRules.clause(sentence, cue.end());
    List<String> words = TextRules.words(clause);
    List<String[]> persons = new ArrayList<>();
    for (String word : TextRules.capitalisedWords(clause, 0)) {
      String[] person = personName(word);
      if (person != null) {
        persons.add(person);
      }
    }
    if (words.isEmpty() || persons.isEmpty()) {
      // An analogy is drawn to someone's work or thought; "like a cache" is a figure of speech.
      return;
    }
    String label =
        String.join(" ", words.subList(0, Math.min(words.size(), MAX_ANALOGY_LABEL_WORDS)));
    // Labelled as written: the clause often starts with the name it is drawn to ("Фейнман
    // понимал").
    String analogy = entity(label, label, Noema.Analogy.getURI(), sentence);
    define(analogy, sentence);
    for (String[] person : persons) {
      String key = entity(person[0], person[1], Noema.Person.getURI(), person[2]);
      relation(analogy, Noema.mentionsPerson.getURI(), key, sentence);
    }
  }

  /**
   * {label, canonical, the word as written} when a capitalised word names a person: listed with a
   * capitalised canonical name in the lexicon (Лейбниц), or a person the conversation names (an
   * inflected form, Кирилла, is read by its stem).
   */
  private String[] personName(String word) {
    String listed = lexicon.canonical(word);
    if (listed != null && Character.isUpperCase(listed.charAt(0))) {
      return new String[] {word, listed, word};
    }
    ConversationTerms.Term person = terms.person(word, turn.index());
    return person == null ? null : new String[] {person.label(), person.canonical(), word};
  }

  /** The conversation's modules named in a text, each part of {@code consensus}. */
  private void modules(String text, String consensus) {
    for (String name : TextRules.moduleNames(text, lexicon, 1)) {
      if (terms.modules().contains(name)) {
        String module = entity(name, name, Noema.CognitiveModule.getURI(), name);
        relation(module, Noema.partOf.getURI(), consensus, text);
      }
    }
  }

  /**
   * The entities named in each unit of the turn (a sentence, a list item, a table cell), and {@code
   * relatedTo} between two named in one unit when the conversation holds that they co-occur more
   * than chance; weighted by the units of this turn that name both.
   */
  private void cooccurrences() {
    for (ConversationTerms.Unit unit : terms.units(turn.index())) {
      List<String> keys = new ArrayList<>();
      List<ConversationTerms.Term> named = new ArrayList<>();
      for (ConversationTerms.Mention m : unit.mentions()) {
        String key = entity(m.term(), m.surface(), unit.quote());
        if (!keys.contains(key)) {
          keys.add(key);
          named.add(m.term());
        }
      }
      for (int a = 0; a < keys.size(); a++) {
        for (int b = a + 1; b < keys.size(); b++) {
          if (terms.related(named.get(a).key(), named.get(b).key())) {
            relation(keys.get(a), Noema.relatedTo.getURI(), keys.get(b), unit.quote());
          }
        }
      }
    }
  }

  // ---- drafts ----

  /**
   * The key of the entity with this canonical label, created if new. A later, more specific type (a
   * module or a method where a plain concept was seen) replaces Concept; otherwise the first type
   * stays, and the label as written becomes an alias when it differs.
   */
  private String entity(String label, String canonical, String type, String evidence) {
    String key = "t" + turn.index() + "/" + terms.labelKey(canonical);
    Draft existing = entities.get(key);
    if (existing == null) {
      entities.put(
          key,
          new Draft(key, label, canonical, type, new LinkedHashSet<>(), new String[1], evidence));
    } else {
      if (!existing.label().equals(label)) {
        existing.aliases().add(label);
      }
      if (existing.type().equals(Noema.Concept.getURI()) && !type.equals(existing.type())) {
        entities.put(
            key,
            new Draft(
                key,
                existing.label(),
                existing.canonical(),
                type,
                existing.aliases(),
                existing.definition(),
                existing.evidence()));
      }
    }
    return key;
  }

  /** The key of the entity a term names, its surface form here an alias when it differs. */
  private String entity(ConversationTerms.Term term, String surface, String evidence) {
    String key = entity(term.label(), term.canonical(), term.type(), evidence);
    Draft d = entities.get(key);
    for (String alias : term.aliases()) {
      if (!alias.equals(d.label())) {
        d.aliases().add(alias);
      }
    }
    if (!surface.equals(d.label()) && !terms.labelKey(surface).equals(terms.labelKey(d.label()))) {
      d.aliases().add(surface);
    }
    if (term.definition() != null && Quotes.occursIn(term.definition(), turn.text())) {
      define(key, term.definition());
    }
    return key;
  }

  private void define(String key, String definition) {
    Draft d = entities.get(key);
    if (d.definition()[0] == null && !definition.isBlank()) {
      d.definition()[0] = definition.strip();
    }
  }

  private void relation(String subject, String predicate, String object, String evidence) {
    if (subject.equals(object)) {
      return;
    }
    boolean symmetric =
        predicate.equals(Noema.relatedTo.getURI())
            || predicate.equals(Noema.contrastsWith.getURI());
    String s = symmetric && subject.compareTo(object) > 0 ? object : subject;
    String o = s.equals(subject) ? object : subject;
    RelationDraft existing =
        relations.putIfAbsent(
            s + "\n" + predicate + "\n" + o,
            new RelationDraft(s, predicate, o, evidence, STRUCTURAL_CONFIDENCE, new int[] {1}));
    if (existing != null) {
      existing.weight()[0]++;
    }
  }

  private String canonical(String label) {
    String listed = lexicon.canonical(label);
    // No English name known: the label itself, not its folded key, which would be shown as a name.
    return listed != null ? listed : TextRules.sentenceCase(label);
  }

  // ---- Markdown helpers ----

  /**
   * {term, definition} of "term: definition" or "term — definition" with a term of one to six
   * words, or null.
   */
  static String[] termAndDefinition(String text) {
    int colon = text.indexOf(':');
    int dash = text.indexOf(" — ");
    int at = colon > 0 && (dash < 0 || colon < dash) ? colon : dash;
    if (at <= 0) {
      return null;
    }
    String term = TextRules.cleanLabel(text.substring(0, at));
    String definition = text.substring(at + (at == colon ? 1 : 3)).strip();
    int words = TextRules.words(term).size();
    return words >= 1 && words <= MAX_PHRASE_WORDS && !definition.isEmpty()
        ? new String[] {term, definition}
        : null;
  }

  /** Header row first, then body rows; each row its cells' plain text. */
  private static List<List<String>> rows(TableBlock table) {
    return rows(table, TurnScan::text);
  }

  /** The table's rows, header first, each cell read by {@code read}. */
  private static List<List<String>> rows(TableBlock table, Function<Node, String> read) {
    List<List<String>> rows = new ArrayList<>();
    for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
      if (section instanceof TableHead || section instanceof TableBody) {
        for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
          if (row instanceof TableRow) {
            List<String> cells = new ArrayList<>();
            for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
              cells.add(read.apply(cell).strip());
            }
            rows.add(cells);
          }
        }
      }
    }
    return rows;
  }

  /** The text a reader sees: literal text and code, line breaks as spaces, markup dropped. */
  static String text(Node node) {
    return ConversationTerms.quote(plainText(node));
  }

  /**
   * {@link #text} with each code span marked ({@link ConversationTerms#markCode}), so the term
   * rules can leave code out.
   */
  static String plainText(Node node) {
    StringBuilder out = new StringBuilder();
    walk(
        node,
        n -> {
          if (n instanceof org.commonmark.node.Text text) {
            out.append(keyCombinationsAsCode(text.getLiteral()));
          } else if (n instanceof Code code) {
            out.append(ConversationTerms.markCode(code.getLiteral()));
          } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
            out.append(' ');
          }
        });
    return out.toString();
  }

  /** Modifiers joined by "+", then a last key: one character, F1-F24 or a named key. */
  private static Pattern keyCombination(String modifiers, String keyNames) {
    return Pattern.compile(
        "(?<![\\p{L}\\p{N}])(?:"
            + modifiers
            + ")(?:\\s*\\+\\s*(?:"
            + modifiers
            + "))*\\s*\\+\\s*(?:[\\p{L}\\p{N}]|F[0-9]{1,2}|"
            + keyNames
            + ")(?![\\p{L}\\p{N}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** The lines of a data file of this package ({@link Lexicon#lines}) as a quoted alternation. */
  private static String alternation(String resource) {
    return String.join(
        "|", Lexicon.lines(resource).stream().map(String::strip).map(Pattern::quote).toList());
  }

  /** {@code text} with each key combination ("Ctrl+C") marked as code. */
  static String keyCombinationsAsCode(String text) {
    // Most text has no "+": the pattern, tried at every position, had halved the extractor's speed.
    if (text.indexOf('+') < 0) {
      return text;
    }
    Matcher m = KEY_COMBINATION.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    do {
      m.appendReplacement(out, Matcher.quoteReplacement(ConversationTerms.markCode(m.group())));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }

  /** Visits {@code node} and its descendants depth-first, in document order. */
  static void walk(Node node, java.util.function.Consumer<Node> action) {
    action.accept(node);
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      walk(child, action);
    }
  }
}
