package dev.noema.conversation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextEncodingTest {
  private static final String JSON = "[{\"title\": \"Привет\", \"text\": \"emoji 🧠 and café\"}]\n";
  private static final String RUSSIAN = "Пользователь: Теория Кирилла говорит о том, что модели\n";

  @ParameterizedTest
  @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"})
  void tells_utf16_and_utf32_without_a_byte_order_mark_by_their_nul_bytes(String charset) {
    for (String text : new String[] {JSON, RUSSIAN}) {
      byte[] bytes = text.getBytes(Charset.forName(charset));

      assertEquals(
          Optional.of(new TextEncoding(Charset.forName(charset), 0)), TextEncoding.of(bytes), text);
    }
  }

  @Test
  void tells_every_byte_order_mark() {
    assertEquals(
        Optional.of(new TextEncoding(StandardCharsets.UTF_8, 3)),
        TextEncoding.of(withBom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "UTF-8")));
    assertEquals(
        Optional.of(new TextEncoding(StandardCharsets.UTF_16LE, 2)),
        TextEncoding.of(withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, "UTF-16LE")));
    assertEquals(
        Optional.of(new TextEncoding(StandardCharsets.UTF_16BE, 2)),
        TextEncoding.of(withBom(new byte[] {(byte) 0xFE, (byte) 0xFF}, "UTF-16BE")));
    assertEquals(
        Optional.of(new TextEncoding(Charset.forName("UTF-32LE"), 4)),
        TextEncoding.of(withBom(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, "UTF-32LE")));
    assertEquals(
        Optional.of(new TextEncoding(Charset.forName("UTF-32BE"), 4)),
        TextEncoding.of(withBom(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, "UTF-32BE")));
  }

  @Test
  void text_without_nul_bytes_is_utf8_and_read_as_it_is() {
    byte[] bytes = RUSSIAN.getBytes(StandardCharsets.UTF_8);

    assertEquals(Optional.of(TextEncoding.UTF_8), TextEncoding.of(bytes));
    LogSource source = source(bytes);
    assertEquals(source, TextEncoding.UTF_8.decoded(source));
  }

  @Test
  void images_and_random_bytes_are_binary() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 16};
    byte[] noise = new byte[8192];
    new Random(7).nextBytes(noise);

    assertEquals(Optional.empty(), TextEncoding.of(png));
    assertEquals(Optional.empty(), TextEncoding.of(jpeg));
    assertEquals(Optional.empty(), TextEncoding.of(noise));
  }

  @Test
  void transcodes_utf16_to_utf8_across_buffers_and_surrogate_pairs() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < 200_000; i++) {
      text.append("turn ").append(i).append(": смысл 🧠 ").append("x".repeat(i % 7)).append('\n');
    }
    byte[] bom = {(byte) 0xFF, (byte) 0xFE};
    byte[] bytes = withBom(bom, "UTF-16LE", text.toString());
    TextEncoding encoding = TextEncoding.of(bytes).orElseThrow();

    assertArrayEquals(
        text.toString().getBytes(StandardCharsets.UTF_8), readAll(encoding.decoded(source(bytes))));
  }

  @Test
  void an_unpaired_surrogate_is_named_by_its_offset_in_the_file() {
    byte[] good = "ab".getBytes(StandardCharsets.UTF_16LE);
    byte[] bytes = new byte[2 + good.length + 2 + good.length];
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xFE;
    System.arraycopy(good, 0, bytes, 2, good.length);
    bytes[6] = 0x00; // U+D800, a high surrogate followed by no low one
    bytes[7] = (byte) 0xD8;
    System.arraycopy(good, 0, bytes, 8, good.length);
    TextEncoding encoding =
        TextEncoding.of(withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, "UTF-16LE")).orElseThrow();

    TextEncoding.MalformedText e =
        assertThrows(
            TextEncoding.MalformedText.class, () -> readAll(encoding.decoded(source(bytes))));
    assertEquals(6, e.byteOffset());
    assertEquals("invalid UTF-16LE at byte offset 6", e.getMessage());
  }

  @Test
  void a_character_cut_off_by_the_end_of_the_file_is_named() {
    byte[] text = "abc".getBytes(StandardCharsets.UTF_16BE);
    byte[] bytes = new byte[text.length + 1];
    System.arraycopy(text, 0, bytes, 0, text.length);
    bytes[text.length] = 0x41;
    TextEncoding encoding = new TextEncoding(StandardCharsets.UTF_16BE, 0);

    TextEncoding.MalformedText e =
        assertThrows(
            TextEncoding.MalformedText.class, () -> readAll(encoding.decoded(source(bytes))));
    assertEquals(6, e.byteOffset());
  }

  @Test
  void the_head_is_decoded_without_its_byte_order_mark() {
    byte[] bytes = withBom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "UTF-8");

    assertEquals(JSON, TextEncoding.of(bytes).orElseThrow().decodeHead(bytes));
  }

  private static byte[] withBom(byte[] bom, String charset) {
    return withBom(bom, charset, JSON);
  }

  private static byte[] withBom(byte[] bom, String charset, String text) {
    byte[] body = text.getBytes(Charset.forName(charset));
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, bom.length);
    System.arraycopy(body, 0, all, bom.length, body.length);
    return all;
  }

  private static byte[] readAll(LogSource source) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = source.open()) {
      byte[] buffer = new byte[1000]; // odd sizes, so reads end mid-character in the source
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
      }
    }
    return out.toByteArray();
  }

  private static LogSource source(byte[] bytes) {
    return new LogSource() {
      @Override
      public String name() {
        return "test";
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(bytes);
      }

      @Override
      public long size() {
        return bytes.length;
      }
    };
  }
}
