package dev.noema.conversation;

import java.io.IOException;

/**
 * One log format: recognises its files by content and reads them into conversations.
 *
 * <p>Implementations are stateless and thread-safe. {@link #read} never throws for bad content
 * inside a file: a conversation it cannot read is passed to {@link ConversationSink#reject} with a
 * one-line reason, and reading goes on with the next conversation. It throws {@link IOException}
 * only when the file itself cannot be read.
 */
public interface ConversationFormat {

  /**
   * A short stable name used in {@code --format} and in provenance, e.g. {@code nexus-markdown}.
   */
  String name();

  /**
   * Whether a file whose first bytes are {@code head} is in this format. Decides from content,
   * never from the name.
   *
   * @param head up to the first 64 KiB of the file, decoded as UTF-8 with malformed bytes replaced
   */
  boolean recognises(String head);

  /** Reads every conversation of {@code source} into {@code sink}, in file order. */
  void read(LogSource source, ReadOptions options, ConversationSink sink) throws IOException;
}
