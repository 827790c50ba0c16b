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

/**
 * Claude's {@code projects.json} (a list of projects) and the {@code projects/<uuid>.json} files of
 * newer exports (one project each): {@code {uuid, name, description, prompt_template, created_at,
 * updated_at, is_starter_project, docs: [{uuid, filename, content, created_at}]}}.
 *
 * <p>Read only when asked ({@link ReadOptions#includeProjects()}); otherwise its files are passed
 * over. Each project becomes one {@link Conversation.Kind#PROJECT} document with the project's uuid
 * as its id (what its conversations and memories point to) and its name as title, whose turns, all
 * written by the user, are its description ({@code Description}), its instructions ({@code
 * Instructions}, from {@code prompt_template}) and each knowledge document (speaker: the file name,
 * message id: the document's uuid, time: its {@code created_at}), in that order. Anthropic's
 * starter project ({@code is_starter_project}) and a project with no text at all give no document.
 * Streams: one project in memory at a time.
 */
public final class ClaudeProjectsFormat implements ConversationFormat {
  private final JsonExportReader reader = new JsonExportReader();

  @Override
  public String name() {
    return "claude-projects";
  }

  @Override
  public String description() {
    return "Claude's projects.json (or projects/<uuid>.json): each project's description,"
        + " instructions and knowledge documents as one project document, read only with --include"
        + " projects; recognised by \"prompt_template\" or \"is_starter_project\" with \"docs\".";
  }

  @Override
  public String example() {
    return """
        [{"uuid": "p-1", "name": "Release notes", "description": "Notes for each release",
          "is_private": true, "is_starter_project": false,
          "prompt_template": "Write short, plain release notes.",
          "created_at": "2025-04-01T08:00:00Z", "updated_at": "2025-04-02T08:00:00Z",
          "docs": [{"uuid": "d-1", "filename": "style.md",
                    "content": "Use the past tense. No marketing words.",
                    "created_at": "2025-04-01T08:05:00Z"}]}]
        """;
  }

  @Override
  public boolean recognises(String head) {
    JsonHead json = JsonHead.of(head);
    return json.shape() != JsonHead.Shape.NONE
        && json.has("uuid")
        && (json.has("prompt_template") || json.has("is_starter_project") && json.has("docs"));
  }

  @Override
  public boolean readsWith(ReadOptions options) {
    return options.includeProjects();
  }

  @Override
  public void read(LogSource source, ReadOptions options, ConversationSink sink)
      throws IOException {
    reader.read(source, json -> convert(json, source), sink);
  }

  private List<Conversation> convert(JsonNode json, LogSource source)
      throws UnreadableConversation {
    String id = ExportValues.text(json, "uuid");
    if (id == null || id.isBlank()) {
      throw new UnreadableConversation("no \"uuid\"");
    }
    if (json.path("is_starter_project").asBoolean(false)) {
      return List.of();
    }
    List<Turn> turns = new ArrayList<>();
    add(turns, null, "Description", null, ExportValues.text(json, "description"));
    add(turns, null, "Instructions", null, ExportValues.text(json, "prompt_template"));
    for (JsonNode doc : json.path("docs")) {
      add(
          turns,
          ExportValues.text(doc, "uuid"),
          ExportValues.text(doc, "filename", "document"),
          ExportValues.iso(doc, "created_at"),
          ExportValues.text(doc, "content"));
    }
    if (turns.isEmpty()) {
      return List.of();
    }
    return List.of(
        new Conversation(
            id,
            ExportValues.text(json, "name"),
            "claude",
            name(),
            source.name(),
            ExportValues.iso(json, "created_at"),
            ExportValues.iso(json, "updated_at"),
            turns,
            List.of(),
            Conversation.Kind.PROJECT,
            null));
  }

  private static void add(
      List<Turn> turns, String messageId, String speaker, Instant time, String text) {
    if (text != null && !text.isBlank()) {
      turns.add(Turn.of(turns.size(), messageId, Role.USER, speaker, time, text.strip()));
    }
  }
}
