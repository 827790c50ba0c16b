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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Open WebUI's chat export: a list of {@code {id, title, chat, created_at, updated_at}} whose
 * {@code chat.history.messages} maps message ids to {@code {id, parentId, childrenIds, role,
 * content, timestamp, model}}; one such object on its own; or the bare chat object ({@code
 * history.messages} at the top level, with its {@code id}, {@code title} and {@code timestamp}),
 * alone or in a list. The active branch is the walk from {@code history.currentId} up the {@code
 * parentId} links, reversed. Times are epoch seconds (milliseconds are told apart by size).
 * Streams: one conversation in memory at a time.
 */
public final class OpenWebUiFormat implements ConversationFormat {
  private final JsonExportReader reader = new JsonExportReader();

  @Override
  public String name() {
    return "open-webui-json";
  }

  @Override
  public String description() {
    return "Open WebUI chat export (a list of chats, or one chat, wrapped in {\"chat\": ...} or"
        + " bare); recognised by \"chat.history\" or \"history.messages\".";
  }

  @Override
  public String example() {
    return """
        [{"id": "w-1", "title": "Tea", "created_at": 1718000000, "updated_at": 1718000030,
          "chat": {"history": {"currentId": "b",
            "messages": {
              "a": {"id": "a", "parentId": null, "childrenIds": ["b"], "role": "user",
                    "content": "Green or black tea?", "timestamp": 1718000000},
              "b": {"id": "b", "parentId": "a", "childrenIds": [], "role": "assistant",
                    "content": "Green, for less caffeine.", "timestamp": 1718000030,
                    "model": "llama3"}}}}}]
        """;
  }

  /**
   * A chat (the first of a list, or a single object) with a {@code history} of messages, under
   * {@code chat} or at its top level.
   */
  @Override
  public boolean recognises(String head) {
    JsonHead json = JsonHead.of(head);
    return json.shape() != JsonHead.Shape.NONE
        && (json.has("chat/history") || json.has("history/messages"));
  }

  @Override
  public void read(LogSource source, ReadOptions options, ConversationSink sink)
      throws IOException {
    reader.read(source, json -> List.of(convert(json, source, options)), sink);
  }

  private Conversation convert(JsonNode json, LogSource source, ReadOptions options)
      throws UnreadableConversation {
    JsonNode chat = json.path("chat").has("history") ? json.get("chat") : json;
    JsonNode history = chat.path("history");
    JsonNode messages = history.get("messages");
    if (messages == null || !messages.isObject()) {
      throw new UnreadableConversation("no \"chat.history.messages\" or \"history.messages\"");
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
        current == null ? tree.lastChildPath() : tree.pathTo(current, "history.currentId");
    List<Turn> turns =
        tree.turns(active, options.allBranches(), id -> turnsOf(id, byId.get(id), options));
    String id = ExportValues.text(json, "id", ExportValues.text(chat, "id", null));
    if (id == null) {
      throw new UnreadableConversation("no \"id\"");
    }
    Instant created = ExportValues.epoch(json, "created_at");
    return new Conversation(
        id,
        ExportValues.text(json, "title", ExportValues.text(chat, "title", null)),
        "open-webui",
        name(),
        source.name(),
        created != null ? created : ExportValues.epoch(chat, "timestamp"),
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
