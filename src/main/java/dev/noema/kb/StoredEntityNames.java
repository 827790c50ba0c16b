package dev.noema.kb;

import dev.noema.extract.EntityNameIndex;
import dev.noema.extract.KnownEntities;
import dev.noema.extract.KnownEntity;
import dev.noema.ontology.Noema;
import dev.noema.ontology.OntologyModel;
import dev.noema.store.GraphEntry;
import dev.noema.store.GraphStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * The entities one extractor has written to the store, found by their names ({@link
 * EntityNameIndex} over their labels, aliases and canonical labels, so that an English text finds
 * an idea first named in Russian): the knowledge base's answer to {@link KnownEntities}. Only that
 * extractor's entities are listed, because another extractor's canonical labels follow other rules
 * (the structural extractor keeps a Russian label as its canonical one), and a model told to reuse
 * them would break its own.
 *
 * <p>The index follows the store: before each lookup the store's registry is compared with the one
 * last read, and the graphs written since (another conversation of the same run, for example) are
 * read and their names added. Names of graphs removed since stay known until the next run: they are
 * only hints. Thread-safe: lookups are serialised.
 */
final class StoredEntityNames implements KnownEntities {
  /** Graphs read per query when catching up with the store. */
  private static final int GRAPHS_PER_QUERY = 200;

  private static final String QUERY =
      "PREFIX rdfs: <"
          + RDFS.getURI()
          + ">\nPREFIX noema: <"
          + Noema.NS
          + ">\nSELECT DISTINCT ?type ?canonical ?name ?conversation WHERE {\n  %s\n  GRAPH ?g {\n"
          + "    ?activity a noema:ExtractionActivity ; noema:extractor ?extractor ;\n"
          + "      noema:extractedFromTurn ?turn .\n"
          + "    ?e noema:canonicalLabel ?canonical ; a ?type .\n"
          + "    { ?e rdfs:label ?name } UNION { ?e <"
          + SKOS.altLabel.getURI()
          + "> ?name }\n"
          + "    UNION { ?e noema:canonicalLabel ?name }\n  }\n"
          + "  ?turn noema:inConversation/noema:conversationId ?conversation .\n}";

  private final GraphStore store;
  private final Node extractor;
  private final Set<String> extractable = new HashSet<>();
  private final Map<String, String> seen = new HashMap<>();
  private final Map<KnownEntity, Set<String>> conversations = new HashMap<>();
  private EntityNameIndex index = new EntityNameIndex(List.of());

  /**
   * @param extractor the name of the extractor whose entities are listed ({@code llm})
   */
  StoredEntityNames(GraphStore store, OntologyModel ontology, String extractor) {
    this.store = store;
    this.extractor = NodeFactory.createLiteralString(extractor);
    ontology.extractableClasses().forEach(c -> extractable.add(c.iri()));
  }

  @Override
  public synchronized List<KnownEntity> in(String conversationId, String text, int limit) {
    catchUp();
    return index.find(text, limit, e -> !conversations.get(e).equals(Set.of(conversationId)));
  }

  /** Reads the graphs written since the last lookup (all of them the first time). */
  private void catchUp() {
    List<Node> changed = new ArrayList<>();
    for (GraphEntry entry : store.graphs()) {
      String uri = entry.name().getURI();
      if (!Objects.equals(entry.contentHash(), seen.put(uri, entry.contentHash()))) {
        changed.add(entry.name());
      }
    }
    if (changed.isEmpty()) {
      return;
    }
    int before = conversations.size();
    if (changed.size() == seen.size()) {
      read("");
    } else {
      for (int i = 0; i < changed.size(); i += GRAPHS_PER_QUERY) {
        read(
            "VALUES ?g { "
                + changed.subList(i, Math.min(changed.size(), i + GRAPHS_PER_QUERY)).stream()
                    .map(g -> "<" + g.getURI() + ">")
                    .collect(Collectors.joining(" "))
                + " }");
      }
    }
    if (conversations.size() > before) {
      // In a fixed order, so that the same store gives the same request (and the cache its answer).
      index =
          new EntityNameIndex(
              conversations.keySet().stream()
                  .sorted(
                      Comparator.comparing(KnownEntity::canonicalLabel)
                          .thenComparing(KnownEntity::name)
                          .thenComparing(KnownEntity::type))
                  .toList());
    }
  }

  private void read(String values) {
    store.select(
        QUERY.formatted(values),
        Map.of("extractor", extractor),
        (ResultSet rows) -> {
          rows.forEachRemaining(this::add);
          return null;
        });
  }

  /**
   * One name of an entity in one conversation. An entity typed twice (Concept in one turn, Person
   * in another) is known under each type; a lookup returns one of them per canonical label.
   */
  private void add(QuerySolution row) {
    String type = row.getResource("type").getURI();
    if (!extractable.contains(type) || !row.get("name").isLiteral()) {
      return;
    }
    KnownEntity known =
        new KnownEntity(
            row.getLiteral("name").getLexicalForm(),
            row.getLiteral("canonical").getLexicalForm(),
            type);
    conversations
        .computeIfAbsent(known, k -> new HashSet<>())
        .add(row.getLiteral("conversation").getLexicalForm());
  }
}
