package dev.noema.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.conversation.Conversation;
import dev.noema.ontology.OntologyModel;
import dev.noema.text.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CodingConversationsTest {
  private final StructuralExtractor extractor =
      new StructuralExtractor(OntologyModel.loadDefault());

  @Test
  void no_identifier_file_name_path_flag_constant_or_version_becomes_an_entity() {
    CodingConversations generator = new CodingConversations(15);
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Extraction e = extractor.extract(generator.next("coding-" + i));
      for (ExtractedEntity entity : e.entities()) {
        labels.add(entity.label());
        labels.addAll(entity.aliases());
      }
    }
    Set<String> code =
        generator.code().stream().map(Text::key).collect(Collectors.toUnmodifiableSet());
    List<String> leaked =
        labels.stream()
            .filter(l -> code.stream().anyMatch(c -> Text.key(l).contains(c)))
            .distinct()
            .toList();

    assertEquals(List.of(), leaked);
  }

  @Test
  void the_subject_of_a_coding_conversation_is_still_found() {
    Conversation c = new CodingConversations(7).next("coding");
    Extraction e = extractor.extract(c);

    assertTrue(
        e.entities().stream().anyMatch(x -> x.canonicalLabel().equals("dependency injection")),
        e.entities().toString());
  }
}
