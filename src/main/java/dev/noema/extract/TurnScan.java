package dev.noema.extract;

import dev.noema.conversation.Turn;
import dev.noema.ontology.Noema;
import dev.noema.text.Text;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;

/**
 * One turn read by the structural extractor: walks the turn's commonmark tree once to learn its
 * proper names and table concepts, then again to collect entities, relations and interpretations.
 * Each quote it cites is the plain text of a node (a cell, a heading, an emphasised phrase, a
 * sentence), so it occurs in the turn once Markdown markers are ignored, which is how {@link
 * Quotes} compares. Not thread-safe: one instance per turn, used once.
 */
final class TurnScan {
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

  private record Section(int level, String key) {}

  private final Turn turn;
  private final Lexicon lexicon;
  private final Map<String, Draft> entities = new LinkedHashMap<>();
  private final Map<String, RelationDraft> relations = new LinkedHashMap<>();
  private final List<ExtractedInterpretation> interpretations = new ArrayList<>();

  /** The turn's proper-name candidates by {@link TextRules#stem}: the shortest form of each. */
  private final Map<String, String> properNames = new HashMap<>();

  /**
   * First-column labels of concept tables (folded) to the label of the concept they are read as.
   */
  private final Map<String, String> rowConcepts = new HashMap<>();

  /**
   * Concept key to the perspectives that interpreted it so far, with the header that named each.
   */
  private final Map<String, Map<String, String>> interpretedFrom = new HashMap<>();

  /** Units of co-occurrence: a sentence, or the cells of one table row. */
  private final List<List<String>> units = new ArrayList<>();

  private final Deque<Section> sections = new ArrayDeque<>();

