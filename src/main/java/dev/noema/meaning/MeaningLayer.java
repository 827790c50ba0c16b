package dev.noema.meaning;

import dev.noema.ontology.Iris;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The meaning layer of a knowledge base, read once and held in memory: the meaning entities with
 * their names in every language, the relations between them with the facts that reify them (their
 * weight, confidence, extractor and groundings), the interpretations, and the turns all of these
 * cite. Read from a store by {@link MeaningLayers} (one query, {@code meaning-layer.rq}), or from
 * any triples by {@link MeaningReader}; everything that shows, explores, retrieves or projects
 * meaning reads it here.
 *
 * <p>Immutable and thread-safe. Lists are in IRI order (relations in subject, predicate, object
 * order) unless a method says otherwise.
 */
public final class MeaningLayer {
  private final MeaningSchema schema;
  private final String fingerprint;
  private final List<Entity> entities;
  private final Map<String, Entity> byIri;
  private final List<Relation> relations;
  private final Map<String, List<Relation>> relationsByEntity;
  private final List<Fact> facts;
  private final List<Interpretation> interpretations;
  private final Map<String, List<Interpretation>> interpretationsByConcept;
  private final Map<String, TurnRef> turns;

  MeaningLayer(
      MeaningSchema schema,
      String fingerprint,
      List<Entity> entities,
      List<Relation> relations,
      List<Fact> facts,
      List<Interpretation> interpretations,
      Map<String, TurnRef> turns) {
    this.schema = schema;
    this.fingerprint = fingerprint;
    this.entities = List.copyOf(entities);
    this.byIri = new HashMap<>(entities.size() * 2);
    entities.forEach(e -> byIri.put(e.iri(), e));
    this.relations = List.copyOf(relations);
    this.relationsByEntity = new HashMap<>();
    for (Relation r : relations) {
      relationsByEntity.computeIfAbsent(r.subject(), k -> new ArrayList<>(2)).add(r);
      if (!r.object().equals(r.subject())) {
        relationsByEntity.computeIfAbsent(r.object(), k -> new ArrayList<>(2)).add(r);
      }
    }
    this.facts = List.copyOf(facts);
    this.interpretations = List.copyOf(interpretations);
    this.interpretationsByConcept = new HashMap<>();
    for (Interpretation i : interpretations) {
      interpretationsByConcept.computeIfAbsent(i.concept(), k -> new ArrayList<>(2)).add(i);
    }
    this.turns = Collections.unmodifiableMap(new LinkedHashMap<>(turns));
  }

  /** The vocabulary the layer was read with. */
  public MeaningSchema schema() {
    return schema;
  }

  /**
   * The state of the store the layer was read from (a digest of its registry of graphs and their
   * hashes; see {@link MeaningLayers#fingerprint}), or "" when it was read from loose triples.
   */
  public String fingerprint() {
    return fingerprint;
  }

  /** Every meaning entity, interpretations included. */
  public List<Entity> entities() {
    return entities;
  }

  public Optional<Entity> entity(String iri) {
    return Optional.ofNullable(byIri.get(iri));
  }

  /**
   * The name to show for {@code iri} in {@code language} ({@link Names#display}); for a resource
   * without names, the last segment of its IRI.
   */
  public String label(String iri, String language) {
    Entity e = byIri.get(iri);
    return e == null
        ? Iris.localName(iri)
        : e.names().display(language).orElse(Iris.localName(iri));
  }

  /** The relations between two entities of the layer. */
  public List<Relation> relations() {
    return relations;
  }

  /** The relations {@code iri} is the subject or the object of, in {@link #relations()} order. */
  public List<Relation> relationsOf(String iri) {
    return Collections.unmodifiableList(relationsByEntity.getOrDefault(iri, List.of()));
  }

  /**
   * Every reified fact, whether or not its triple is a relation of the layer, in subject,
   * predicate, object, then IRI order.
   */
  public List<Fact> facts() {
    return facts;
  }

  public List<Interpretation> interpretations() {
    return interpretations;
  }

  /** The interpretations of {@code conceptIri}, in IRI order. */
  public List<Interpretation> interpretationsOf(String conceptIri) {
    return Collections.unmodifiableList(
        interpretationsByConcept.getOrDefault(conceptIri, List.of()));
  }

  /** Every turn of the store's conversations, by IRI, in IRI order. */
  public Map<String, TurnRef> turns() {
    return turns;
  }

  public Optional<TurnRef> turn(String iri) {
    return Optional.ofNullable(turns.get(iri));
  }

  @Override
  public String toString() {
    return "MeaningLayer["
        + entities.size()
        + " entities, "
        + relations.size()
        + " relations, "
        + facts.size()
        + " facts, "
        + interpretations.size()
        + " interpretations]";
  }
}
