package dev.noema.extract;

import dev.noema.conversation.Turn;
import dev.noema.ontology.Noema;
import dev.noema.text.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;

/**
 * The first pass of the structural extractor over a whole conversation: which spans name something.
 * It reads every turn on the active branch, detects each turn's language, splits the prose (code
 * spans and code blocks left out) into units (sentences, list items, table cells), and counts the
 * candidate terms in them by their stems (Lucene's Snowball stemmer of the turn's language), so
 * that "acorde" and "acordes" are one term. A candidate becomes an entity ({@link Term}) only with
 * evidence that it names something:
 *
 * <ul>
 *   <li>a name in the gazetteer ({@code lang/names.tsv}), typed from it;
 *   <li>a capitalised name of two or more words inside a sentence (a person when its first word is
 *       a given name or a person cue stands beside it, an organization when an organization word is
 *       in it or before it); one capitalised word needs two mentions inside sentences (not in
 *       German, which capitalises every noun), or is the family name of a person already named;
 *   <li>a defined term ("X is a ...", "term: definition" list items, an article before the term
 *       left out; "phrase (ABBR)", the abbreviation an alias of the phrase's entity);
 *   <li>a subject of a heading or the title: a part between separators, whole and without a generic
 *       head ("The hard problem of consciousness", "bases de l'hygiène du sommeil"); the title and
 *       a heading of several parts count as one mention of it;
 *   <li>a word or phrase of the title that two turns repeat, unless a common word of the language;
 *   <li>a term repeated: two words or more mentioned in two turns or three times, one word three
 *       times across two turns, or an emphasised term mentioned again;
 *   <li>never a code identifier (underscores, dots, digits, lower camel case, or inner capitals of
 *       a word that appears in the conversation's code), never a term made only of stop or generic
 *       words of the language ({@link LanguageProfile}), never an upper-case acronym unless an
 *       abbreviation defines it.
 * </ul>
 *
 * A name is typed by the class words beside it ("the city of Osaka", "Anki, a flashcard program")
 * or inside it ("Boston Marathon"), and by the header of the table column it fills when that header
 * is a class word alone ("City", "Город").
 *
 * <p>Upper-case names are {@code CognitiveModule}s when the conversation treats them as modules: a
 * unit naming them sits beside a module cue (in itself, in the paragraph that introduces its list,
 * in its table's header or heading); once a module, a name is one everywhere in the conversation.
 *
 * <p>It also counts, over the conversation's units, which entities co-occur: {@link #related} holds
 * the pairs that co-occur more often than chance (positive pointwise mutual information over
 * units). Statistics are per conversation: the extractor sees one conversation at a time, so a word
 * common across the knowledge base but rare in the conversation is judged by the stop lists alone.
 *
 * <p>Not thread-safe: one instance per conversation extraction.
 */
final class ConversationTerms {
  private static final int MAX_TERM_WORDS = 4;
  private static final int MAX_DEFINED_WORDS = 6;
  private static final int MIN_MODULE_LETTERS = 4;

  /**
   * The most function words a heading's part may lose at its edges and still name its subject: "The
   * hard problem of consciousness", "How does asyncio work" name one; "Потому что он не ограничен
   * тем, что" is a sentence, and what is left of it ("ограничен") names nothing. Measured: 2 gives
   * one more gold centre on each corpus than no limit, and 0 or 1 lose gold entities.
   */
  private static final int MAX_TRIMMED_WORDS = 2;

  /**
   * How specific ({@link LanguageProfile#specificity}) one word of the title must be to name the
   * subject: not among the most common quarter of its language's common words.
   */
  private static final double MIN_TITLE_WORD_SPECIFICITY = 0.5;

  /**
   * How often a phrase of everyday words ({@link #everydayPhrase}) must be written to be a term
   * when nothing marks or defines it; any other phrase needs three mentions, or two in different
   * turns. Measured on the development corpus (its gold and two readers' verdicts): with three, one
   * gold centre fewer than before; with four, the same gold centres and five more that readers keep
   * of the 80.
   */
  private static final int EVERYDAY_PHRASE_MENTIONS = 4;

  /** What separates a label's words: spaces, and the apostrophe of an elision ("l'activation"). */
  private static final Pattern WORDS_AND_ELISIONS = Pattern.compile("[\\s'’]+");

  private static final char CODE_START = '\uE000';
  private static final char CODE_END = '\uE001';
  private static final String BARRIER = " \uE002 ";

  private static final Pattern POSSESSIVE_S = Pattern.compile("['’]s$");
  private static final Pattern INITIAL_DOT_GAP = Pattern.compile("\\.\\s+");

  /** A year in brackets right after a title: "(1962)", "( c. 1610". */
  private static final Pattern TITLE_YEAR = Pattern.compile("\\s*\\(\\s*(?:c\\.\\s*)?\\d{4}");

  /**
   * The word right before a title, in its sentence (group 1), with its possessive "'s" (group 2):
   * "Thomas Kuhn's ", "leur livre ".
   */
  private static final Pattern LAST_WORD = Pattern.compile("(\\p{L}+)(['’]s)?\\s*$");

  /** A volume's numeral ending a title ("Genki I", "Genki II"). */
  private static final Pattern VOLUME = Pattern.compile("[IVX]{1,4}|\\d{1,2}");

  /** The longest word a title leaves in lower case in any language ("of", "der", "des", "and"). */
  private static final int TITLE_SHORT_WORD = 3;

  /** What stands between a defined term and its copula or definition ("Anki is", "Term : "). */
  private static final Pattern DEFINITION_LEAD = Pattern.compile("[\\s:\u2013\u2014-]*");

  /** How much text after a name its cues are looked for in (a verb, an apposition). */
  private static final int AFTER_NAME = 48;

  /** The words of a noun phrase before its head class word, its article not counted. */
  private static final int HEAD_WORDS = 2;

  /** What follows a class word: a hyphen (group 1) or the next word (group 2), if any. */
  private static final Pattern NEXT_WORD = Pattern.compile("(-)|\\s+(\\p{L}[\\p{L}'’]*)");

  private static final Pattern HEAD_WORD = Pattern.compile("(\\p{L}[\\p{L}'’-]*)\\s+");

  /**
   * What joins the words of one name: an ampersand ("Procter & Gamble", "AT&T"). A plus does not:
   * "Meta + Google" are two names, and a key combination is no name at all.
   */
  private static final Pattern JOINING_GAP = Pattern.compile("\\s*&\\s*");

  private static final Pattern SENTENCE_GAP = Pattern.compile(".*[.!?:;\"“«(\\uE002].*");
  private static final Pattern TRAILING_DOTS = Pattern.compile("\\.+$");

