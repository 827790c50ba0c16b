package dev.noema.ontology;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Mints the IRIs of resources and named graphs, so that every part of Noema names the same thing
 * the same way.
 *
 * <p>Resource IRIs are stable: the same conversation id, turn index or canonical label always gives
 * the same IRI, which is what makes re-import idempotent and lets an idea mentioned in two
 * conversations be one node.
 */
public final class Iris {
  private static final String CONVERSATION_GRAPH = Noema.GRAPH + "conversation/";
  private static final Pattern EXTRACTION_GRAPH =
      Pattern.compile(Pattern.quote(Noema.GRAPH + "extraction/") + "([^/]+)/turn/(\\d+)/([^/]+)");

  private Iris() {}

  public static Node conversation(String conversationId) {
    return NodeFactory.createURI(Noema.ID + "conversation/" + encode(conversationId));
  }

  /**
   * A turn on the active branch, or an alternative when {@code messageId} is given for a turn off
   * it.
   */
  public static Node turn(String conversationId, int index, String alternativeMessageId) {
    String base = Noema.ID + "conversation/" + encode(conversationId) + "/turn/" + index;
    return NodeFactory.createURI(
        alternativeMessageId == null ? base : base + "/alt/" + encode(alternativeMessageId));
  }

  public static Node turn(String conversationId, int index) {
    return turn(conversationId, index, null);
  }

  /**
   * A participant: one per role and name, shared across conversations ("user", "assistant/gpt-4o").
   */
  public static Node participant(String role, String name) {
    return NodeFactory.createURI(
        Noema.ID
            + "participant/"
            + slug(role)
            + (name == null || name.isBlank() ? "" : "/" + slug(name)));
  }

  public static Node sourceFile(String path) {
    return NodeFactory.createURI(Noema.ID + "source/" + encode(path));
  }

  /**
   * Prefix of every meaning entity's IRI; the rest is a readable segment chosen when the entity is
   * minted ({@code dev.noema.identity} mints them).
   */
  public static final String ENTITY = Noema.ID + "entity/";

  /** Prefix of the identity graphs: one per entity, holding its names and decisions about it. */
  public static final String IDENTITY_GRAPH = Noema.GRAPH + "identity/";

  /**
   * The named graph holding an entity's names and the identity decisions about it: {@link
   * #IDENTITY_GRAPH} followed by the entity IRI's part after {@link #ENTITY}.
   *
   * @throws IllegalArgumentException when {@code entity} is not under {@link #ENTITY}
   */
  public static Node identityGraph(Node entity) {
    String iri = entity.isURI() ? entity.getURI() : "";
    if (!iri.startsWith(ENTITY) || iri.length() == ENTITY.length()) {
      throw new IllegalArgumentException("not a meaning entity's IRI: " + entity);
    }
    return NodeFactory.createURI(IDENTITY_GRAPH + iri.substring(ENTITY.length()));
  }

  /**
   * The entity whose identity graph {@code graph} is, or empty when it is not an identity graph.
   */
  public static Optional<Node> entityOfIdentityGraph(Node graph) {
    String iri = graph.isURI() ? graph.getURI() : "";
    return iri.startsWith(IDENTITY_GRAPH) && iri.length() > IDENTITY_GRAPH.length()
        ? Optional.of(NodeFactory.createURI(ENTITY + iri.substring(IDENTITY_GRAPH.length())))
        : Optional.empty();
  }

  /** A software agent of Noema's own that takes decisions recorded in PROV ("resolver"). */
  public static Node agent(String name) {
    return NodeFactory.createURI(Noema.ID + "agent/" + slug(name));
  }

  /**
   * A resource produced by an extraction (a fact, a grounding and its target and selector, an
   * interpretation, an extraction activity), named by a hash of its content, so extracting the same
   * thing again mints the same IRI.
   *
   * @param kind what the resource is, one path segment ("fact", "grounding", ...)
   * @param contentHash a hash of everything that identifies the resource, hex
   */
  public static Node extracted(String kind, String contentHash) {
    return NodeFactory.createURI(Noema.ID + slug(kind) + "/" + encode(contentHash));
  }

