package dev.noema.identity;

import com.ibm.icu.text.Transliterator;
import dev.noema.text.Text;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.de.GermanLightStemmer;
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;
import org.apache.lucene.analysis.es.SpanishLightStemmer;
import org.apache.lucene.analysis.fr.FrenchLightStemmer;
import org.apache.lucene.analysis.it.ItalianLightStemmer;
import org.apache.lucene.analysis.pt.PortugueseLightStemmer;
import org.apache.lucene.analysis.ru.RussianLightStemmer;

/**
 * The keys by which a name is matched, from the strongest evidence to the weakest: its {@link
 * Text#key}; its keys in Latin letters (ICU4J's transliterators, so that {@code Кирилл} meets
 * {@code Kirill}); its stem key (Lucene's light stemmers, one per language, so that {@code Баха}
 * meets {@code Бах}).
 *
 * <p>Transliteration is only ever compared across scripts: two Cyrillic names never meet by their
 * Latin forms, which would make {@code зайка} and {@code заика} one ({@code zajka}, {@code zaika}
 * happen to differ, but {@code ё}/{@code е} and similar would not). Light stemmers remove endings
 * only (plural, case), not derivations, so {@code university} and {@code universe} stay apart.
 *
 * <p>Stateless and thread-safe.
 */
final class NameKeys {
  private NameKeys() {}

  /**
   * A Lucene light stemmer: stems {@code length} chars of {@code word} in place, returns the new
   * length.
   */
  private interface Stemmer {
    int stem(char[] word, int length);
  }

  /** Stems shorter than this, over the whole name, are not evidence (too many words share them). */
  private static final int MIN_STEM_LETTERS = 3;

  private static final Map<String, Stemmer> STEMMERS =
      Map.of(
          "ru", new RussianLightStemmer()::stem,
          "en", new EnglishMinimalStemmer()::stem,
          "fr", new FrenchLightStemmer()::stem,
          "de", new GermanLightStemmer()::stem,
          "es", new SpanishLightStemmer()::stem,
          "it", new ItalianLightStemmer()::stem,
          "pt", new PortugueseLightStemmer()::stem);

  /**
   * ICU's transliterators, built on first use (compiling their rules takes a moment) and shared:
   * they are stateless, so threads may share them without locking.
   */
  private static final class Transliterators {
    static final Transliterator ANY_LATIN = Transliterator.getInstance("Any-Latin; Latin-ASCII");
    static final Transliterator RUSSIAN_LATIN =
        Transliterator.getInstance("Russian-Latin/BGN; Latin-ASCII");
  }

  /** The key of a name ({@link Text#key}). */
  static String exact(String name) {
    return Text.key(name);
  }

  /**
   * Whether every letter of {@code key} is a Latin letter (a key of no letters counts as Latin).
   */
  static boolean isLatin(String key) {
    return key.codePoints()
        .filter(Character::isLetter)
        .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
  }

  /**
   * The keys of the name's transliterations into Latin letters (ICU {@code Any-Latin; Latin-ASCII},
   * and for Cyrillic also the BGN/PCGN romanisation of Russian, which writes names as English texts
   * do: {@code Фейнман} as {@code Feynman}); empty for a name already in Latin letters.
   */
  static Set<String> latin(String key) {
    if (isLatin(key)) {
      return Set.of();
    }
    Set<String> keys = new LinkedHashSet<>();
    addLatin(keys, Transliterators.ANY_LATIN.transliterate(key));
    if (key.codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC)) {
      // BGN marks some letter pairs with a middle dot (D·evid); English texts write none.
      addLatin(keys, Transliterators.RUSSIAN_LATIN.transliterate(key).replace("\u00b7", ""));
    }
    return keys;
  }

  private static void addLatin(Set<String> keys, String transliterated) {
    String key = Text.key(transliterated);
    if (!key.isEmpty() && isLatin(key)) {
      keys.add(key);
    }
  }

  /**
   * The stem key of a name's key in {@code language} (its primary subtag; for "und", Russian when
   * the name is Cyrillic): the language and each word's stem, or null when Noema has no stemmer for
   * the language or the stems are too short to be evidence.
   */
  static String stem(String key, String language) {
    String lang = primary(language);
    if (lang.equals("und")
        && key.codePoints()
            .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC)) {
      lang = "ru";
    }
    Stemmer stemmer = STEMMERS.get(lang);
    if (stemmer == null || key.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder(lang).append(':');
    int letters = 0;
    for (String word : key.split(" ")) {
      char[] chars = word.toCharArray();
      int length =
          word.codePoints().allMatch(Character::isLetter)
              ? stemmer.stem(chars, chars.length)
              : chars.length;
      letters += length;
      out.append(chars, 0, length).append(' ');
    }
    return letters < MIN_STEM_LETTERS ? null : out.substring(0, out.length() - 1);
  }

  /**
   * The consonant skeleton of a key in Latin letters: vowels (and y) dropped, each run of one
   * letter written once ("david chalmers" and "devid chalmers" both give "dvd chlmrs"); null when
   * fewer than {@value #MIN_SKELETON_LETTERS} consonants remain, too few to tell names apart.
   */
  static String skeleton(String latinKey) {
    StringBuilder out = new StringBuilder(latinKey.length());
    int letters = 0;
    char previous = 0;
    for (char c : latinKey.toCharArray()) {
      if (c == ' ') {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
          out.append(' ');
        }
        previous = c;
      } else if ("aeiouy".indexOf(c) < 0 && c != previous) {
        out.append(c);
        previous = c;
        letters += Character.isLetter(c) ? 1 : 0;
      } else if ("aeiouy".indexOf(c) >= 0) {
        previous = c;
      }
    }
    return letters < MIN_SKELETON_LETTERS ? null : out.toString().strip();
  }

  private static final int MIN_SKELETON_LETTERS = 3;

  /**
   * Every key of one name at once.
   *
   * @param exact its {@link #exact} key
   * @param latin whether it is written in Latin letters
   * @param transliterations the keys of its {@link #latin} forms (empty for a Latin name)
   * @param skeletons the {@link #skeleton}s of its Latin forms (its own key's for a Latin name)
   * @param stem its {@link #stem} key, or null
   */
  record Keys(
      String exact,
      boolean latin,
      Set<String> transliterations,
      Set<String> skeletons,
      String stem) {

    static Keys of(String key, String language) {
      boolean latin = isLatin(key);
      Set<String> transliterations = latin ? Set.of() : NameKeys.latin(key);
      Set<String> skeletons = new LinkedHashSet<>();
      for (String form : latin ? Set.of(key) : transliterations) {
        String skeleton = skeleton(form);
        if (skeleton != null) {
          skeletons.add(skeleton);
        }
      }
      return new Keys(
          key, latin, transliterations, Set.copyOf(skeletons), NameKeys.stem(key, language));
    }
  }

  /** The primary subtag of a BCP 47 tag, lower case ("en" for "en-GB"); "und" for none. */
  static String primary(String language) {
    String primary = Text.primaryLanguage(language);
    return primary.isEmpty() ? "und" : primary;
  }
}
