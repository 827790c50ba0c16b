package dev.noema.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
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
 * </ul>
 *
 * Words are as the files write them, in lower case. A language without a folder has no words.
 * Immutable and thread-safe; each language is read once.
 */
public final class LanguageWords {
  private static final Map<String, LanguageWords> LOADED = new ConcurrentHashMap<>();
  private static final LanguageWords NONE =
      new LanguageWords(Set.of(), Set.of(), Set.of(), Set.of());

  private final Set<String> functionWords;
  private final Set<String> stopWords;
  private final Set<String> genericWords;
  private final Set<String> participantWords;

  private LanguageWords(
      Set<String> functionWords,
      Set<String> stopWords,
      Set<String> generic,
      Set<String> participant) {
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

  private static LanguageWords load(String code) {
    String resource = "lang/" + code + "/stopwords.txt";
    Set<String> own = new HashSet<>();
    Set<String> generic = new HashSet<>();
    Set<String> participant = new HashSet<>();
    try (InputStream in = LanguageWords.class.getResourceAsStream(resource)) {
      if (in == null) {
        return NONE;
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      Set<String> into = own;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
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
    } catch (IOException e) {
      throw new UncheckedIOException(resource + ": " + e.getMessage(), e);
    }
    return new LanguageWords(snowball(code, resource), own, generic, participant);
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
