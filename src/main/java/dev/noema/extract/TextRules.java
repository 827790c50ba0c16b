package dev.noema.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.ru.RussianLightStemmer;

/**
 * The structural extractor's rules for what lies inside one run of text (a paragraph, a table cell,
 * a list item): sentences, upper-case module names, proper names, analogy cues, perspective cues,
 * script. Markdown structure is never parsed here; that is commonmark's job in {@link TurnScan}.
 * Stateless and thread-safe.
 *
 * <p>Cue lists, kept small on purpose (each is a regular expression below):
 *
 * <ul>
 *   <li>analogy: {@code аналогично}, {@code похоже на то, как}, {@code подобно тому, как}, {@code
 *       как X понимал}, {@code like}, {@code analogous to}, {@code just as};
 *   <li>a group holding a perspective: {@code индустри-}, {@code отрасл-}, {@code industry}, {@code
 *       mainstream};
 *   <li>an unnamed standard view: {@code стандартн-}, {@code типичн-}, {@code общепринят-}, {@code
 *       традиционн-}, {@code standard}, {@code conventional}, {@code traditional};
 *   <li>a method: {@code метод-}, {@code подход-}, {@code method}, {@code approach};
 *   <li>a consensus of modules: {@code консенсус-}, {@code ансамбл-}, {@code consensus}, {@code
 *       ensemble}.
 * </ul>
 */
final class TextRules {
  static final Pattern ANALOGY =
      Pattern.compile(
          "(?iu)(?<![\\p{L}-])(?:аналогично(?: тому,?(?: как)?)?|похоже на то,? как|подобно тому,? как|analogous to|just as|like)"
              + "(?!\\p{L})|(?-i:(?<!\\p{L})как(?= \\p{Lu}\\p{Ll}+ понимал))");
  static final Pattern GROUP =
      Pattern.compile("(?iu)(?<!\\p{L})(?:индустри\\p{L}*|отрасл\\p{L}*|industry|mainstream)");
  static final Pattern STANDARD =
      Pattern.compile(
          "(?iu)(?<!\\p{L})(?:стандартн|типичн|общепринят|традиционн|standard|conventional|traditional)\\p{L}*");
  static final Pattern METHOD =
      Pattern.compile("(?iu)(?<!\\p{L})(?:метод|подход|method|approach)\\p{L}*");
  static final Pattern CONSENSUS =
      Pattern.compile("(?iu)(?<!\\p{L})(?:консенсус|ансамбл|consensus|ensemble)\\p{L}*");

