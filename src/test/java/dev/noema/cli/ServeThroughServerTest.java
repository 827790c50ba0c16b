package dev.noema.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.kb.KnowledgeBase;
import dev.noema.kb.KnowledgeBaseConfig;
import dev.noema.server.NoemaServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While noema serve holds a knowledge base, other commands go through it (TDB2 locks its folder to
 * one process).
 */
class ServeThroughServerTest {
  @TempDir Path folder;

  @Test
  void import_and_query_work_through_the_server_and_a_second_serve_names_it() {
    Path kbFolder = folder.resolve("kb");
    try (KnowledgeBase kb = KnowledgeBase.open(KnowledgeBaseConfig.folder(kbFolder));
        NoemaServer server = NoemaServer.builder(kb).port(0).build().start()) {
      CliRun imported =
          CliRun.of("import", "--no-progress", "--data", kbFolder.toString(), "import/samples");
      assertEquals(0, imported.exitCode(), imported.toString());
      assertTrue(imported.out().contains("1 imported"), imported.toString());
      CliRun query =
          CliRun.of(
              "query",
              "--data",
              kbFolder.toString(),
              "--format",
              "csv",
              "--sparql",
              "SELECT ?id WHERE { ?c <https://w3id.org/noema/ontology#conversationId> ?id }");
      assertEquals("id\r\n000_aecd9b8aaabbed65\r\n", query.out(), query.toString());
      CliRun second = CliRun.of("serve", "--data", kbFolder.toString(), "--port", "0");
      assertEquals(1, second.exitCode());
      assertEquals(
          "noema: the knowledge base is served by noema serve (PID "
              + ProcessHandle.current().pid()
              + ") at "
              + server.url()
              + "; stop it or use its API\n",
          second.err());
    }
  }
}
