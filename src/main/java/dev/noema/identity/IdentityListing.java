package dev.noema.identity;

import dev.noema.ontology.Iris;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;

/**
 * What identity has decided in a knowledge base ({@link IdentityReview#list}).
 *
 * @param entities how many entities it holds
 * @param merges mentions the resolver merged into an existing entity, bringing it a new name or an
 *     unrelated type, by entity name then time
 * @param pending pairs that may be one entity, waiting for review (the duplicates still suspected),
 *     strongest evidence first
 * @param byUser the decisions the user took (accepted and rejected pairs, splits), newest first
 * @param names the name shown for each entity the decisions mention, by IRI
 */
public record IdentityListing(
    int entities,
    List<Decision> merges,
    List<Decision> pending,
    List<Decision> byUser,
    Map<String, String> names) {

  public IdentityListing {
    merges = List.copyOf(merges);
    pending = List.copyOf(pending);
    byUser = List.copyOf(byUser);
    names = Map.copyOf(names);
  }

  /** The name shown for an entity: its preferred name, else the end of its IRI. */
  public String name(Node entity) {
    return entity == null
        ? ""
        : names.getOrDefault(entity.getURI(), Iris.localName(entity.getURI()));
  }
}