  /** A word's start before an apostrophe followed by a vowel or h: an elided article's place. */
  private static final Pattern ELIDED =
      Pattern.compile(
          "(\\p{L}{1,6})['’](?=[aeiouyhàáâäèéêëìíîïòóôöùúûü])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  static final Pattern TOKEN =
      Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\p{M}'’_./\\\\-]*[\\p{L}\\p{N}\\p{M}])?");
  private static final Pattern CODE_REGION =
      Pattern.compile(CODE_START + "[^" + CODE_END + "]*" + CODE_END);
  private static final Pattern CAPS_NAME = Pattern.compile("[A-Z]{" + MIN_MODULE_LETTERS + ",}");
  private static final Pattern ABBREVIATION =
      Pattern.compile(
          "([\\p{L}][\\p{L}\\p{M}'’ -]{2,80}?)\\s*\\((\\p{Lu}[\\p{Lu}\\p{Ll}-]{1,7})\\)");

  /** The bracketed part of {@link #ABBREVIATION}, without which it cannot match. */
  private static final Pattern ABBREVIATED =
      Pattern.compile("\\((\\p{Lu}[\\p{Lu}\\p{Ll}-]{1,7})\\)");

  /** A cell's figure: a number, with or without a currency, sign or unit around it. */
  private static final Pattern FIGURE = Pattern.compile("^\\W{0,3}\\p{N}");

  private static final Pattern NUMBER = Pattern.compile("\\p{N}+(?:[.,]\\p{N}+)*");
  private static final Pattern CODE_CHARACTER = Pattern.compile(".*[_./\\\\\\p{N}].*");
  private static final Pattern LOWER_CAMEL_CASE = Pattern.compile("\\p{Ll}+\\p{Lu}.*");
  private static final Pattern PATH_GAP = Pattern.compile("(?s).*(?:-|/|\\\\|\\.)$");
  private static final Pattern CODE_BLOCKS = Pattern.compile("(?s)```.*?(?:```|$)|`[^`\\n]*`");

  /** What separates the subjects of a heading or title besides the language's subject-split cue. */
  private static final Pattern SUBJECT_PUNCTUATION =
      Pattern.compile("\\s*[:;,?!()–—|/]\\s*|\\s+-\\s+");

  private static final Pattern HEADING_NUMBERING =
      Pattern.compile("^[^\\p{L}\\p{N}]*(?:[IVX]+\\.|\\p{N}+[.)]?)?\\s*");
  private static final Set<String> NAME_PARTICLES =
      Set.of(
          "von", "van", "de", "der", "den", "del", "di", "da", "du", "la", "le", "y", "d", "dell");

  /** An entity the conversation gives evidence for. */
  record Term(
      String key,
      String canonical,
      String label,
      String type,
      Set<String> aliases,
      String definition) {}

  /** An entity named in a unit, at token positions [from, to). */
  record Mention(Term term, String surface) {}

  /** A run of prose: a sentence, a list item's sentence, a table cell. */
  record Unit(int turn, String quote, List<Token> tokens, List<Mention> mentions) {}

  /**
   * An occurrence of a word in prose; null in a token list stands for a barrier (punctuation,
   * code).
   *
   * @param code whether the word is code, or follows a path or flag separator ("-", "/", ".")
   */
  record Token(Word word, boolean code, boolean sentenceStart, int start, int end) {
    String surface() {
      return word.surface();
    }

    String folded() {
      return word.folded();
    }

    String stem() {
      return word.stem();
    }

    boolean capitalised() {
      return word.capitalised();
    }

    boolean possessive() {
      return word.bare().length() < word.surface().length();
    }

    boolean upper() {
      return word.upper();
    }

    boolean stop() {
      return word.stop();
    }

    boolean generic() {
      return word.generic();
    }
  }

  /**
   * What a word is in a language, whatever its place: one per distinct word of the conversation,
   * since stemming and folding are most of the first pass's cost and a conversation repeats its
   * words.
   *
   * @param bare the surface without a possessive "'s", as a term's last word is counted
   * @param code whether the word itself is code ({@link #isCode})
   * @param elision how the word splits when it starts with an elided article, or null
   */
  private record Word(
      String surface,
      String bare,
      String folded,
      String stem,
      boolean capitalised,
      boolean upper,
      boolean stop,
      boolean generic,
      boolean code,
      Elision elision) {}

  /**
   * A word that starts with an elided article or preposition ("l'activation"), split in two ({@link
   * #elision}) unless it is capitalised like a name inside a sentence.
   *
   * @param name whether the article and the rest are both capitalised ("D'Amato", "L'Oréal")
   */
  private record Elision(Word article, Word rest, boolean name) {}

  /**
   * What the text between two words is, kept per distinct text: a conversation's gaps are mostly a
   * few, a space or a punctuation mark and a space.
   *
   * @param initialDot a dot after an initial ("J. S. Bach")
   * @param joining "&" or "+" joining two words into one term ("R&D")
   * @param sentenceEnd punctuation after which a word starts anew (. ! ? : ; a quote, a bracket,
   *     code)
   * @param separator a path or flag separator at its end ("-", "/", "\\", ".")
   */
  private record Gap(
      boolean blank, boolean initialDot, boolean joining, boolean sentenceEnd, boolean separator) {}

  /** A node of the trie of term keys: the terms whose keys continue with each next stem. */
  private static final class TermTrie {
    final Map<String, TermTrie> next = new HashMap<>();
    Term term;
  }

  /**
   * A run of words by identity (one {@link Word} per distinct word as written), under which what it
   * is {@link Written} as is kept: the first pass counts every span of up to four words, and need
   * not build their keys and surfaces again for those seen before.
   */
  private static final class Span {
    private final Word[] words;
    private final int hash;

    Span(List<Token> tokens) {
      words = new Word[tokens.size()];
      int h = 1;
      for (int i = 0; i < words.length; i++) {
        words[i] = tokens.get(i).word();
        h = 31 * h + System.identityHashCode(words[i]);
      }
      hash = h;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Span other) || other.words.length != words.length) {
        return false;
      }
      for (int i = 0; i < words.length; i++) {
        if (words[i] != other.words[i]) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** The candidate a span names and the count of its surface form there. */
  private record Written(Candidate candidate, int[] seen) {}

  private static final class Candidate {
    /** Each surface form with how often it was seen (a one-element array, counted in place). */
    final Map<String, int[]> surfaces = new LinkedHashMap<>();

    final List<int[]> occurrences = new ArrayList<>();
    int words;
    int count;
    int midSentenceNames;
    boolean emphasised;
    boolean inHeading;
    boolean personCue;
    boolean organizationCue;
    boolean allCaps;

    /**
     * The type a class word beside a name gives it ("the city of Osaka", "Anki, a flashcard
     * program", "Boston Marathon"), or null; the first seen stays.
     */
    String classCue;

    /** The title in italics it was written as, article included, or null: then its label. */
    String title;

    /** Occurrences starting with a generic word right after a number ("20 Minuten Verspätung"). */
    int afterNumber;

    String definition;
    String language;
  }

  private final Lexicon lexicon;
  private final boolean sureOnly;
  private final Map<Integer, String> languages = new HashMap<>();
  private final Map<String, UnaryOperator<String>> stemmers = new HashMap<>();

  /** Per language, each word as written to what it is; filled after the code words are known. */
  private final Map<String, Map<String, Word>> words = new HashMap<>();

  private final Map<String, Gap> gaps = new HashMap<>();
  private final Map<String, Candidate> candidates = new HashMap<>();
  private final Map<Span, Written> spans = new HashMap<>();
  private final Map<String, String> abbreviations = new HashMap<>();
  private final Set<String> codeWords = new HashSet<>();

  /**
   * Whether a text that introduces blocks (a heading, a paragraph before a list, a table's header)
   * holds a module cue: asked again for every cell and item under it.
   */
  private final Map<String, Boolean> moduleCued = new HashMap<>();

  private final Map<String, String> labelKeys = new HashMap<>();
  private final Map<String, Boolean> organizationWords = new HashMap<>();

  /** Each word's type as a class word, or "", by language and word ({@link #classOf}). */
  private final Map<String, Map<String, String>> classWords = new HashMap<>();

  /**
   * The titles in italics of the block being read ({@link #titleWords}): a name inside one is part
   * of it ("Scientific Revolutions" in "The Structure of Scientific Revolutions"), not a name of
   * its own.
   */
  private final List<String> blockTitles = new ArrayList<>();

  private final Set<String> headingKeys = new HashSet<>();

  /**
   * The units that label a table's row of figures: the row's name, not a mention of it. "Heavy
   * firm" heading a row of prices is a term only when the prose names it often enough as well; the
   * unit stays, so that a term decided elsewhere is still found there.
   */
  private final Set<Integer> rowLabels = new HashSet<>();

  /** The title's words and phrases, each with the longer phrases of the title that hold it. */
  private final Map<String, Set<String>> titlePhrases = new HashMap<>();

  private final Set<String> subjects = new HashSet<>();

  /** The subjects that the title or a heading of several parts names: a mention of each. */
  private final Set<String> namedSubjects = new HashSet<>();

  private final Set<String> modules = new LinkedHashSet<>();
  private final List<Unit> units = new ArrayList<>();
  private final Map<Integer, List<Unit>> unitsByTurn = new HashMap<>();
  private final Map<String, Term> terms = new HashMap<>();

  /** Each term's mentions outside the longer terms accepted before it, by its key. */
  private final Map<String, Integer> mentionsOutsideLongerTerms = new HashMap<>();

  /** The terms by the stems of their words, to find the longest term along a run of words. */
  private final TermTrie termTrie = new TermTrie();

  private final Map<String, Map<String, Integer>> related = new HashMap<>();

  /**
   * @param sureOnly beside a model's extractor: a term that only the title, or a heading and one
   *     mention, single out is left to the model ({@link #namedSubjects}, {@link #titlePhrases})
   */
  ConversationTerms(Lexicon lexicon, boolean sureOnly) {
    this.lexicon = lexicon;
    this.sureOnly = sureOnly;
  }

  /**
   * Reads the conversation's title (null when it has none) and turns (parsed, in order) and decides
   * which terms are entities.
   */
  void read(String title, List<Turn> turns, List<Node> documents) {
    for (Node document : documents) {
      collectCode(document);
    }
    for (int i = 0; i < turns.size(); i++) {
      Turn turn = turns.get(i);
      String language = lexicon.detect(CODE_BLOCKS.matcher(turn.text()).replaceAll(" "));
      languages.put(turn.index(), language);
      readTurn(turn.index(), documents.get(i));
    }
    if (title != null && !title.isBlank()) {
      // The title heads the whole conversation: what it names is what the conversation is about.
      String language = titleLanguage(title);
      subjects(title, language, true);
      titleTerms(title, language);
    }
    decide();
    for (Unit unit : units) {
      unit.mentions().addAll(match(unit.tokens()));
    }
    cooccurrences();
  }

  /**
   * The language of the title: its detected language when a turn is in it, else the language of
   * most turns. A title is too short to detect reliably ("Aprender guitarra de adulto" has one
   * function word, shared by several languages; "Asyncio Deadlock Debugging" none), and is written
   * in the language of its conversation.
   */
  private String titleLanguage(String title) {
    String detected = lexicon.detect(title);
    if (languages.containsValue(detected)) {
      return detected;
    }
    Map<String, Integer> turns = new HashMap<>();
    languages.values().forEach(l -> turns.merge(l, 1, Integer::sum));
    return turns.entrySet().stream()
        .max(
            Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .orElse(detected);
  }

  /** The detected language of a turn ("und" when unknown). */
  String language(int turn) {
    return languages.getOrDefault(turn, "und");
  }

  /** The units of a turn with the entities named in them, in order. */
  List<Unit> units(int turn) {
    return Collections.unmodifiableList(unitsByTurn.getOrDefault(turn, List.of()));
  }

  /** Whether two entities (by key) co-occur more often than chance in the conversation. */
  boolean related(String a, String b) {
    return related.getOrDefault(a, Map.of()).containsKey(b);
  }

  /** The conversation's module names, in the order first seen. */
  Set<String> modules() {
    return modules;
  }

  /** The entities named in a text of a turn (a heading, a cell), longest match first, in order. */
  List<Mention> mentions(String text, int turn) {
    return match(tokens(prose(text), language(turn)));
  }

  /** The entity a whole label names (a row label, a header's holder), or null. */
  Term term(String label, int turn) {
    List<Token> tokens = tokens(prose(label), language(turn));
    return terms.get(key(tokens, 0, tokens.size()));
  }

  /**
   * Whether a table row's label names a thing rather than an aspect: a single noun ("Attention",
   * "Обучение"), an entity, or a phrase the conversation names more than once. A phrase written
   * once ("Main objection", "Engine of progress") is only the row's name.
   */
  boolean namesAThing(String label, int turn) {
    List<Token> tokens = tokens(prose(label), language(turn));
    String key = key(tokens, 0, tokens.size());
    Candidate c = candidates.get(key);
    return tokens.size() == 1
        || terms.containsKey(key)
        || c != null && c.count + (c.inHeading || headingKeys.contains(key) ? 1 : 0) >= 2;
  }

  /**
   * {@link Text#key} of a label, remembered: the second pass keys the same labels in every turn.
   */
  String labelKey(String label) {
    return labelKeys.computeIfAbsent(label, Text::key);
  }

  /** The person a capitalised word names (a listed or recognised person), or null. */
  Term person(String word, int turn) {
    Term t = term(word, turn);
    return t != null && t.type().equals(Noema.Person.getURI()) ? t : null;
  }

  // ---- reading ----

  private void collectCode(Node node) {
    if (node instanceof Code code) {
      addCodeWords(code.getLiteral());
    } else if (node instanceof FencedCodeBlock block) {
      addCodeWords(block.getLiteral());
    } else if (node instanceof IndentedCodeBlock block) {
      addCodeWords(block.getLiteral());
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      collectCode(child);
    }
  }

  private void addCodeWords(String code) {
    Matcher m = TOKEN.matcher(code);
    while (m.find()) {
      codeWords.add(m.group());
      for (String part : m.group().split("[._/\\\\]")) {
        codeWords.add(part);
      }
    }
  }

  private void readTurn(int turn, Node document) {
    String language = language(turn);
    walkBlocks(document, turn, language, new ArrayList<>(), null);
  }

  /**
   * Visits blocks in order; {@code context} holds the texts that introduce the current block (its
   * heading, the paragraph before its list, its table's header), where module cues are looked for.
   */
  private void walkBlocks(
      Node node, int turn, String language, List<String> context, String lastParagraph) {
    String previous = lastParagraph;
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Heading heading) {
        String text = TurnScan.plainText(heading);
        context.removeIf(c -> c.startsWith("#"));
        context.add("#" + text);
        modulesIn(text, context);
        headingTerms(text, language);
      } else if (child instanceof Paragraph paragraph) {
        String text = TurnScan.plainText(paragraph);
        previous = text;
        emphasis(paragraph, language);
        modulesIn(text, context);
        for (String sentence : TextRules.sentences(text)) {
          addUnit(turn, language, sentence, true);
          definition(sentence, language);
        }
        abbreviations(text, language);
      } else if (child instanceof BulletList || child instanceof OrderedList) {
        List<String> inner = new ArrayList<>(context);
        if (previous != null) {
          inner.add(previous);
        }
        walkBlocks(child, turn, language, inner, null);
        continue;
      } else if (child instanceof TableBlock table) {
        List<String> inner = new ArrayList<>(context);
        table(table, turn, language, inner);
      } else if (!(child instanceof FencedCodeBlock || child instanceof IndentedCodeBlock)) {
        walkBlocks(child, turn, language, context, previous);
        if (child.getFirstChild() instanceof Paragraph first) {
          listItemDefinition(TurnScan.plainText(first), language);
        }
      }
    }
  }

  private void table(TableBlock table, int turn, String language, List<String> context) {
    List<Node> cells = new ArrayList<>();
    TurnScan.walk(table, n -> cells.add(n));
    StringBuilder header = new StringBuilder();
    for (Node n : cells) {
      if (n instanceof TableCell cell && cell.getParent().getParent() instanceof TableHead) {
        header.append(TurnScan.plainText(cell)).append(" | ");
      }
    }
    context.add(header.toString());
    List<String> columnTypes = new ArrayList<>();
    for (Node n : cells) {
      if (n instanceof TableCell cell) {
        String text = TurnScan.plainText(cell);
        modulesIn(text, context);
        emphasis(cell, language);
        if (cell.getParent().getParent() instanceof TableHead) {
          columnTypes.add(classOf(text.strip(), language));
        } else if (!text.isBlank()) {
          addUnit(turn, language, text.strip(), false);
          if (cell.getPrevious() == null && ofFigures(cell)) {
            rowLabels.add(units.size() - 1);
          }
          int column = column(cell);
          if (column < columnTypes.size() && !columnTypes.get(column).isEmpty()) {
            nameOfClass(units.get(units.size() - 1).tokens(), columnTypes.get(column));
          }
        }
      }
    }
  }

  private static int column(TableCell cell) {
    int column = 0;
    for (Node n = cell.getPrevious(); n != null; n = n.getPrevious()) {
      column++;
    }
    return column;
  }

  /**
   * A cell under a header that is a class word alone ("City", "Город", "Livre") names a thing of
   * that class when the whole cell is one name, its words capitalised but for stop words: "|
   * Brewery | Town |" over "| Oakhollow | Brindleford |" says Brindleford is a place, as "the town
   * of Brindleford" would; "London and Paris" is two names, and no cell of this kind.
   */
  private void nameOfClass(List<Token> tokens, String type) {
    if (tokens.isEmpty()
        || tokens.contains(null)
        || tokens.stream()
            .anyMatch(t -> !t.stop() && !Character.isUpperCase(t.surface().codePointAt(0)))
        || tokens.stream()
            .anyMatch(t -> lexicon.cue("not-inside-term").matcher(t.surface()).matches())) {
      return;
    }
    Candidate c = candidates.get(key(tokens, 0, tokens.size()));
    if (c != null && c.classCue == null) {
      c.classCue = type;
    }
  }

  /** Whether the other cells of a row are mostly figures ("4", "$196", "+44%"), not prose. */
  private static boolean ofFigures(TableCell label) {
    int cells = 0;
    int figures = 0;
    for (Node n = label.getNext(); n != null; n = n.getNext()) {
      String text = TurnScan.plainText(n);
      if (!text.isBlank()) {
        cells++;
        figures += FIGURE.matcher(text.strip()).find() ? 1 : 0;
      }
    }
    return cells > 0 && 2 * figures >= cells;
  }

  private void modulesIn(String text, List<String> context) {
    List<String> names = TextRules.moduleNames(quote(text), lexicon, MIN_MODULE_LETTERS);
    if (names.isEmpty()) {
      // Most texts name no module: the cues, costlier to look for, are looked for only if one does.
      return;
    }
    Pattern cue = lexicon.cue("module");
    boolean cued =
        cue.matcher(quote(text)).find()
            || context.stream()
                .anyMatch(c -> moduleCued.computeIfAbsent(c, k -> cue.matcher(k).find()));
    if (cued) {
      modules.addAll(names);
    }
  }

  private void emphasis(Node container, String language) {
    blockTitles.clear();
    TurnScan.walk(
        container,
        node -> {
          if (node instanceof StrongEmphasis || node instanceof Emphasis) {
            String text = prose(TurnScan.plainText(node));
            List<Token> tokens = tokens(text, language);
            List<Token> title =
                node instanceof Emphasis ? titleWords(tokens, node, language) : null;
            if (title != null) {
              blockTitles.add(text.strip());
            }
            trimmed(tokens)
                .ifPresent(
                    span -> {
                      Candidate c = candidate(span, language);
                      c.emphasised = true;
                      if (title != null && namesTitle(span, title, language)) {
                        c.classCue = c.classCue == null ? Noema.Work.getURI() : c.classCue;
                        // Labelled as written, its article included: "The Structure of ...".
                        c.title = c.title == null ? surface(title) : c.title;
                      }
                    });
          }
        });
  }

  /**
   * The words of a work's title written in italics, without a volume's numeral at its end ("Genki
   * I" is Genki), or null when the italics are no title. A title is written as one: two or more
   * words, the first and the last capitalised, each other capitalised or a short or stop word (a
   * title may be in another language than its sentence, whose stop words are the tokens'). And its
   * place says it is a work's: a year in brackets after it ("*Against Method* (1975)"), a
   * possessive before it ("Thomas Kuhn's *The Structure of Scientific Revolutions*") or a work word
   * ("leur livre *Permaculture One*", "start a textbook. *Genki I*"). Terms are written in capitals
   * too ("*Tragedy of the Commons*", "*Total Expense Ratio*"), but in no such place; a stressed or
   * foreign word in italics ("*Hansetag*", "*really*") is one word or in lower case.
   */
  private List<Token> titleWords(List<Token> tokens, Node node, String language) {
    List<Token> words = tokens.stream().filter(t -> t != null).toList();
    if (words.size() < 2
        || !words.get(0).capitalised()
        || !words.get(words.size() - 1).capitalised()
        || !words.stream()
            .allMatch(
                t -> t.capitalised() || t.stop() || t.surface().length() <= TITLE_SHORT_WORD)) {
      return null;
    }
    String before = node.getPrevious() == null ? "" : TurnScan.plainText(node.getPrevious());
    String after = node.getNext() == null ? "" : TurnScan.plainText(node.getNext());
    Matcher lastWord = LAST_WORD.matcher(before);
    boolean word = lastWord.find();
    boolean placed =
        TITLE_YEAR.matcher(after).lookingAt()
            // A name's possessive, not a contraction's ("That's *Survivorship Bias*").
            || word
                && lastWord.group(2) != null
                && !lexicon.language(language).isStopWord(Text.fold(lastWord.group(1)), "")
            || word
                && lastWord.group(2) == null
                && classOf(lastWord.group(1), language).equals(Noema.Work.getURI());
    if (!placed) {
      return null;
    }
    boolean volume = VOLUME.matcher(words.get(words.size() - 1).surface()).matches();
    return volume ? words.subList(0, words.size() - 1) : words;
  }

  /**
   * Whether the span italics give names their title whole: it lost no word of it but a leading
   * article ("The Structure of Scientific Revolutions" gives "Structure of ..."). "*Against
   * Method*" gives "Method", which is no title.
   */
  private boolean namesTitle(List<Token> span, List<Token> title, String language) {
    int from = lexicon.cue("article", language).matcher(title.get(0).surface()).matches() ? 1 : 0;
    return from < title.size()
        && span.get(0) == title.get(from)
        && span.get(span.size() - 1) == title.get(title.size() - 1);
  }

  /**
   * The subjects of a heading or title: its parts between separators ("Threads vs. coroutines", "La
   * mélatonine : un signal pour l'horloge", "Эмерджентность и самоорганизация"), each trimmed of
   * stop words. A part that is a term whole is what the heading is about; a word merely inside a
   * heading ("Why Dennett thinks the problem is misconceived") is not singled out by it. The title,
   * and a heading of several parts, name their subjects ({@link #namedSubjects}); a heading of one
   * phrase is as often a section's label ("Sanity check", "Short answer") as its subject.
   */
  private void subjects(String text, String language, boolean title) {
    String plain = HEADING_NUMBERING.matcher(prose(text).strip()).replaceFirst("");
    String split = lexicon.cue("subject-split").matcher(plain).replaceAll(" | ");
    List<String> parts = new ArrayList<>();
    for (String part : SUBJECT_PUNCTUATION.split(split)) {
      if (!part.isBlank()) {
        parts.add(part);
      }
    }
    boolean named = title || parts.size() > 1;
    for (String part : parts) {
      List<Token> tokens = tokens(part, language);
      if (tokens.contains(null)) {
        continue;
      }
      int words = (int) tokens.stream().filter(t -> t != null).count();
      trimmed(tokens)
          .filter(span -> words - span.size() <= MAX_TRIMMED_WORDS)
          .ifPresent(span -> subject(span, named));
    }
  }

  /**
   * A heading's part as a subject, whole ("The hard problem of consciousness": hard problem of
   * consciousness) and without the generic and stop words at its edges ("How asyncio works":
   * asyncio; "Les bases de l'hygiène du sommeil": hygiène du sommeil, "bases" being generic).
   */
  private void subject(List<Token> span, boolean named) {
    List<Token> core = withoutGenericEdges(span);
    for (List<Token> words : List.of(span, core)) {
      if (words.size() <= MAX_TERM_WORDS) {
        String key = key(words, 0, words.size());
        subjects.add(key);
        if (named) {
          namedSubjects.add(key);
        }
      }
    }
  }

  /**
   * The words and phrases of the title, up to four words, none starting or ending with a stop word,
   * each with the longer ones of the title that hold it ({@link #titlePhrases}).
   */
  private void titleTerms(String title, String language) {
    List<Token> tokens = tokens(prose(title), language);
    List<int[]> spans = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      for (int n = 1; n <= MAX_TERM_WORDS && i + n <= tokens.size(); n++) {
        List<Token> span = tokens.subList(i, i + n);
        if (span.contains(null) || span.stream().anyMatch(Token::code)) {
          break;
        }
        if (!span.get(0).stop() && !span.get(n - 1).stop() && !allStop(span)) {
          spans.add(new int[] {i, i + n});
        }
      }
    }
    for (int[] span : spans) {
      Set<String> longer =
          titlePhrases.computeIfAbsent(key(tokens, span[0], span[1]), k -> new HashSet<>());
      for (int[] other : spans) {
        if (other[0] <= span[0] && other[1] >= span[1] && other[1] - other[0] > span[1] - span[0]) {
          longer.add(key(tokens, other[0], other[1]));
        }
      }
    }
  }

