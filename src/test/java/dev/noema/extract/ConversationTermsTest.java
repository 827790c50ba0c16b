package dev.noema.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

class ConversationTermsTest {
  /**
   * Letters, numbers and marks of several kinds (a supplementary letter and digit, an enclosing and
   * a spacing mark, lone surrogates), the joiners a word may hold, and what ends a word.
   */
  private static final String[] PIECES = {
    "a",
    "Z",
    "é",
    "е",
    "ß",
    "İ",
    "\u0301",
    "\u0308",
    "\u20DD",
    "\u0903",
    "1",
    "٣",
    "Ⅻ",
    "½",
    "\uD835\uDC00",
    "\uD835\uDFCE",
    "\uD800",
    "\uDC00",
    "😀",
    "'",
    "’",
    "_",
    ".",
    "/",
    "\\",
    "-",
    " ",
    "\n",
    "!",
    "(",
    "&",
    "+",
    ",",
    "\uE000",
    "\uE002"
  };

  @Test
  void words_are_found_where_the_token_pattern_finds_them() {
    Random random = new Random(7);
    for (int n = 0; n < 200_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      assertEquals(byPattern(text.toString()), byScanner(text.toString()), text.toString());
    }
  }

  @Test
  void a_word_keeps_its_joiners_and_ends_at_its_last_letter_number_or_mark() {
    assertEquals(List.of("l'état", "src/data/handler.ts"), words("l'état, src/data/handler.ts."));
    assertEquals(List.of("e\u0301t\u0301", "x-y"), words("e\u0301t\u0301 -- x-y-"));
  }

  private static List<String> words(String text) {
    return byScanner(text).stream()
        .map(span -> span.split("-"))
        .map(span -> text.substring(Integer.parseInt(span[0]), Integer.parseInt(span[1])))
        .toList();
  }

  private static List<String> byPattern(String text) {
    List<String> spans = new ArrayList<>();
    Matcher m = ConversationTerms.TOKEN.matcher(text);
    while (m.find()) {
      spans.add(m.start() + "-" + m.end());
    }
    return spans;
  }

  private static List<String> byScanner(String text) {
    List<String> spans = new ArrayList<>();
    for (int start = ConversationTerms.tokenStart(text, 0), end;
        start >= 0;
        start = ConversationTerms.tokenStart(text, end)) {
      end = ConversationTerms.tokenEnd(text, start);
      spans.add(start + "-" + end);
    }
    return spans;
  }
}
