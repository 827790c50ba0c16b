package dev.noema.conversation.format;

import static dev.noema.conversation.format.CollectingSink.fixture;
import static dev.noema.conversation.format.CollectingSink.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.conversation.Conversation;
import dev.noema.conversation.LogSource;
import dev.noema.conversation.ReadOptions;
import dev.noema.conversation.Role;
import dev.noema.conversation.Turn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claude's memories.json and projects.json: conversation-like documents beside the dialogues. */
class SideDocumentsTest {
  private static final ReadOptions WITH_PROJECTS =
      new ReadOptions(false, false, false, false, false, true);

  @TempDir Path dir;

  @Test
  void memories_become_memory_documents_of_statements_by_claude_about_the_user() {
    CollectingSink sink =
        read(new ClaudeMemoriesFormat(), fixture("claude-memories.json"), ReadOptions.defaults());

    assertEquals(List.of(), sink.rejected);
    assertEquals(2, sink.accepted.size(), "the blank project memory gives no document");
    Conversation global = sink.accepted.get(0);
    assertEquals("claude-memory-acc-7d41", global.id());
    assertEquals(Conversation.Kind.MEMORY, global.kind());
    assertNull(global.project());
    assertEquals("claude", global.provider());
    assertEquals("claude-memories", global.format());
    assertEquals(
        List.of(
            "**Work context**\n\nKirill is a researcher who builds knowledge graphs of his"
                + " conversations with AI assistants.",
            "He works in Java and prefers plain, exact prose.",
            "**Personal context**\n\nHe reads Prigogine and Haken on self-organisation."),
        global.turns().stream().map(Turn::text).toList());
    assertTrue(
        global.turns().stream()
            .allMatch(t -> t.role() == Role.ASSISTANT && t.speaker().equals("Claude")));
    Conversation project = sink.accepted.get(1);
    assertEquals("claude-memory-acc-7d41-project-0f5e1c2a-proj", project.id());
    assertEquals("0f5e1c2a-proj", project.project());
    assertEquals(Conversation.Kind.MEMORY, project.kind());
  }

  @Test
  void projects_become_project_documents_of_description_instructions_and_documents() {
    CollectingSink sink =
        read(new ClaudeProjectsFormat(), fixture("claude-projects.json"), WITH_PROJECTS);

    assertEquals(List.of(), sink.rejected);
    assertEquals(1, sink.accepted.size(), "the starter project is Anthropic's, not the user's");
    Conversation p = sink.accepted.get(0);
    assertEquals("0f5e1c2a-proj", p.id());
    assertEquals("Cognitive modules", p.title());
    assertEquals(Conversation.Kind.PROJECT, p.kind());
    assertEquals(Instant.parse("2025-05-10T09:00:00Z"), p.created());
    assertEquals(
        List.of("Description", "Instructions", "modules.md"),
        p.turns().stream().map(Turn::speaker).toList());
    assertEquals(
        Arrays.asList(null, null, "doc-1"), p.turns().stream().map(Turn::messageId).toList());
    assertEquals(Instant.parse("2025-05-10T09:05:00Z"), p.turns().get(2).time());
    assertTrue(p.turns().stream().allMatch(t -> t.role() == Role.USER));
  }

  @Test
  void projects_are_passed_over_unless_asked_for_and_memories_are_always_read() throws IOException {
    ConversationFormats formats = ConversationFormats.standard();
    LogSource projects = LogSource.of(fixture("claude-projects.json"));
    LogSource memories = LogSource.of(fixture("claude-memories.json"));

    assertInstanceOf(
        Identification.PassedOver.class, formats.identify(projects, null, ReadOptions.defaults()));
    assertEquals(
        "claude-projects",
        assertInstanceOf(
                Identification.Readable.class, formats.identify(projects, null, WITH_PROJECTS))
            .format()
            .name());
    assertEquals(
        "claude-memories",
        assertInstanceOf(
                Identification.Readable.class,
                formats.identify(memories, null, ReadOptions.defaults()))
            .format()
            .name());
  }

  @Test
  void a_project_file_of_a_newer_export_and_a_memory_object_are_read_alone() throws IOException {
    Path project =
        Files.writeString(
            dir.resolve("0f5e.json"),
            "{\"uuid\": \"p-9\", \"name\": \"Solo\", \"prompt_template\": \"Be brief.\","
                + " \"docs\": []}");
    Path memory =
        Files.writeString(
            dir.resolve("acct.json"),
            "{\"conversations_memory\": \"Arjun is a senior advisor.\", \"project_memories\": {},"
                + " \"memory_files\": []}");

    assertEquals(
        List.of("Be brief."),
        read(new ClaudeProjectsFormat(), project, WITH_PROJECTS).accepted.get(0).turns().stream()
            .map(Turn::text)
            .toList());
    Conversation m =
        read(new ClaudeMemoriesFormat(), memory, ReadOptions.defaults()).accepted.get(0);
    assertEquals("claude-memory", m.id());
    assertEquals("Arjun is a senior advisor.", m.turns().get(0).text());
  }

  @Test
  void a_claude_conversation_in_a_project_names_it() throws IOException {
    String single = Files.readString(fixture("claude-single-conversation.json"));
    Path inProject =
        Files.writeString(
            dir.resolve("c.json"),
            single.replace("\"project_uuid\": null", "\"project_uuid\": \"0f5e1c2a-proj\""));

    assertEquals(
        "0f5e1c2a-proj",
        read(new ClaudeExportFormat(), inProject, ReadOptions.defaults())
            .accepted
            .get(0)
            .project());
  }
}