  /** The terms a heading names: evidence that a single word names something. */
  private void headingTerms(String text, String language) {
    subjects(text, language, false);
    List<Token> tokens = tokens(prose(text), language);
    for (int i = 0; i < tokens.size(); i++) {
      for (int n = 1; n <= MAX_TERM_WORDS && i + n <= tokens.size(); n++) {
        List<Token> span = tokens.subList(i, i + n);
        if (span.contains(null) || span.stream().anyMatch(Token::code)) {
          break;
        }
        if (!span.get(0).stop() && !span.get(n - 1).stop()) {
          String key = key(span, 0, n);
          Candidate c = candidates.get(key);
          if (c != null) {
            c.inHeading = true;
          } else {
            headingKeys.add(key);
          }
        }
      }
    }
  }

  /** "X is a ...", "X means ...": X is defined by its sentence. */
  private void definition(String sentence, String language) {
    Matcher cue = lexicon.cue("definition").matcher(prose(sentence));
    if (cue.find() && cue.start() > 0) {
      String head = prose(sentence).substring(0, cue.start());
      if (head.strip().length() < 2
          || head.length() > 80
          || head.strip().endsWith(BARRIER.strip())) {
        // A subject that ends in code ("Top-level `await` is ...") names code, or is cut short.
        return;
      }
      List<Token> tokens = tokens(head, language);
      if (tokens.contains(null)) {
        return;
      }
      trimmed(tokens)
          .filter(span -> span.size() <= MAX_DEFINED_WORDS)
          .ifPresent(span -> defineNamed(span, language, quote(sentence)));
    }
  }

