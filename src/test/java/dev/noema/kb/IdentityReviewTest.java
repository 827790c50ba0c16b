package dev.noema.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noema.identity.Decision;
import dev.noema.identity.IdentityListing;
import dev.noema.identity.MergeResult;
import dev.noema.identity.SplitResult;
import dev.noema.identity.Verdict;
import dev.noema.store.GraphEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's decisions on identity: a merge split, a suspected pair accepted or rejected; each
 * rewrites what it must and holds across re-extraction and re-import.
 */
class IdentityReviewTest {
  @TempDir Path dir;
  private KnowledgeBase kb;
  private Path logs;

  @BeforeEach
  void importFour() throws IOException {
    logs = dir.resolve("logs");
    Files.createDirectories(logs);
    write("a.txt", "User: Кто такой **Кирилл**?\nAssistant: **Кирилл** строит модели.\n");
    write("b.txt", "User: Who is **Kirill**?\nAssistant: **Kirill** builds models.\n");
    write("c.txt", "User: Что говорит **Дэвид Чалмерс**?\nAssistant: **Дэвид Чалмерс** прав.\n");
    write(
        "d.txt",
        "User: What does **David Chalmers** say?\nAssistant: **David Chalmers** is right.\n");
    kb = KnowledgeBase.open(KnowledgeBaseConfig.folder(dir.resolve("kb")));
    kb.importLogs(ImportRequest.of(List.of(logs)), ImportListener.NONE);
  }

  @AfterEach
  void close() {
    kb.close();
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(logs.resolve(name), text);
  }

  /** Entity IRI to the labels the extraction graphs give it. */
  private Map<String, Set<String>> entities() {
    Map<String, Set<String>> labels = new java.util.TreeMap<>();
    kb.store()
        .select(
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?e ?l WHERE { GRAPH ?g {"
                + " ?e rdfs:label ?l } FILTER(STRSTARTS(STR(?g),"
                + " 'https://w3id.org/noema/graph/extraction/')) }",
            Map.of(),
            rows -> {
              rows.forEachRemaining(
                  r ->
                      labels
                          .computeIfAbsent(r.get("e").toString(), k -> new TreeSet<>())
                          .add(r.get("l").asLiteral().getLexicalForm()));
              return null;
            });
    return labels;
  }

  private String entityLabelled(String label) {
    List<String> found =
        entities().entrySet().stream()
            .filter(e -> e.getValue().contains(label))
            .map(Map.Entry::getKey)
            .toList();
    assertEquals(1, found.size(), label + " in " + entities());
    return found.get(0);
  }

  private void reextract() {
    ExtractReport report = kb.extract(new ExtractRequest(null, "structural", false, 0, 0));
    assertEquals(List.of(), report.problems());
  }

  @Test
  void the_listing_shows_the_merge_with_its_evidence_and_the_suspected_pair() {
    IdentityListing listing = kb.identity().list();

    assertEquals(1, listing.merges().size(), listing.toString());
    Decision merge = listing.merges().get(0);
    assertEquals("transliteration", merge.evidence().id());
    assertEquals(0.95, merge.score());
    assertEquals("Kirill", merge.added().get(0).text());
    assertEquals(1, listing.pending().size());
    assertEquals("sounds-alike", listing.pending().get(0).evidence().id());
    assertEquals(entityLabelled("Kirill"), entityLabelled("Кирилл"));
  }

  @Test
  void a_split_merge_gives_the_names_their_own_entity_and_holds_after_reextraction() {
    Map<String, String> hashesBefore = hashes();
    Decision merge = kb.identity().list().merges().get(0);

    SplitResult result = kb.identity().split(merge.id());

    assertEquals(1, result.splits().size());
    assertNotEquals(entityLabelled("Kirill"), entityLabelled("Кирилл"));
    assertEquals(result.splits().get(0).to(), entityLabelled("Kirill"));
    // The moved mention's graphs got new hashes, so the projection and the caches follow.
    String graph = "https://w3id.org/noema/graph/extraction/b.txt/turn/0/structural";
    assertNotEquals(hashesBefore.get(graph), hashes().get(graph));

    reextract();
    kb.importLogs(ImportRequest.of(List.of(logs)), ImportListener.NONE);
    assertNotEquals(entityLabelled("Kirill"), entityLabelled("Кирилл"));
    IdentityListing after = kb.identity().list();
    assertEquals(0, after.merges().size(), after.toString());
    assertTrue(after.byUser().stream().anyMatch(d -> d.verdict() == Verdict.DIFFERENT));
  }

  @Test
  void an_accepted_pair_is_one_entity_after_reextraction() {
    Decision pair = kb.identity().list().pending().get(0);
    assertNotEquals(entityLabelled("David Chalmers"), entityLabelled("Дэвид Чалмерс"));

    MergeResult merged = kb.identity().accept(pair.id().substring(0, 6));

    assertEquals(entityLabelled("David Chalmers"), entityLabelled("Дэвид Чалмерс"));
    assertEquals(merged.kept(), entityLabelled("David Chalmers"));
    assertTrue(
        kb.store().graphs().stream()
            .map(GraphEntry::name)
            .noneMatch(g -> g.getURI().endsWith("identity/david-chalmers")));
    reextract();
    assertEquals(entityLabelled("David Chalmers"), entityLabelled("Дэвид Чалмерс"));
    assertEquals(List.of(), kb.identity().list().pending());
  }

  @Test
  void a_rejected_pair_stays_two_and_is_not_suggested_again() {
    Decision pair = kb.identity().list().pending().get(0);

    kb.identity().reject(pair.id());
    reextract();

    assertNotEquals(entityLabelled("David Chalmers"), entityLabelled("Дэвид Чалмерс"));
    IdentityListing listing = kb.identity().list();
    assertEquals(List.of(), listing.pending());
    assertEquals(
        List.of(Verdict.DIFFERENT),
        listing.byUser().stream().map(Decision::verdict).collect(Collectors.toList()));
  }

  @Test
  void unknown_ids_and_ambiguous_names_are_refused_with_one_line() {
    IllegalArgumentException noPair =
        assertThrows(IllegalArgumentException.class, () -> kb.identity().accept("0000000000"));
    assertTrue(noPair.getMessage().contains("no pending pair"), noPair.getMessage());
    IllegalArgumentException nothing =
        assertThrows(IllegalArgumentException.class, () -> kb.identity().split("Дэвид Чалмерс"));
    assertTrue(nothing.getMessage().contains("nothing to split"), nothing.getMessage());
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> kb.identity().split("Leibniz"));
    assertTrue(unknown.getMessage().contains("neither a merge"), unknown.getMessage());
  }

  private Map<String, String> hashes() {
    return kb.store().graphs().stream()
        .collect(Collectors.toMap(g -> g.name().getURI(), GraphEntry::contentHash));
  }
}
