package dev.noema.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConceptIndexTest {

  private final ConceptIndex index =
      new ConceptIndex(
          List.of(
              new Entity(
                  "urn:x:emergence",
                  "emergence",
                  Set.of(),
                  List.of("emergence", "Эмерджентность"),
                  Set.of()),
              new Entity("urn:x:cafe", "café", Set.of(), List.of("café"), Set.of()),
              Entity.of("urn:x:latent", "latent space")));

  @Test
  void finds_by_label_ignoring_case_accents_and_spaces() {
    assertEquals("urn:x:cafe", index.resolve("CAFE"));
    assertEquals("urn:x:latent", index.resolve("  Latent   Space "));
    assertEquals("urn:x:emergence", index.resolve("эмерджентность"));
  }

  @Test
  void keeps_short_i_apart_from_i() {
    ConceptIndex russian =
        new ConceptIndex(
            List.of(Entity.of("urn:x:bunny", "зайка"), Entity.of("urn:x:stammerer", "заика")));
    assertEquals("urn:x:bunny", russian.resolve("Зайка"));
    assertEquals("urn:x:stammerer", russian.resolve("ЗАИКА"));
  }

  @Test
  void finds_by_iri() {
    assertEquals("urn:x:latent", index.resolve("urn:x:latent"));
  }

  @Test
  void a_miss_suggests_the_closest_labels_first() {
    UnknownConceptException e =
        assertThrows(UnknownConceptException.class, () -> index.resolve("emergense"));
    assertEquals("emergence", e.suggestions().get(0));
    assertEquals("emergense", e.query());
  }

  @Test
  void a_miss_in_an_empty_graph_says_it_is_empty() {
    UnknownConceptException e =
        assertThrows(UnknownConceptException.class, () -> new ConceptIndex(List.of()).resolve("x"));
    assertEquals("unknown concept 'x' (the graph has no entities)", e.getMessage());
  }
}
