package dev.noema.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.ru.RussianLightStemmer;

/**
 * The structural extractor's rules for what lies inside one run of text (a paragraph, a table cell,
 * a list item): sentences, clauses, upper-case names, capitalised words, labels, script. Markdown
 * structure is never parsed here; that is commonmark's job in {@link TurnScan}. Cue words are per
 * language, in {@link Lexicon}. Stateless and thread-safe.
 */
final class TextRules {
  /** Upper-case Latin words; whether one names a module is decided in {@link #moduleNames}. */
  private static final Pattern CAPS =
      Pattern.compile("(?<![\\p{L}\\p{N}-])[A-Z]{2,}(?![\\p{L}\\p{N}]|-\\p{L})");

  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}'’-]*");
  private static final Pattern SENTENCE_END =
      Pattern.compile("(?<=[.!?…])(?<!(?:^|[\\s(])\\p{Lu}\\.)\\s+(?=[\\p{Lu}\"“«(])");
  private static final Pattern LEADING_NUMBERING =
      Pattern.compile("^[^\\p{L}\\p{N}]*(?:(?:[IVXLC]+|\\d+)[.)]\\s*)?");
  private static final Pattern CLAUSE_END = Pattern.compile("[,;()]|\\s[—–-]\\s|[.!?…]\\s*$");
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.,;:!?…]+$");
  private static final Pattern QUOTED = Pattern.compile("^[\"“«](.*)[\"”»]$");

  /** Stateless after construction, so one is shared. */
  private static final RussianLightStemmer RUSSIAN = new RussianLightStemmer();

  private TextRules() {}

  /**
   * A concept's name as a canonical label: the label with a sentence-initial capital lowered
   * ("Lumière" gives "lumière"), an acronym or a capitalised name left as written ("TCC-I", "CPU").
   */
  static String sentenceCase(String label) {
    if (label.length() > 1
        && Character.isUpperCase(label.charAt(0))
        && Character.isLowerCase(label.charAt(1))) {
      return Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
    return label;
  }

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
   * Upper-case Latin tokens that may name modules (RECURSIA, OBSTRUCTIO, ORDO): at least {@code
   * minLetters} letters, not a listed acronym, and not beside another upper-case word (a run of
   * capitals is shouting, not a name). In order, repeated. Whether they are modules is the
   * conversation's to say ({@link ConversationTerms}).
   */
  static List<String> moduleNames(String text, Lexicon lexicon, int minLetters) {
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
      if (token.length() >= minLetters
          && !lexicon.isAcronym(token)
          && !besidePrevious
          && !besideNext) {
        result.add(token);
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
   * The language of a label within a turn of {@code turnLanguage}: "ru" for Cyrillic, "en" for a
   * Latin label in a turn written in another script, else the turn's ("und" when it has none).
   */
  static String language(String label, String turnLanguage) {
    boolean latin = false;
    for (int i = 0; i < label.length(); i++) {
      Character.UnicodeScript script = Character.UnicodeScript.of(label.charAt(i));
      if (script == Character.UnicodeScript.CYRILLIC) {
        return "ru";
      }
      latin |= script == Character.UnicodeScript.LATIN;
    }
    if (latin && "ru".equals(turnLanguage)) {
      return "en";
    }
    return turnLanguage;
  }

  private static boolean isCapitalised(String word) {
    return word.length() >= 2
        && Character.isUpperCase(word.charAt(0))
        && Character.isLowerCase(word.charAt(1));
  }
}
