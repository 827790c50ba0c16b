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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Claude's {@code memories.json}: what Claude remembers about its user across conversations, a list
 * of {@code {conversations_memory, project_memories, account_uuid}} (or one such object, as the
 * {@code memories/} files of newer exports hold it). {@code conversations_memory} is Markdown text;
 * {@code project_memories} maps a project's uuid to the same kind of text.
 *
 * <p>Each text becomes one {@link Conversation.Kind#MEMORY} document: id {@code claude-memory-}
 * account uuid (with {@code -project-} and the project uuid for a project's memory, which also
 * names the project as {@link Conversation#project()}), provider {@code claude}, and one turn per
 * paragraph, spoken by Claude (an assistant turn: the statement is Claude's, about the user). A
 * paragraph that is only a heading ({@code **Work context**}, {@code ## Work}) opens the paragraph
 * after it instead of standing alone. An empty memory gives no document. Streams: one element in
 * memory at a time.
 */
public final class ClaudeMemoriesFormat implements ConversationFormat {
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\r?\\n[ \\t]*\\r?\\n");
  private static final Pattern HEADING_ONLY =
      Pattern.compile("^(?:#{1,6}[ \\t]+.+|\\*\\*[^*\\n]+\\*\\*:?|__[^_\\n]+__:?)$");

  private final JsonExportReader reader = new JsonExportReader();

  @Override
  public String name() {
    return "claude-memories";
  }

  @Override
  public String description() {
    return "Claude's memories.json: what Claude remembers about the user, imported as memory"
        + " documents (one statement a turn, about the user); recognised by"
        + " \"conversations_memory\" or \"project_memories\".";
  }

  @Override
  public String example() {
    return """
        [{"conversations_memory": "**Work context**\\n\\nAda is a data engineer in Lyon.\\n\\n\
        **Personal context**\\n\\nShe is learning the cello.",
          "project_memories": {"p-1": "Ada wants release notes kept short."},
          "account_uuid": "acct-1"}]
        """;
  }

  @Override
  public boolean recognises(String head) {
    JsonHead json = JsonHead.of(head);
    return json.shape() != JsonHead.Shape.NONE
        && (json.has("conversations_memory") || json.has("project_memories"));
  }

  @Override
  public void read(LogSource source, ReadOptions options, ConversationSink sink)
      throws IOException {
    reader.read(source, json -> convert(json, source), sink);
  }

  private List<Conversation> convert(JsonNode json, LogSource source)
      throws UnreadableConversation {
    if (!json.has("conversations_memory") && !json.has("project_memories")) {
      throw new UnreadableConversation("no \"conversations_memory\" or \"project_memories\"");
    }
    String account = ExportValues.text(json, "account_uuid");
    String id = account == null ? "claude-memory" : "claude-memory-" + account;
    List<Conversation> memories = new ArrayList<>();
    memory(
            id,
            "What Claude remembers about the user",
            ExportValues.text(json, "conversations_memory"),
            null,
            source)
        .ifPresent(memories::add);
    for (Map.Entry<String, JsonNode> project : json.path("project_memories").properties()) {
      String text = project.getValue().isTextual() ? project.getValue().asText() : null;
      memory(
              id + "-project-" + project.getKey(),
              "What Claude remembers about the user in a project",
              text,
              project.getKey(),
              source)
          .ifPresent(memories::add);
    }
    return memories;
  }

  private Optional<Conversation> memory(
      String id, String title, String text, String project, LogSource source) {
    List<Turn> turns = new ArrayList<>();
    if (text != null) {
      String pending = null;
      for (String paragraph : PARAGRAPH_BREAK.split(text.strip())) {
        String p = paragraph.strip();
        if (p.isEmpty()) {
          continue;
        }
        if (HEADING_ONLY.matcher(p).matches()) {
          pending = pending == null ? p : pending + "\n\n" + p;
          continue;
        }
        String statement = pending == null ? p : pending + "\n\n" + p;
        pending = null;
        turns.add(Turn.of(turns.size(), null, Role.ASSISTANT, "Claude", null, statement));
      }
      if (pending != null) {
        turns.add(Turn.of(turns.size(), null, Role.ASSISTANT, "Claude", null, pending));
      }
    }
    if (turns.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Conversation(
            id,
            title,
            "claude",
            name(),
            source.name(),
            null,
            null,
            turns,
            List.of(),
            Conversation.Kind.MEMORY,
            project));
  }
}
