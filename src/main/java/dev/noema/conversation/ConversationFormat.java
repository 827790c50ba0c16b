package dev.noema.conversation;

import java.io.IOException;

/**
 * One log format: recognises its files by content and reads them into conversations.
 *
 * <p>Implementations are stateless and thread-safe. {@link #read} never throws for bad content
 * inside a file: a conversation it cannot read is passed to {@link ConversationSink#reject} with a
 * one-line reason, and reading goes on with the next conversation. It throws {@link IOException}
 * only when the file itself cannot be read.
 *
 * <p>Formats see text, never raw bytes of another encoding: the caller identifies the file's {@link
 * TextEncoding} first and hands {@link #recognises} the decoded head and {@link #read} the file
 * {@linkplain TextEncoding#decoded decoded} to UTF-8 (a UTF-8 file as it is, byte order mark
 * included: formats skip a leading U+FEFF).
 */
public interface ConversationFormat {

  /**
   * A short stable name used in {@code --format} and in provenance, e.g. {@code nexus-markdown}.
   */
  String name();

  /**
   * What the format reads and how it recognises it, in one or two sentences for {@code noema
   * formats}.
   */
  String description();

  /**
   * A small but complete file in this format, which {@link #recognises} and {@link #read} accept:
   * shown by {@code noema formats}, and checked by the format contract test.
   */
  String example();

  /**
   * Whether a file is in this format, from its first characters. Decides from content, never from
   * the name.
   *
   * @param head up to the first 64 KiB of the file, decoded, without a byte order mark; a character
   *     cut off at its end may be a replacement character
   */
  boolean recognises(String head);

  /**
   * Whether files of this format are read at all with {@code options}: a format whose content is
   * imported only on request (project documents) says no by default, and its files are passed over
   * quietly.
   */
  default boolean readsWith(ReadOptions options) {
    return true;
  }

  /**
   * Reads every conversation of {@code source} into {@code sink}, in file order.
   *
   * @param source the file's text as UTF-8 bytes (see the class comment)
   */
  void read(LogSource source, ReadOptions options, ConversationSink sink) throws IOException;
}