  /** The named graph holding one conversation's dialogue layer. */
  public static Node conversationGraph(String conversationId) {
    return NodeFactory.createURI(CONVERSATION_GRAPH + encode(conversationId));
  }

  /**
   * Prefix shared by every extraction graph of one conversation, so they can be found and removed
   * together.
   */
  public static String extractionGraphPrefix(String conversationId) {
    return Noema.GRAPH + "extraction/" + encode(conversationId) + "/";
  }

  /** The named graph holding what one extractor extracted from one turn. */
  public static Node extractionGraph(String conversationId, int turnIndex, String extractor) {
    return NodeFactory.createURI(
        extractionGraphPrefix(conversationId) + "turn/" + turnIndex + "/" + slug(extractor));
  }

  /**
   * What the name of an extraction graph says.
   *
   * @param conversationId the conversation, decoded
   * @param turnIndex the turn's index in it
   * @param extractor the extractor, as its name appears in graph names
   */
  public record ExtractionGraphName(String conversationId, int turnIndex, String extractor) {}

  /**
   * The conversation, turn and extractor an extraction graph's name holds ({@link
   * #extractionGraph}), or empty when {@code graph} is not an extraction graph.
   */
  public static Optional<ExtractionGraphName> extractionGraphName(Node graph) {
    Matcher m = EXTRACTION_GRAPH.matcher(graph.isURI() ? graph.getURI() : "");
    return m.matches()
        ? Optional.of(
            new ExtractionGraphName(
                URLDecoder.decode(m.group(1), StandardCharsets.UTF_8),
                Integer.parseInt(m.group(2)),
                m.group(3)))
        : Optional.empty();
  }

  /** A graph of derived measures (centrality, clusters) written by an analysis. */
  public static Node derivedGraph(String name) {
    return NodeFactory.createURI(Noema.GRAPH + "derived/" + slug(name));
  }

  /**
   * The conversation id a dialogue graph's name holds, or empty when {@code graph} is not a
   * dialogue graph.
   */
  public static Optional<String> conversationId(Node graph) {
    String iri = graph.isURI() ? graph.getURI() : "";
    return iri.startsWith(CONVERSATION_GRAPH)
        ? Optional.of(
            URLDecoder.decode(iri.substring(CONVERSATION_GRAPH.length()), StandardCharsets.UTF_8))
        : Optional.empty();
  }

  /** The conversation a turn IRI ({@link #turn}) belongs to, or empty for any other IRI. */
  public static Optional<Node> conversationOfTurn(Node turn) {
    String iri = turn.isURI() ? turn.getURI() : "";
    String base = Noema.ID + "conversation/";
    int cut = iri.indexOf("/turn/", base.length());
    return iri.startsWith(base) && cut > base.length()
        ? Optional.of(NodeFactory.createURI(iri.substring(0, cut)))
        : Optional.empty();
  }

  /** The part of an IRI after its last '#' or '/' (the whole IRI when nothing follows them). */
  public static String localName(String iri) {
    int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
    return cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
  }

  /** Percent-encodes an id for use as one IRI path segment. */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  // Compiled once: slugs are made for every graph and agent IRI of an extraction.
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");

  /**
   * A readable IRI segment: accents removed, lower case, runs of anything but letters and digits
   * turned into one hyphen. Letters of any script are kept (a Russian label gives a Russian slug),
   * then percent-encoded.
   */
  public static String slug(String label) {
    String folded = MARKS.matcher(Normalizer.normalize(label, Normalizer.Form.NFKD)).replaceAll("");
    String slug =
        EDGE_DASHES
            .matcher(NOT_LETTER_OR_DIGIT.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("-"))
            .replaceAll("");
    return encode(slug.isEmpty() ? "x" : slug);
  }
}
