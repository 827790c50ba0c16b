package dev.noema.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.noema.conversation.MojibakeRepair.RepairResult;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MojibakeRepairTest {
  private final MojibakeRepair repair = new MojibakeRepair();

  /**
   * What a wrong decoding with {@code charset} makes of UTF-8 text. Bytes the charset leaves
   * undefined become the C1 control of the same number, as browsers (WHATWG windows-1252) do, where
   * Java would put U+FFFD and lose them.
   */
  private static String garble(String text, String charset) {
    Charset cs = Charset.forName(charset);
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      String c = new String(new byte[] {b}, cs);
      out.append(c.equals("\uFFFD") ? String.valueOf((char) (b & 0xFF)) : c);
    }
    return out.toString();
  }

  @Test
  void undoes_mac_roman_layer() {
    assertEquals("–¢–µ–æ—Ä–∏—è", garble("Теория", "x-MacRoman"));
    assertEquals(new RepairResult("Теория", List.of("x-MacRoman")), repair.repair("–¢–µ–æ—Ä–∏—è"));
  }

  @Test
  void undoes_windows_1252_layer_with_undefined_bytes_carried_as_c1_controls() {
    assertEquals(
        new RepairResult("Теория", List.of("windows-1252")), repair.repair("Ð¢ÐµÐ¾Ñ€Ð¸Ñ\u008F"));
    assertEquals(new RepairResult("Нет", List.of("windows-1252")), repair.repair("Ð\u009DÐµÑ‚"));
  }

  @Test
  void undoes_windows_1252_layer_of_accents_and_quotes() {
    assertEquals(
        new RepairResult("café “naïve” – ok", List.of("windows-1252")),
        repair.repair(garble("café “naïve” – ok", "windows-1252")));
  }

  @Test
  void undoes_latin1_layer_with_c1_controls() {
    String garbled = garble("Grüße — “quoted”", "ISO-8859-1");
    assertEquals(
        new RepairResult("Grüße — “quoted”", List.of("ISO-8859-1")), repair.repair(garbled));
  }

  @Test
  void undoes_two_layers_outermost_first() {
    String twice = garble(garble("Теория Кирилла", "x-MacRoman"), "windows-1252");
    assertEquals(
        new RepairResult("Теория Кирилла", List.of("windows-1252", "x-MacRoman")),
        repair.repair(twice));
  }

  @Test
  void undoes_mac_roman_mojibake_of_emoji_and_punctuation() {
    String text = "# 🧠 I. Что значит “истинная архитектура” — ok";
    assertEquals(
        new RepairResult(text, List.of("x-MacRoman")), repair.repair(garble(text, "x-MacRoman")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Теория Кирилла говорит о том",
        "Plain English, nothing special.",
        "café, naïve, déjà vu, à la carte, Ça va",
        "Grüße aus Köln, Straße",
        "你好，世界。这是中文文本。",
        "Emoji 🧠🚀👍🏽 and 👨‍👩‍👧",
        "A dash – and an apostrophe’s here — and “quotes”",
        "Ð is the Icelandic eth, Þ the thorn",
        "« “été” » à Paris, “Ça” — ‘où’",
        "",
        "Price: 5 € · 10 £ · ¥ · ©®™",
      })
  void leaves_clean_text_unchanged(String text) {
    RepairResult r = repair.repair(text);
    assertSame(text, r.text());
    assertEquals(List.of(), r.layers());
  }

  @Test
  void leaves_null_as_null() {
    assertEquals(new RepairResult(null, List.of()), repair.repair((String) null));
  }

  @Test
  void repairs_every_field_of_a_conversation_and_records_each() {
    Conversation c =
        new Conversation(
            "id",
            garble("Заголовок", "x-MacRoman"),
            null,
            "test",
            "src",
            null,
            null,
            List.of(
                new Turn(
                    0,
                    "m0",
                    Role.USER,
                    garble("Пользователь", "windows-1252"),
                    null,
                    null,
                    garble("Привет", "x-MacRoman"),
                    List.of(
                        new Attachment(
                            garble("файл.txt", "x-MacRoman"),
                            "text/plain",
                            garble("Текст", "x-MacRoman"))),
                    null),
                Turn.of(1, "m1", Role.ASSISTANT, "Assistant", null, "clean")),
            List.of());

    Conversation r = repair.repair(c);

    assertEquals("Заголовок", r.title());
    assertEquals("Пользователь", r.turns().get(0).speaker());
    assertEquals("Привет", r.turns().get(0).text());
    assertEquals(
        new Attachment("файл.txt", "text/plain", "Текст"), r.turns().get(0).attachments().get(0));
    assertEquals("clean", r.turns().get(1).text());
    assertEquals(
        List.of(
            new TextRepair("title", List.of("x-MacRoman")),
            new TextRepair("turn 0 text", List.of("x-MacRoman")),
            new TextRepair("turn 0 speaker", List.of("windows-1252")),
            new TextRepair("turn 0 attachment 0 name", List.of("x-MacRoman")),
            new TextRepair("turn 0 attachment 0 content", List.of("x-MacRoman"))),
        r.repairs());
  }

  @Test
  void returns_the_same_conversation_when_clean() {
    Conversation c =
        new Conversation(
            "id",
            "Title",
            null,
            "test",
            "src",
            null,
            null,
            List.of(Turn.of(0, "m", Role.USER, "User", null, "Привет, café")),
            List.of());
    assertSame(c, repair.repair(c));
  }
}
