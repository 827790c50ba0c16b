package dev.noema.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Node;

/**
 * What identity knows of one entity: its types, its names (one preferred per language, the others
 * alternative) and the decisions about it that its identity graph holds. Mutable; used under the
 * lock of the {@link IdentityIndex} that holds it.
 */
final class EntityRecord {
  private final Node iri;
  private final Set<String> types = new TreeSet<>();

  /** By language and key: a name's first spelling is kept. */
  private final Map<String, EntityName> names = new LinkedHashMap<>();

  private final Map<String, String> preferred = new TreeMap<>();
  private final Set<String> keys = new LinkedHashSet<>();
  private final Map<Node, Decision> decisions = new LinkedHashMap<>();

  EntityRecord(Node iri) {
    this.iri = iri;
  }

  Node iri() {
    return iri;
  }

  Set<String> types() {
    return Collections.unmodifiableSet(types);
  }

  void addType(String type) {
    types.add(type);
  }

  /**
   * Adds a name unless the entity has it in that language already.
   *
   * @param preferable whether it may become the preferred name of its language, when there is none
   * @return whether it was new in its language
   */
  boolean addName(EntityName name, boolean preferable) {
    String key = name.key();
    if (key.isEmpty() || names.putIfAbsent(name.language() + '\n' + key, name) != null) {
      return false;
    }
    keys.add(key);
    if (preferable) {
      preferred.putIfAbsent(name.language(), name.text());
    }
    return true;
  }

  /** Makes {@code name} the preferred name of its language (adding it when absent). */
  void prefer(EntityName name) {
    addName(name, false);
    preferred.put(name.language(), name.text());
  }

  /** Removes every name with one of {@code removedKeys}, in every language. */
  void removeNames(Collection<String> removedKeys) {
    names.values().removeIf(n -> removedKeys.contains(n.key()));
    keys.removeAll(removedKeys);
    preferred.entrySet().removeIf(e -> removedKeys.contains(NameKeys.exact(e.getValue())));
    // A language that lost its preferred name takes its first remaining one.
    for (EntityName n : names.values()) {
      preferred.putIfAbsent(n.language(), n.text());
    }
  }

  /** Whether the entity has a name with this key, in any language. */
  boolean hasKey(String key) {
    return keys.contains(key);
  }

  Set<String> keys() {
    return Collections.unmodifiableSet(keys);
  }

  /** Every name, in the order they were added. */
  List<EntityName> names() {
    return List.copyOf(names.values());
  }

  /** The preferred name per language tag, tags sorted. */
  Map<String, String> preferred() {
    return Collections.unmodifiableMap(preferred);
  }

  /** Whether {@code name} is the preferred name of its language. */
  boolean isPreferred(EntityName name) {
    return name.text().equals(preferred.get(name.language()));
  }

  /**
   * The name to show: the preferred English one, else the first preferred one, else the IRI's end.
   */
  String display() {
    String english = preferred.get("en");
    if (english != null) {
      return english;
    }
    return preferred.isEmpty()
        ? dev.noema.ontology.Iris.localName(iri.getURI())
        : preferred.values().iterator().next();
  }

  List<Decision> decisions() {
    return new ArrayList<>(decisions.values());
  }

  void addDecision(Decision decision) {
    decisions.put(decision.iri(), decision);
  }

  void removeDecision(Node decision) {
    decisions.remove(decision);
  }
}
