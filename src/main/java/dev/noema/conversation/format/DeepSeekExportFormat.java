package dev.noema.conversation.format;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Locale;

/**
 * DeepSeek's data export: an array of {@code {id, title, inserted_at, updated_at, mapping}} (or one
 * such conversation object on its own) whose nodes' messages hold {@code fragments} of a {@code
 * type} ({@code REQUEST}, {@code RESPONSE}, {@code THINK}, {@code SEARCH}, ...) and {@code
 * content}.
 *
 * <p>The active branch ends at {@code current_node} when the export records one, else it follows
 * the newest (last) child from the root. A message yields one turn per kind of fragment, in
 * fragment order: REQUEST fragments a user turn, RESPONSE fragments an assistant turn (id: the node
 * id), THINK fragments a thinking turn ({@code id#think}, with {@link
 * ReadOptions#includeThinking()}), SEARCH and other tool fragments a tool turn ({@code id#search},
 * with {@link ReadOptions#includeTools()}). Streams: one conversation in memory at a time.
 */
public final class DeepSeekExportFormat implements ConversationFormat {
  private final JsonExportReader reader = new JsonExportReader();

  @Override
  public String name() {
    return "deepseek-json";
  }

  @Override
  public String description() {
    return "DeepSeek data export (conversations.json) or one conversation object; recognised by a"
        + " \"mapping\" whose messages hold \"fragments\" (REQUEST, RESPONSE, THINK, SEARCH), or by"
        + " \"inserted_at\".";
  }

  @Override
  public String example() {
    return """
        [{"id": "d-1", "title": "Primes", "inserted_at": "2025-02-01T10:00:00+08:00",
          "updated_at": "2025-02-01T10:00:09+08:00",
          "mapping": {
            "root": {"id": "root", "parent": null, "children": ["1"], "message": null},
            "1": {"id": "1", "parent": "root", "children": ["2"],
                  "message": {"inserted_at": "2025-02-01T10:00:00+08:00",
                              "fragments": [{"type": "REQUEST", "content": "Is 91 prime?"}]}},
            "2": {"id": "2", "parent": "1", "children": [],
                  "message": {"inserted_at": "2025-02-01T10:00:09+08:00", "model": "deepseek-chat",
                              "fragments": [{"type": "RESPONSE", "content": "No: 91 = 7 × 13."}]}}}}]
        """;
  }

  /**
   * A conversation (the first of a list, or a single object) with a {@code mapping} with message
   * {@code fragments}.
   */
  @Override
  public boolean recognises(String head) {
    JsonHead json = JsonHead.of(head);
    return json.shape() != JsonHead.Shape.NONE
        && json.has("mapping")
        && (json.hasAnywhere("fragments") || json.has("inserted_at"));
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
    String id = ExportValues.text(json, "id");
    if (id == null || id.isBlank()) {
      throw new UnreadableConversation("no \"id\"");
    }
    return new Conversation(
        id,
        ExportValues.text(json, "title"),
        "deepseek",
        name(),
        source.name(),
        ExportValues.iso(json, "inserted_at"),
        ExportValues.iso(json, "updated_at"),
        turns,
        List.of());
  }

  private static List<Turn> turnsOf(String nodeId, JsonNode message, ReadOptions options) {
    if (message == null) {
      return List.of();
    }
    String model = ExportValues.text(message, "model");
    Instant time = ExportValues.iso(message, "inserted_at");
    List<Turn> turns = new ArrayList<>();
    String kind = null;
    List<String> texts = new ArrayList<>();
    for (JsonNode fragment : message.path("fragments")) {
      String type = ExportValues.text(fragment, "type", "RESPONSE");
      if (!type.equals(kind)) {
        addTurn(turns, nodeId, kind, texts, model, time, options);
        kind = type;
        texts.clear();
      }
      JsonNode content = fragment.get("content");
      texts.add(
          content == null || content.isNull()
              ? ""
              : content.isTextual() ? content.asText() : content.toString());
      if (fragment.path("results").isArray()) {
        texts.add(fragment.get("results").toString());
      }
    }
    addTurn(turns, nodeId, kind, texts, model, time, options);
    return turns;
  }

  private static void addTurn(
      List<Turn> turns,
      String nodeId,
      String kind,
      List<String> texts,
      String model,
      Instant time,
      ReadOptions options) {
    String text = ExportValues.joined(texts, "\n\n").strip();
    if (kind == null || text.isEmpty()) {
      return;
    }
    switch (kind) {
      case "REQUEST" ->
          turns.add(new Turn(0, nodeId, Role.USER, "User", null, time, text, List.of(), null));
      case "RESPONSE" ->
          turns.add(
              new Turn(0, nodeId, Role.ASSISTANT, "DeepSeek", model, time, text, List.of(), null));
      case "THINK" -> {
        if (options.includeThinking()) {
          turns.add(
              new Turn(
                  0,
                  nodeId + "#think",
                  Role.ASSISTANT,
                  "DeepSeek",
                  model,
                  time,
                  text,
                  List.of(),
                  null));
        }
      }
      default -> {
        if (options.includeTools()) {
          String id = nodeId + "#" + kind.toLowerCase(Locale.ROOT);
          turns.add(
              new Turn(
                  0,
                  id,
                  Role.TOOL,
                  kind.toLowerCase(Locale.ROOT),
                  model,
                  time,
                  text,
                  List.of(),
                  null));
        }
      }
    }
  }
}
