package dev.noema.extract;

import dev.noema.text.LanguageWords;
import dev.noema.text.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.tartarus.snowball.SnowballStemmer;

/**
 * What the structural extractor knows of one language: the cue words of {@code
 * lang/CODE/cues.properties} beside this class, its function, stop and generic words ({@link
 * LanguageWords}, shared with identity), and Lucene's Snowball stemmer, which reduces a word to the
 * base form labels are matched by (the label keeps its surface form). Immutable and thread-safe;
 * {@link #stemmer()} gives each caller its own stemmer (Snowball's are not thread-safe).
 */
final class LanguageProfile {
  /** The shortest stem that stands for a generic word's inflections. */
  private static final int MIN_STEM = 4;

  /**
   * A cue of fewer letters than a stem has ({@link #MIN_STEM}), which stays a whole word even where
   * cues are stems.
   */
  private static final Pattern SHORT_WORD = Pattern.compile("\\p{L}{1," + (MIN_STEM - 1) + "}");

  /**
   * The specificity below which a word is common: a rank in the first half of the list (the square
   * root of one half).
   */
  private static final double COMMON_SPECIFICITY = Math.sqrt(0.5);

  private final String code;
  private final Properties cues;
  private final Set<String> stopWords;
  private final Set<String> functionWords;
  private final Set<String> genericWords;
  private final Set<String> genericStems;
  private final String stemmerClass;
  private final LanguageWords words;

  private LanguageProfile(
      String code,
      Properties cues,
      Set<String> functionWords,
      Set<String> own,
      Set<String> generic,
      LanguageWords words) {
    this.code = code;
    this.words = words;
    this.cues = cues;
    this.functionWords = Set.copyOf(functionWords);
    this.stemmerClass = "org.tartarus.snowball.ext." + required(cues, "stemmer") + "Stemmer";
    Set<String> all = new HashSet<>(functionWords);
    all.addAll(own);
    this.stopWords = Set.copyOf(all);
    UnaryOperator<String> stem = stemmer();
    this.genericWords = Set.copyOf(generic);
    Set<String> genericStems = new HashSet<>();
    for (String word : generic) {
      genericStems.add(stem.apply(word));
    }
    this.genericStems = Set.copyOf(genericStems);
  }

  /** Reads {@code lang/CODE/} beside this class. */
  static LanguageProfile load(String code) {
    String folder = "lang/" + code + "/";
    Properties cues = new Properties();
    try (InputStream in = open(folder + "cues.properties")) {
      cues.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(folder + "cues.properties: " + e.getMessage(), e);
    }
    LanguageWords words = LanguageWords.of(code);
    if (words.genericWords().isEmpty()) {
      throw new IllegalStateException(
          "lang/languages.txt lists "
              + code
              + " but dev/noema/text/lang/"
              + code
              + "/stopwords.txt is missing");
    }
    Set<String> functionWords = folded(words.functionWords());
    Set<String> own = folded(words.stopWords());
    Set<String> generic = folded(words.genericWords());
    return new LanguageProfile(code, cues, functionWords, own, generic, words);
  }

  private static Set<String> folded(Set<String> words) {
    Set<String> out = new HashSet<>();
    words.forEach(w -> out.add(Text.fold(w)));
    return out;
  }

  /** The BCP 47 code ("en"). */
  String code() {
    return code;
  }

  /**
   * Whether a word (already {@link Text#fold folded}) never starts or ends a term: a function,
   * discourse or common word of the language, in this form (function words are listed in all their
   * forms; a stem would catch names, as "или" and "Илья" share one).
   */
  boolean isStopWord(String folded, String stem) {
    return stopWords.contains(folded);
  }

  /**
   * Whether a word is among the more common half of the language's common words ({@link
   * LanguageWords#specificity} below {@link #COMMON_SPECIFICITY}): "task", "model", "sommeil",
   * "сознание"; false for a language without a common-word list.
   */
  boolean isCommon(String word) {
    return specificity(word) < COMMON_SPECIFICITY;
  }

