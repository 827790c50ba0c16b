package dev.noema.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What says two names denote one entity, strongest first, each with the score it gives. A score at
 * or above {@link Resolver#SAME} merges; between {@link Resolver#DIFFERENT} and it, the pair waits
 * for review.
 */
public enum Evidence {
  /**
   * Equal {@link dev.noema.text.Text#key keys}: a label, alias or canonical label, any language.
   */
  SAME_NAME(1.0),
  /**
   * A name in another script equal to one in Latin letters once transliterated (Кирилл, Kirill).
   */
  TRANSLITERATION(0.95),
  /** The same words up to their endings in one language (Баха, Бах; modules, module). */
  STEM(0.9),
  /**
   * Across scripts, the same consonants once transliterated, vowels and doubled letters aside
   * (Дэвид Чалмерс, David Chalmers; Деннет, Dennett): names often transliterated loosely, but also
   * a chance likeness, so it only ever sends a pair to review.
   */
  SOUNDS_ALIKE(0.8),
  /** The user decided. */
  USER(1.0);

  private final double score;

  Evidence(double score) {
    this.score = score;
  }

  public double score() {
    return score;
  }

  /** The name in the graph and on the command line ("same-name", "transliteration"). */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The evidence whose {@link #id} is {@code id}, or empty. */
  public static Optional<Evidence> byId(String id) {
    return Arrays.stream(values()).filter(e -> e.id().equals(id)).findFirst();
  }
}
