package dev.noema.map;

import dev.noema.meaning.Entity;
import dev.noema.meaning.Interpretation;
import dev.noema.meaning.MeaningLayer;
import dev.noema.meaning.MeaningLayers;
import dev.noema.meaning.MeaningSchema;
import dev.noema.meaning.NameIndex;
import dev.noema.meaning.Names;
import dev.noema.meaning.Relation;
import dev.noema.meaning.TurnRef;
import dev.noema.ontology.Iris;
import dev.noema.ontology.Noema;
import dev.noema.store.GraphStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.query.QuerySolution;

/**
 * The map of a knowledge base's meaning layer ({@link MeaningMap}), laid out ({@link MapLayout})
 * once per state of the store, since the layout takes seconds on large maps; and search over the
 * names of its nodes. Nodes are named in the {@linkplain Names#DEFAULT_LANGUAGE default language};
 * their PageRank and cluster are what the last topology analysis wrote to the derived graph.
 *
 * <p>Thread-safe: a caller asking while the map is being computed waits for it rather than laying
 * it out again.
 */
public final class MeaningMaps {
  /** The most matches a search returns. */
  public static final int MATCHES = 20;

  /** The most "did you mean" suggestions a search returns. */
  public static final int SUGGESTIONS = 5;

  private static final String MEASURES = resource("measures.rq");

  private final MeaningLayers layers;
  private final GraphStore store;

  /** The layer the map was drawn from, and the map; guarded by {@code this}. */
  private MeaningLayer drawnFrom;

  private Drawn drawn;

  private record Drawn(MeaningMap map, NameIndex names, Map<String, String> kinds) {}

  /**
   * @param layers the meaning layer of {@code store}
   * @param store where the derived measures (PageRank, clusters) are read from
   */
  public MeaningMaps(MeaningLayers layers, GraphStore store) {
    this.layers = layers;
    this.store = store;
  }

  /** The map of the store as it is now: the one drawn last when the store has not changed. */
  public MeaningMap current() {
    return drawn().map();
  }

  /**
   * The nodes with a name (in any language) containing {@code query}, ignoring case and accents;
   * the closest names when none does.
   */
  public MapSearch search(String query) {
    Drawn now = drawn();
    List<MapSearch.Match> matches =
        now.names().containing(query, MATCHES).stream()
            .map(e -> new MapSearch.Match(e.iri(), e.label(), now.kinds().get(e.iri())))
            .toList();
    List<MapSearch.Match> suggestions = new ArrayList<>();
    if (matches.isEmpty()) {
      int wanted = dev.noema.text.Text.key(query).length();
      Set<String> seen = new LinkedHashSet<>();
      for (NameIndex.Suggestion s : now.names().closest(query, Integer.MAX_VALUE)) {
        if (s.distance() > Math.max(2, wanted / 3) || suggestions.size() == SUGGESTIONS) {
          break;
        }
        if (seen.add(s.iri())) {
          NameIndex.Entry e = now.names().find(s.iri()).orElseThrow();
          suggestions.add(new MapSearch.Match(e.iri(), e.label(), now.kinds().get(e.iri())));
        }
      }
    }
    return new MapSearch(query, matches, suggestions);
  }

  private synchronized Drawn drawn() {
    MeaningLayer layer = layers.current();
    if (drawn == null || layer != drawnFrom) {
      drawn = draw(layer);
      drawnFrom = layer;
    }
    return drawn;
  }

