package dev.noema.identity;

import dev.noema.ontology.OntologyModel;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a mention's type relates to an entity's types, read from the ontology's class hierarchy and
 * its disjointness axioms (no table of its own). Thread-safe; answers are cached.
 */
final class TypeRules {
  /** The same type. */
  static final int SAME = 0;

  /** One is a sub-class of the other (ModuleConsensus and Concept; MentionedPerson and Person). */
  static final int RELATED = 1;

  /** Neither, but not disjoint: one thing may be both (Concept and Person). */
  static final int COMPATIBLE = 2;

  private final OntologyModel ontology;
  private final Map<String, Boolean> disjoint = new ConcurrentHashMap<>();
  private final Map<String, Boolean> related = new ConcurrentHashMap<>();

  TypeRules(OntologyModel ontology) {
    this.ontology = ontology;
  }

  /** Whether something of {@code type} may also be of every one of {@code types}. */
  boolean compatible(String type, Set<String> types) {
    for (String other : types) {
      if (disjoint.computeIfAbsent(type + ' ' + other, k -> ontology.disjoint(type, other))) {
        return false;
      }
    }
    return true;
  }

  /** {@link #SAME}, {@link #RELATED} or {@link #COMPATIBLE} (also for no types at all). */
  int relation(String type, Set<String> types) {
    if (types.contains(type)) {
      return SAME;
    }
    for (String other : types) {
      boolean r =
          related.computeIfAbsent(
              type + ' ' + other,
              k -> ontology.isSubClassOf(type, other) || ontology.isSubClassOf(other, type));
      if (r) {
        return RELATED;
      }
    }
    return COMPATIBLE;
  }
}
