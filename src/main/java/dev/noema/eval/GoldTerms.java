package dev.noema.eval;

import dev.noema.ontology.OntologyModel;
import dev.noema.ontology.OntologyModel.OntClass;
import dev.noema.ontology.OntologyModel.OntProperty;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The gold's type and predicate names read through the ontology: a gold name is the local name of
 * one of the ontology's own classes or properties, and what is acceptable for it follows the
 * ontology's hierarchy, never a table of synonyms. A name the ontology does not define accepts
 * nothing (and is reported), so a class added later (a general {@code Person}) counts from the day
 * the ontology declares it and makes the stored classes its sub-classes. Thread-safe.
 */
final class GoldTerms {
  private final OntologyModel ontology;
  private final Map<String, String> classes = new HashMap<>();
  private final Map<String, OntProperty> properties = new HashMap<>();

  GoldTerms(OntologyModel ontology) {
    this.ontology = ontology;
    for (OntClass c : ontology.classes()) {
      classes.put(c.localName(), c.iri());
    }
    for (OntProperty p : ontology.properties()) {
      properties.put(p.localName(), p);
    }
  }

  /** The gold names among {@code names} that are no class of the ontology, sorted. */
  Set<String> unknownTypes(Collection<String> names) {
    Set<String> unknown = new TreeSet<>(names);
    unknown.removeAll(classes.keySet());
    return unknown;
  }

  /** The gold names among {@code names} that are no property of the ontology, sorted. */
  Set<String> unknownPredicates(Collection<String> names) {
    Set<String> unknown = new TreeSet<>(names);
    unknown.removeAll(properties.keySet());
    return unknown;
  }

  /** Whether {@code classIri} is the class one of {@code goldTypes} names, or a sub-class of it. */
  boolean acceptable(String classIri, Collection<String> goldTypes) {
    for (String name : goldTypes) {
      String gold = classes.get(name);
      if (gold != null && ontology.isSubClassOf(classIri, gold)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The most specific of {@code classIris}: those that no other of them is a sub-class of (an
   * entity typed both {@code CognitiveModule} and {@code Concept} is a cognitive module).
   */
  List<String> mostSpecific(Collection<String> classIris) {
    List<String> specific = new ArrayList<>();
    for (String c : classIris) {
      boolean general =
          classIris.stream().anyMatch(other -> !other.equals(c) && ontology.isSubClassOf(other, c));
      if (!general) {
        specific.add(c);
      }
    }
    return specific;
  }

  /**
   * Whether the relation {@code propertyIri} says what the gold predicate says. {@code forward}:
   * the relation runs from the gold subject to the gold object; then the property must be the gold
   * predicate or a sub-property of it. Backwards, it must also be symmetric (or the gold predicate
   * be), or its inverse be the gold predicate or a sub-property of it.
   */
  boolean says(String propertyIri, String goldPredicate, boolean forward) {
    OntProperty gold = properties.get(goldPredicate);
    if (gold == null) {
      return false;
    }
    boolean sub = superProperties(propertyIri).contains(gold.iri());
    if (forward) {
      return sub;
    }
    boolean symmetric =
        gold.symmetric()
            || ontology.property(propertyIri).map(OntProperty::symmetric).orElse(false);
    if (sub && symmetric) {
      return true;
    }
    Optional<String> inverse = ontology.property(propertyIri).map(OntProperty::inverse);
    return inverse.isPresent() && superProperties(inverse.get()).contains(gold.iri());
  }

  /** {@code propertyIri} and its super-properties, transitively. */
  private Set<String> superProperties(String propertyIri) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> queue = new ArrayList<>(List.of(propertyIri));
    while (!queue.isEmpty()) {
      String next = queue.remove(queue.size() - 1);
      if (seen.add(next)) {
        ontology.property(next).ifPresent(p -> queue.addAll(p.superProperties()));
      }
    }
    return seen;
  }
}
