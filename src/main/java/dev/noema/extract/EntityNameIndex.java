package dev.noema.extract;

import dev.noema.text.Text;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds, in a text, the names of known entities, over a fixed list of names held in memory: the
 * matching a simple {@link KnownEntities} is built on.
 *
 * <p>Names and text are compared word by word on their {@link Text#key keys} (case, accents and
 * punctuation aside). A word of the text matches a word of a name when they are equal, or, both
 * being at least {@value #MIN_STEM} letters long, when they share a prefix that leaves at most
 * {@value #MAX_ENDING} letters of the text's word and at most {@value #MAX_NAME_ENDING} of the
 * name's (none when the shared prefix is only {@value #MIN_STEM} letters): a light, language-blind
 * allowance for inflection, which mostly adds or changes an ending, so that "Баха" finds "Бах",
 * "Кирилла" finds "Кирилл", "теории" finds "теория" and "структур" finds "структура", while "open"
 * does not find "OpenAI" nor "back" "Bach" (and, the price of being simple, "card" finds "car").
 * Names longer than {@value #MAX_WORDS} words are not looked for.
 *
 * <p>Entities are ranked by how often their names occur, then by where they first occur; an entity
 * (one canonical label) is returned once, under the first of its names found. Cost: for each word
 * of the text, at most {@value #MAX_ENDING}+1 hash lookups, then a word-by-word check of the names
 * that start with it.
 *
 * <p>Immutable and thread-safe.
 */
public final class EntityNameIndex {
  /** Longest name looked for, in words. */
  static final int MAX_WORDS = 6;

  /** Letters an inflected word may have beyond the prefix it shares with the name's word. */
  static final int MAX_ENDING = 2;

  /** Letters the name's word may have beyond that prefix (an ending the text's form drops). */
  static final int MAX_NAME_ENDING = 1;

  /** Shortest word compared by prefix; shorter words must be equal. */
  static final int MIN_STEM = 3;

  private record Name(String[] words, KnownEntity entity) {}

  private record Hit(KnownEntity entity, int first, int count) {}

  /** Names by each prefix of their first word that {@link #wordsMatch} could accept. */
  private final Map<String, List<Name>> byFirstWord = new HashMap<>();

  /**
   * @param names one entry per name of an entity (an entity with several names comes several times,
   *     with the same canonical label); blank names and names of more than {@value #MAX_WORDS}
   *     words are ignored
   */
  public EntityNameIndex(Collection<KnownEntity> names) {
    for (KnownEntity entity : names) {
      String key = Text.key(entity.name());
      if (key.isEmpty()) {
        continue;
      }
      String[] words = key.split(" ");
      if (words.length > MAX_WORDS) {
        continue;
      }
      Name name = new Name(words, entity);
      for (String stem : stems(words[0], MAX_NAME_ENDING)) {
        byFirstWord.computeIfAbsent(stem, k -> new ArrayList<>()).add(name);
      }
    }
  }

  /**
   * The entities named in {@code text} that {@code keep} accepts, the most often named first, each
   * canonical label once, at most {@code limit}.
   */
  public List<KnownEntity> find(String text, int limit, Predicate<KnownEntity> keep) {
    String key = Text.key(text);
    if (key.isEmpty() || byFirstWord.isEmpty() || limit <= 0) {
      return List.of();
    }
    String[] words = key.split(" ");
    Map<String, Hit> hits = new LinkedHashMap<>();
    for (int i = 0; i < words.length; i++) {
      // A name may be reached through two stems of one word: each entity counts once per place.
      Set<String> here = new HashSet<>();
      for (String stem : stems(words[i], MAX_ENDING)) {
        for (Name name : byFirstWord.getOrDefault(stem, List.of())) {
          String entity = Text.key(name.entity().canonicalLabel());
          if (!here.contains(entity)
              && keep.test(name.entity())
              && occursAt(name.words(), words, i)) {
            here.add(entity);
            int at = i;
            hits.merge(
                entity,
                new Hit(name.entity(), at, 1),
                (old, added) -> new Hit(old.entity(), old.first(), old.count() + 1));
          }
        }
      }
    }
    return hits.values().stream()
        .sorted(Comparator.comparingInt(Hit::count).reversed().thenComparingInt(Hit::first))
        .limit(limit)
        .map(Hit::entity)
        .toList();
  }

  private static boolean occursAt(String[] name, String[] words, int at) {
    if (at + name.length > words.length) {
      return false;
    }
    for (int j = 0; j < name.length; j++) {
      if (!wordsMatch(name[j], words[at + j])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Equal, or sharing a prefix that leaves at most {@link #MAX_NAME_ENDING} letters of the name's
   * word (none after a prefix of only {@link #MIN_STEM}) and {@link #MAX_ENDING} of the text's.
   */
  static boolean wordsMatch(String name, String word) {
    if (name.equals(word)) {
      return true;
    }
    if (name.length() < MIN_STEM || word.length() < MIN_STEM) {
      return false;
    }
    int common = 0;
    int shorter = Math.min(name.length(), word.length());
    while (common < shorter && name.charAt(common) == word.charAt(common)) {
      common++;
    }
    // A name's word gives up a letter only past a longer shared prefix: "back" is not "Bach".
    int nameEnding = common > MIN_STEM ? MAX_NAME_ENDING : 0;
    return common >= MIN_STEM
        && name.length() - common <= nameEnding
        && word.length() - common <= MAX_ENDING;
  }

  /**
   * The prefixes of {@code word} that a word matching it may share: the word itself and, for a word
   * long enough, the word without its last letters, up to {@code ending} of them (never shorter
   * than {@link #MIN_STEM}). A name's word and a text's word that {@link #wordsMatch} always have
   * one of their stems in common.
   */
  private static List<String> stems(String word, int ending) {
    if (word.length() < MIN_STEM) {
      return List.of(word);
    }
    List<String> stems = new ArrayList<>(ending + 1);
    for (int cut = 0; cut <= ending && word.length() - cut >= MIN_STEM; cut++) {
      stems.add(word.substring(0, word.length() - cut));
    }
    return stems;
  }
}
