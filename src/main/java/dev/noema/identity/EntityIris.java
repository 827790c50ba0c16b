package dev.noema.identity;

import dev.noema.ontology.Iris;
import dev.noema.text.Text;
import java.util.function.Predicate;
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
   * The first IRI not {@code taken} among: {@link #of} {@code name}; it qualified by the local name
   * of {@code type} ({@code amazon-place}); then numbered ({@code amazon-place-2}, ...).
   */
  static Node free(String name, String type, Predicate<Node> taken) {
    Node iri = of(name);
    String qualified = Text.slug(name) + "-" + Text.slug(Iris.localName(type));
    for (int n = 1; taken.test(iri); n++) {
      iri =
          NodeFactory.createURI(
              Iris.ENTITY + Iris.encode(n == 1 ? qualified : qualified + "-" + n));
    }
    return iri;
  }
}
