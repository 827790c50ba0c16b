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
 * {@value #MAX_ENDING} letters of the longer one: a light, language-blind allowance for inflection,
 * so that "Баха" finds "Бах", "Кирилла" finds "Кирилл" and "теории" finds "теория" (and, the price
 * of being simple, "card" finds "car"). Names longer than {@value #MAX_WORDS} words are not looked
 * for.
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
      for (String stem : stems(words[0])) {
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
      for (String stem : stems(words[i])) {
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

  /** Equal, or sharing a prefix that leaves at most {@link #MAX_ENDING} letters of the longer. */
  static boolean wordsMatch(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    if (a.length() < MIN_STEM || b.length() < MIN_STEM) {
      return false;
    }
    int common = 0;
    int shorter = Math.min(a.length(), b.length());
    while (common < shorter && a.charAt(common) == b.charAt(common)) {
      common++;
    }
    return common >= MIN_STEM && Math.max(a.length(), b.length()) - common <= MAX_ENDING;
  }

  /**
   * The prefixes of {@code word} that another word matching it may share: the word itself and, for
   * a word long enough, the word without its last one or two letters (never shorter than {@link
   * #MIN_STEM}). Two words that {@link #wordsMatch} always have one of these in common.
   */
  private static List<String> stems(String word) {
    if (word.length() < MIN_STEM) {
      return List.of(word);
    }
    List<String> stems = new ArrayList<>(MAX_ENDING + 1);
    for (int cut = 0; cut <= MAX_ENDING && word.length() - cut >= MIN_STEM; cut++) {
      stems.add(word.substring(0, word.length() - cut));
    }
    return stems;
  }
}
