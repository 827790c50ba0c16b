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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Claude's data export {@code conversations.json}: an array of {@code {uuid, name, created_at,
 * updated_at, chat_messages}}; or one such conversation on its own (the per-conversation files of
 * newer exports, and what claude.ai's conversation endpoint returns). Both message shapes are read:
 * older messages carry only {@code text}; newer ones carry {@code content} blocks ({@code text},
 * {@code thinking}, {@code tool_use}, {@code tool_result}), which take precedence.
 *
 * <p>Messages are ordered by {@code created_at}, stably (the export does not guarantee file order).
 * A conversation that records its branches ({@code current_leaf_message_uuid} and each message's
 * {@code parent_message_uuid}, as the endpoint returns it) is read like a tree instead: the active
 * branch is the walk up from the current leaf, and the others are alternatives ({@link
 * ReadOptions#allBranches()}). A conversation held in a project ({@code project_uuid}, or {@code
 * project.uuid}) names it as its {@link Conversation#project()}. One message can yield several
 * turns, in block order: consecutive text blocks form one turn (id: the message's uuid), a thinking
 * or tool block its own turn (id: {@code uuid#k}, k the block's position), kept only with {@link
 * ReadOptions#includeThinking()} or {@link ReadOptions#includeTools()}. Attachments with {@code
 * extracted_content} and {@code files} become {@link Attachment}s of the message's first turn.
 * Streams: one conversation in memory at a time.
 */
public final class ClaudeExportFormat implements ConversationFormat {
  private final JsonExportReader reader = new JsonExportReader();

  @Override
  public String name() {
    return "claude-json";
  }

  @Override
  public String description() {
    return "Claude data export (conversations.json) or one conversation object; recognised by"
        + " \"uuid\" and \"chat_messages\".";
  }

  @Override
  public String example() {
    return """
        [{"uuid": "k-1", "name": "Haiku", "created_at": "2025-03-01T09:00:00Z",
          "updated_at": "2025-03-01T09:00:20Z",
          "chat_messages": [
            {"uuid": "u1", "sender": "human", "created_at": "2025-03-01T09:00:00Z",
             "content": [{"type": "text", "text": "A haiku about rain, please."}]},
            {"uuid": "a1", "sender": "assistant", "created_at": "2025-03-01T09:00:20Z",
             "content": [{"type": "text", "text": "Soft rain on the roof"}]}]}]
        """;
  }

  /**
   * A conversation (the first of a list, or a single object) with {@code uuid} and {@code
   * chat_messages}.
   */
  @Override
  public boolean recognises(String head) {
    JsonHead json = JsonHead.of(head);
    return json.shape() != JsonHead.Shape.NONE && json.has("uuid") && json.has("chat_messages");
  }

  @Override
  public void read(LogSource source, ReadOptions options, ConversationSink sink)
      throws IOException {
    reader.read(source, json -> List.of(convert(json, source, options)), sink);
  }

  private Conversation convert(JsonNode json, LogSource source, ReadOptions options)
      throws UnreadableConversation {
    String id = ExportValues.text(json, "uuid");
    if (id == null || id.isBlank()) {
      throw new UnreadableConversation("no \"uuid\"");
    }
    JsonNode messages = json.get("chat_messages");
    if (messages == null || !messages.isArray()) {
      throw new UnreadableConversation("no \"chat_messages\" array");
    }
    String leaf = ExportValues.text(json, "current_leaf_message_uuid");
    List<Turn> turns =
        leaf != null && hasParentLinks(messages)
            ? treeTurns(messages, leaf, options)
            : timeOrderedTurns(messages, options);
    return new Conversation(
        id,
        ExportValues.text(json, "name", null),
        "claude",
        name(),
        source.name(),
        ExportValues.iso(json, "created_at"),
        ExportValues.iso(json, "updated_at"),
        turns,
        List.of(),
        Conversation.Kind.DIALOGUE,
        ExportValues.text(
            json, "project_uuid", ExportValues.text(json.path("project"), "uuid", null)));
  }

  /** The turns of messages ordered by {@code created_at}, stably, numbered from 0. */
  private static List<Turn> timeOrderedTurns(JsonNode messages, ReadOptions options) {
    List<JsonNode> ordered = new ArrayList<>();
    messages.forEach(ordered::add);
    // List.sort is stable: messages with the same (or no) time keep their file order.
    ordered.sort(
        Comparator.comparing(
            m -> ExportValues.iso(m, "created_at"),
            Comparator.nullsFirst(Comparator.naturalOrder())));
    List<Turn> turns = new ArrayList<>();
    for (JsonNode message : ordered) {
      for (Turn turn : turnsOf(message, options)) {
        turns.add(
            new Turn(
                turns.size(),
                turn.messageId(),
                turn.role(),
                turn.speaker(),
                null,
                turn.time(),
                turn.text(),
                turn.attachments(),
                null));
      }
    }
    return turns;
  }

  private static boolean hasParentLinks(JsonNode messages) {
    for (JsonNode message : messages) {
      if (ExportValues.text(message, "parent_message_uuid") != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * The turns of a conversation that records its branches: the active branch ends at {@code leaf};
   * children are in file order (oldest alternative first).
   */
  private static List<Turn> treeTurns(JsonNode messages, String leaf, ReadOptions options)
      throws UnreadableConversation {
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    Map<String, List<String>> children = new HashMap<>();
    for (JsonNode message : messages) {
      String uuid = ExportValues.text(message, "uuid");
      if (uuid == null) {
        continue;
      }
      byId.put(uuid, message);
      String parent = ExportValues.text(message, "parent_message_uuid");
      if (parent != null) {
        children.computeIfAbsent(parent, p -> new ArrayList<>()).add(uuid);
      }
    }
    List<MessageTree.Node> nodes = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : byId.entrySet()) {
      nodes.add(
          new MessageTree.Node(
              entry.getKey(),
              ExportValues.text(entry.getValue(), "parent_message_uuid"),
              children.getOrDefault(entry.getKey(), List.of())));
    }
    MessageTree tree = new MessageTree(nodes);
    List<String> active = tree.pathTo(leaf, "current_leaf_message_uuid");
    return tree.turns(active, options.allBranches(), id -> turnsOf(byId.get(id), options));
  }

  private static List<Turn> turnsOf(JsonNode message, ReadOptions options) {
    String uuid = ExportValues.text(message, "uuid");
    String sender = ExportValues.text(message, "sender", "");
    Role speakerRole = "human".equals(sender) ? Role.USER : Role.ASSISTANT;
    String speaker = speakerRole == Role.USER ? "Human" : "Claude";
    Instant time = ExportValues.iso(message, "created_at");
    List<Attachment> attachments = attachments(message);

    List<Turn> turns = new ArrayList<>();
    JsonNode blocks = message.get("content");
    if (blocks == null || !blocks.isArray() || blocks.isEmpty()) {
      String text = ExportValues.text(message, "text", "").strip();
      if (!text.isEmpty() || !attachments.isEmpty()) {
        turns.add(new Turn(0, uuid, speakerRole, speaker, null, time, text, attachments, null));
      }
      return turns;
    }
    StringBuilder text = new StringBuilder();
    boolean mainTaken = false;
    for (int k = 0; k < blocks.size(); k++) {
      JsonNode block = blocks.get(k);
      String type = ExportValues.text(block, "type", "");
      if ("text".equals(type)) {
        String part = ExportValues.text(block, "text", "");
        if (!part.isBlank()) {
          text.append(text.length() > 0 ? "\n\n" : "").append(part.strip());
        }
        continue;
      }
      Turn extra = blockTurn(block, type, uuid + "#" + k, speaker, time, options);
      if (extra == null) {
        continue;
      }
      if (text.length() > 0) {
        turns.add(
            mainTurn(uuid, mainTaken, k, speakerRole, speaker, time, text.toString(), attachments));
        mainTaken = true;
        text.setLength(0);
      }
      turns.add(extra);
    }
    if (text.length() > 0 || (!mainTaken && !attachments.isEmpty())) {
      turns.add(
          mainTurn(
              uuid,
              mainTaken,
              blocks.size(),
              speakerRole,
              speaker,
              time,
              text.toString(),
              attachments));
    }
    return turns;
  }

  /**
   * The first text turn of a message carries its uuid and its attachments; later text turns are
   * {@code uuid#k}.
   */
  private static Turn mainTurn(
      String uuid,
      boolean mainTaken,
      int k,
      Role role,
      String speaker,
      Instant time,
      String text,
      List<Attachment> attachments) {
    return mainTaken
        ? new Turn(0, uuid + "#" + k, role, speaker, null, time, text, List.of(), null)
        : new Turn(0, uuid, role, speaker, null, time, text, attachments, null);
  }

  /**
   * A thinking or tool block as a turn of its own, or null when the options leave it out or it is
   * empty.
   */
  private static Turn blockTurn(
      JsonNode block, String type, String id, String speaker, Instant time, ReadOptions options) {
    String text;
    Role role;
    switch (type) {
      case "thinking" -> {
        if (!options.includeThinking()) {
          return null;
        }
        role = Role.ASSISTANT;
        text = ExportValues.text(block, "thinking", "");
      }
      case "tool_use" -> {
        if (!options.includeTools()) {
          return null;
        }
        role = Role.TOOL;
        JsonNode input = block.get("input");
        text =
            ExportValues.joined(
                List.of(
                    ExportValues.text(block, "name", ""), input == null ? "" : input.toString()),
                "\n");
        speaker = ExportValues.text(block, "name", "tool");
      }
      case "tool_result" -> {
        if (!options.includeTools()) {
          return null;
        }
        role = Role.TOOL;
        JsonNode content = block.path("content");
        if (content.isTextual()) {
          text = content.asText();
        } else {
          List<String> parts = new ArrayList<>();
          content.forEach(part -> parts.add(ExportValues.text(part, "text", "")));
          text = ExportValues.joined(parts, "\n\n");
        }
        speaker = ExportValues.text(block, "name", "tool");
      }
      default -> {
        return null;
      }
    }
    text = text.strip();
    return text.isEmpty()
        ? null
        : new Turn(0, id, role, speaker, null, time, text, List.of(), null);
  }

  private static List<Attachment> attachments(JsonNode message) {
    List<Attachment> attachments = new ArrayList<>();
    for (JsonNode attachment : message.path("attachments")) {
      String type = ExportValues.text(attachment, "file_type");
      attachments.add(
          new Attachment(
              ExportValues.text(attachment, "file_name", ""),
              type != null && type.contains("/") ? type : null,
              ExportValues.text(attachment, "extracted_content")));
    }
    for (JsonNode file : message.path("files")) {
      attachments.add(
          new Attachment(
              ExportValues.text(file, "file_name", ExportValues.text(file, "file_uuid", "")),
              null,
              null));
    }
    return attachments;
  }
}
