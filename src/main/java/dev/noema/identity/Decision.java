package dev.noema.identity;

import dev.noema.ontology.Iris;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.graph.Node;

/**
 * One identity decision, as its entity's identity graph records it ({@code
 * noema:IdentityDecision}).
 *
 * @param iri the decision's IRI, a hash of what it decides (so the same decision is recorded once)
 * @param verdict same, different or pending
 * @param entity the entity it is about: the one a mention resolved to, or the first of a pair
 * @param other the second entity of a pair, or null for a decision about a mention
 * @param evidence what it rests on
 * @param score how strongly the evidence says "same", 0 to 1
 * @param mention the name of the mention decided about, or null
 * @param added the names the decision gave {@code entity} that it did not have; empty when none
 * @param mentionType the class the mention was extracted as, or null
 * @param extractor the extractor of the mention, or null
 * @param used the turn the mention is in, or the conversation a decision of the user applies to;
 *     null when neither
 * @param agent who decided: {@link #RESOLVER} or {@link #USER}
 * @param time when
 */
public record Decision(
    Node iri,
    Verdict verdict,
    Node entity,
    Node other,
    Evidence evidence,
    double score,
    EntityName mention,
    List<EntityName> added,
    String mentionType,
    String extractor,
    Node used,
    Node agent,
    Instant time) {

  /** The software agent of the resolver. */
  public static final Node RESOLVER = Iris.agent("resolver");

  /** The user of Noema (the human participant of the conversations). */
  public static final Node USER = Iris.participant("user", null);

  public Decision {
    Objects.requireNonNull(iri, "decision IRI");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(entity, "decided entity");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(time, "time");
    added = added == null ? List.of() : List.copyOf(added);
  }

  /** A new decision, named by a hash of what it decides. */
  static Decision of(
      Verdict verdict,
      Node entity,
      Node other,
      Evidence evidence,
      double score,
      EntityName mention,
      List<EntityName> added,
      String mentionType,
      String extractor,
      Node used,
      Node agent,
      Instant time) {
    String hash =
        sha256(
            verdict.id(),
            entity.getURI(),
            other == null ? null : other.getURI(),
            mention == null ? null : mention.toString(),
            used == null ? null : used.getURI(),
            agent.getURI());
    return new Decision(
        Iris.extracted("identity-decision", hash),
        verdict,
        entity,
        other,
        evidence,
        score,
        mention,
        added,
        mentionType,
        extractor,
        used,
        agent,
        time);
  }

  /** A short id for the command line and the web page: the start of the IRI's hash. */
  public String id() {
    String hash = Iris.localName(iri.getURI());
    return hash.length() > ID_LENGTH ? hash.substring(0, ID_LENGTH) : hash;
  }

  /** Whether the user took this decision. */
  public boolean byUser() {
    return agent.equals(USER);
  }

  /** This decision with another entity as {@link #entity} (after that entity was merged away). */
  Decision withEntities(Node newEntity, Node newOther) {
    return new Decision(
        iri,
        verdict,
        newEntity,
        newOther,
        evidence,
        score,
        mention,
        added,
        mentionType,
        extractor,
        used,
        agent,
        time);
  }

  private static final int ID_LENGTH = 10;

  /** SHA-256 over the parts, each followed by a separator no text contains. */
  static String sha256(String... parts) {
    MessageDigest digest = DigestUtils.getSha256Digest();
    for (String part : parts) {
      DigestUtils.updateDigest(digest, Objects.toString(part, "\u0000null"));
      digest.update((byte) 0x1f);
    }
    return Hex.encodeHexString(digest.digest());
  }
}
