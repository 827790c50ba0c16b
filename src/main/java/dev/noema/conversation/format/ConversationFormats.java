package dev.noema.conversation.format;

import dev.noema.conversation.ConversationFormat;
import dev.noema.conversation.LogSource;
import dev.noema.conversation.ReadOptions;
import dev.noema.conversation.TextEncoding;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The formats Noema reads, the side files of exports it knows and passes over, and identification
 * of a file by its content. Built in one place ({@link #standard()}), never through a static
 * registry: a caller who wants another set passes its own lists.
 */
public final class ConversationFormats {
  /** How much of a file identification looks at. */
  public static final int HEAD_BYTES = 64 * 1024;

  private final List<ConversationFormat> formats;
  private final List<KnownFile> knownFiles;

  /**
   * @param formats the formats in detection order (the first that recognises a file reads it)
   * @param knownFiles files that are no logs but are recognised, asked after every format
   */
  public ConversationFormats(List<ConversationFormat> formats, List<KnownFile> knownFiles) {
    this.formats = List.copyOf(formats);
    this.knownFiles = List.copyOf(knownFiles);
  }

  /**
   * A file that is not a log but is recognised, so that it gets a verdict of its own rather than
   * "not a conversation log".
   *
   * @param recognises tells the file from its decoded head
   * @param verdict what to do with it: pass it over, or refuse it with a reason
   */
  public record KnownFile(Predicate<String> recognises, Identification verdict) {}

  /**
   * Every format Noema ships, most specific first (detection takes the first that recognises a
   * file), and the side files of the exports they read.
   */
  public static ConversationFormats standard() {
    return new ConversationFormats(
        List.of(
            // Nexus notes first: they are Markdown that a loose transcript rule could mistake for a
            // transcript.
            new NexusMarkdownFormat(),
            new ClaudeExportFormat(),
            new ClaudeMemoriesFormat(),
            new ClaudeProjectsFormat(),
            new OpenWebUiFormat(),
            new DeepSeekExportFormat(),
            new ChatGptExportFormat(),
            new GrokExportFormat(),
            new GeminiActivityFormat(),
            new OpenAiJsonlFormat(),
            // The loosest test last: speaker markers at line starts.
            new PlainTranscriptFormat()),
        SideFiles.standard());
  }

  /** The formats in detection order. */
  public List<ConversationFormat> all() {
    return formats;
  }

  /** The known files that are not logs, in the order they are asked. */
  public List<KnownFile> knownFiles() {
    return knownFiles;
  }

  /** The format named {@code name} (as in {@code --format}), if there is one. */
  public Optional<ConversationFormat> byName(String name) {
    return formats.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
  }

  /**
   * What {@code source} is: its text encoding first (empty and binary files stop here), then the
   * first format that recognises its decoded head, else a known side file, else unreadable with
   * what was tried.
   *
   * @param formatName a format to read it as instead of detecting one, or null to detect
   * @param options what the import keeps: a format that reads nothing with them passes its files
   *     over
   */
  public Identification identify(LogSource source, String formatName, ReadOptions options)
      throws IOException {
    byte[] head;
    try (InputStream in = source.open()) {
      head = in.readNBytes(HEAD_BYTES);
    }
    if (head.length == 0) {
      return new Identification.Unreadable("empty file");
    }
    Optional<TextEncoding> encoding = TextEncoding.of(head);
    if (encoding.isEmpty()) {
      return new Identification.Unreadable(
          "binary file (NUL bytes in no text encoding), not a conversation log");
    }
    if (formatName != null) {
      return byName(formatName)
          .<Identification>map(f -> new Identification.Readable(f, encoding.get()))
          .orElseGet(
              () ->
                  new Identification.Unreadable(
                      "unknown format '" + formatName + "' (known: " + names() + ")"));
    }
    String text = encoding.get().decodeHead(head);
    for (ConversationFormat format : formats) {
      if (format.recognises(text)) {
        return format.readsWith(options)
            ? new Identification.Readable(format, encoding.get())
            : new Identification.PassedOver(
                format.name()
                    + ": not read with the options given ('noema formats "
                    + format.name()
                    + "' says when it is)");
      }
    }
    for (KnownFile known : knownFiles) {
      if (known.recognises().test(text)) {
        return known.verdict();
      }
    }
    return new Identification.Unreadable(notRecognised(text));
  }

  /**
   * Why no format took a file: for JSON, the keys it has and the formats tried, so that a user can
   * see what is missing.
   */
  private String notRecognised(String head) {
    JsonHead json = JsonHead.of(head);
    String tried = "tried " + names() + "; 'noema formats' shows what each reads";
    if (json.shape() == JsonHead.Shape.NONE) {
      String start = head.stripLeading();
      return !start.isEmpty() && (start.charAt(0) == '{' || start.charAt(0) == '[')
          ? "JSON without a conversation object in a known format (" + tried + ")"
          : "not a conversation log in any known format (" + tried + ")";
    }
    List<String> keys = json.keys();
    String what =
        json.shape() == JsonHead.Shape.ARRAY
            ? "a JSON list of objects with the keys "
            : "a JSON object with the keys ";
    return what
        + (keys.isEmpty() ? "(none)" : keys.stream().collect(Collectors.joining(", ")))
        + ", which no format reads ("
        + tried
        + ")";
  }

  private String names() {
    return formats.stream().map(ConversationFormat::name).collect(Collectors.joining(", "));
  }
}