  /** Whether a folded word is a generic noun of the language, which names nothing alone. */
  boolean isGeneric(String folded, String stem) {
    // A short stem is shared by too many words ("или" and "Илья" both give "ил").
    return genericWords.contains(folded)
        || stem.length() >= MIN_STEM && genericStems.contains(stem);
  }

  /**
   * How specific a word as written is, in (0, 1]: 1 unless it is among the language's common words
   * ({@link LanguageWords#specificity}).
   */
  double specificity(String word) {
    return words.specificity(word);
  }

  /** Whether a folded word is one of the language's function words (Lucene's Snowball list). */
  boolean isFunctionWord(String folded) {
    return functionWords.contains(folded);
  }

  /** The raw alternation of cue {@code key}, or null when this language has none. */
  String cue(String key) {
    String value = cues.getProperty(key);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** A new stemmer: lower-cased word in, Snowball stem out. Not thread-safe. */
  UnaryOperator<String> stemmer() {
    SnowballStemmer stemmer;
    try {
      stemmer =
          (SnowballStemmer) Class.forName(stemmerClass).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "lang/" + code + "/cues.properties: no Snowball stemmer " + stemmerClass, e);
    }
    return word -> {
      stemmer.setCurrent(word.toLowerCase(Locale.ROOT));
      stemmer.stem();
      return stemmer.getCurrent();
    };
  }

  /**
   * A case-insensitive pattern matching any of {@code alternations} at the start of a word: as a
   * whole word, or with {@code stems} as the start of one. A stem of three letters or fewer is
   * still a whole word ("dr", "ms", "roi"): as a prefix it starts too many words ("dropped", "msg",
   * "roistering"), and "we dropped Mercurial" made Mercurial a person.
   */
  static Pattern cuePattern(Iterable<String> alternations, boolean stems) {
    StringBuilder out = new StringBuilder();
    for (String alternation : alternations) {
      for (String a : topLevelAlternatives(alternation)) {
        out.append(out.length() == 0 ? "" : "|").append("(?:").append(a);
        if (stems && SHORT_WORD.matcher(a).matches()) {
          out.append("(?!\\p{L})");
        }
        out.append(')');
      }
    }
    if (out.length() == 0) {
      return Pattern.compile("(?!)");
    }
    return Pattern.compile(
        "(?iu)(?<![\\p{L}-])(?:" + out + ")" + (stems ? "\\p{L}*" : "(?!\\p{L})"));
  }

  /**
   * A regular expression's alternatives outside any group or class: "dr|mr|(?:a|b)c" is dr, mr and
   * (?:a|b)c.
   */
  private static List<String> topLevelAlternatives(String regex) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        i = classEnd(regex, i);
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        parts.add(regex.substring(from, i));
        from = i + 1;
      }
    }
    parts.add(regex.substring(from));
    // A part that is no expression of its own (an unusual construct read wrong) keeps the whole.
    for (String part : parts) {
      try {
        Pattern.compile(part);
      } catch (PatternSyntaxException e) {
        return List.of(regex);
      }
    }
    return parts;
  }

  /**
   * Where the character class opening at {@code open} ends: its "]" (a "^" and a "]" right after
   * the "[" are part of it, escapes are skipped, and a class inside it is read as one).
   */
  private static int classEnd(String regex, int open) {
    int i = open + 1;
    if (i < regex.length() && regex.charAt(i) == '^') {
      i++;
    }
    if (i < regex.length() && regex.charAt(i) == ']') {
      i++;
    }
    for (; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        i = classEnd(regex, i);
      } else if (c == ']') {
        return i;
      }
    }
    return regex.length();
  }

  private static String required(Properties cues, String key) {
    String value = cues.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("cues.properties: missing " + key);
    }
    return value.strip();
  }

  private static InputStream open(String resource) {
    InputStream in = LanguageProfile.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(
          resource + " missing beside " + LanguageProfile.class.getName());
    }
    return in;
  }
}
