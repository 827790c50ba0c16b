package dev.noema.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An edge of the meaning graph: every relation between one unordered pair of entities, merged. The
 * graph is undirected for the analyses; each merged {@link Relation} keeps its own direction for
 * display.
 *
 * <p>Immutable. Equality is identity, as JGraphT expects of edge objects.
 */
public final class MeaningEdge {
  private final String source;
  private final String target;
  private final List<Relation> relations;
  private final double weight;

  MeaningEdge(String source, String target, List<Relation> relations) {
    this.source = source;
    this.target = target;
    this.relations = List.copyOf(relations);
    this.weight = relations.stream().mapToDouble(Relation::weight).sum();
  }

  /** One end of the edge (the subject of its first relation). */
  public String source() {
    return source;
  }

  /** The other end. */
  public String target() {
    return target;
  }

  /** The end that is not {@code end}. */
  public String opposite(String end) {
    return end.equals(source) ? target : source;
  }

  /**
   * The merged relations, each with its direction, weight and evidence, in the order they were
   * added.
   */
  public List<Relation> relations() {
    return relations;
  }

  /** The sum of the relations' weights. */
  public double weight() {
    return weight;
  }

  /** The relation types (property IRIs), sorted. */
  public Set<String> relationTypes() {
    Set<String> types = new TreeSet<>();
    relations.forEach(r -> types.add(r.property()));
    return Collections.unmodifiableSet(types);
  }

  /** Every piece of evidence of every relation, in relation order. */
  public List<Evidence> evidence() {
    List<Evidence> all = new ArrayList<>();
    relations.forEach(r -> all.addAll(r.evidence()));
    return all;
  }

  @Override
  public String toString() {
    return source + " -" + relationTypes() + "- " + target;
  }
}
