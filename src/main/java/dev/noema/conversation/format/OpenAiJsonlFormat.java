package dev.noema.conversation.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.noema.conversation.Conversation;
import dev.noema.conversation.ConversationFormat;
import dev.noema.conversation.ConversationSink;
import dev.noema.conversation.ImportProblem;
import dev.noema.conversation.LogSource;
import dev.noema.conversation.ReadOptions;
import dev.noema.conversation.Role;
import dev.noema.conversation.Turn;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI's chat messages JSONL (fine-tuning and eval files): one {@code {"messages": [{"role",
 * "content"}, ...]}} per line, each line one conversation with id {@code <file name>#<line
 * number>}. Content is a string or a list of parts whose {@code text} is kept. System messages are
 * kept with {@link ReadOptions#includeSystem()}, tool messages and assistant tool calls with {@link
 * ReadOptions#includeTools()}.
 *
 * <p>Lines are parsed one at a time from raw bytes, so a broken line (bad JSON, invalid UTF-8, no
 * messages) is rejected with its line number and the lines after it still import. Blank lines are
 * skipped.
 */
public final class OpenAiJsonlFormat implements ConversationFormat {
  private final JsonExportReader reader = new JsonExportReader();

  @Override
  public String name() {
    return "openai-jsonl";
  }

  @Override
  public String description() {
    return "OpenAI chat messages in JSON Lines (fine-tuning and eval files): one"
        + " {\"messages\": [{\"role\", \"content\"}, ...]} object per line, each line one"
        + " conversation.";
  }

  @Override
  public String example() {
    return """
        {"messages": [{"role": "user", "content": "2 + 2?"}, {"role": "assistant", "content": "4"}]}
        {"messages": [{"role": "user", "content": "Capital of France?"}, {"role": "assistant", "content": "Paris."}]}
        """;
  }

  /**
   * The first line is a whole object with a {@code messages} array of role/content objects: one
   * line, not a pretty-printed document that happens to have messages.
   */
  @Override
  public boolean recognises(String head) {
    JsonHead json = JsonHead.of(head);
    return json.shape() == JsonHead.Shape.OBJECT
        && json.objectOnFirstLine()
        && json.has("messages")
        && (json.has("messages/role") || json.has("messages/content"));
  }

  @Override
  public void read(LogSource source, ReadOptions options, ConversationSink sink)
      throws IOException {
    String fileName = fileName(source.name());
    try (InputStream in = new BufferedInputStream(source.open(), 1 << 16)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      long lineStart = 0;
      long position = 0;
      int lineNumber = 0;
      boolean more = true;
      while (more) {
        int b = in.read();
        if (b >= 0) {
          position++;
          if (b != '\n') {
            line.write(b);
            continue;
          }
        } else {
          more = false;
          if (line.size() == 0) {
            break;
          }
        }
        lineNumber++;
        readLine(line.toByteArray(), lineNumber, lineStart, source, fileName, options, sink);
        line.reset();
        lineStart = position;
      }
    }
  }

  private void readLine(
      byte[] bytes,
      int lineNumber,
      long lineStart,
      LogSource source,
      String fileName,
      ReadOptions options,
      ConversationSink sink)
      throws IOException {
    if (new String(bytes, StandardCharsets.ISO_8859_1).isBlank()) {
      return;
    }
    String location = "line " + lineNumber;
    JsonNode json;
    try {
      json = reader.parse(bytes, 0, bytes.length);
    } catch (JsonProcessingException e) {
      sink.reject(
          new ImportProblem(
              source.name(), location, JsonExportReader.unreadableLine(e, lineStart)));
      return;
    }
    JsonNode messages = json.get("messages");
    if (messages == null || !messages.isArray()) {
      sink.reject(new ImportProblem(source.name(), location, "no \"messages\" array"));
      return;
    }
    List<Turn> turns = new ArrayList<>();
    for (int m = 0; m < messages.size(); m++) {
      Turn turn = turnOf(messages.get(m), m, options);
      if (turn != null) {
        turns.add(
            new Turn(
                turns.size(),
                turn.messageId(),
                turn.role(),
                turn.speaker(),
                null,
                null,
                turn.text(),
                List.of(),
                null));
      }
    }
    sink.accept(
        new Conversation(
            fileName + "#" + lineNumber,
            null,
            null,
            name(),
            source.name(),
            null,
            null,
            turns,
            List.of()));
  }

  /** The turn of message {@code m} (id {@code m<index>}), or null when it is empty or left out. */
  private static Turn turnOf(JsonNode message, int m, ReadOptions options) {
    String roleName = ExportValues.text(message, "role", "");
    Role role;
    boolean keep;
    switch (roleName) {
      case "user" -> {
        role = Role.USER;
        keep = true;
      }
      case "assistant" -> {
        boolean toolCall = message.path("tool_calls").size() > 0 || message.has("function_call");
        role = toolCall ? Role.TOOL : Role.ASSISTANT;
        keep = !toolCall || options.includeTools();
      }
      case "tool", "function" -> {
        role = Role.TOOL;
        keep = options.includeTools();
      }
      default -> {
        role = Role.SYSTEM;
        keep = options.includeSystem();
      }
    }
    if (!keep) {
      return null;
    }
    JsonNode content = message.path("content");
    String text;
    if (content.isArray()) {
      List<String> parts = new ArrayList<>();
      content.forEach(
          part ->
              parts.add(part.isTextual() ? part.asText() : ExportValues.text(part, "text", "")));
      text = ExportValues.joined(parts, "\n\n");
    } else {
      text = content.isNull() || content.isMissingNode() ? "" : content.asText();
    }
    if (role == Role.TOOL && text.isBlank()) {
      JsonNode call =
          message.has("tool_calls") ? message.get("tool_calls") : message.path("function_call");
      text = call.isMissingNode() ? "" : call.toString();
    }
    text = text.strip();
    if (text.isEmpty()) {
      return null;
    }
    String speaker =
        roleName.isEmpty() ? "" : Character.toUpperCase(roleName.charAt(0)) + roleName.substring(1);
    return new Turn(0, "m" + m, role, speaker, null, null, text, List.of(), null);
  }

  /**
   * The last segment of a path or archive entry name: ids must not depend on where the file was
   * unpacked.
   */
  private static String fileName(String sourceName) {
    int cut =
        Math.max(
            sourceName.lastIndexOf('/'),
            Math.max(sourceName.lastIndexOf('\\'), sourceName.lastIndexOf('!')));
    return sourceName.substring(cut + 1);
  }
}
