package dev.noema.eval;

import dev.noema.text.Text;
import dev.noema.topology.Entity;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How gold names are compared with entities: by {@link #key}, over every label an entity carries
 * (canonical, preferred, {@code rdfs:label}, alternative; any language). An entity's keys are
 * computed once. Not thread-safe.
 */
final class Names {
  private final Map<String, Set<String>> byIri = new HashMap<>();

  /** The matching key of a name: its {@link Text#key}, or the cleaned name when that is empty. */
  static String key(String name) {
    String key = Text.key(name);
    return key.isEmpty() ? Text.clean(name) : key;
  }

  static Set<String> keys(Collection<String> names) {
    Set<String> keys = new HashSet<>();
    names.forEach(n -> keys.add(key(n)));
    return keys;
  }

  /** Whether one of the entity's labels has one of {@code keys}. */
  boolean carries(Entity entity, Set<String> keys) {
    Set<String> own = byIri.computeIfAbsent(entity.iri(), iri -> ownKeys(entity));
    for (String key : keys) {
      if (own.contains(key)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> ownKeys(Entity entity) {
    Set<String> keys = keys(entity.labels());
    keys.add(key(entity.label()));
    return keys;
  }
}
