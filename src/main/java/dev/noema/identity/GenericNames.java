package dev.noema.identity;

import dev.noema.text.LanguageWords;
import dev.noema.text.Text;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the names that mean something only inside their conversation: those made only of the
 * language's ordinary words ({@link LanguageWords}: function words, stop words, generic nouns), at
 * least one of them a generic noun, and those that speak of a participant of the dialogue (a
 * participant word: "user", "asistente"). "plan", "mi recomendación", "meine Empfehlung", "your
 * question", "the assistant's view" name whatever the dialogue at hand is about (its plan, the
 * speaker's recommendation, a participant's view), so two conversations using them speak of two
 * things; "eight-week practice plan", "Kirill", "consciousness" name the same thing wherever they
 * are said. The first rule is the structural extractor's own for a term that names nothing, applied
 * to identity.
 *
 * <p>A word counts as generic by its key or by its light stem ({@link NameKeys#stem}), so that
 * "recommendations" is as generic as "recommendation" (participant words likewise); a one-letter
 * word counts as a function word (the key leaves the clitics of "assistant's", "l'avis" as words).
 * A name in a language Noema has no words for is never generic. Thread-safe.
 */
final class GenericNames {
  private GenericNames() {}

  /** Generic stems shorter than this are shared by too many words to be evidence. */
  private static final int MIN_STEM = 4;

  /** One language's words, as keys, and its generic nouns' stems. */
  private record Words(
      Set<String> ordinary,
      Set<String> generic,
      Set<String> genericStems,
      Set<String> participant,
      Set<String> participantStems) {}

  private static final Map<String, Words> BY_LANGUAGE = new ConcurrentHashMap<>();

  /** Whether {@code name} means something only inside the conversation it is said in. */
  static boolean boundToConversation(EntityName name) {
    String language = NameKeys.primary(name.language());
    Words words = BY_LANGUAGE.computeIfAbsent(language, GenericNames::words);
    String key = name.key();
    if (words.generic().isEmpty() || key.isEmpty()) {
      return false;
    }
    String[] split = key.split(" ");
    for (String word : split) {
      if (isIn(word, language, words.participant(), words.participantStems())) {
        return true;
      }
    }
    boolean generic = false;
    for (String word : split) {
      if (isIn(word, language, words.generic(), words.genericStems())) {
        generic = true;
      } else if (word.length() > 1 && !words.ordinary().contains(word)) {
        return false;
      }
    }
    return generic;
  }

  private static boolean isIn(String word, String language, Set<String> keys, Set<String> stems) {
    if (keys.contains(word)) {
      return true;
    }
    String stem = stem(word, language);
    return stem != null && stems.contains(stem);
  }

  /** A word's light stem, or null when it is too short to be evidence. */
  private static String stem(String word, String language) {
    String stem = NameKeys.stem(word, language); // "language:stem"
    String bare = stem == null ? "" : stem.substring(stem.indexOf(':') + 1);
    return bare.length() < MIN_STEM ? null : bare;
  }

  private static Words words(String language) {
    LanguageWords words = LanguageWords.of(language);
    Set<String> ordinary = new HashSet<>();
    words.functionWords().forEach(w -> ordinary.add(Text.key(w)));
    words.stopWords().forEach(w -> ordinary.add(Text.key(w)));
    Set<String> generic = new HashSet<>();
    Set<String> genericStems = new HashSet<>();
    keys(words.genericWords(), language, generic, genericStems);
    Set<String> participant = new HashSet<>();
    Set<String> participantStems = new HashSet<>();
    keys(words.participantWords(), language, participant, participantStems);
    return new Words(
        Set.copyOf(ordinary),
        Set.copyOf(generic),
        Set.copyOf(genericStems),
        Set.copyOf(participant),
        Set.copyOf(participantStems));
  }

  private static void keys(
      Set<String> words, String language, Set<String> keys, Set<String> stems) {
    for (String w : words) {
      String key = Text.key(w);
      keys.add(key);
      String stem = stem(key, language);
      if (stem != null) {
        stems.add(stem);
      }
    }
  }
}
