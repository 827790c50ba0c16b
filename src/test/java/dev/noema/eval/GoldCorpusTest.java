package dev.noema.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the corpus's gold files, and refusing malformed ones with one clear line. */
class GoldCorpusTest {
  static final Path GOLD = Path.of("import/corpus/gold");

  @TempDir Path dir;

  private Path write(String name, String yaml) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void reads_the_eight_gold_files_of_the_development_corpus() {
    GoldCorpus corpus = GoldCorpus.read(GOLD);

    assertEquals(8, corpus.conversations().size());
    assertEquals(120, corpus.conversations().stream().mapToInt(c -> c.entities().size()).sum());
    assertEquals(24, corpus.conversations().stream().mapToInt(c -> c.questions().size()).sum());
    GoldConversation ribs = corpus.conversations().get(2);
    assertEquals("chatgpt-short-ribs.yaml", ribs.file());
    assertEquals("Braising Beef Short Ribs", ribs.conversation());
    assertEquals(java.util.List.of("braising", "braise"), ribs.entities().get(0).names());
    assertEquals(3, ribs.relations().get(2).turn());
    assertTrue(ribs.notEntities().contains("Instant Pot"));
  }

  @Test
  void names_the_file_and_field_of_an_unknown_field() throws IOException {
    Path file =
        write(
            "typo.yaml",
            """
            conversation: "A chat"
            entities:
              - {label: a, types: [Concept]}
              - {label: b, typs: [Concept]}
            """);

    GoldFileException e = assertThrows(GoldFileException.class, () -> GoldCorpus.read(file));

    assertTrue(
        e.getMessage().startsWith(file + ": entities[1].typs: unknown field (known: [aliases,"),
        e.getMessage());
  }

  @Test
  void names_the_file_and_line_of_a_yaml_syntax_error() throws IOException {
    Path file = write("broken.yaml", "conversation: \"A chat\"\ntopics: [a, b\n");

    GoldFileException e = assertThrows(GoldFileException.class, () -> GoldCorpus.read(file));

    assertEquals(
        file + ":2: while parsing a flow sequence: expected ',' or ']', but got <stream end>",
        e.getMessage());
  }

  @Test
  void names_the_entry_of_an_entity_without_types() throws IOException {
    Path file =
        write(
            "untyped.yaml",
            """
            conversation: "A chat"
            entities:
              - {label: a, types: [Concept]}
              - {label: b}
            """);

    GoldFileException e = assertThrows(GoldFileException.class, () -> GoldCorpus.read(file));

    assertEquals(file + ": entities[1] (b): no types (give at least one)", e.getMessage());
  }

  @Test
  void refuses_a_relation_without_its_turn_and_a_file_without_a_conversation() throws IOException {
    Path noTurn =
        write(
            "no-turn.yaml",
            """
            conversation: "A chat"
            relations:
              - {subject: a, predicate: partOf, object: b, quote: "a is part of b"}
            """);
    Path noConversation = write("no-conversation.yaml", "topics: [a]\n");

    assertEquals(
        noTurn + ": relations[0].turn: missing",
        assertThrows(GoldFileException.class, () -> GoldCorpus.read(noTurn)).getMessage());
    assertEquals(
        noConversation + ": conversation: missing",
        assertThrows(GoldFileException.class, () -> GoldCorpus.read(noConversation)).getMessage());
  }

  @Test
  void refuses_a_folder_without_gold_files() throws IOException {
    write("notes.txt", "not gold");

    GoldFileException e = assertThrows(GoldFileException.class, () -> GoldCorpus.read(dir));

    assertEquals(dir + ": no gold files (*.yaml) in the folder", e.getMessage());
  }

  @Test
  void tells_corpus_gold_from_a_question_list_and_a_triple_file() {
    assertTrue(GoldCorpus.isCorpus(GOLD));
    assertTrue(GoldCorpus.isCorpus(GOLD.resolve("nexus-emergence.yaml")));
    assertFalse(GoldCorpus.isCorpus(Path.of("import/eval/sample-questions.yaml")));
    assertFalse(GoldCorpus.isCorpus(Path.of("import/eval/sample-gold.tsv")));
  }
}
