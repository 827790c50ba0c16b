package dev.noema.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.extract.ExtractionSchema;
import dev.noema.ontology.OntologyModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The examples the extraction instructions give a model are not the corpora's answers: a gold
 * {@code not_entity}, entity or relation named in the instructions would teach the recorded model
 * the test and inflate the scores it is measured by. Session 9's first wording quoted "make-ahead
 * plan", "a weekly plan" and "bpm", gold not_entities of both corpora; until session 10 the
 * ontology's comments, which the instructions quote, gave as examples the development corpus's
 * entities and relations ("Salzburg located in Austria", "melatonin contrasts with magnesium",
 * "Python's asyncio") and two held-out ones. A translated example cannot be caught by its string:
 * examples are taken from subjects neither corpus has.
 */
class InstructionsAreNotTheGoldTest {
  private static final String INSTRUCTIONS =
      new ExtractionSchema(OntologyModel.loadDefault()).systemPrompt();
  private static final String PROMPT = INSTRUCTIONS.toLowerCase(Locale.ROOT);
  private static final List<GoldConversation> GOLD = new ArrayList<>();

  static {
    for (Path gold : List.of(GoldCorpusTest.GOLD, Path.of("import/corpus-heldout/gold"))) {
      GOLD.addAll(GoldCorpus.read(gold).conversations());
    }
  }

  @Test
  void no_gold_not_entity_of_either_corpus_is_quoted_in_the_instructions() {
    List<String> quoted = new ArrayList<>();
    int read = 0;
    for (GoldConversation c : GOLD) {
      for (String junk : c.notEntities()) {
        read++;
        if (PROMPT.contains("\"" + junk.toLowerCase(Locale.ROOT) + "\"")) {
          quoted.add(junk);
        }
      }
    }
    assertTrue(read > 100, "the gold files were read: " + read);
    assertEquals(List.of(), quoted);
  }

  @Test
  void no_gold_entity_or_relation_end_of_either_corpus_is_named_in_the_instructions() {
    Set<String> named = new TreeSet<>();
    int read = 0;
    for (GoldConversation c : GOLD) {
      List<String> names = new ArrayList<>();
      c.entities().forEach(e -> names.addAll(e.names()));
      c.relations().forEach(r -> names.addAll(List.of(r.subject(), r.object())));
      for (String name : names) {
        read++;
        if (name.codePointCount(0, name.length()) >= 4 && namedIn(name)) {
          named.add(name);
        }
      }
    }
    assertTrue(read > 300, "the gold files were read: " + read);
    assertEquals(Set.of(), named);
  }

  /**
   * Whether the instructions name it as a whole word: a name written with a capital as written
   * ("Notion", the company, not the word "notion"), a name in lower case in any case.
   */
  private static boolean namedIn(String name) {
    boolean proper = !name.equals(name.toLowerCase(Locale.ROOT));
    return Pattern.compile(
            "(?<![\\p{L}\\p{N}-])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}-])",
            proper ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
        .matcher(INSTRUCTIONS)
        .find();
  }
}
