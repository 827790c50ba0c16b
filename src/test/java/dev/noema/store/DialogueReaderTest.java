package dev.noema.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.conversation.Attachment;
import dev.noema.conversation.Conversation;
import dev.noema.conversation.Role;
import dev.noema.conversation.TextRepair;
import dev.noema.conversation.Turn;
import dev.noema.ontology.Iris;
import dev.noema.ontology.Noema;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

class DialogueReaderTest {
  @Test
  void conversation_round_trips_through_its_dialogue_graph() {
    Instant t0 = Instant.parse("2024-05-01T10:00:00Z");
    Conversation c =
        new Conversation(
            "conv/1 ü",
            "A title",
            "chatgpt",
            "chatgpt-export",
            "exports/a.zip!c.json",
            t0,
            t0.plusSeconds(60),
            List.of(
                Turn.of(0, "m0", Role.SYSTEM, "System", null, "Be brief."),
                new Turn(
                    1,
                    "m1",
                    Role.USER,
                    "User",
                    null,
                    t0,
                    "What is *attention*?",
                    List.of(
                        new Attachment("notes.md", "text/markdown", "# notes"),
                        new Attachment("img.png", null, null)),
                    null),
                new Turn(
                    2,
                    "m2",
                    Role.ASSISTANT,
                    "ChatGPT",
                    "gpt-4o",
                    t0.plusSeconds(5),
                    "Attention weighs tokens.",
                    List.of(),
                    null),
                new Turn(
                    2,
                    "m2b",
                    Role.ASSISTANT,
                    "ChatGPT",
                    "gpt-4o",
                    t0.plusSeconds(9),
                    "A regenerated answer.",
                    List.of(),
                    "m2")),
            List.of(new TextRepair("turn 1", List.of("x-MacRoman"))));

    Optional<Conversation> read = DialogueReader.read(DialogueGraph.triples(c));

    assertEquals(Optional.of(c), read);
    assertEquals(
        new HashSet<>(DialogueGraph.triples(c)), new HashSet<>(DialogueGraph.triples(read.get())));
  }

  @Test
  void a_memory_is_about_the_human_user_names_its_project_and_round_trips() {
    Conversation memory =
        new Conversation(
            "claude-memory-a-project-p/1",
            "What Claude remembers about the user in a project",
            "claude",
            "claude-memories",
            "export/memories.json",
            null,
            null,
            List.of(Turn.of(0, null, Role.ASSISTANT, "Claude", null, "Ada plays the cello.")),
            List.of(),
            Conversation.Kind.MEMORY,
            "p/1");

    List<Triple> triples = DialogueGraph.triples(memory);
    Node conv = Iris.conversation(memory.id());

    assertTrue(triples.contains(Triple.create(conv, RDF.Nodes.type, Noema.Memory)));
    assertTrue(
        triples.contains(Triple.create(conv, Noema.memoryOf, Iris.participant("user", null))));
    assertTrue(
        triples.contains(
            Triple.create(Iris.participant("user", null), RDF.Nodes.type, Noema.HumanParticipant)));
    assertTrue(triples.contains(Triple.create(conv, Noema.inProject, Iris.conversation("p/1"))));
    assertEquals(Optional.of(memory), DialogueReader.read(triples));
  }

  @Test
  void a_kind_changes_the_content_hash() {
    Conversation dialogue =
        new Conversation(
            "c",
            null,
            null,
            "plain-transcript",
            "c.txt",
            null,
            null,
            List.of(Turn.of(0, null, Role.USER, "User", null, "hi")),
            List.of());
    Conversation project =
        new Conversation(
            "c",
            null,
            null,
            "plain-transcript",
            "c.txt",
            null,
            null,
            dialogue.turns(),
            List.of(),
            Conversation.Kind.PROJECT,
            null);

    assertNotEquals(
        DialogueGraph.contentHash(dialogue, "p"), DialogueGraph.contentHash(project, "p"));
  }

  @Test
  void triples_without_a_conversation_read_as_empty() {
    assertEquals(Optional.empty(), DialogueReader.read(List.of()));
  }
}
