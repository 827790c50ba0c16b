package dev.noema.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.extract.ExtractionSchema;
import dev.noema.ontology.OntologyModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The examples the extraction instructions give a model are not the corpora's answers: a gold
 * {@code not_entity} quoted in the instructions would teach the recorded model the test and inflate
 * the scores it is measured by (session 9's first wording quoted "make-ahead plan", "a weekly plan"
 * and "bpm", gold not_entities of both corpora).
 */
class InstructionsAreNotTheGoldTest {
  private static final String PROMPT =
      new ExtractionSchema(OntologyModel.loadDefault()).systemPrompt().toLowerCase(Locale.ROOT);

  @Test
  void no_gold_not_entity_of_either_corpus_is_quoted_in_the_instructions() {
    List<String> quoted = new ArrayList<>();
    int read = 0;
    for (Path gold : List.of(GoldCorpusTest.GOLD, Path.of("import/corpus-heldout/gold"))) {
      for (GoldConversation c : GoldCorpus.read(gold).conversations()) {
        for (String junk : c.notEntities()) {
          read++;
          if (PROMPT.contains("\"" + junk.toLowerCase(Locale.ROOT) + "\"")) {
            quoted.add(junk);
          }
        }
      }
    }
    assertTrue(read > 100, "the gold files were read: " + read);
    assertEquals(List.of(), quoted);
  }
}
