package dev.noema.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.noema.conversation.ImportProblem;
import dev.noema.conversation.ReadOptions;
import dev.noema.ontology.Noema;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unpacked Claude export, as a user holds it: conversations, memories, projects and account
 * files side by side, one of them re-saved as UTF-16.
 */
class ImportExportFolderTest {
  @TempDir Path dir;

  @Test
  void imports_conversations_and_memories_passes_side_files_over_and_projects_on_request()
      throws IOException {
    Path export = Files.createDirectories(dir.resolve("claude-export"));
    Files.copy(fixture("claude-conversations.json"), export.resolve("conversations.json"));
    Files.copy(fixture("claude-memories.json"), export.resolve("memories.json"));
    Files.copy(fixture("claude-projects.json"), export.resolve("projects.json"));
    Files.writeString(
        export.resolve("users.json"),
        "[{\"uuid\": \"acc-7d41\", \"full_name\": \"Kirill\", \"email_address\": \"k@x.org\","
            + " \"verified_phone_number\": null}]");
    Files.write(
        export.resolve("single.json"),
        ("\uFEFF" + Files.readString(fixture("claude-single-conversation.json")))
            .getBytes(StandardCharsets.UTF_16LE));

    try (KnowledgeBase kb = KnowledgeBase.open(KnowledgeBaseConfig.folder(dir.resolve("kb")))) {
      ImportReport first = kb.importLogs(request(export, false), ImportListener.NONE);

      assertEquals(List.of(), problems(first));
      assertEquals(
          List.of("claude-json", "claude-memories", "claude-json"),
          first.files().stream().map(FileReport::format).toList(),
          "users.json and projects.json are passed over quietly");
      assertEquals(
          List.of(
              "**Work context**\n\nKirill is a researcher who builds knowledge graphs of his"
                  + " conversations with AI assistants.",
              "He works in Java and prefers plain, exact prose.",
              "**Personal context**\n\nHe reads Prigogine and Haken on self-organisation.",
              "In this project Kirill drafts the ontology of cognitive modules."),
          statementsAboutTheUser(kb));

      ImportReport second = kb.importLogs(request(export, true), ImportListener.NONE);

      assertEquals(List.of(), problems(second));
      assertEquals(1, second.imported(), "the project, and nothing else new");
      assertEquals(
          1,
          count(
              kb,
              "?m a <"
                  + Noema.Memory.getURI()
                  + "> ; <"
                  + Noema.inProject.getURI()
                  + "> ?p . ?p a <"
                  + Noema.Project.getURI()
                  + "> ; <"
                  + Noema.conversationId.getURI()
                  + "> \"0f5e1c2a-proj\""));
    }
  }

  @Test
  void a_side_file_named_alone_is_one_failure_with_nothing_imported() throws IOException {
    Path users =
        Files.writeString(
            dir.resolve("user.json"),
            "{\"id\": \"user-1\", \"email\": \"a@b.c\", \"chatgpt_plus_user\": true,"
                + " \"phone_number\": null}");

    try (KnowledgeBase kb = KnowledgeBase.open(KnowledgeBaseConfig.folder(dir.resolve("kb")))) {
      ImportReport report = kb.importLogs(request(users, false), ImportListener.NONE);

      assertEquals(
          List.of(
              new ImportProblem(
                  users.toString(),
                  null,
                  "nothing to import: ChatGPT user.json: account details, no conversations")),
          problems(report));
      assertEquals(1, report.failedFiles());
    }
  }

  private static ImportRequest request(Path path, boolean projects) {
    return new ImportRequest(
        List.of(path),
        null,
        new ReadOptions(false, false, false, false, false, projects),
        false,
        false,
        ImportRequest.DEFAULT_MAX_TURN_CHARS);
  }

  /** The statements of every memory, in turn order: what the assistants remember of the user. */
  private static List<String> statementsAboutTheUser(KnowledgeBase kb) {
    return kb.store()
        .select(
            "SELECT ?text WHERE { ?m a <"
                + Noema.Memory.getURI()
                + "> ; <"
                + Noema.memoryOf.getURI()
                + "> ?u ; <"
                + Noema.conversationId.getURI()
                + "> ?id . ?u a <"
                + Noema.HumanParticipant.getURI()
                + "> . ?t <"
                + Noema.inConversation.getURI()
                + "> ?m ; <"
                + Noema.turnIndex.getURI()
                + "> ?i ; <"
                + Noema.text.getURI()
                + "> ?text } ORDER BY ?id ?i",
            Map.of(),
            rs -> {
              List<String> texts = new ArrayList<>();
              while (rs.hasNext()) {
                texts.add(rs.next().getLiteral("text").getString());
              }
              return texts;
            });
  }

  private static long count(KnowledgeBase kb, String where) {
    return kb.store()
        .select(
            "SELECT (COUNT(*) AS ?n) WHERE { " + where + " }",
            Map.of(),
            rs -> rs.next().getLiteral("n").getLong());
  }

  private static List<ImportProblem> problems(ImportReport report) {
    return report.files().stream().flatMap(f -> f.problems().stream()).toList();
  }

  private static Path fixture(String name) {
    try {
      return Path.of(ImportExportFolderTest.class.getResource("/formats/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