  private Drawn draw(MeaningLayer layer) {
    MeaningSchema schema = layer.schema();
    Map<String, String> types = new LinkedHashMap<>();
    Map<String, String> kinds = new HashMap<>();
    List<NameIndex.Entry> named = new ArrayList<>();
    Set<String> allConversations = new TreeSet<>();
    Map<String, List<String>> conversations = new HashMap<>();
    for (Entity e : layer.entities()) {
      Set<String> where = new TreeSet<>();
      for (String turn : e.mentions()) {
        TurnRef t = layer.turn(turn).orElse(null);
        if (t != null && t.conversationId() != null) {
          where.add(t.conversationId());
        }
      }
      allConversations.addAll(where);
      List<String> nodeTypes =
          e.types().stream().filter(t -> !schema.isInterpretationClass(t)).toList();
      if (nodeTypes.isEmpty()) {
        continue;
      }
      String type = schema.mostSpecific(nodeTypes);
      types.put(e.iri(), type);
      kinds.put(e.iri(), kind(schema, type));
      conversations.put(e.iri(), List.copyOf(where));
      named.add(
          new NameIndex.Entry(
              e.iri(), layer.label(e.iri(), Names.DEFAULT_LANGUAGE), e.names().texts()));
    }

    Set<MeaningMap.Edge> edges = new LinkedHashSet<>();
    for (Relation r : layer.relations()) {
      if (types.containsKey(r.subject())
          && types.containsKey(r.object())
          && !r.subject().equals(r.object())) {
        edges.add(new MeaningMap.Edge(r.subject(), r.object(), Iris.localName(r.predicate())));
      }
    }
    String interprets = Iris.localName(Noema.interprets.getURI());
    for (Interpretation i : layer.interpretations()) {
      if (types.containsKey(i.perspective()) && types.containsKey(i.concept())) {
        edges.add(new MeaningMap.Edge(i.perspective(), i.concept(), interprets));
      }
    }
    Set<String> relations = new TreeSet<>();
    edges.forEach(e -> relations.add(e.relation()));

    Map<String, Double> ranks = new HashMap<>();
    Map<String, Integer> clusters = new HashMap<>();
    store.select(
        MEASURES,
        Map.of(),
        rows -> {
          rows.forEachRemaining(
              (QuerySolution row) -> {
                if (!row.get("e").isURIResource() || !row.get("value").isLiteral()) {
                  return;
                }
                String iri = row.getResource("e").getURI();
                try {
                  if (row.getResource("p").getURI().equals(Noema.pageRank.getURI())) {
                    ranks.put(iri, row.getLiteral("value").getDouble());
                  } else {
                    clusters.put(iri, row.getLiteral("value").getInt());
                  }
                } catch (RuntimeException notANumber) {
                  // A malformed measure draws the node without it, as if it were absent.
                }
              });
          return null;
        });

    Map<String, MapLayout.Position> positions =
        MapLayout.layout(
            types.keySet(),
            edges.stream().map(e -> new String[] {e.source(), e.target()}).toList());
    List<MeaningMap.Node> nodes = new ArrayList<>(types.size());
    for (NameIndex.Entry e : named) {
      MapLayout.Position at = positions.get(e.iri());
      nodes.add(
          new MeaningMap.Node(
              e.iri(),
              e.label(),
              kinds.get(e.iri()),
              Iris.localName(types.get(e.iri())),
              ranks.get(e.iri()),
              clusters.get(e.iri()),
              conversations.get(e.iri()),
              at.x(),
              at.y()));
    }
    MeaningMap map =
        new MeaningMap(
            nodes, List.copyOf(edges), List.copyOf(relations), List.copyOf(allConversations));
    return new Drawn(map, new NameIndex(named), Map.copyOf(kinds));
  }

  /**
   * The shape the page draws a class in: modules and their consensus, perspectives, persons,
   * concepts, everything else.
   */
  private static String kind(MeaningSchema schema, String type) {
    if (schema.isA(type, Noema.CognitiveModule.getURI())
        || schema.isA(type, Noema.ModuleConsensus.getURI())) {
      return "module";
    }
    if (schema.isA(type, Noema.Perspective.getURI())) {
      return "perspective";
    }
    if (schema.isA(type, Noema.Person.getURI())) {
      return "person";
    }
    return schema.isA(type, Noema.Concept.getURI()) ? "concept" : "other";
  }

  private static String resource(String name) {
    try (InputStream in = MeaningMaps.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "query resource dev/noema/map/" + name + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