  /**
   * Defines the term a sentence's subject names. A class noun before a name is the name's kind, not
   * part of it: "Their book *Animal Farm* is a joke" defines Animal Farm, a work; "The app Anki is
   * free" defines Anki, a product; "La città di Siena è ..." defines Siena.
   */
  private void defineNamed(List<Token> span, String language, String definition) {
    String kind =
        span.size() > 1 && !span.get(0).capitalised()
            ? classOf(span.get(0).surface(), language)
            : "";
    int from = kind.isEmpty() ? 0 : 1;
    if (from == 1
        && span.size() > 2
        && kind.equals(Noema.Place.getURI())
        && lexicon.cue("place-linker", language).matcher(span.get(1).surface()).matches()) {
      from = 2;
    }
    if (from > 0 && from < span.size() && span.get(from).capitalised()) {
      Candidate c = candidate(span.subList(from, span.size()), language);
      c.classCue = c.classCue == null ? kind : c.classCue;
      define(c, definition);
    } else {
      define(candidate(span, language), definition);
    }
  }

  /** "term: definition" or "term — definition" in a list item. */
  private void listItemDefinition(String text, String language) {
    String[] split = TurnScan.termAndDefinition(quote(text));
    int code = text.indexOf(CODE_START);
    if (split == null || code >= 0 && code < quote(text).indexOf(split[1])) {
      // A term written as code ("`--flag`: turns it off") is code, whatever it defines.
      return;
    }
    List<Token> tokens = tokens(prose(split[0]), language);
    if (tokens.isEmpty() || tokens.get(0) == null || tokens.get(tokens.size() - 1) == null) {
      return;
    }
    // An article before the term ("**Le rythme circadien** : ...") is not part of it.
    trimmed(tokens)
        .filter(words -> words.size() <= MAX_DEFINED_WORDS)
        .ifPresent(words -> define(candidate(words, language), split[1]));
  }

  /**
   * "phrase (ABBR)": ABBR names the phrase's term, and is its alias, when its capitals are the
   * initials of the phrase's last words, read backwards from the bracket ({@link #longForm}).
   */
  private void abbreviations(String text, String language) {
    String prose = prose(text);
    if (!ABBREVIATED.matcher(prose).find()) {
      // The phrase before the bracket is tried lazily from every position of the text: costly,
      // so only where an abbreviation in brackets stands.
      return;
    }
    Matcher m = ABBREVIATION.matcher(prose);
    while (m.find()) {
      String abbreviation = m.group(2);
      List<Token> words = tokens(m.group(1), language).stream().filter(t -> t != null).toList();
      List<Token> span = longForm(words, abbreviation.replaceAll("[^\\p{Lu}]", ""));
      if (span != null && !allStop(span)) {
        Candidate c = candidate(span, language);
        define(c, quote(text));
        abbreviations.put(Text.fold(abbreviation), key(span, 0, span.size()));
      }
    }
  }

  /**
   * The words at the end of {@code words} that an abbreviation's capitals are the initials of, or
   * null. Read backwards from the bracket, in the manner of Schwartz and Hearst's algorithm for
   * abbreviation definitions (PSB 2003), by initials: each part of a hyphenated word gives its
   * initial ("cognitivo-comportementale": C, C) unless only its first part matches; a stop word
   * gives its initial or none ("Return on Investment (ROI)", "Office of the Budget Review (OBR)",
   * "thérapie cognitivo-comportementale de l'insomnie (TCC-I)"); the long form starts at the word
   * that gives the first capital, which is not a stop word. At most {@link #MAX_DEFINED_WORDS}
   * words; a word that is not a stop word and gives no matching initial ends the search.
   */
  private static List<Token> longForm(List<Token> words, String capitals) {
    if (capitals.length() < 2 || words.isEmpty() || words.get(words.size() - 1).stop()) {
      return null;
    }
    int start = longFormStart(words, words.size() - 1, capitals, capitals.length() - 1);
    return start < 0 ? null : words.subList(start, words.size());
  }

  /**
   * Where the long form starts when word {@code w} and those before it give the capitals up to
   * index {@code letter}, or -1. A stop word is tried as giving its initial, then as giving none.
   */
  private static int longFormStart(List<Token> words, int w, String capitals, int letter) {
    if (w < 0 || words.size() - w > MAX_DEFINED_WORDS) {
      return -1;
    }
    Token word = words.get(w);
    int matched = initialsAt(word.surface(), capitals, letter);
    if (matched > 0) {
      int rest = letter - matched;
      int start = rest < 0 ? (word.stop() ? -1 : w) : longFormStart(words, w - 1, capitals, rest);
      if (start >= 0) {
        return start;
      }
    }
    return word.stop() ? longFormStart(words, w - 1, capitals, letter) : -1;
  }

  /**
   * How many capitals, ending at index {@code last}, a word gives: the initials of all its
   * hyphenated parts when they match, else its own initial when it matches, else 0.
   */
  private static int initialsAt(String word, String capitals, int last) {
    String[] parts = word.split("-");
    int n = parts.length;
    if (n > 1 && n <= last + 1) {
      boolean all = true;
      for (int i = 0; i < n && all; i++) {
        all = !parts[i].isEmpty() && initial(parts[i]) == capitals.charAt(last - n + 1 + i);
      }
      if (all) {
        return n;
      }
    }
    return initial(word) == capitals.charAt(last) ? 1 : 0;
  }

  private static char initial(String word) {
    return Character.toUpperCase(word.charAt(0));
  }

  private void define(Candidate c, String definition) {
    if (c.definition == null && !definition.isBlank()) {
      c.definition = definition.strip();
    }
  }

  private void addUnit(int turn, String language, String text, boolean sentence) {
    List<Token> tokens = tokens(prose(text), language);
    Unit unit = new Unit(turn, quote(text), tokens, new ArrayList<>());
    int id = units.size();
    units.add(unit);
    unitsByTurn.computeIfAbsent(turn, t -> new ArrayList<>()).add(unit);
    countTerms(id, tokens, language);
    countNames(turn, tokens, language, prose(text), sentence);
  }

  private void countTerms(int unit, List<Token> tokens, String language) {
    for (int i = 0; i < tokens.size(); i++) {
      Token first = tokens.get(i);
      if (first == null || first.stop() || first.code()) {
        continue;
      }
      boolean allStop = true;
      for (int n = 1; n <= MAX_TERM_WORDS && i + n <= tokens.size(); n++) {
        Token last = tokens.get(i + n - 1);
        if (last == null || last.code()) {
          break;
        }
        allStop &= last.stop() || last.generic();
        if (last.stop() || allStop) {
          continue;
        }
        Candidate c = candidate(tokens.subList(i, i + n), language);
        c.count++;
        c.occurrences.add(new int[] {unit, i, i + n});
        if (first.generic() && i > 0 && isNumber(tokens.get(i - 1))) {
          c.afterNumber++;
        }
      }
    }
  }

