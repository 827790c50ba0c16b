package dev.noema.identity;

import dev.noema.ontology.Iris;
import dev.noema.text.Text;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Mints meaning-entity IRIs: {@link Iris#ENTITY} followed by the {@link Text#slug} of a name,
 * percent-encoded. A readable IRI is only a name: which entity a mention denotes is decided by the
 * {@link Resolver}, which also picks a free IRI when another entity already holds the plain one.
 */
public final class EntityIris {
  private EntityIris() {}

  /** The IRI an entity minted from {@code name} gets when no other entity holds it. */
  public static Node of(String name) {
    return NodeFactory.createURI(Iris.ENTITY + Iris.encode(Text.slug(name)));
  }

  /**
   * The IRI of {@link #of} with a readable qualifier appended ({@code apple} and {@code
   * organization} give {@code apple-organization}).
   */
  static Node qualified(String name, String qualifier) {
    return NodeFactory.createURI(
        Iris.ENTITY + Iris.encode(Text.slug(name) + "-" + Text.slug(qualifier)));
  }
}
