package dev.noema.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a stream in one encoding as UTF-8 bytes, a buffer at a time (constant memory whatever the
 * size). Decoding is strict: the first sequence that is not valid in the source encoding (an
 * unpaired surrogate in UTF-16, a code point past U+10FFFF in UTF-32, a cut-off last character)
 * ends reading with a {@link TextEncoding.MalformedText} naming its offset in the file. Not
 * thread-safe.
 */
final class TranscodingInputStream extends InputStream {
  private static final int BUFFER = 16 * 1024;

  private final InputStream in;
  private final TextEncoding encoding;
  private final CharsetDecoder decoder;
  private final CharsetEncoder encoder =
      StandardCharsets.UTF_8
          .newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  /** Bytes read from the source and not yet decoded (read mode). */
  private final ByteBuffer raw = ByteBuffer.allocate(BUFFER).flip();

  /** Decoded characters not yet encoded (write mode). */
  private final CharBuffer chars = CharBuffer.allocate(BUFFER);

  /** UTF-8 bytes not yet handed out (read mode). */
  private final ByteBuffer utf8 = ByteBuffer.allocate(BUFFER * 3).flip();

  /** Source bytes before {@code raw}'s first byte, the byte order mark included. */
  private long consumed;

  private boolean sourceEnded;
  private boolean flushed;

  TranscodingInputStream(InputStream in, TextEncoding encoding) {
    this.in = in;
    this.encoding = encoding;
    this.consumed = encoding.byteOrderMark();
    this.decoder =
        encoding
            .charset()
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (!utf8.hasRemaining()) {
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(length, utf8.remaining());
    utf8.get(buffer, offset, n);
    return n;
  }

  @Override
  public int available() {
    return utf8.remaining();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /**
   * Produces more UTF-8 bytes.
   *
   * @return false at the end of the text
   */
  private boolean fill() throws IOException {
    if (flushed) {
      return false;
    }
    if (!sourceEnded && raw.remaining() < BUFFER / 2) {
      consumed += raw.position();
      raw.compact();
      int n = in.read(raw.array(), raw.position(), raw.remaining());
      if (n < 0) {
        sourceEnded = true;
      } else {
        raw.position(raw.position() + n);
      }
      raw.flip();
    }
    CoderResult decoded = decoder.decode(raw, chars, sourceEnded);
    if (decoded.isError()) {
      throw new TextEncoding.MalformedText(encoding.label(), consumed + raw.position());
    }
    boolean last = sourceEnded && !raw.hasRemaining();
    if (last) {
      decoder.flush(chars);
    }
    utf8.clear();
    chars.flip();
    // Surrogate pairs are never split here: the decoder emits both halves of a pair together.
    encoder.encode(chars, utf8, last);
    if (last && !chars.hasRemaining()) {
      encoder.flush(utf8);
      flushed = true;
    }
    chars.compact();
    utf8.flip();
    return utf8.hasRemaining() || !flushed;
  }
}
