package dev.noema.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;

/**
 * The ordinary words of one language, which name nothing by themselves: shared by the structural
 * extractor (a term made only of them is none) and identity (a name made only of them means
 * something only inside its conversation).
 *
 * <ul>
 *   <li>function words: Lucene's Snowball stop list of the language ({@code english_stop.txt},
 *       named after the language in English), determiners, pronouns and possessives included;
 *   <li>stop words: {@code lang/CODE/stopwords.txt} beside this class, up to its {@code [generic]}
 *       line (discourse and greeting words, adverbs, common verbs);
 *   <li>generic nouns: the same file after that line (nouns and adjectives such as "plan",
 *       "question", "recommendation");
 *   <li>participant words: after its {@code [participant]} line, the words for the dialogue's
 *       participants ("user", "assistant").
 *   <li>common words: {@code lang/CODE/common-words.txt}, the language's most common words ranked
 *       from a published frequency list (sources and licences in {@code lang/COMMON-WORDS.md}),
 *       read on first use.
 * </ul>
 *
 * Words are as the files write them, in lower case. A language without a {@code stopwords.txt} has
 * no stop words, one without a {@code common-words.txt} no common words. Immutable and thread-safe;
 * each language is read once.
 */
public final class LanguageWords {
  private static final Map<String, LanguageWords> LOADED = new ConcurrentHashMap<>();

  private final Set<String> functionWords;
  private final Set<String> stopWords;
  private final Set<String> genericWords;
  private final Set<String> participantWords;
  private final String code;
  private volatile Map<String, Integer> commonRanks;

  private LanguageWords(
      String code,
      Set<String> functionWords,
      Set<String> stopWords,
      Set<String> generic,
      Set<String> participant) {
    this.code = code;
    this.functionWords = Set.copyOf(functionWords);
    this.stopWords = Set.copyOf(stopWords);
    this.genericWords = Set.copyOf(generic);
    this.participantWords = Set.copyOf(participant);
  }

  /**
   * The words of {@code code}, a BCP 47 primary language subtag in lower case ("en"); no words for
   * a language Noema has no {@code lang/CODE/stopwords.txt} for.
   *
   * @throws IllegalStateException when the language has a word list but Lucene no Snowball list
   */
  public static LanguageWords of(String code) {
    return LOADED.computeIfAbsent(code, LanguageWords::load);
  }

  /** Lucene's Snowball stop words of the language. */
  public Set<String> functionWords() {
    return functionWords;
  }

  /** The language's own stop words (before {@code [generic]}). */
  public Set<String> stopWords() {
    return stopWords;
  }

  /** The language's generic nouns and adjectives (after {@code [generic]}). */
  public Set<String> genericWords() {
    return genericWords;
  }

  /** The words for the dialogue's participants (after {@code [participant]}). */
  public Set<String> participantWords() {
    return participantWords;
  }

  /**
   * How specific a single word is, in (0, 1]: 1 for a word the common-word list does not hold, else
   * {@code sqrt(rank / listed)}, so "model" (rank 476 of 10,000) weighs 0.22, "task" (2,035) 0.45
   * and "consciousness" (7,686) 0.88. The square root because rank tracks the inverse of a word's
   * frequency (Zipf), and a word among the most common still names something now and then. Compared
   * in lower case.
   */
  public double specificity(String word) {
    Map<String, Integer> ranks = commonRanks();
    Integer rank = ranks.get(word.toLowerCase(Locale.ROOT));
    return rank == null ? 1.0 : Math.sqrt(rank / (double) ranks.size());
  }

  private Map<String, Integer> commonRanks() {
    Map<String, Integer> ranks = commonRanks;
    if (ranks == null) {
      ranks = commonRanks = readCommonWords(code);
    }
    return ranks;
  }

  private static Map<String, Integer> readCommonWords(String code) {
    Map<String, Integer> ranks = new HashMap<>();
    for (String line :
        ResourceLines.ifPresent(LanguageWords.class, "lang/" + code + "/common-words.txt")
            .orElse(List.of())) {
      ranks.putIfAbsent(line.strip(), ranks.size() + 1);
    }
    return Map.copyOf(ranks);
  }

  private static LanguageWords load(String code) {
    String resource = "lang/" + code + "/stopwords.txt";
    Optional<List<String>> lines = ResourceLines.ifPresent(LanguageWords.class, resource);
    if (lines.isEmpty()) {
      return new LanguageWords(code, Set.of(), Set.of(), Set.of(), Set.of());
    }
    Set<String> own = new HashSet<>();
    Set<String> generic = new HashSet<>();
    Set<String> participant = new HashSet<>();
    Set<String> into = own;
    for (String line : lines.get()) {
      if (line.strip().equals("[generic]")) {
        into = generic;
        continue;
      }
      if (line.strip().equals("[participant]")) {
        into = participant;
        continue;
      }
      for (String word : line.strip().split("\\s+")) {
        into.add(word);
      }
    }
    return new LanguageWords(code, snowball(code, resource), own, generic, participant);
  }

  private static Set<String> snowball(String code, String resource) {
    String list =
        Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT)
            + "_stop.txt";
    Set<String> words = new HashSet<>();
    try (InputStream in = SnowballFilter.class.getResourceAsStream(list)) {
      if (in == null) {
        throw new IllegalStateException(
            resource + ": Lucene has no Snowball stop list " + list + " for the language");
      }
      CharArraySet set =
          WordlistLoader.getSnowballWordSet(new InputStreamReader(in, StandardCharsets.UTF_8));
      set.forEach(w -> words.add(new String((char[]) w)));
    } catch (IOException e) {
      throw new UncheckedIOException(list + ": " + e.getMessage(), e);
    }
    return words;
  }
}
