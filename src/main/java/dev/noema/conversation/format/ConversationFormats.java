package dev.noema.conversation.format;

import dev.noema.conversation.ConversationFormat;
import dev.noema.conversation.LogSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The formats Noema reads, and detection by content. Built in one place ({@link #standard()}),
 * never through a static registry: a caller who wants another set passes its own list.
 */
public final class ConversationFormats {
  /** How much of a file detection looks at. */
  public static final int HEAD_BYTES = 64 * 1024;

  private final List<ConversationFormat> formats;

  public ConversationFormats(List<ConversationFormat> formats) {
    this.formats = List.copyOf(formats);
  }

  /**
   * Every format Noema ships, most specific first (detection takes the first that recognises a
   * file).
   */
  public static ConversationFormats standard() {
    return new ConversationFormats(
        List.of(
            // Nexus notes first: they are Markdown that a loose transcript rule could mistake for a
            // transcript.
            new NexusMarkdownFormat(),
            new ClaudeExportFormat(),
            new OpenWebUiFormat(),
            new DeepSeekExportFormat(),
            new ChatGptExportFormat(),
            new OpenAiJsonlFormat(),
            // The loosest test last: speaker markers at line starts.
            new PlainTranscriptFormat()));
  }

  public List<ConversationFormat> all() {
    return formats;
  }

  /** The format named {@code name} (as in {@code --format}), if there is one. */
  public Optional<ConversationFormat> byName(String name) {
    return formats.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
  }

  /** The first format that recognises the source's content, or empty when none does. */
  public Optional<ConversationFormat> detect(LogSource source) throws IOException {
    String head;
    try (InputStream in = source.open()) {
      head = new String(in.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8);
    }
    return formats.stream().filter(f -> f.recognises(head)).findFirst();
  }
}