  /** Upper-case Latin words; whether one names a module is decided in {@link #moduleNames}. */
  private static final Pattern CAPS =
      Pattern.compile("(?<![\\p{L}\\p{N}-])[A-Z]{2,}(?![\\p{L}\\p{N}]|-\\p{L})");

  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}'’-]*");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+(?=[\\p{Lu}\"“«(])");
  private static final Pattern LEADING_NUMBERING =
      Pattern.compile("^[^\\p{L}\\p{N}]*(?:(?:[IVXLC]+|\\d+)[.)]\\s*)?");
  private static final Pattern CLAUSE_END = Pattern.compile("[,;()]|\\s[—–-]\\s|[.!?…]\\s*$");
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.,;:!?…]+$");
  private static final Pattern QUOTED = Pattern.compile("^[\"“«](.*)[\"”»]$");
  private static final Set<Character> SENTENCE_OPENERS =
      Set.of('.', '!', '?', '…', ':', '"', '“', '«', '(', '|');

  /** Stateless after construction, so one is shared. */
  private static final RussianLightStemmer RUSSIAN = new RussianLightStemmer();

  private TextRules() {}

  /** The text split into sentences, each stripped; never empty strings. */
  static List<String> sentences(String text) {
    List<String> result = new ArrayList<>();
    for (String s : SENTENCE_END.split(text)) {
      if (!s.isBlank()) {
        result.add(s.strip());
      }
    }
    return result;
  }

  /**
   * Upper-case Latin tokens that name modules (RECURSIA, OBSTRUCTIO, INSIGHT): at least five
   * letters, not a listed acronym, and not beside another upper-case word (a run of capitals is
   * shouting, not a name). In order, repeated.
   */
  static List<String> moduleNames(String text, Lexicon lexicon) {
    List<int[]> spans = new ArrayList<>();
    Matcher m = CAPS.matcher(text);
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    List<String> result = new ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      String token = text.substring(spans.get(i)[0], spans.get(i)[1]);
      boolean besidePrevious =
          i > 0 && text.substring(spans.get(i - 1)[1], spans.get(i)[0]).isBlank();
      boolean besideNext =
          i + 1 < spans.size() && text.substring(spans.get(i)[1], spans.get(i + 1)[0]).isBlank();
      if (token.length() >= 5 && !lexicon.isAcronym(token) && !besidePrevious && !besideNext) {
        result.add(token);
      }
    }
    return result;
  }

  /**
   * Capitalised words (not all capitals) that do not open a sentence: the turn's candidates for
   * proper names.
   */
  static Set<String> properNameCandidates(String text) {
    Set<String> result = new HashSet<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      String word = m.group();
      if (isCapitalised(word) && !opensSentence(text, m.start())) {
        result.add(word);
      }
    }
    return result;
  }

  /**
   * The clause of {@code sentence} that starts at {@code from}: up to the next comma, semicolon,
   * dash or bracket.
   */
  static String clause(String sentence, int from) {
    Matcher end = CLAUSE_END.matcher(sentence);
    int start = from;
    while (start < sentence.length() && !Character.isLetterOrDigit(sentence.charAt(start))) {
      start++;
    }
    return end.find(start) ? sentence.substring(start, end.start()) : sentence.substring(start);
  }

  /** Capitalised words of {@code text} from {@code from} on, in order. */
  static List<String> capitalisedWords(String text, int from) {
    List<String> result = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    m.region(from, text.length());
    while (m.find()) {
      if (isCapitalised(m.group())) {
        result.add(m.group());
      }
    }
    return result;
  }

  static List<String> words(String text) {
    List<String> result = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      result.add(m.group());
    }
    return result;
  }

  /**
   * A label from a heading, a first-column cell or an emphasised phrase: leading emoji, marks and
   * numbering ("I.", "2.") removed, trailing punctuation removed, and enclosing quotes removed when
   * they enclose the whole label.
   */
  static String cleanLabel(String text) {
    String s =
        TRAILING_PUNCTUATION
            .matcher(LEADING_NUMBERING.matcher(text.strip()).replaceFirst(""))
            .replaceAll("");
    Matcher quoted = QUOTED.matcher(s);
    return (quoted.matches() ? quoted.group(1) : s).strip();
  }

  /**
   * A word's stem for telling the inflected forms of one name apart from other words: lower case,
   * then Lucene's light Russian stemmer (Savoy's, which strips case endings only: Кирилла, Кириллом
   * and Кирилл share {@code кирилл}). Words of other scripts are only lower-cased.
   */
  static String stem(String word) {
    char[] chars = word.toLowerCase(Locale.ROOT).toCharArray();
    return new String(chars, 0, RUSSIAN.stem(chars, chars.length));
  }

  /** "ru" when the text has Cyrillic letters, "en" when it has Latin ones, else "und". */
  static String language(String text) {
    boolean latin = false;
    for (int i = 0; i < text.length(); i++) {
      Character.UnicodeScript script = Character.UnicodeScript.of(text.charAt(i));
      if (script == Character.UnicodeScript.CYRILLIC) {
        return "ru";
      }
      latin |= script == Character.UnicodeScript.LATIN;
    }
    return latin ? "en" : "und";
  }

  private static boolean isCapitalised(String word) {
    return word.length() >= 2
        && Character.isUpperCase(word.charAt(0))
        && Character.isLowerCase(word.charAt(1));
  }

  private static boolean opensSentence(String text, int at) {
    for (int i = at - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && c != '*' && c != '_') {
        return SENTENCE_OPENERS.contains(c)
            || Character.getType(c) == Character.OTHER_SYMBOL
            || Character.isSurrogate(c);
      }
    }
    return true;
  }
}
