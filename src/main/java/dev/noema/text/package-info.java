/**
 * Text rules every other package shares: the one normalisation of labels for matching, IRIs and
 * search ({@link dev.noema.text.Text}), and the ordinary words of each language, which name nothing
 * by themselves ({@link dev.noema.text.LanguageWords}). Depends on nothing else of Noema's, so that
 * any package may use it.
 */
package dev.noema.text;
