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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Open WebUI's chat export: an array of {@code {id, title, chat, created_at, updated_at}} whose
 * {@code chat.history.messages} maps message ids to {@code {id, parentId, childrenIds, role,
 * content, timestamp, model}}. The active branch is the walk from {@code chat.history.currentId} up
 * the {@code parentId} links, reversed. Times are epoch seconds. Streams: one conversation in
 * memory at a time.
 */
public final class OpenWebUiFormat implements ConversationFormat {
  private final JsonExportReader reader = new JsonExportReader();

  @Override
  public String name() {
    return "open-webui-json";
  }

  /** A conversation array whose first conversation has a {@code chat} with a {@code history}. */
  @Override
  public boolean recognises(String head) {
    JsonHead json = JsonHead.of(head);
    return json.shape() == JsonHead.Shape.ARRAY && json.has("chat/history");
  }

  @Override
  public void read(LogSource source, ReadOptions options, ConversationSink sink)
      throws IOException {
    reader.read(source, json -> convert(json, source, options), sink);
  }

  private Conversation convert(JsonNode json, LogSource source, ReadOptions options)
      throws UnreadableConversation {
    JsonNode chat = json.path("chat");
    JsonNode history = chat.path("history");
    JsonNode messages = history.get("messages");
    if (messages == null || !messages.isObject()) {
      throw new UnreadableConversation("no \"chat.history.messages\"");
    }
    List<MessageTree.Node> nodes = new ArrayList<>();
    Map<String, JsonNode> byId = new HashMap<>();
    for (Map.Entry<String, JsonNode> entry : messages.properties()) {
      JsonNode message = entry.getValue();
      String id = ExportValues.text(message, "id", entry.getKey());
      List<String> children = new ArrayList<>();
      message.path("childrenIds").forEach(child -> children.add(child.asText()));
      nodes.add(new MessageTree.Node(id, ExportValues.text(message, "parentId"), children));
      byId.put(id, message);
    }
    MessageTree tree = new MessageTree(nodes);
    String current = ExportValues.text(history, "currentId");
    List<String> active =
        current == null ? tree.lastChildPath() : tree.pathTo(current, "chat.history.currentId");
    List<Turn> turns =
        tree.turns(active, options.allBranches(), id -> turnsOf(id, byId.get(id), options));
    String id = ExportValues.text(json, "id", ExportValues.text(chat, "id", null));
    if (id == null) {
      throw new UnreadableConversation("no \"id\"");
    }
    return new Conversation(
        id,
        ExportValues.text(json, "title", ExportValues.text(chat, "title", null)),
        "open-webui",
        name(),
        source.name(),
        ExportValues.epoch(json, "created_at"),
        ExportValues.epoch(json, "updated_at"),
        turns,
        List.of());
  }

  private static List<Turn> turnsOf(String id, JsonNode message, ReadOptions options) {
    if (message == null) {
      return List.of();
    }
    String roleName = ExportValues.text(message, "role", "");
    Role role;
    String speaker;
    switch (roleName) {
      case "user" -> {
        role = Role.USER;
        speaker = "User";
      }
      case "assistant" -> {
        role = Role.ASSISTANT;
        speaker = "Assistant";
      }
      case "tool" -> {
        if (!options.includeTools()) {
          return List.of();
        }
        role = Role.TOOL;
        speaker = "Tool";
      }
      default -> {
        if (!options.includeSystem()) {
          return List.of();
        }
        role = Role.SYSTEM;
        speaker = "System";
      }
    }
    List<Attachment> attachments = new ArrayList<>();
    for (JsonNode file : message.path("files")) {
      attachments.add(
          new Attachment(
              ExportValues.text(file, "name", ExportValues.text(file, "url", "")),
              ExportValues.text(file.path("file").path("meta"), "content_type"),
              null));
    }
    String text = ExportValues.text(message, "content", "").strip();
    if (text.isEmpty() && attachments.isEmpty()) {
      return List.of();
    }
    String model = role == Role.USER ? null : ExportValues.text(message, "model");
    return List.of(
        new Turn(
            0,
            id,
            role,
            speaker,
            model,
            ExportValues.epoch(message, "timestamp"),
            text,
            attachments,
            null));
  }
}
