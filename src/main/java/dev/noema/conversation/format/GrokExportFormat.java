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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * xAI Grok's account data export ({@code prod-grok-backend.json}): {@code {"conversations":
 * [{"conversation": {id, title, create_time, modify_time}, "responses": [{"response": {_id,
 * message, sender, create_time, model}}]}]}}, where a response's {@code create_time} is MongoDB
 * extended JSON ({@code {"$date": {"$numberLong": "<ms>"}}}) or an ISO time.
 *
 * <p>Responses are ordered by time, stably. {@code human} (or {@code user}) is the user, {@code
 * assistant} (any case) Grok; {@code system} and {@code tool} responses are kept with {@link
 * ReadOptions#includeSystem()} and {@link ReadOptions#includeTools()}. Grok's inline render tags
 * ({@code <grok:render ...>...</grok:render>}, {@code <xai:...>}) are removed from the text. The
 * title is the conversation's {@code title}, else its {@code summary}. Streams: one conversation in
 * memory at a time.
 */
public final class GrokExportFormat implements ConversationFormat {
  private static final Pattern RENDER_ELEMENT =
      Pattern.compile("<grok:render\\b[^>]*>.*?</grok:render\\s*>", Pattern.DOTALL);
  private static final Pattern XAI_TAG = Pattern.compile("</?(?:grok|xai):[^>]*>");

  private final JsonExportReader reader = new JsonExportReader();

  @Override
  public String name() {
    return "grok-json";
  }

  @Override
  public String description() {
    return "xAI Grok account export (prod-grok-backend.json): {\"conversations\": [{\"conversation\":"
        + " {...}, \"responses\": [{\"response\": {...}}]}]}; recognised by \"conversation\" and"
        + " \"responses\" with a \"response\" sender.";
  }

  @Override
  public String example() {
    return """
        {"conversations": [
          {"conversation": {"id": "g-1", "title": "Orbits", "create_time": "2025-05-01T10:00:00.000Z",
                            "modify_time": "2025-05-01T10:00:09.000Z"},
           "responses": [
             {"response": {"_id": "r1", "message": "Why don't satellites fall?", "sender": "human",
                           "create_time": {"$date": {"$numberLong": "1746093600000"}}}},
             {"response": {"_id": "r2", "message": "They do: they keep missing the Earth.",
                           "sender": "ASSISTANT", "model": "grok-3",
                           "create_time": {"$date": {"$numberLong": "1746093609000"}}}}]}],
         "projects": [], "tasks": []}
        """;
  }

  @Override
  public boolean recognises(String head) {
    JsonHead json = JsonHead.of(head);
    return json.shape() != JsonHead.Shape.NONE
        && json.has("conversation")
        && json.has("responses")
        && (json.has("responses/response/sender") || json.has("conversation/id"));
  }

  @Override
  public void read(LogSource source, ReadOptions options, ConversationSink sink)
      throws IOException {
    reader.read(source, json -> List.of(convert(json, source, options)), sink);
  }

  private Conversation convert(JsonNode json, LogSource source, ReadOptions options)
      throws UnreadableConversation {
    JsonNode conversation = json.path("conversation");
    String id = ExportValues.text(conversation, "id");
    if (id == null || id.isBlank()) {
      throw new UnreadableConversation("no \"conversation.id\"");
    }
    if (!json.path("responses").isArray()) {
      throw new UnreadableConversation("no \"responses\" list");
    }
    List<JsonNode> responses = new ArrayList<>();
    json.path("responses").forEach(r -> responses.add(r.has("response") ? r.get("response") : r));
    // List.sort is stable: responses with the same (or no) time keep their file order.
    responses.sort(
        Comparator.comparing(
            GrokExportFormat::time, Comparator.nullsFirst(Comparator.naturalOrder())));
    List<Turn> turns = new ArrayList<>();
    for (JsonNode response : responses) {
      String sender = ExportValues.text(response, "sender", "").toLowerCase(Locale.ROOT);
      Role role;
      String speaker;
      switch (sender) {
        case "human", "user" -> {
          role = Role.USER;
          speaker = "User";
        }
        case "assistant" -> {
          role = Role.ASSISTANT;
          speaker = "Grok";
        }
        case "tool" -> {
          if (!options.includeTools()) {
            continue;
          }
          role = Role.TOOL;
          speaker = "Tool";
        }
        default -> {
          if (!options.includeSystem()) {
            continue;
          }
          role = Role.SYSTEM;
          speaker = "System";
        }
      }
      String text = textOf(ExportValues.text(response, "message", ""));
      if (text.isEmpty()) {
        continue;
      }
      turns.add(
          new Turn(
              turns.size(),
              ExportValues.text(response, "_id"),
              role,
              speaker,
              role == Role.USER ? null : ExportValues.text(response, "model"),
              time(response),
              text,
              List.of(),
              null));
    }
    return new Conversation(
        id,
        ExportValues.text(conversation, "title", ExportValues.text(conversation, "summary", null)),
        "grok",
        name(),
        source.name(),
        ExportValues.iso(conversation, "create_time"),
        ExportValues.iso(conversation, "modify_time"),
        turns,
        List.of());
  }

  /** A response's time: MongoDB extended JSON milliseconds, or an ISO time. */
  private static Instant time(JsonNode response) {
    JsonNode created = response.path("create_time");
    JsonNode date = created.path("$date");
    if (date.isMissingNode()) {
      return ExportValues.iso(response, "create_time");
    }
    String millis = ExportValues.text(date, "$numberLong");
    if (millis != null) {
      try {
        return Instant.ofEpochMilli(Long.parseLong(millis));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return ExportValues.iso(created, "$date");
  }

  private static String textOf(String message) {
    String text = RENDER_ELEMENT.matcher(message).replaceAll("");
    return XAI_TAG.matcher(text).replaceAll("").strip();
  }
}
