package dev.noema.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.kb.NamedQueries.Language;
import dev.noema.kb.NamedQueries.NamedQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamedQueriesTest {
  @TempDir Path dir;

  @Test
  void the_bundled_queries_come_from_the_classpath_without_a_queries_folder() {
    NamedQueries queries = NamedQueries.bundledAnd(dir.resolve("no-such-folder"));

    List<String> sparql = queries.list(Language.SPARQL).stream().map(NamedQuery::name).toList();
    List<String> cypher = queries.list(Language.CYPHER).stream().map(NamedQuery::name).toList();
    assertTrue(sparql.containsAll(List.of("modules", "evidence", "turns")), sparql.toString());
    assertTrue(cypher.containsAll(List.of("modules", "turns")), cypher.toString());
    NamedQuery modules = queries.find(Language.SPARQL, "modules").orElseThrow();
    assertEquals("bundled", modules.origin());
    assertTrue(modules.summary().startsWith("Cognitive modules"), modules.summary());
    assertTrue(modules.text().contains("noema:CognitiveModule"), modules.text());
  }

  @Test
  void a_users_folder_adds_its_queries_and_wins_over_a_bundled_one_of_the_same_name()
      throws IOException {
    Files.createDirectories(dir.resolve("sparql"));
    Files.writeString(dir.resolve("sparql/mine.rq"), "# My own\nSELECT * WHERE { ?s ?p ?o }\n");
    Files.writeString(dir.resolve("sparql/modules.rq"), "# Mine instead\nASK {}\n");
    Files.writeString(dir.resolve("sparql/not a name.rq"), "ASK {}\n");
    Files.writeString(dir.resolve("sparql/notes.txt"), "not a query\n");

    NamedQueries queries = NamedQueries.bundledAnd(dir);

    NamedQuery mine = queries.find(Language.SPARQL, "mine").orElseThrow();
    assertEquals("My own", mine.summary());
    assertEquals(dir.resolve("sparql/mine.rq").toString(), mine.origin());
    assertEquals(
        "ASK {}\n",
        queries.text(Language.SPARQL, "modules").lines().skip(1).findFirst().orElseThrow() + "\n");
    assertTrue(queries.find(Language.SPARQL, "evidence").isPresent(), "bundled ones stay");
    assertTrue(
        queries.find(Language.CYPHER, "modules").isPresent(), "the other language is untouched");
    assertFalse(queries.find(Language.SPARQL, "not a name").isPresent());
    assertFalse(queries.find(Language.SPARQL, "notes").isPresent());
  }
}
