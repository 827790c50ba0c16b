package dev.noema.topology;

import dev.noema.meaning.Name;
import dev.noema.text.LanguageWords;
import dev.noema.text.Text;

/**
 * How much a conversation is about an entity, before any relation is counted: the prior that
 * PageRank's random jumps follow ({@link CentralityAnalysis}), so that the centres are the ideas a
 * conversation keeps coming back to rather than whatever collects the most co-occurrences.
 *
 * <p>{@code salience = turns x specificity}: the number of turns that mention the entity (at least
 * 1), times how specific its name is. A name of one word is as specific as {@link
 * LanguageWords#specificity} says for the name's language (an ordinary word such as "task" or
 * "sommeil" weighs less than "semaphore" or "Zugbindung"); a name of several words is a term and
 * weighs 1. A perspective (a holder's view) has no jumps of its own: it is central only through the
 * ideas it holds, which is why views that merely collect claims ("the assistant's view") do not
 * crowd out the ideas.
 *
 * <p>Stateless.
 */
final class Salience {
  private Salience() {}

  /**
   * @param shown the name the entity is shown by (its language chooses the common-word list), or
   *     null
   * @param mentionedTurns how many turns mention it
   * @param view whether it is a perspective
   */
  static double of(Name shown, int mentionedTurns, boolean view) {
    if (view) {
      return 0;
    }
    return Math.max(1, mentionedTurns) * specificity(shown);
  }

  /** 1 for a name of several words or in a language with no common words, else the word's. */
  static double specificity(Name shown) {
    if (shown == null) {
      return 1;
    }
    String text = shown.text().strip();
    String primary = Text.primaryLanguage(shown.language());
    if (text.isEmpty() || primary.isEmpty()) {
      return 1;
    }
    // A name of several words is a term: "event loop" and "red wine" are made of common words
    // and matter all the same (weighing such names by their words measured no better).
    return text.codePoints().anyMatch(Character::isWhitespace)
        ? 1
        : LanguageWords.of(primary).specificity(text);
  }
}
