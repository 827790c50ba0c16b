package dev.noema.conversation.format;

import dev.noema.conversation.ConversationFormat;
import dev.noema.conversation.LogSource;
import dev.noema.conversation.TextEncoding;

/**
 * What a file is, as {@link ConversationFormats#identify} tells it from its first bytes: a log to
 * read, a known side file of an export to pass over, or something that cannot be read.
 */
public sealed interface Identification {

  /**
   * A log in {@code format}, encoded in {@code encoding}.
   *
   * @param format the format to read it with
   * @param encoding the file's text encoding
   */
  record Readable(ConversationFormat format, TextEncoding encoding) implements Identification {
    /** The file as the format reads it: its text as UTF-8, whatever it was saved as. */
    public LogSource text(LogSource file) {
      return encoding.decoded(file);
    }
  }

  /**
   * A file that exports carry beside their conversations and that holds none (account details,
   * feedback, an HTML viewer), or a side file the options do not ask for.
   *
   * @param what what the file is, in words a user recognises ("ChatGPT user.json: account details")
   */
  record PassedOver(String what) implements Identification {}

  /**
   * A file that is no log Noema can read.
   *
   * @param reason why, in one line: empty, binary, or no format recognises it (with what was tried)
   */
  record Unreadable(String reason) implements Identification {}
}
