package dev.noema.conversation.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.noema.conversation.Attachment;
import dev.noema.conversation.Conversation;
import dev.noema.conversation.ConversationFormat;
import dev.noema.conversation.ConversationSink;
import dev.noema.conversation.LogSource;
import dev.noema.conversation.ReadOptions;
import dev.noema.conversation.Role;
import dev.noema.conversation.Turn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * ChatGPT's data export: {@code conversations.json} (a top-level array, or {@code {"conversations":
 * [...]}}) and the split {@code conversations-NNN.json} files of newer exports, which hold the same
 * array in parts; and a single conversation object ({@code title}, {@code mapping}, {@code
 * current_node} at the top level), as the web app's conversation endpoint returns it and
 * per-conversation exporters save it.
 *
 * <p>Each conversation is a tree ({@code mapping}: node id to {@code {id, message, parent,
 * children}}); the active branch is the walk from {@code current_node} up the parent links,
 * reversed. Timestamps are not used for order: they are not monotonic along a branch. Without
 * {@code current_node} the newest child is followed from the root.
 *
 * <p>Kept by default: user and assistant messages a person saw. Kept only on request ({@link
 * ReadOptions}): system and hidden messages, tool calls (a {@code recipient} other than {@code
 * all}) and tool output, {@code thoughts} and {@code reasoning_recap}, {@code
 * user_editable_context} (custom instructions). Private-use citation markers are removed from every
 * text. Streams: one conversation in memory at a time.
 */
public final class ChatGptExportFormat implements ConversationFormat {
  private final JsonExportReader reader = new JsonExportReader();

  @Override
  public String name() {
    return "chatgpt-json";
  }

  @Override
  public String description() {
    return "ChatGPT data export (conversations.json, a list or {\"conversations\": [...]}, split"
        + " conversations-NNN.json) or one conversation object; recognised by a \"mapping\" of"
        + " messages with an author, content type, current_node or create_time.";
  }

  @Override
  public String example() {
    return """
        [{"id": "c-1", "title": "Greetings", "create_time": 1700000000.0, "current_node": "m2",
          "mapping": {
            "root": {"id": "root", "message": null, "parent": null, "children": ["m1"]},
            "m1": {"id": "m1", "parent": "root", "children": ["m2"],
                   "message": {"author": {"role": "user"}, "create_time": 1700000000.0,
                               "content": {"content_type": "text", "parts": ["Hello"]}}},
            "m2": {"id": "m2", "parent": "m1", "children": [],
                   "message": {"author": {"role": "assistant"}, "create_time": 1700000005.0,
                               "content": {"content_type": "text", "parts": ["Hi! How can I help?"]},
                               "metadata": {"model_slug": "gpt-4o"}}}}}]
        """;
  }

  /**
   * A conversation (the first of a list, or a single object) with a {@code mapping} of ChatGPT
   * messages (author, content type).
   */
  @Override
  public boolean recognises(String head) {
    JsonHead json = JsonHead.of(head);
    return json.shape() != JsonHead.Shape.NONE
        && json.has("mapping")
        && !json.hasAnywhere("fragments")
        && (json.hasAnywhere("content_type")
            || json.hasAnywhere("author")
            || json.has("current_node")
            || json.has("create_time"));
  }

  @Override
  public void read(LogSource source, ReadOptions options, ConversationSink sink)
      throws IOException {
    reader.read(source, json -> List.of(convert(json, source, options)), sink);
  }

  private Conversation convert(JsonNode json, LogSource source, ReadOptions options)
      throws UnreadableConversation {
    List<Turn> turns =
        MessageTree.mappingTurns(
            json, options.allBranches(), (id, message) -> turnsOf(id, message, options));
    String id = ExportValues.text(json, "conversation_id", ExportValues.text(json, "id", null));
    if (id == null) {
      throw new UnreadableConversation("no \"conversation_id\" or \"id\"");
    }
    return new Conversation(
        id,
        ExportValues.text(json, "title"),
        "chatgpt",
        name(),
        source.name(),
        ExportValues.epoch(json, "create_time"),
        ExportValues.epoch(json, "update_time"),
        turns,
        List.of());
  }

