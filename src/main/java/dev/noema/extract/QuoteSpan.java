package dev.noema.extract;

/**
 * Where an item's evidence sits in the text of the turn it cites, as {@link FactValidator} found
 * it: the Web Annotation text position ({@code oa:TextPositionSelector}) and quote ({@code
 * oa:TextQuoteSelector}) of the grounding.
 *
 * @param start offset of the span's first character in the turn's text, counted in Unicode code
 *     points (as SPARQL's {@code SUBSTR} and JavaScript's {@code Array.from} count), from 0
 * @param end offset just after the span's last character, in code points
 * @param exact the quote as the turn has it: the extractor's own when it occurs in the turn, else
 *     the span's text without Markdown markers ({@link Quotes#plain})
 * @param similarity 1 when the quote occurs in the turn as it is (after {@link Quotes#normalize});
 *     for an aligned quote the similarity of its words to the span's words, at least {@link
 *     TurnText#ALIGNMENT_THRESHOLD}
 * @param aligned false when the quote occurs in the turn, true when it was found by alignment
 */
public record QuoteSpan(int start, int end, String exact, double similarity, boolean aligned) {
  public QuoteSpan {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException(
          "a span runs from 0 <= start <= end: " + start + ", " + end);
    }
  }
}
