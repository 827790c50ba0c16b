package dev.noema.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.bench.NexusCorpusGenerator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code kill -9} in the middle of an import loses nothing committed and leaves no conversation
 * half-written.
 */
class CrashSafetyTest {
  static final int CONVERSATIONS = 2500;
  static final int TURNS = 10;

  @TempDir Path dir;

  static final String TURN_COUNTS =
      """
      PREFIX noema: <https://w3id.org/noema/ontology#>
      SELECT (COUNT(?c) AS ?conversations) (SUM(IF(?turns = 10, 1, 0)) AS ?whole) WHERE {
        { SELECT ?c (COUNT(?t) AS ?turns) WHERE { ?c a noema:Conversation . OPTIONAL { ?c noema:hasTurn ?t } } GROUP BY ?c }
      }""";

  long[] counts(KnowledgeBase kb) {
    return kb.store()
        .select(
            TURN_COUNTS,
            Map.of(),
            rs -> {
              var row = rs.next();
              return new long[] {
                row.getLiteral("conversations").getLong(),
                row.contains("whole") ? row.getLiteral("whole").getLong() : 0
              };
            });
  }

  @Test
  void kill_dash_nine_mid_import_leaves_only_whole_conversations_and_a_rerun_completes()
      throws Exception {
    Path corpus = dir.resolve("corpus");
    new NexusCorpusGenerator(7).write(corpus, CONVERSATIONS, TURNS);
    Path kbFolder = dir.resolve("kb");

    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                ImportUntilKilled.class.getName(),
                kbFolder.toString(),
                corpus.toString())
            .redirectErrorStream(true)
            .start();
    int reported = 0;
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("done ")) {
          reported = Integer.parseInt(line.substring(5));
          if (reported >= CONVERSATIONS / 2) {
            break;
          }
        }
      }
      child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
      child.waitFor();
    }
    assertTrue(
        reported >= CONVERSATIONS / 2,
        "the child did not get far enough to be killed mid-import: " + reported);

    try (KnowledgeBase kb = KnowledgeBase.open(KnowledgeBaseConfig.folder(kbFolder))) {
      long[] afterCrash = counts(kb);
      assertEquals(
          afterCrash[0], afterCrash[1], "every stored conversation must have all of its turns");
      assertTrue(
          afterCrash[0] < CONVERSATIONS,
          "the kill came too late to test anything: " + afterCrash[0]);

      ImportReport rerun =
          kb.importLogs(
              new ImportRequest(
                  List.of(corpus), null, null, false, false, ImportRequest.DEFAULT_MAX_TURN_CHARS),
              ImportListener.NONE);
      assertEquals(CONVERSATIONS, rerun.imported() + rerun.unchanged(), rerun.toString());
      assertEquals(
          afterCrash[0],
          rerun.unchanged(),
          "what was committed before the kill is recognised as unchanged");
      assertEquals(CONVERSATIONS, counts(kb)[1]);
      assertEquals(CONVERSATIONS, counts(kb)[0]);
    }
  }

  /**
   * Imports a folder and prints "done N" after each conversation, so the test knows when to kill
   * it.
   */
  public static final class ImportUntilKilled {
    public static void main(String[] args) {
      int[] done = {0};
      try (KnowledgeBase kb = KnowledgeBase.open(KnowledgeBaseConfig.folder(Path.of(args[0])))) {
        kb.importLogs(
            new ImportRequest(
                List.of(Path.of(args[1])),
                null,
                null,
                false,
                false,
                ImportRequest.DEFAULT_MAX_TURN_CHARS),
            new ImportListener() {
              @Override
              public void conversationDone(String source, int turns) {
                System.out.println("done " + ++done[0]);
                System.out.flush();
              }
            });
      }
    }
  }
}