  /** The turn a node yields, or none when it is empty or the options leave it out. */
  private static List<Turn> turnsOf(String nodeId, JsonNode message, ReadOptions options) {
    if (message == null) {
      return List.of();
    }
    String authorRole = ExportValues.text(message.path("author"), "role", "");
    JsonNode content = message.path("content");
    String contentType = ExportValues.text(content, "content_type", "text");
    JsonNode metadata = message.path("metadata");
    String recipient = ExportValues.text(message, "recipient", "all");
    boolean hidden = metadata.path("is_visually_hidden_from_conversation").asBoolean(false);

    Role role;
    String speaker;
    boolean keep;
    switch (contentType) {
      case "thoughts", "reasoning_recap" -> {
        role = Role.ASSISTANT;
        speaker = "ChatGPT";
        keep = options.includeThinking();
      }
      case "user_editable_context" -> {
        role = Role.SYSTEM;
        speaker = "User";
        keep = options.includeUserContext();
      }
      default -> {
        switch (authorRole) {
          case "user" -> {
            role = Role.USER;
            speaker = "User";
            keep = true;
          }
          case "assistant" -> {
            boolean toolCall = !"all".equals(recipient);
            role = toolCall ? Role.TOOL : Role.ASSISTANT;
            speaker = "ChatGPT";
            keep = !toolCall || options.includeTools();
          }
          case "tool" -> {
            role = Role.TOOL;
            speaker = ExportValues.text(message.path("author"), "name", "tool");
            keep = options.includeTools();
          }
          default -> {
            role = Role.SYSTEM;
            speaker = "System";
            keep = options.includeSystem();
          }
        }
        if (hidden && !options.includeSystem()) {
          keep = false;
        }
      }
    }
    if (!keep) {
      return List.of();
    }
    List<Attachment> attachments = new ArrayList<>();
    String text = ExportValues.stripCitations(textOf(content, contentType, attachments)).strip();
    JsonNode files = metadata.path("attachments");
    for (JsonNode file : files) {
      attachments.add(
          new Attachment(
              ExportValues.text(file, "name", ExportValues.text(file, "id", "")),
              ExportValues.text(file, "mime_type", ExportValues.text(file, "mimeType", null)),
              null));
    }
    if (text.isEmpty() && attachments.isEmpty()) {
      return List.of();
    }
    String model = role == Role.USER ? null : ExportValues.text(metadata, "model_slug");
    return List.of(
        new Turn(
            0,
            nodeId,
            role,
            speaker,
            model,
            ExportValues.epoch(message, "create_time"),
            text,
            attachments,
            null));
  }

  /** The text of a message's content; asset-pointer parts become attachments. */
  private static String textOf(JsonNode content, String contentType, List<Attachment> attachments) {
    return switch (contentType) {
      case "text", "multimodal_text" -> partsText(content.path("parts"), attachments);
      case "code", "execution_output" -> ExportValues.text(content, "text", "");
      case "tether_quote" ->
          ExportValues.joined(
              List.of(
                  ExportValues.text(content, "title", ""),
                  ExportValues.text(content, "url", ""),
                  ExportValues.text(content, "text", "")),
              "\n");
      case "thoughts" -> {
        List<String> thoughts = new ArrayList<>();
        for (JsonNode thought : content.path("thoughts")) {
          thoughts.add(
              ExportValues.joined(
                  List.of(
                      ExportValues.text(thought, "summary", ""),
                      ExportValues.text(thought, "content", "")),
                  "\n"));
        }
        yield ExportValues.joined(thoughts, "\n\n");
      }
      case "reasoning_recap" -> ExportValues.text(content, "content", "");
      case "user_editable_context" ->
          ExportValues.joined(
              List.of(
                  ExportValues.text(content, "user_profile", ""),
                  ExportValues.text(content, "user_instructions", "")),
              "\n\n");
      // Types without a dialogue text of their own (browsing displays, errors): their text when
      // they carry one.
      default ->
          content.has("parts")
              ? partsText(content.path("parts"), attachments)
              : ExportValues.text(content, "text", "");
    };
  }

  private static String partsText(JsonNode parts, List<Attachment> attachments) {
    List<String> texts = new ArrayList<>();
    for (JsonNode part : parts) {
      if (part.isTextual()) {
        texts.add(part.asText());
        continue;
      }
      String partType = ExportValues.text(part, "content_type", "");
      if (partType.endsWith("asset_pointer")) {
        attachments.add(
            new Attachment(
                ExportValues.text(part, "asset_pointer", ""), mediaType(part, partType), null));
      } else if ("audio_transcription".equals(partType)) {
        texts.add(ExportValues.text(part, "text", ""));
      } else if (part.has("text")) {
        texts.add(ExportValues.text(part, "text", ""));
      }
    }
    return ExportValues.joined(texts, "\n\n");
  }

  /**
   * A MIME type only when the export states one: {@code audio/wav} from an audio part's format,
   * else null.
   */
  private static String mediaType(JsonNode part, String partType) {
    String format = ExportValues.text(part, "format");
    if (format != null && partType.startsWith("audio")) {
      return format.contains("/") ? format : "audio/" + format;
    }
    return ExportValues.text(part, "mime_type");
  }
}