  private static boolean isNumber(Token token) {
    return token != null
        && Character.isDigit(token.surface().codePointAt(0))
        && NUMBER.matcher(token.surface()).matches();
  }

  /** Runs of capitalised words: name candidates, with the cues around them. */
  private void countNames(
      int turn, List<Token> tokens, String language, String text, boolean sentence) {
    int i = 0;
    while (i < tokens.size()) {
      Token t = tokens.get(i);
      if (t == null || !t.capitalised() || t.code() || t.stop() && !t.upper()) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < tokens.size() && !endsAtPossessive(tokens.get(j - 1), tokens.get(j))) {
        Token next = tokens.get(j);
        if (next != null && next.capitalised() && !next.code()) {
          j++;
        } else if (next != null
            && NAME_PARTICLES.contains(next.folded())
            && j + 1 < tokens.size()
            && tokens.get(j + 1) != null
            && tokens.get(j + 1).capitalised()) {
          j += 2;
        } else {
          break;
        }
      }
      List<Token> run = tokens.subList(i, j);
      if (!blockTitles.isEmpty()
          && insideTitle(text.substring(t.start(), run.get(run.size() - 1).end()))) {
        i = j;
        continue;
      }
      boolean midSentence =
          !t.sentenceStart() || run.size() > 1 && lexicon.startsPersonName(t.surface());
      Candidate c = candidate(run, language);
      if (midSentence && sentence || midSentence && run.size() > 1) {
        c.midSentenceNames++;
      }
      String before = text.substring(Math.max(0, t.start() - 40), t.start());
      String after =
          text.substring(
              run.get(run.size() - 1).end(),
              Math.min(text.length(), run.get(run.size() - 1).end() + AFTER_NAME));
      // A cue once seen stays: the patterns are tried only for a candidate without it yet.
      if (!c.personCue
          && (endsWithCue(before, lexicon.cue("person-before"), language)
              || startsWithCue(after, lexicon.cue("person-after")))) {
        c.personCue = true;
      }
      if (!c.organizationCue
          && (endsWithCue(before, lexicon.cue("organization-before"), language)
              || run.stream().anyMatch(r -> organizationWord(r.surface())))) {
        c.organizationCue = true;
      }
      c.allCaps = run.size() == 1 && t.upper();
      if (c.classCue == null) {
        c.classCue = classCue(tokens, i, after, lexicon.language(language));
      }
      i = j;
    }
  }

  /**
   * The type a class word beside a name says it has, or null: a place word and its linker right
   * before it ("the city of Osaka"), or the class word heading an apposition after it ("Anki, a
   * free flashcard program"). The name's own words are read when it is typed ({@link
   * #insideClass}).
   */
  private String classCue(List<Token> tokens, int at, String after, LanguageProfile language) {
    String before = classBefore(tokens, at, language.code());
    return before != null ? before : appositionType(after, language);
  }

  /**
   * Place, when a place word and its linker stand right before the name at {@code at} ("the city of
   * Osaka", "il borgo di Montalcino", "la ferme du Bec Hellouin"); else null. A class word alone
   * before a name says nothing sure: "In the film Morpheus explains", "After the war Adenauer
   * rebuilt", "The paper Vaswani published". Read from the tokens, since it is asked for every name
   * written.
   */
  private String classBefore(List<Token> tokens, int at, String language) {
    Token linker = at > 1 ? tokens.get(at - 1) : null;
    Token word = at > 1 ? tokens.get(at - 2) : null;
    // The place word first: its type is remembered per word, and it is seldom one.
    return linker != null
            && word != null
            && classOf(word.surface(), language).equals(Noema.Place.getURI())
            && lexicon.cue("place-linker", language).matcher(linker.surface()).matches()
        ? Noema.Place.getURI()
        : null;
  }

  /**
   * The type a name's own words give it in its language, or null: a place word last in it ("Silicon
   * Valley"; first, it is as often a thing's name: "Mountain Magic" is a tomato), else an event
   * word at its head: last ("Boston Marathon", "Ганзейский съезд") or before a linker ("Medio
   * Maratón de Valencia", "Battle of Hastings"; not "Festival Pass", "Guerre Stellari").
   */
  private String insideClass(String[] words, String language) {
    if (words.length < 2) {
      return null;
    }
    int last = words.length - 1;
    if (classOf(words[last], language).equals(Noema.Place.getURI())) {
      return Noema.Place.getURI();
    }
    Pattern linker = lexicon.cue("place-linker", language);
    for (int i = 0; i <= last; i++) {
      if (classOf(words[i], language).equals(Noema.Event.getURI())
          && (i == last || linker.matcher(words[i + 1]).matches())) {
        return Noema.Event.getURI();
      }
    }
    return null;
  }

  /**
   * The type a word names as a class word of {@code language} ({@link Lexicon#CLASS_WORDS}), or ""
   * when none.
   */
  private String classOf(String word, String language) {
    return classWords
        .computeIfAbsent(language, l -> new HashMap<>())
        .computeIfAbsent(
            word,
            k -> {
              Lexicon.ClassWord whole = lexicon.classWordAt(word, 0, language);
              return whole != null && whole.end() == word.length() ? whole.type() : "";
            });
  }

  /**
   * The type of the class word an apposition after a name is headed by, or null ("Anki, a free
   * flashcard program"; "Smith, who created the Trio library" is none): see {@link #headType}.
   */
  private String appositionType(String after, LanguageProfile language) {
    if (after.isEmpty() || after.charAt(0) != ',') {
      return null;
    }
    int at = 1;
    while (at < after.length() && Character.isWhitespace(after.charAt(at))) {
      at++;
    }
    return headType(after, at, language);
  }

  /**
   * The type of the class word that heads the noun phrase starting at {@code at}, or null: perhaps
   * an article, at most {@link #HEAD_WORDS} words in lower case that are no stop words, then the
   * class word ("a free flashcard program", "город"). A class word further on, or after a stop
   * word, a name or a verb's object, is no head ("muchas apps permiten", "the EMH is the hard core
   * of a research programme").
   */
  private String headType(String text, int start, LanguageProfile language) {
    Matcher word = HEAD_WORD.matcher(text);
    int at = start;
    for (int words = 0; words <= HEAD_WORDS && at < text.length(); ) {
      Lexicon.ClassWord head = lexicon.classWordAt(text, at, language.code());
      if (head != null) {
        return endsPhrase(text, head.end(), language) ? head.type() : null;
      }
      if (!word.region(at, text.length()).lookingAt()) {
        return null;
      }
      String w = word.group(1);
      if (at > start || !lexicon.cue("article", language.code()).matcher(w).matches()) {
        if (!Character.isLowerCase(w.codePointAt(0)) || language.isStopWord(Text.fold(w), "")) {
          return null;
        }
        words++;
      }
      at = word.end();
    }
    return null;
  }

  /**
   * Whether a class word ending at {@code end} ends its noun phrase, so that it is the head:
   * punctuation, the text's end, a stop word or a participle follows ("a book by", "a flashcard
   * program,", "a method introduced by"), not another noun or a hyphen ("a software engineer", "a
   * film-maker", "a war veteran").
   */
  private boolean endsPhrase(String text, int end, LanguageProfile language) {
    Matcher next = NEXT_WORD.matcher(text).region(end, text.length());
    if (!next.lookingAt()) {
      return true;
    }
    String word = next.group(2);
    return word != null
        && (language.isStopWord(Text.fold(word), "")
            || lexicon.participle(language.code()).matcher(word).matches());
  }

  /**
   * Whether a name ends at a possessive: when what follows starts a title ("Thomas Kuhn's The
   * Structure of ...", "Dennett's *Consciousness Explained*"), not a name's own word ("Moore's
   * Law", "Occam's Razor", "McDonald's Corporation").
   */
  private boolean endsAtPossessive(Token last, Token next) {
    if (!last.possessive() || next == null) {
      return false;
    }
    return next.stop() || blockTitles.stream().anyMatch(t -> t.startsWith(next.surface()));
  }

  /** Whether a name is a part of a title of the block, short of the whole title. */
  private boolean insideTitle(String name) {
    for (String title : blockTitles) {
      if (title.length() > name.length() && title.contains(name)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a word says that the name it is in names an organization ("Institute"). */
  private boolean organizationWord(String surface) {
    return organizationWords.computeIfAbsent(
        surface, w -> lexicon.cue("organization-in").matcher(w).matches());
  }

  private boolean endsWithCue(String before, Pattern cue, String language) {
    Matcher m = cue.matcher(before);
    int end = -1;
    while (m.find()) {
      end = m.end();
    }
    return end >= 0 && lexicon.cueToName(language).matcher(before.substring(end)).matches();
  }

  /**
   * Whether the first cue in {@code after} has only white space before it. Tried where it may
   * start, up to the first other character, rather than searched for through the whole text.
   */
  private static boolean startsWithCue(String after, Pattern cue) {
    // Transparent, non-anchoring bounds: a match at p is what a search from 0 would find at p.
    Matcher m = cue.matcher(after).useTransparentBounds(true).useAnchoringBounds(false);
    for (int p = 0; ; ) {
      if (m.region(p, after.length()).lookingAt()) {
        return true;
      }
      if (p >= after.length() || !Character.isWhitespace(after.codePointAt(p))) {
        return false;
      }
      p += Character.charCount(after.codePointAt(p));
    }
  }

  /** The candidate a span of words (no barrier) names, with its surface here counted as seen. */
  private Candidate candidate(List<Token> span, String language) {
    Written written = spans.computeIfAbsent(new Span(span), s -> written(span));
    Candidate c = written.candidate();
    c.words = span.size();
    c.language = c.language == null ? language : c.language;
    written.seen()[0]++;
    return c;
  }

  /**
   * The candidate of a span not met before, by its key, and its surface's count there: the surface
   * is the span's words, the last without a possessive "'s".
   */
  private Written written(List<Token> span) {
    Candidate c = candidates.computeIfAbsent(key(span, 0, span.size()), k -> new Candidate());
    return new Written(c, c.surfaces.computeIfAbsent(surface(span), k -> new int[1]));
  }

  /**
   * A span's words as a label writes them: spaced, but not after an elided article ("l'activation
   * mentale"), the last without a possessive "'s".
   */
  private static String surface(List<Token> span) {
    StringBuilder surface = new StringBuilder();
    for (int i = 0; i < span.size(); i++) {
      Token t = span.get(i);
      surface
          .append(i == 0 || elided(span.get(i - 1)) ? "" : " ")
          .append(i == span.size() - 1 ? t.word().bare() : t.surface());
    }
    return surface.toString();
  }

  /**
   * A heading's part without the generic words at its edges ("How asyncio works": asyncio), and
   * without a generic head with its preposition ("problem of consciousness": consciousness; "bases
   * de l'hygiène du sommeil": hygiène du sommeil). A generic word after a preposition at the end is
   * kept: it is part of the term ("travail de nuit"). The span holds a word that is neither stop
   * nor generic ({@link #trimmed}).
   */
  private static List<Token> withoutGenericEdges(List<Token> span) {
    int from = 0;
    int to = span.size();
    while (from < to - 1 && (span.get(from).generic() || span.get(from).stop())) {
      from++;
    }
    while (to > from + 1 && span.get(to - 1).generic() && !span.get(to - 2).stop()) {
      to--;
    }
    return span.subList(from, to);
  }

  private static java.util.Optional<List<Token>> trimmed(List<Token> tokens) {
    List<Token> words = tokens.stream().filter(t -> t != null).toList();
    int from = 0;
    int to = words.size();
    while (from < to && words.get(from).stop()) {
      from++;
    }
    while (to > from && words.get(to - 1).stop()) {
      to--;
    }
    List<Token> span = words.subList(from, to);
    if (span.isEmpty() || span.stream().anyMatch(Token::code) || allStop(span)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(span);
  }

  // ---- deciding ----

  private void decide() {
    List<Map.Entry<String, Candidate>> ordered = new ArrayList<>(candidates.entrySet());
    ordered.sort(
        (a, b) ->
            a.getValue().words != b.getValue().words
                ? b.getValue().words - a.getValue().words
                : a.getKey().compareTo(b.getKey()));
    boolean[][] covered = new boolean[units.size()][];
    Map<String, Term> persons = new HashMap<>();
    for (Map.Entry<String, Candidate> entry : ordered) {
      String key = entry.getKey();
      Candidate c = entry.getValue();
      int uncovered = 0;
      Set<Integer> turns = new HashSet<>();
      for (int[] o : c.occurrences) {
        boolean[] cov = covered[o[0]];
        boolean free = true;
        for (int k = o[1]; cov != null && k < o[2]; k++) {
          free &= !cov[k];
        }
        if (free && !rowLabels.contains(o[0])) {
          uncovered++;
          turns.add(units.get(o[0]).turn());
        }
      }
      String abbreviated = abbreviationCount(key);
      if (abbreviated != null) {
        uncovered += candidates.get(abbreviated) == null ? 0 : candidates.get(abbreviated).count;
      }
      String type = type(key, c, uncovered, turns.size(), persons);
      if (type == null) {
        continue;
      }
      mentionsOutsideLongerTerms.put(key, uncovered);
      Term term = term(key, c, type);
      terms.put(key, term);
      if (type.equals(Noema.Person.getURI()) && c.words > 1) {
        persons.putIfAbsent(lastWordKey(key), term);
      }
      for (int[] o : c.occurrences) {
        if (covered[o[0]] == null) {
          covered[o[0]] = new boolean[units.get(o[0]).tokens().size()];
        }
        boolean[] cov = covered[o[0]];
        for (int k = o[1]; k < o[2]; k++) {
          cov[k] = true;
        }
      }
    }
    // Family names and abbreviations name the entity already found.
    for (Map.Entry<String, Candidate> entry : candidates.entrySet()) {
      String key = entry.getKey();
      boolean capitalised = Character.isUpperCase(surface(entry.getValue()).charAt(0));
      Term person = capitalised && entry.getValue().words == 1 ? persons.get(key) : null;
      String abbreviated = abbreviations.get(Text.fold(surface(entry.getValue())));
      Term target = person != null ? person : abbreviated != null ? terms.get(abbreviated) : null;
      if (target != null && target != terms.get(key)) {
        target.aliases().add(surface(entry.getValue()));
        terms.put(key, target);
      }
    }
    shortForms();
    mentionsOfPersons();
    for (String module : modules) {
      String key = Text.fold(module);
      terms.put(
          key,
          new Term(
              key, module, module, Noema.CognitiveModule.getURI(), new LinkedHashSet<>(), null));
    }
    // A key is its words' stems joined by spaces, and a stem holds no space.
    for (Map.Entry<String, Term> entry : terms.entrySet()) {
      TermTrie node = termTrie;
      String key = entry.getKey();
      for (int from = 0, space; from >= 0; from = space < 0 ? -1 : space + 1) {
        space = key.indexOf(' ', from);
        String stem = space < 0 ? key.substring(from) : key.substring(from, space);
        node = node.next.computeIfAbsent(stem, s -> new TermTrie());
      }
      node.term = entry.getValue();
    }
  }

  /**
   * An adjective made from the name of a person the conversation names ("пригожинский" beside Илья
   * Пригожин, "Darwinian" beside Charles Darwin) is a mention of that person, not a concept of its
   * own: its key is made to name the person.
   */
  private void mentionsOfPersons() {
    List<Term> persons =
        terms.values().stream()
            .filter(t -> t.type().equals(Noema.Person.getURI()))
            .distinct()
            .toList();
    if (persons.isEmpty()) {
      return;
    }
    Map<String, Term> byFamilyName = new LinkedHashMap<>();
    for (Term person : persons) {
      String label = person.label();
      byFamilyName.putIfAbsent(Text.fold(label.substring(label.lastIndexOf(' ') + 1)), person);
    }
    for (Map.Entry<String, Candidate> entry : candidates.entrySet()) {
      Candidate c = entry.getValue();
      if (c.words != 1) {
        continue;
      }
      String word = Text.fold(surface(c));
      for (Map.Entry<String, Term> person : byFamilyName.entrySet()) {
        if (lexicon.isAdjectiveOf(word, person.getKey())) {
          terms.put(entry.getKey(), person.getValue());
          break;
        }
      }
    }
  }

  /**
   * A word the conversation writes no more often alone than as part of one term is that term's
   * short form, not a concept of its own ("metric", three times alone beside three "value metric";
   * "clásica" beside "guitarra clásica"): its mentions are the term's and it becomes the term's
   * alias. Both are counted where no longer term covers them. Only a word that no sentence defines,
   * capitalised inside no sentence (a name: "Bogle" beside "Bogle der ETF-Szene" is the family-name
   * rule's; so no German noun is read so), and part of no other term: "guitarra" and
   * "consciousness", written alone more often than in "guitarra clásica" or "hard problem of
   * consciousness", stay concepts of their own. Words are matched by stem, so an inflected form
   * ("clásico") is a mention of the term too.
   */
  private void shortForms() {
    Map<String, Term> onlyTermOf = new HashMap<>();
    Set<String> inSeveral = new HashSet<>();
    Set<Term> phrases = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Term t : terms.values()) {
      if (t.key().indexOf(' ') >= 0 && conceptOrMethod(t)) {
        phrases.add(t);
      }
    }
    for (Term t : phrases) {
      for (String word : t.key().split(" ")) {
        Term before = onlyTermOf.putIfAbsent(word, t);
        if (before != null && before != t) {
          inSeveral.add(word);
        }
      }
    }
    for (Map.Entry<String, Candidate> entry : candidates.entrySet()) {
      String key = entry.getKey();
      Candidate c = entry.getValue();
      Term own = terms.get(key);
      Term whole = onlyTermOf.get(key);
      if (c.words != 1
          || own == null
          || whole == null
          || inSeveral.contains(key)
          || !own.key().equals(key)
          || !own.type().equals(Noema.Concept.getURI())
          || c.definition != null
          || c.midSentenceNames > 0
          || !mentionsOutsideLongerTerms.containsKey(key)
          || !mentionsOutsideLongerTerms.containsKey(whole.key())
          || mentionsOutsideLongerTerms.get(whole.key()) < mentionsOutsideLongerTerms.get(key)) {
        continue;
      }
      whole.aliases().add(surface(c));
      terms.put(key, whole);
    }
  }

  private static boolean conceptOrMethod(Term t) {
    return t.type().equals(Noema.Concept.getURI()) || t.type().equals(Noema.Method.getURI());
  }

  private String abbreviationCount(String key) {
    for (Map.Entry<String, String> a : abbreviations.entrySet()) {
      if (a.getValue().equals(key)) {
        return a.getKey();
      }
    }
    return null;
  }

  /** The type a candidate's evidence gives, or null when it is not an entity. */
  private String type(String key, Candidate c, int count, int turns, Map<String, Term> persons) {
    String surface = surface(c);
    boolean capitalised = Character.isUpperCase(surface.charAt(0));
    String known = capitalised ? lexicon.knownType(surface) : null;
    if (known != null) {
      return known;
    }
    if (modules.contains(surface) || c.allCaps && !abbreviations.containsKey(Text.fold(surface))) {
      return null;
    }
    if (measured(c)) {
      return null;
    }
    if (c.title != null) {
      // Italics placed as a title's ("*Animal Farm* (1945)") say work, whatever its words say.
      return Noema.Work.getURI();
    }
    if (c.words == 1 && lexicon.language(c.language).isGeneric(Text.fold(surface), key)) {
      // A generic word capitalised ("Saturday", "Ticket") names no one in particular.
      return null;
    }
    boolean name = c.midSentenceNames > 0 && Character.isUpperCase(surface.charAt(0));
    if (name && c.words > 1) {
      return nameType(surface, c);
    }
    if (name && lexicon.isGivenName(surface) && (c.personCue || c.midSentenceNames >= 2)) {
      return Noema.Person.getURI();
    }
    if (name && !"de".equals(c.language)) {
      if (persons.containsKey(key)) {
        return Noema.Person.getURI();
      }
      if (c.personCue || c.organizationCue || c.midSentenceNames >= 2) {
        return nameType(surface, c);
      }
    }
    boolean heading = c.inHeading || headingKeys.contains(key);
    boolean subject = subjects.contains(key);
    // Beside a model these weaker cues are left to it: measured on the held-out corpus with the
    // recorded replies, the offline guesses they made put a second, wrong type on 3 of 156
    // entities.
    if (namedSubjects.contains(key) && !sureOnly) {
      // The title or heading that names a subject is a mention of it: named there and once in
      // the text is named twice.
      count++;
    }
    boolean structural =
        c.definition != null
            || subject
            || heading && c.words > 1
            // One word emphasised needs to come back in three turns: emphasis alone marks stress.
            || c.emphasised && (c.words > 1 || turns >= 3 && count >= 3);
    // A phrase of everyday words said in two turns is as often a description ("noir complet",
    // "partner API") as a term: said four times, defined or marked, it is one.
    boolean everyday = c.words > 1 && everydayPhrase(surface, c);
    boolean accepted =
        c.words > 1
            ? c.definition != null
                || count >= (everyday ? EVERYDAY_PHRASE_MENTIONS : 3)
                || !everyday && turns >= 2 && count >= 2
                || structural && count >= 2
            // One word is too often an ordinary word: it also needs the structure to single it out.
            : c.definition != null || structural && count >= 2 || compound(c, turns, count);
    accepted |= !sureOnly && repeatedFromTitle(key, c, count, turns);
    // A title in italics names a work, however seldom it comes back ("*Mastering the Art of French
    // Cooking* (1961)").
    accepted |= c.title != null;
    if (!accepted || c.allCaps || joinsWords(surface) || commonWord(c)) {
      return null;
    }
    String defined = definedType(surface, c);
    return defined != null ? defined : c.classCue != null ? c.classCue : Noema.Concept.getURI();
  }

  /**
   * Whether a phrase is written in lower case and each of its words, but for stop words, is among
   * its language's common words ("jours de repos", "free users"; not "rythme circadien", whose
   * "circadien" is not, nor "Deutsche Bahn", a name). A hyphenated word is listed as no common word
   * ("long-term plan" is no everyday phrase), and a language without a common-word list has none.
   */
  private boolean everydayPhrase(String surface, Candidate c) {
    if (Character.isUpperCase(surface.codePointAt(0))) {
      return false;
    }
    LanguageProfile profile = lexicon.language(c.language);
    boolean content = false;
    for (String word : WORDS_AND_ELISIONS.split(surface)) {
      String folded = Text.fold(word);
      if (folded.isEmpty() || profile.isStopWord(folded, "")) {
        continue;
      }
      if (profile.specificity(word) >= 1) {
        return false;
      }
      content = true;
    }
    return content;
  }

  /**
   * Whether a phrase has a word inside it that no term has there ("pages or documents", "refreshing
   * the token", "physicalism is false", "lumière est votre levier"): a conjunction joins two
   * things, an article opens a verb's object, a form of "to be" makes a sentence, a possessive
   * describes the reader's own. Not in a title, whose last word is capitalised.
   */
  private boolean joinsWords(String surface) {
    String[] words = surface.split(" ");
    if (Character.isUpperCase(words[words.length - 1].charAt(0))) {
      // A title's words ("Remembering the Kanji") may hold any of them.
      return false;
    }
    Pattern inside = lexicon.cue("not-inside-term");
    for (int i = 1; i < words.length - 1; i++) {
      if (inside.matcher(words[i]).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a candidate is one common word in every form it is written in ("task", "tasks"; not
   * "thread" beside "threading"), with no definition: being repeated, emphasised or in a heading
   * marks such a word as often as it marks a term.
   */
  private boolean commonWord(Candidate c) {
    if (c.words != 1 || c.definition != null) {
      return false;
    }
    LanguageProfile profile = lexicon.language(c.language);
    return c.surfaces.keySet().stream().allMatch(profile::isCommon);
  }

  /**
   * Whether a word or phrase of the title comes back in several turns ("Aprender guitarra de
   * adulto": guitarra; "Asyncio Deadlock Debugging": deadlock): what the title names and the turns
   * repeat is what the conversation is about. Not a part of a longer phrase of the title that is a
   * term ("Braising Beef Short Ribs" names short ribs, not ribs), nor one word among the most
   * common of its language ("aprender"), which the title uses as it uses "how" or "plan".
   */
  private boolean repeatedFromTitle(String key, Candidate c, int count, int turns) {
    Set<String> longer = titlePhrases.get(key);
    if (longer == null || turns < 2 || count < 2 || longer.stream().anyMatch(terms::containsKey)) {
      return false;
    }
    LanguageProfile profile = lexicon.language(c.language);
    // Any common form makes the word common: "aprende" is not listed, "aprender" is.
    return c.words > 1
        || c.surfaces.keySet().stream()
            .allMatch(form -> profile.specificity(form) >= MIN_TITLE_WORD_SPECIFICITY);
  }

  private String nameType(String surface, Candidate c) {
    String[] words = surface.split(" ");
    if (c.organizationCue) {
      return Noema.Organization.getURI();
    }
    // A person's cue or a curated given name says person whatever the other words say ("Der
    // Chemiker Paul Berg", "Joan Rivers", "Jane Smith is a software engineer at Google").
    if (c.personCue || words.length > 1 && lexicon.isGivenName(words[0])) {
      return Noema.Person.getURI();
    }
    // A place word last in a name or an event word at its head says more than a first word that
    // only the generated name lists hold ("Victoria Station", "Valencia Marathon").
    String inside = insideClass(words, c.language);
    if (inside != null) {
      return inside;
    }
    if (words.length > 1 && lexicon.startsPersonName(words[0])) {
      return Noema.Person.getURI();
    }
    String defined = definitionHead(surface, c);
    if (defined != null) {
      return defined;
    }
    return c.classCue != null ? c.classCue : Noema.Concept.getURI();
  }

  /**
   * The type the class word heading a candidate's definition names ("Anki is a free flashcard
   * program", "Remembering the Kanji is a book by James Heisig"), or null: the head of the noun
   * phrase after the term and its copula or colon ({@link #headType}).
   */
  private String definitionHead(String surface, Candidate c) {
    if (c.definition == null) {
      return null;
    }
    String body = afterTerm(c.definition, surface);
    Matcher lead = DEFINITION_LEAD.matcher(body);
    int at = lead.lookingAt() ? lead.end() : 0;
    Matcher copula = lexicon.cue("definition").matcher(body);
    if (copula.region(at, body.length()).lookingAt()) {
      at = copula.end();
      lead.region(at, body.length());
      at = lead.lookingAt() ? lead.end() : at;
    }
    return headType(body, at, lexicon.language(c.language));
  }

  /**
   * The type a term's definition gives it: its head ({@link #definitionHead}), else Method when a
   * method word stands anywhere in it, as it did before the other kinds had words ("La TCC-I est
   * aujourd'hui le traitement recommandé"; measured: development typing 88 of 95 with it, 87
   * without). Not for names: "Geoffrey Hinton is a researcher whose approach ..." is no method.
   */
  private String definedType(String surface, Candidate c) {
    String head = definitionHead(surface, c);
    boolean name = c.midSentenceNames > 0 && Character.isUpperCase(surface.charAt(0));
    if (head == null
        && !name
        && c.definition != null
        && lexicon.cue("method-word").matcher(afterTerm(c.definition, surface)).find()) {
      return Noema.Method.getURI();
    }
    return head;
  }

  /**
   * Whether one word is a compound of a language that writes its terms as one word (German
   * "Vorabpauschale", "Zinseszinseffekt"): at least its {@code compound-length} cue's letters, in
   * none of its forms among the language's common words, and written in two turns.
   */
  private boolean compound(Candidate c, int turns, int count) {
    int length = lexicon.compoundLength(c.language);
    if (length <= 0 || turns < 2 || count < 2) {
      return false;
    }
    LanguageProfile profile = lexicon.language(c.language);
    return c.surfaces.keySet().stream()
        .allMatch(form -> form.length() >= length && profile.specificity(form) >= 1);
  }

  /**
   * Whether a candidate starts with a generic word (a unit, a span of time: the language's generic
   * nouns) that is mostly written right after a number, and is never defined: a measured quantity
   * ("ab 20 Minuten Verspätung", "60 pages a month"), not the name of a thing. A name after a
   * number ("3 Kafka clusters") is no quantity.
   */
  private static boolean measured(Candidate c) {
    return c.definition == null && c.afterNumber * 2 > c.count;
  }

  private static String afterTerm(String definition, String surface) {
    // Found in the definition as written (any case): a folded copy may differ in length ("ß").
    Matcher at =
        Pattern.compile(Pattern.quote(surface), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
            .matcher(definition);
    String rest = at.find() ? definition.substring(at.end()) : definition;
    return rest.length() > 60 ? rest.substring(0, 60) : rest;
  }

  private Term term(String key, Candidate c, String type) {
    String label = surface(c);
    boolean named =
        !type.equals(Noema.Concept.getURI()) && !type.equals(Noema.Method.getURI())
            || Character.isUpperCase(label.charAt(0)) && c.midSentenceNames > 0;
    String listed = lexicon.canonical(label);
    // Without a listed English name the canonical label is the label itself (accents kept): a
    // folded key ("lumiere") would be shown as the entity's name. A concept's sentence-initial
    // capital is dropped; an acronym ("TCC-I") keeps its case.
    String canonical = listed != null ? listed : named ? label : TextRules.sentenceCase(label);
    Set<String> aliases = new LinkedHashSet<>();
    for (String s : c.surfaces.keySet()) {
      if (!Text.fold(s).equals(Text.fold(label))) {
        aliases.add(s);
      }
    }
    return new Term(key, canonical, label, type, aliases, c.definition);
  }

  /**
   * The most frequent surface form; on a tie the shortest, which is most often the base form ("код"
   * beside "коде" and "кодом", "zombie" beside "zombies"), then the first seen.
   */
  private static String surface(Candidate c) {
    if (c.title != null) {
      return c.title;
    }
    String best = null;
    int most = 0;
    for (Map.Entry<String, int[]> e : c.surfaces.entrySet()) {
      int seen = e.getValue()[0];
      if (seen > most || seen == most && e.getKey().length() < best.length()) {
        best = e.getKey();
        most = seen;
      }
    }
    return best;
  }

  private static String lastWordKey(String key) {
    int space = key.lastIndexOf(' ');
    return space < 0 ? key : key.substring(space + 1);
  }

  // ---- matching and co-occurrence ----

  private List<Mention> match(List<Token> tokens) {
    List<Mention> result = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      int matched = 0;
      Term t = null;
      if (tokens.get(i) != null) {
        // The longest term along the words from here, up to a barrier: the trie of term keys.
        TermTrie node = termTrie;
        for (int n = 1;
            n <= MAX_DEFINED_WORDS && i + n <= tokens.size() && tokens.get(i + n - 1) != null;
            n++) {
          node = node.next.get(tokens.get(i + n - 1).stem());
          if (node == null) {
            break;
          }
          if (node.term != null) {
            t = node.term;
            matched = n;
          }
        }
        if (t == null && tokens.get(i).upper()) {
          t = terms.get(tokens.get(i).folded());
          matched = t == null ? 0 : 1;
        }
      }
      if (t != null) {
        StringBuilder surface = new StringBuilder();
        for (int k = i; k < i + matched; k++) {
          surface
              .append(k == i || elided(tokens.get(k - 1)) ? "" : " ")
              .append(tokens.get(k).surface());
        }
        result.add(new Mention(t, surface.toString()));
      }
      i += Math.max(1, matched);
    }
    return result;
  }

  private void cooccurrences() {
    Map<String, Integer> single = new HashMap<>();
    Map<String, Map<String, Integer>> pairs = new HashMap<>();
    for (Unit unit : units) {
      List<String> keys =
          unit.mentions().stream().map(m -> m.term().key()).distinct().sorted().toList();
      for (int a = 0; a < keys.size(); a++) {
        single.merge(keys.get(a), 1, Integer::sum);
        for (int b = a + 1; b < keys.size(); b++) {
          pairs
              .computeIfAbsent(keys.get(a), k -> new HashMap<>())
              .merge(keys.get(b), 1, Integer::sum);
        }
      }
    }
    double n = units.size();
    pairs.forEach(
        (a, others) ->
            others.forEach(
                (b, together) -> {
                  // Positive pointwise mutual information: seen together more than chance.
                  if (together * n > single.get(a) * (double) single.get(b)) {
                    related.computeIfAbsent(a, k -> new HashMap<>()).put(b, together);
                    related.computeIfAbsent(b, k -> new HashMap<>()).put(a, together);
                  }
                }));
  }

  // ---- tokens ----

  private List<Token> tokens(String prose, String language) {
    LanguageProfile profile = lexicon.language(language);
    Map<String, Word> known = words.computeIfAbsent(profile.code(), c -> new HashMap<>());
    List<Token> result = new ArrayList<>();
    int previousEnd = 0;
    boolean sentenceStart = true;
    for (int start = tokenStart(prose, 0); start >= 0; start = tokenStart(prose, previousEnd)) {
      int end = tokenEnd(prose, start);
      Gap gap = gaps.computeIfAbsent(prose.substring(previousEnd, start), ConversationTerms::gap);
      boolean initialDot =
          !result.isEmpty()
              && result.get(result.size() - 1) != null
              && result.get(result.size() - 1).surface().length() == 1
              && gap.initialDot();
      if (!result.isEmpty() && !gap.blank() && !initialDot && !gap.joining()) {
        result.add(null);
        sentenceStart |= gap.sentenceEnd();
      }
      Word word = word(prose.substring(start, end), profile, known);
      boolean afterCode = gap.separator();
      int at = start;
      Elision elision = word.elision();
      if (elision != null && !(elision.name() && !sentenceStart)) {
        // The elided article or preposition ("l'", "dell'", "d'") is a word of its own, a stop
        // word, so that no term starts with it: "l'activation mentale" names "activation mentale".
        int articleEnd = at + elision.article().surface().length();
        result.add(new Token(elision.article(), afterCode, sentenceStart, at, articleEnd));
        sentenceStart = false;
        at = articleEnd;
        word = elision.rest();
      }
      result.add(
          new Token(
              word, word.code() || afterCode, sentenceStart, at, at + word.surface().length()));
      sentenceStart = false;
      previousEnd = end;
    }
    return result;
  }

  /**
   * Where the next word starts at or after {@code from}, or -1. A word of prose is what {@link
   * #TOKEN} matches, found by hand since the first pass reads every word of the conversation: it
   * starts at a letter or number, takes the letters, numbers, marks and joiners (' ’ _ . / \ -)
   * that follow, and ends at the last letter, number or mark among them ({@link #tokenEnd}).
   */
  static int tokenStart(String text, int from) {
    for (int i = from; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (Character.isLetter(c) || isNumber(c)) {
        return i;
      }
      i += Character.charCount(c);
    }
    return -1;
  }

  /** Where the word that starts at {@code start} ends. */
  static int tokenEnd(String text, int start) {
    int end = start + Character.charCount(text.codePointAt(start));
    for (int i = end; i < text.length(); ) {
      int c = text.codePointAt(i);
      boolean wordPart = Character.isLetter(c) || isNumber(c) || isMark(c);
      if (!wordPart && "'’_./\\-".indexOf(c) < 0) {
        break;
      }
      i += Character.charCount(c);
      if (wordPart) {
        end = i;
      }
    }
    return end;
  }

  /** {@code \p{N}}: any number, not only the decimal digits of {@link Character#isDigit}. */
  private static boolean isNumber(int c) {
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  /** {@code \p{M}}: a combining mark. */
  private static boolean isMark(int c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  /** The word as written, from {@code known} (the language's words met so far) or made anew. */
  private Word word(String written, LanguageProfile profile, Map<String, Word> known) {
    Word word = known.get(written);
    if (word == null) {
      String surface = TRAILING_DOTS.matcher(written).replaceAll("");
      int elided = elision(surface, profile);
      Elision elision = null;
      if (elided > 0) {
        elision =
            new Elision(
                article(surface.substring(0, elided), profile),
                word(surface.substring(elided), profile, known),
                Character.isUpperCase(surface.charAt(0))
                    && Character.isUpperCase(surface.charAt(elided)));
      }
      word = word(surface, profile, elision);
      known.put(written, word);
    }
    return word;
  }

  private Word word(String surface, LanguageProfile profile, Elision elision) {
    String folded = Text.fold(surface);
    String stem = stem(folded, profile);
    boolean upper =
        surface.length() > 1
            && surface.equals(surface.toUpperCase(Locale.ROOT))
            && surface.chars().anyMatch(Character::isLetter);
    boolean stop =
        profile.isStopWord(folded, stem)
            || surface.length() < 2
            || surface.chars().allMatch(Character::isDigit);
    return new Word(
        surface,
        POSSESSIVE_S.matcher(surface).replaceFirst(""),
        folded,
        stem,
        Character.isUpperCase(surface.charAt(0)),
        upper,
        stop,
        !stop && profile.isGeneric(folded, stem),
        isCode(surface),
        elision);
  }

  /** An elided article, apostrophe included: a stop word, never code of itself. */
  private Word article(String surface, LanguageProfile profile) {
    String article = surface.substring(0, surface.length() - 1);
    String folded = Text.fold(article);
    return new Word(
        surface,
        POSSESSIVE_S.matcher(surface).replaceFirst(""),
        folded,
        stem(folded, profile),
        Character.isUpperCase(article.charAt(0)),
        false,
        true,
        false,
        false,
        null);
  }

  private String stem(String folded, LanguageProfile profile) {
    return stemmers.computeIfAbsent(profile.code(), c -> profile.stemmer()).apply(folded);
  }

  private static Gap gap(String text) {
    return new Gap(
        text.isBlank(),
        INITIAL_DOT_GAP.matcher(text).matches(),
        JOINING_GAP.matcher(text).matches(),
        SENTENCE_GAP.matcher(text).matches(),
        PATH_GAP.matcher(text).matches());
  }

  /**
   * The length of the elided article or preposition that starts a word, apostrophe included ("l'"
   * of "l'activation", "dell'" of "dell'anno", "d'" of "d'une"), else 0: the part before the
   * apostrophe is a stop word of the language and the rest starts with a vowel or h, as elision
   * does. A name keeps its apostrophe where the elided part is capitalised inside a sentence
   * ("D'Angelo", "L'Oréal": {@link Elision#name}); contractions ("don't", "we're") end in a
   * consonant and are left whole.
   */
  private static int elision(String word, LanguageProfile profile) {
    Matcher m = ELIDED.matcher(word);
    return m.lookingAt() && profile.isStopWord(Text.fold(m.group(1)), "") ? m.end() : 0;
  }

  /**
   * Whether a word is code: snake case, dotted or slashed (file names, paths, modules), with digits
   * (versions, identifiers), lower camel case, or with a capital and also written in the
   * conversation's code (a class or constant named in prose). A lower-case word written in code too
   * ("asyncio") is judged as a word.
   */
  private boolean isCode(String word) {
    if (CODE_CHARACTER.matcher(word).matches() || LOWER_CAMEL_CASE.matcher(word).matches()) {
      return true;
    }
    return codeWords.contains(word) && word.chars().anyMatch(Character::isUpperCase);
  }

  /** Whether a token is an elided article, written joined to the next word ("dell'"). */
  private static boolean elided(Token token) {
    char last = token.surface().charAt(token.surface().length() - 1);
    return last == '\'' || last == '’';
  }

  private static String key(List<Token> tokens, int from, int to) {
    StringBuilder out = new StringBuilder();
    for (int i = from; i < to; i++) {
      Token t = tokens.get(i);
      if (t == null) {
        return "";
      }
      out.append(i == from ? "" : " ").append(t.stem());
    }
    return out.toString();
  }

  private static boolean allStop(List<Token> tokens) {
    return tokens.stream().allMatch(t -> t == null || t.stop() || t.generic());
  }

  // ---- text with code marked ----

  /** The text with code spans replaced by a barrier, as the term rules read it. */
  static String prose(String marked) {
    return marked.indexOf(CODE_START) < 0
        ? marked
        : CODE_REGION.matcher(marked).replaceAll(BARRIER);
  }

  /** The text as a reader sees it: code kept, its markers removed. */
  static String quote(String marked) {
    return marked.replace(String.valueOf(CODE_START), "").replace(String.valueOf(CODE_END), "");
  }

  static String markCode(String code) {
    return CODE_START + code + CODE_END;
  }
}