  TurnScan(Turn turn, Lexicon lexicon) {
    this.turn = turn;
    this.lexicon = lexicon;
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
    cooccurrences();
    String language = TextRules.language(turn.text());
    for (Draft d : entities.values()) {
      outEntities.add(
          new ExtractedEntity(
              d.key(),
              d.label(),
              TextRules.language(d.label()).equals("und")
                  ? language
                  : TextRules.language(d.label()),
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

  // ---- first pass: proper names and the concepts of table rows ----

  private void learn(Node document) {
    List<String> labels = new ArrayList<>();
    walk(
        document,
        node -> {
          if (node instanceof Paragraph || node instanceof TableCell) {
            for (String name : TextRules.properNameCandidates(plainText(node))) {
              properNames.merge(TextRules.stem(name), name, TurnScan::shorter);
            }
          }
        });
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
    for (String label : labels) {
      List<String> words = TextRules.words(Text.key(label));
      String best = label;
      for (String other : labels) {
        List<String> otherWords = TextRules.words(Text.key(other));
        if (otherWords.size() < words.size()
            && !otherWords.isEmpty()
            && words.subList(0, otherWords.size()).equals(otherWords)
            && otherWords.size() < TextRules.words(Text.key(best)).size()) {
          best = other;
        }
      }
      rowConcepts.put(Text.key(label), best);
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
        listItem(plainText(first));
      }
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        visit(child);
      }
    }
  }

  /** A heading is a topic, part of the nearest enclosing heading's topic. */
  private void heading(Heading heading) {
    String text = plainText(heading);
    modules(text, null);
    String label = TextRules.cleanLabel(text);
    if (label.isEmpty()) {
      return;
    }
    String key = entity(label, canonical(label), Noema.Concept.getURI(), label);
    while (!sections.isEmpty() && sections.peek().level() >= heading.getLevel()) {
      sections.pop();
    }
    if (!sections.isEmpty()) {
      relation(key, Noema.partOf.getURI(), sections.peek().key(), label);
    }
    sections.push(new Section(heading.getLevel(), key));
  }

  private void paragraph(Paragraph paragraph) {
    String text = plainText(paragraph);
    emphasis(paragraph);
    modules(text, null);
    for (String sentence : TextRules.sentences(text)) {
      analogy(sentence);
      units.add(List.of(sentence));
    }
  }

  /** {@code term: definition} or {@code term — definition} gives a concept with its definition. */
  private void listItem(String text) {
    String[] split = termAndDefinition(text);
    if (split == null) {
      return;
    }
    boolean consensus = TextRules.CONSENSUS.matcher(split[0]).find();
    String key =
        entity(
            split[0],
            canonical(split[0]),
            (consensus ? Noema.ModuleConsensus : Noema.Concept).getURI(),
            split[0]);
    define(key, split[1]);
    if (consensus) {
      modules(text, key);
    }
  }

  private void table(TableBlock table) {
    List<List<String>> rows = rows(table);
    if (rows.isEmpty()) {
      return;
    }
    walk(
        table,
        node -> {
          if (node instanceof TableCell cell) {
            emphasis(cell);
            modules(plainText(cell), null);
          }
        });
    List<String> header = rows.get(0);
    List<Perspective> columns = new ArrayList<>();
    for (String cell : header) {
      columns.add(perspective(cell));
    }
    if (columns.get(0) == null) {
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
    for (List<String> row : rows.subList(1, rows.size())) {
      String label = TextRules.cleanLabel(row.get(0));
      if (label.isEmpty()) {
        continue;
      }
      String shared = rowConcepts.getOrDefault(Text.key(label), label);
      String type =
          (TextRules.CONSENSUS.matcher(label).find() ? Noema.ModuleConsensus : Noema.Concept)
              .getURI();
      String concept = entity(shared, canonical(shared), type, shared);
      if (!shared.equals(label)) {
        relation(
            entity(label, canonical(label), type, label), Noema.broader.getURI(), concept, label);
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
        if (type.equals(Noema.ModuleConsensus.getURI())) {
          modules(cell, concept);
        }
      }
      units.add(row);
    }
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
    if (concept == null && !sections.isEmpty()) {
      concept = sections.peek().key();
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
      units.add(row);
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
      if (p != null && TextRules.METHOD.matcher(p.header()).find()) {
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
            TextRules.language(cell),
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
    String key = entity(header, perspectiveCanonical, Noema.Perspective.getURI(), header);
    return new Perspective(key, holderKey, holder[0] == null ? null : holder[1], header);
  }

  /**
   * {label, canonical, "group" or null} of the holder a header names, {null, null, null} for a
   * standard view, or null.
   */
  private String[] perspectiveCue(String header) {
    Matcher group = TextRules.GROUP.matcher(header);
    if (group.find()) {
      return new String[] {group.group(), canonical(group.group()), "group"};
    }
    for (String word : TextRules.capitalisedWords(header, 0)) {
      String[] person = personName(word);
      if (person != null) {
        return new String[] {person[0], person[1], null};
      }
    }
    return TextRules.STANDARD.matcher(header).find() ? new String[] {null, null, null} : null;
  }

  /**
   * An analogy cue in a sentence makes an analogy, labelled by the clause after the cue; the
   * persons named in that clause are mentioned by it.
   */
  private void analogy(String sentence) {
    Matcher cue = TextRules.ANALOGY.matcher(sentence);
    if (!cue.find()) {
      return;
    }
    String clause = TextRules.clause(sentence, cue.end());
    List<String> words = TextRules.words(clause);
    if (words.isEmpty()) {
      return;
    }
    String label =
        String.join(" ", words.subList(0, Math.min(words.size(), MAX_ANALOGY_LABEL_WORDS)));
    String analogy = entity(label, Text.key(label), Noema.Analogy.getURI(), sentence);
    define(analogy, sentence);
    for (String word : TextRules.capitalisedWords(clause, 0)) {
      String[] person = personName(word);
      if (person != null) {
        String key = entity(person[0], person[1], Noema.Person.getURI(), word);
        relation(analogy, Noema.mentionsPerson.getURI(), key, sentence);
      }
    }
  }

  /**
   * {label, canonical} when a capitalised word is a person's name: listed in the lexicon, or
   * capitalised in the middle of a sentence somewhere in the turn. A word is read as the shortest
   * form of the turn's names that has its stem, so an inflected form (Кирилла) is the base form
   * (Кирилл) when that form occurs in the turn too.
   */
  private String[] personName(String word) {
    String listed = lexicon.canonical(word);
    if (listed != null && Character.isUpperCase(listed.charAt(0))) {
      return new String[] {word, listed};
    }
    String name = properNames.get(TextRules.stem(word));
    return name == null ? null : new String[] {name, name};
  }

  /** The shorter of two forms of a name; the alphabetically first of two as long. */
  private static String shorter(String a, String b) {
    int byLength = Integer.compare(a.length(), b.length());
    return byLength < 0 || (byLength == 0 && a.compareTo(b) <= 0) ? a : b;
  }

  /**
   * Emphasised phrases of up to six words are key concepts (module names excepted: they have their
   * own rule).
   */
  private void emphasis(Node container) {
    walk(
        container,
        node -> {
          if (node instanceof StrongEmphasis || node instanceof Emphasis) {
            String label = TextRules.cleanLabel(plainText(node));
            int words = TextRules.words(label).size();
            if (label.length() >= 3
                && words >= 1
                && words <= MAX_PHRASE_WORDS
                && TextRules.moduleNames(label, lexicon).isEmpty()) {
              entity(label, canonical(label), Noema.Concept.getURI(), label);
            }
          }
        });
  }

  /** Module names in a text; part of {@code consensus} when given. */
  private void modules(String text, String consensus) {
    for (String name : TextRules.moduleNames(text, lexicon)) {
      String module = entity(name, name, Noema.CognitiveModule.getURI(), name);
      if (consensus != null) {
        relation(module, Noema.partOf.getURI(), consensus, text);
      }
    }
  }

  /**
   * Concepts, modules, methods and persons found in one sentence or table row are related, weighted
   * by count.
   */
  private void cooccurrences() {
    Set<String> eligible =
        Set.of(
            Noema.Concept.getURI(),
            Noema.CognitiveModule.getURI(),
            Noema.ModuleConsensus.getURI(),
            Noema.Method.getURI(),
            Noema.Person.getURI());
    Map<String, String> labels = new LinkedHashMap<>();
    for (Draft d : entities.values()) {
      String label = Quotes.normalize(d.label());
      if (eligible.contains(d.type()) && label.length() >= 3) {
        labels.put(d.key(), label);
      }
    }
    for (List<String> unit : units) {
      Map<String, String> found = new LinkedHashMap<>();
      for (String part : unit) {
        String normal = Quotes.normalize(part);
        labels.forEach(
            (key, label) -> {
              if (normal.contains(label)) {
                found.putIfAbsent(key, part);
              }
            });
      }
      List<String> keys = new ArrayList<>(found.keySet());
      for (int a = 0; a < keys.size(); a++) {
        for (int b = a + 1; b < keys.size(); b++) {
          relation(keys.get(a), Noema.relatedTo.getURI(), keys.get(b), found.get(keys.get(b)));
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
    String key = "t" + turn.index() + "/" + Text.key(canonical);
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
    return listed != null ? listed : Text.key(label);
  }

  // ---- Markdown helpers ----

  /**
   * {term, definition} of "term: definition" or "term — definition" with a term of one to six
   * words, or null.
   */
  private static String[] termAndDefinition(String text) {
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
    List<List<String>> rows = new ArrayList<>();
    for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
      if (section instanceof TableHead || section instanceof TableBody) {
        for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
          if (row instanceof TableRow) {
            List<String> cells = new ArrayList<>();
            for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
              cells.add(plainText(cell).strip());
            }
            rows.add(cells);
          }
        }
      }
    }
    return rows;
  }

  /** The text a reader sees: literal text and code, line breaks as spaces, markup dropped. */
  static String plainText(Node node) {
    StringBuilder out = new StringBuilder();
    walk(
        node,
        n -> {
          if (n instanceof org.commonmark.node.Text text) {
            out.append(text.getLiteral());
          } else if (n instanceof Code code) {
            out.append(code.getLiteral());
          } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
            out.append(' ');
          }
        });
    return out.toString();
  }

  /** Visits {@code node} and its descendants depth-first, in document order. */
  private static void walk(Node node, java.util.function.Consumer<Node> action) {
    action.accept(node);
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      walk(child, action);
    }
  }
}
