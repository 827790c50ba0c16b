package dev.noema.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The character encoding of a log file, told from its first bytes before anything else looks at it,
 * so that every format reads UTF-8 whatever the file was saved as.
 *
 * <p>Recognised: a byte order mark (UTF-8, UTF-16 and UTF-32 in either byte order), which the file
 * is taken at its word for; without one, UTF-16 and UTF-32 by where their NUL bytes fall (the high
 * bytes of ASCII characters: every other byte in UTF-16, three of four in UTF-32), confirmed by the
 * head reading as text; anything else without NUL bytes is UTF-8 (its validity is checked by the
 * format reading it, which names the first bad byte). A head with NUL bytes in no such pattern is
 * binary.
 *
 * <p>{@link #decoded(LogSource)} gives the text as UTF-8 bytes: a UTF-8 file is passed through
 * untouched (its byte order mark too, which every format skips, so that byte offsets in problems
 * stay offsets in the file); UTF-16 and UTF-32 are transcoded while they are read, in constant
 * memory, without their byte order mark. A byte sequence that is not valid in the file's encoding
 * stops reading with a {@link MalformedText} naming its offset in the file. Immutable.
 *
 * @param charset the file's charset
 * @param byteOrderMark the length of the file's byte order mark, 0 when it has none
 */
public record TextEncoding(Charset charset, int byteOrderMark) {
  /** UTF-8 without a byte order mark: the common case, read as it is. */
  public static final TextEncoding UTF_8 = new TextEncoding(StandardCharsets.UTF_8, 0);

  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

  /**
   * A UTF-16 head is taken as text only when at least this share of its code units has a NUL high
   * byte: the spaces, digits and punctuation of any language, or the keys of a JSON export.
   */
  private static final double MIN_ASCII_SHARE = 0.05;

  /** The share of malformed or control characters a text head may have. */
  private static final double MAX_ODD_SHARE = 0.01;

  /** The share of NUL bytes allowed on the other side in UTF-16 (U+0100, U+4E00, ...). */
  private static final double MAX_STRAY_NUL_SHARE = 0.1;

  public TextEncoding {
    if (byteOrderMark < 0) {
      throw new IllegalArgumentException("byte order mark length must be >= 0");
    }
  }

  /**
   * The encoding of a file whose first bytes are {@code head}, or empty when it is binary (or
   * encoded in none of the ways above).
   */
  public static Optional<TextEncoding> of(byte[] head) {
    int n = head.length;
    if (n >= 3 && b(head, 0) == 0xEF && b(head, 1) == 0xBB && b(head, 2) == 0xBF) {
      return Optional.of(new TextEncoding(StandardCharsets.UTF_8, 3));
    }
    if (n >= 4 && b(head, 0) == 0xFF && b(head, 1) == 0xFE && head[2] == 0 && head[3] == 0) {
      return Optional.of(new TextEncoding(UTF_32LE, 4));
    }
    if (n >= 4 && head[0] == 0 && head[1] == 0 && b(head, 2) == 0xFE && b(head, 3) == 0xFF) {
      return Optional.of(new TextEncoding(UTF_32BE, 4));
    }
    if (n >= 2 && b(head, 0) == 0xFF && b(head, 1) == 0xFE) {
      return Optional.of(new TextEncoding(StandardCharsets.UTF_16LE, 2));
    }
    if (n >= 2 && b(head, 0) == 0xFE && b(head, 1) == 0xFF) {
      return Optional.of(new TextEncoding(StandardCharsets.UTF_16BE, 2));
    }
    int[] nulsAt = new int[4];
    for (int i = 0; i < n; i++) {
      if (head[i] == 0) {
        nulsAt[i & 3]++;
      }
    }
    int nuls = nulsAt[0] + nulsAt[1] + nulsAt[2] + nulsAt[3];
    if (nuls == 0) {
      return Optional.of(UTF_8);
    }
    // In UTF-32 the top byte of every code unit is 0 and the next one nearly always (all but
    // emoji and rare scripts past U+FFFF).
    int units32 = n / 4;
    double mostUnits = units32 * (1 - MAX_STRAY_NUL_SHARE);
    if (units32 > 0 && nulsAt[3] >= units32 && nulsAt[2] >= mostUnits && nulsAt[0] < units32) {
      return confirmed(new TextEncoding(UTF_32LE, 0), head);
    }
    if (units32 > 0 && nulsAt[0] >= units32 && nulsAt[1] >= mostUnits && nulsAt[3] < units32) {
      return confirmed(new TextEncoding(UTF_32BE, 0), head);
    }
    int even = nulsAt[0] + nulsAt[2];
    int odd = nulsAt[1] + nulsAt[3];
    int units16 = n / 2;
    if (odd >= units16 * MIN_ASCII_SHARE && even <= odd * MAX_STRAY_NUL_SHARE) {
      return confirmed(new TextEncoding(StandardCharsets.UTF_16LE, 0), head);
    }
    if (even >= units16 * MIN_ASCII_SHARE && odd <= even * MAX_STRAY_NUL_SHARE) {
      return confirmed(new TextEncoding(StandardCharsets.UTF_16BE, 0), head);
    }
    return Optional.empty();
  }

  /**
   * The head decoded leniently (a sequence cut off at its end, or malformed, becomes U+FFFD),
   * without its byte order mark: what format detection looks at.
   */
  public String decodeHead(byte[] head) {
    int start = Math.min(byteOrderMark, head.length);
    return new String(head, start, head.length - start, charset);
  }

  /** Whether the file is read as it is (UTF-8), not transcoded. */
  public boolean isUtf8() {
    return charset.equals(StandardCharsets.UTF_8);
  }

  /** A short name for messages: {@code UTF-8}, {@code UTF-16LE}, ... */
  public String label() {
    return charset.name();
  }

  /**
   * {@code source} read as UTF-8 bytes: itself when it is UTF-8, else a view that transcodes every
   * stream it opens.
   */
  public LogSource decoded(LogSource source) {
    if (isUtf8()) {
      return source;
    }
    return new LogSource() {
      @Override
      public String name() {
        return source.name();
      }

      @Override
      public InputStream open() throws IOException {
        InputStream in = source.open();
        try {
          in.skipNBytes(byteOrderMark);
        } catch (IOException | RuntimeException e) {
          in.close();
          throw e;
        }
        return new TranscodingInputStream(in, TextEncoding.this);
      }

      @Override
      public long size() {
        return source.size();
      }
    };
  }

  /**
   * The encoding when the head reads as text in it: at most one character in a hundred is malformed
   * (so that one bad sequence is reported where it is, by the reading, not taken for a binary file)
   * or a control character other than tab, line feed, carriage return and form feed; else empty.
   * Binary data read as UTF-16 is full of both.
   */
  private static Optional<TextEncoding> confirmed(TextEncoding encoding, byte[] head) {
    CharsetDecoder decoder =
        encoding
            .charset()
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    ByteBuffer in =
        ByteBuffer.wrap(head, encoding.byteOrderMark(), head.length - encoding.byteOrderMark());
    CharBuffer out = CharBuffer.allocate(head.length);
    decoder.decode(in, out, false);
    out.flip();
    int odd = 0;
    for (int i = 0; i < out.length(); i++) {
      char c = out.charAt(i);
      if (c == '\uFFFD' || c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
        odd++;
      }
    }
    return odd <= out.length() * MAX_ODD_SHARE ? Optional.of(encoding) : Optional.empty();
  }

  private static int b(byte[] head, int i) {
    return head[i] & 0xFF;
  }

  /**
   * A byte sequence that is not valid in the file's encoding.
   *
   * <p>Checked, because it is the file that cannot be read: the format reading it lets it pass, and
   * the importer reports it as one line.
   */
  public static final class MalformedText extends IOException {
    private static final long serialVersionUID = 1L;
    private final long byteOffset;

    public MalformedText(String encoding, long byteOffset) {
      super("invalid " + encoding + " at byte offset " + byteOffset);
      this.byteOffset = byteOffset;
    }

    /** Where in the file the bad sequence starts, counting from 0. */
    public long byteOffset() {
      return byteOffset;
    }
  }
}
