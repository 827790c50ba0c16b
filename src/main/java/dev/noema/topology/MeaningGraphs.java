package dev.noema.topology;

import dev.noema.meaning.Fact;
import dev.noema.meaning.Grounding;
import dev.noema.meaning.Interpretation;
import dev.noema.meaning.MeaningLayer;
import dev.noema.meaning.MeaningSchema;
import dev.noema.meaning.Name;
import dev.noema.meaning.Names;
import dev.noema.meaning.TurnRef;
import dev.noema.ontology.Iris;
import dev.noema.ontology.Noema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@link MeaningGraph} of a {@link MeaningLayer}, seen through a {@link TopologyFilter}.
 *
 * <p>Vertices are the layer's entities other than interpretations, named by {@link Names#display}
 * in the {@linkplain Names#DEFAULT_LANGUAGE default language}. Edges are the layer's relations
 * between two vertices; each interpretation becomes a relation {@code perspective noema:interprets
 * concept}, so perspectives that interpret the same concepts are connected through them. A
 * relation's weight is the sum, over the facts that reify it, of their {@code noema:weight}, else
 * {@code noema:confidence}, else 1 (1 when no fact reifies it); its evidence is each fact's
 * groundings (quote and turn). An interpretation weighs 1; its evidence is its groundings and the
 * turns that mention it, quoted by its statement where the grounding has no quote.
 *
 * <p>Stateless; the graph is built in time linear in the layer.
 */
public final class MeaningGraphs {
  private MeaningGraphs() {}

  /**
   * The meaning graph of {@code layer} seen through {@code filter}.
   *
   * @throws UnknownConceptException when the filter names a perspective no perspective entity
   *     carries
   */
  public static MeaningGraph of(MeaningLayer layer, TopologyFilter filter) {
    String conversation =
        filter.conversation() == null
            ? null
            : filter.conversation().contains("://")
                ? filter.conversation()
                : Iris.conversation(filter.conversation()).getURI();
    Map<String, TurnInfo> turns = new HashMap<>();
    Set<String> keptTurns = new HashSet<>();
    for (TurnRef t : layer.turns().values()) {
      TurnInfo turn =
          new TurnInfo(
              t.iri(), t.conversation(), t.index(), t.speaker(), t.speakerName(), t.timestamp());
      turns.put(t.iri(), turn);
      if (!filter.filtersTurns() || filter.keepsTurn(turn, conversation)) {
        keptTurns.add(t.iri());
      }
    }

    Map<String, Entity> candidates = new HashMap<>();
    Set<String> perspectives = new TreeSet<>();
    for (dev.noema.meaning.Entity e : layer.entities()) {
      Set<String> classes = new TreeSet<>();
      for (String type : e.types()) {
        if (!layer.schema().isInterpretationClass(type)) {
          classes.add(type);
        }
      }
      if (classes.isEmpty()) {
        continue;
      }
      Set<String> mentioned = new HashSet<>(e.mentions());
      if (filter.filtersTurns()) {
        mentioned.retainAll(keptTurns);
      }
      Entity.Kind kind = kind(layer.schema(), classes);
      boolean view = kind == Entity.Kind.VIEW;
      Name shown = e.names().best(Names.DEFAULT_LANGUAGE).orElse(null);
      candidates.put(
          e.iri(),
          new Entity(
              e.iri(),
              layer.label(e.iri(), Names.DEFAULT_LANGUAGE),
              classes,
              e.names().texts(),
              mentioned,
              Salience.of(shown, mentioned.size(), view),
              kind));
      if (view) {
        perspectives.add(e.iri());
      }
    }
    if (filter.perspective() != null) {
      List<Entity> all = perspectives.stream().map(candidates::get).toList();
      String chosen = new ConceptIndex(all).resolve(filter.perspective());
      perspectives.stream().filter(p -> !p.equals(chosen)).forEach(candidates::remove);
    }

    List<Relation> kept = new ArrayList<>();
    for (dev.noema.meaning.Relation r : layer.relations()) {
      if (filter.keepsRelation(r.predicate())
          && candidates.containsKey(r.subject())
          && candidates.containsKey(r.object())) {
        List<Support> support = new ArrayList<>();
        if (r.facts().isEmpty()) {
          support.add(new Support(1, List.of(new Evidence(null, null))));
        }
        for (Fact f : r.facts()) {
          double weight =
              f.weight() != null ? f.weight() : f.confidence() != null ? f.confidence() : 1;
          support.add(new Support(weight, evidence(f.groundings(), null, List.of())));
        }
        relation(r.subject(), r.predicate(), r.object(), support, filter, keptTurns)
            .ifPresent(kept::add);
      }
    }
    String interprets = Noema.interprets.getURI();
    if (filter.keepsRelation(interprets)) {
      for (Interpretation i : layer.interpretations()) {
        if (candidates.containsKey(i.perspective()) && candidates.containsKey(i.concept())) {
          List<Evidence> evidence = evidence(i.groundings(), i.statement(), i.mentions());
          relation(
                  i.perspective(),
                  interprets,
                  i.concept(),
                  List.of(new Support(1, evidence)),
                  filter,
                  keptTurns)
              .ifPresent(kept::add);
        }
      }
    }

    MeaningGraph.Builder builder = MeaningGraph.builder().source(layer);
    Set<String> onEdges = new HashSet<>();
    for (Relation r : kept) {
      onEdges.add(r.subject());
      onEdges.add(r.object());
      builder.relation(r);
    }
    candidates.values().stream()
        .filter(e -> !filter.filtersTurns() || !e.mentions().isEmpty() || onEdges.contains(e.iri()))
        .forEach(builder::entity);
    keptTurns.forEach(t -> builder.turn(turns.get(t)));
    return builder.build();
  }

  /**
   * A perspective is a view; a claim (a hypothesis too) is a statement unless another graph also
   * types it as an idea (a named hypothesis that is a Concept as well); anything else is an idea.
   */
  private static Entity.Kind kind(MeaningSchema schema, Set<String> classes) {
    if (classes.stream().anyMatch(c -> schema.isA(c, Noema.Perspective.getURI()))) {
      return Entity.Kind.VIEW;
    }
    return classes.stream().allMatch(c -> schema.isA(c, Noema.Claim.getURI()))
        ? Entity.Kind.STATEMENT
        : Entity.Kind.IDEA;
  }

  /** One fact (or interpretation) behind a relation: its weight and where it was found. */
  private record Support(double weight, List<Evidence> evidence) {}

  /**
   * Groundings as evidence, a missing quote replaced by {@code quote}; then the mention turns with
   * {@code quote}; one evidence of {@code quote} alone when there are neither.
   */
  private static List<Evidence> evidence(
      List<Grounding> groundings, String quote, List<String> mentions) {
    Set<Evidence> evidence = new LinkedHashSet<>();
    groundings.forEach(
        g -> evidence.add(new Evidence(g.quote() != null ? g.quote() : quote, g.turn())));
    mentions.forEach(turn -> evidence.add(new Evidence(quote, turn)));
    if (evidence.isEmpty()) {
      evidence.add(new Evidence(quote, null));
    }
    return List.copyOf(evidence);
  }

  /**
   * The relation as the filter sees it: only the support grounded in kept turns (all of it without
   * a turn filter), or empty when none is.
   */
  private static Optional<Relation> relation(
      String s,
      String p,
      String o,
      List<Support> support,
      TopologyFilter filter,
      Set<String> keptTurns) {
    double weight = 0;
    boolean any = false;
    List<Evidence> evidence = new ArrayList<>();
    for (Support f : support) {
      List<Evidence> matching =
          f.evidence().stream()
              .filter(
                  e -> !filter.filtersTurns() || (e.turn() != null && keptTurns.contains(e.turn())))
              .toList();
      if (filter.filtersTurns() && matching.isEmpty()) {
        continue;
      }
      any = true;
      weight += f.weight();
      matching.stream()
          .filter(e -> e.quote() != null || e.turn() != null)
          .filter(e -> !evidence.contains(e))
          .forEach(evidence::add);
    }
    return any ? Optional.of(new Relation(s, p, o, weight, evidence)) : Optional.empty();
  }
}
