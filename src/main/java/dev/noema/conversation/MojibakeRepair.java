package dev.noema.conversation;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Undoes double encoding ("mojibake"): UTF-8 text whose bytes were once decoded with a single-byte
 * charset and the result encoded as UTF-8 again, so that {@code Теория} arrives as {@code
 * –¢–µ–æ—Ä–∏—è} (Mac Roman) or {@code Ð¢ÐµÐ¾Ñ€Ð¸Ñ} (Windows-1252).
 *
 * <p>A layer of charset C is undone when the whole text can be encoded in C and those bytes are
 * valid UTF-8 (decoded strictly), and the result is more plausible: it has fewer pairs of
 * characters typical of mojibake (the image of a UTF-8 lead byte followed by the image of a
 * continuation byte) and it still has letters if the text had any. This is repeated for text that
 * went through several layers (at most {@value #MAX_LAYERS}). Layers tried, in this order:
 * Windows-1252, ISO-8859-1, Mac Roman. Windows-1252 leaves bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D
 * undefined; mojibake made by browsers and Latin-1 pipelines carries them as the C1 controls
 * U+0081, U+008D, U+008F, U+0090, U+009D, which are accepted for those bytes. For Mac Roman the
 * older mappings of 0xBD (Ω U+2126), 0xC6 (Δ U+0394) and 0xDB (¤ U+00A4) are accepted beside
 * Java's.
 *
 * <p>Clean text is never changed: text in a script none of the charsets has (Russian, Chinese,
 * emoji) cannot be encoded; Western text with accents ({@code café}, {@code Grüße}) does not make
 * valid UTF-8 when encoded; and a cheap scan for mojibake-typical character pairs runs before any
 * re-encoding, so clean text costs one pass over its characters.
 *
 * <p>Immutable and thread-safe.
 */
public final class MojibakeRepair {

  /** The most layers undone in one text. */
  public static final int MAX_LAYERS = 3;

  private static final List<String> CHARSETS = List.of("windows-1252", "ISO-8859-1", "x-MacRoman");

  private final List<Layer> layers;

  /**
   * Per character, two bits per charset: bit 2i when the character is the charset's image of a
   * UTF-8 lead byte (0xC2 to 0xF4), bit 2i+1 when it is the image of a continuation byte (0x80 to
   * 0xBF).
   */
  private final byte[] roles = new byte[Character.MAX_VALUE + 1];

  /** The outcome of {@link #repair(String)}. */
  public record RepairResult(String text, List<String> layers) {
    public RepairResult {
      layers = List.copyOf(layers);
    }

    /** Whether anything was undone. */
    public boolean repaired() {
      return !layers.isEmpty();
    }
  }

  public MojibakeRepair() {
    List<Layer> built = new ArrayList<>();
    for (int i = 0; i < CHARSETS.size(); i++) {
      Layer layer = new Layer(CHARSETS.get(i));
      built.add(layer);
      for (int b = 0x80; b <= 0xF4; b++) {
        char c = layer.decode[b];
        if (c == Layer.NONE) {
          continue;
        }
        if (b >= 0xC2) {
          roles[c] |= (byte) (1 << (2 * i));
        } else if (b <= 0xBF) {
          roles[c] |= (byte) (1 << (2 * i + 1));
        }
      }
      for (int b = 0x80; b <= 0xF4; b++) {
        for (char alias : layer.aliases(b)) {
          if (b >= 0xC2) {
            roles[alias] |= (byte) (1 << (2 * i));
          } else if (b <= 0xBF) {
            roles[alias] |= (byte) (1 << (2 * i + 1));
          }
        }
      }
    }
    this.layers = List.copyOf(built);
  }

  /**
   * Undoes every mojibake layer of {@code text}.
   *
   * @param text any text; null gives a null text with no layers
   * @return the repaired text and the charset names of the layers undone, outermost first; the same
   *     text and no layers when it was clean
   */
  public RepairResult repair(String text) {
    int currentScore = text == null ? 0 : suspiciousPairs(text);
    if (currentScore == 0) {
      return new RepairResult(text, List.of());
    }
    List<String> undone = new ArrayList<>();
    String current = text;
    while (undone.size() < MAX_LAYERS && currentScore > 0) {
      String best = null;
      int bestScore = currentScore;
      String bestName = null;
      for (Layer layer : layers) {
        String candidate = layer.undo(current);
        if (candidate == null || (hasLetter(current) && !hasLetter(candidate))) {
          continue;
        }
        int score = suspiciousPairs(candidate);
        if (score < bestScore) {
          best = candidate;
          bestScore = score;
          bestName = layer.name;
        }
      }
      if (best == null) {
        break;
      }
      undone.add(bestName);
      current = best;
      currentScore = bestScore;
    }
    return new RepairResult(current, undone);
  }

  /**
   * The conversation with its title, every turn's text and speaker, and every attachment's name and
   * content repaired, and a {@link TextRepair} added for each field changed ({@code title}, {@code
   * turn N text}, {@code turn N speaker}, {@code turn N attachment M name}, {@code turn N
   * attachment M content}). Returns {@code c} itself when nothing was repaired.
   */
  public Conversation repair(Conversation c) {
    List<TextRepair> repairs = new ArrayList<>(c.repairs());
    String title = fix(c.title(), "title", repairs);
    List<Turn> turns = new ArrayList<>(c.turns().size());
    for (int t = 0; t < c.turns().size(); t++) {
      Turn turn = c.turns().get(t);
      String prefix = "turn " + t + " ";
      String text = fix(turn.text(), prefix + "text", repairs);
      String speaker = fix(turn.speaker(), prefix + "speaker", repairs);
      List<Attachment> attachments = new ArrayList<>(turn.attachments().size());
      for (int a = 0; a < turn.attachments().size(); a++) {
        Attachment att = turn.attachments().get(a);
        String where = prefix + "attachment " + a + " ";
        attachments.add(
            new Attachment(
                fix(att.name(), where + "name", repairs),
                att.mediaType(),
                fix(att.content(), where + "content", repairs)));
      }
      turns.add(
          new Turn(
              turn.index(),
              turn.messageId(),
              turn.role(),
              speaker,
              turn.model(),
              turn.time(),
              text,
              attachments,
              turn.alternativeOf()));
    }
    if (repairs.size() == c.repairs().size()) {
      return c;
    }
    return new Conversation(
        c.id(),
        title,
        c.provider(),
        c.format(),
        c.source(),
        c.created(),
        c.updated(),
        turns,
        repairs,
        c.kind(),
        c.project());
  }

  private String fix(String value, String field, List<TextRepair> repairs) {
    RepairResult r = repair(value);
    if (r.repaired()) {
      repairs.add(new TextRepair(field, r.layers()));
    }
    return r.text();
  }

  /**
   * How many adjacent pairs (lead image, continuation image) of one charset the text has: 0 for
   * clean text.
   */
  int suspiciousPairs(String text) {
    int count = 0;
    int previous = 0;
    for (int i = 0; i < text.length(); i++) {
      int role = roles[text.charAt(i)];
      // a lead-byte image (even bits) of charset k followed by a continuation-byte image (odd bits)
      // of the same k
      if ((previous & (role >> 1) & 0b010101) != 0) {
        count++;
      }
      previous = role;
    }
    return count;
  }

  private static boolean hasLetter(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isLetter(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** One single-byte charset, as tables in both directions. */
  private static final class Layer {
    static final char NONE = '\uFFFD';

    final String name;
    final char[] decode = new char[256];

    /** Character to byte + 1; 0 when the character has no byte in this charset. */
    final short[] encode = new short[Character.MAX_VALUE + 1];

    Layer(String name) {
      this.name = name;
      Charset charset = Charset.forName(name);
      for (int b = 0; b < 256; b++) {
        String s = new String(new byte[] {(byte) b}, charset);
        decode[b] = s.length() == 1 ? s.charAt(0) : NONE;
        if (decode[b] != NONE) {
          encode[decode[b]] = (short) (b + 1);
        }
      }
      for (int b = 0x80; b < 256; b++) {
        for (char alias : aliases(b)) {
          if (encode[alias] == 0) {
            encode[alias] = (short) (b + 1);
          }
        }
      }
    }

    /** Characters other than Java's mapping that real mojibake carries for byte {@code b}. */
    char[] aliases(int b) {
      if (name.equals("windows-1252") && decode[b] == NONE) {
        return new char[] {
          (char) b
        }; // the C1 control of the same number, as WHATWG and Latin-1 decoders give
      }
      if (name.equals("x-MacRoman")) {
        switch (b) {
          case 0xBD:
            return new char[] {'\u2126'};
          case 0xC6:
            return new char[] {'\u0394'};
          case 0xDB:
            return new char[] {'\u00A4'};
          default:
            break;
        }
      }
      return new char[0];
    }

    /**
     * The text encoded in this charset and decoded as strict UTF-8, or null when either step fails.
     */
    String undo(String text) {
      byte[] bytes = new byte[text.length()];
      boolean nonAscii = false;
      for (int i = 0; i < text.length(); i++) {
        int b = encode[text.charAt(i)] - 1;
        if (b < 0) {
          return null;
        }
        nonAscii |= b >= 0x80;
        bytes[i] = (byte) b;
      }
      if (!nonAscii) {
        return null;
      }
      CharsetDecoder utf8 =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      try {
        CharBuffer decoded = utf8.decode(ByteBuffer.wrap(bytes));
        return decoded.toString();
      } catch (CharacterCodingException e) {
        return null;
      }
    }
  }
}
