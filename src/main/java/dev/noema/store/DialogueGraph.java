package dev.noema.store;

import dev.noema.conversation.Attachment;
import dev.noema.conversation.Conversation;
import dev.noema.conversation.Role;
import dev.noema.conversation.TextRepair;
import dev.noema.conversation.Turn;
import dev.noema.ontology.Iris;
import dev.noema.ontology.Noema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The dialogue layer of one conversation as RDF: the conversation, its source file, its turns in
 * order (with {@code nextTurn} links), who spoke each, attachments and repairs. Deterministic: the
 * same conversation always gives the same triples, so its {@link #contentHash} identifies it.
 */
public final class DialogueGraph {
  private DialogueGraph() {}

  /** The triples of {@code conversation}'s dialogue graph. */
  public static List<Triple> triples(Conversation conversation) {
    List<Triple> out = new ArrayList<>(conversation.turns().size() * 10 + 16);
    Node conv = Iris.conversation(conversation.id());
    Node source = Iris.sourceFile(conversation.source());
    add(out, conv, RDF.type.asNode(), Noema.Conversation);
    add(out, conv, Noema.conversationId, literal(conversation.id()));
    add(out, conv, DCTerms.title.asNode(), literal(conversation.title()));
    add(out, conv, Noema.provider, literal(conversation.provider()));
    add(out, conv, DCTerms.created.asNode(), time(conversation.created()));
    add(out, conv, DCTerms.modified.asNode(), time(conversation.updated()));
    add(out, conv, Noema.importedFrom, source);
    add(out, source, RDF.type.asNode(), Noema.SourceFile);
    add(out, source, Noema.path, literal(conversation.source()));
    add(out, source, Noema.sourceFormat, literal(conversation.format()));
    switch (conversation.kind()) {
      case MEMORY -> {
        add(out, conv, RDF.type.asNode(), Noema.Memory);
        add(out, conv, Noema.memoryOf, humanParticipant(out));
      }
      case PROJECT -> add(out, conv, RDF.type.asNode(), Noema.Project);
      case DIALOGUE -> {}
    }
    if (conversation.project() != null) {
      add(out, conv, Noema.inProject, Iris.conversation(conversation.project()));
    }
    for (TextRepair repair : conversation.repairs()) {
      add(
          out,
          conv,
          Noema.repairedEncoding,
          literal(repair.field() + ": " + String.join(" > ", repair.layers())));
    }
    Map<Integer, Node> activeByIndex = new HashMap<>();
    Map<String, Node> activeByMessageId = new HashMap<>();
    for (Turn turn : conversation.turns()) {
      if (turn.alternativeOf() == null) {
        Node node = Iris.turn(conversation.id(), turn.index());
        activeByIndex.put(turn.index(), node);
        if (turn.messageId() != null) {
          activeByMessageId.put(turn.messageId(), node);
        }
      }
    }
    for (Turn turn : conversation.turns()) {
      Node node =
          turn.alternativeOf() == null
              ? activeByIndex.get(turn.index())
              : Iris.turn(
                  conversation.id(),
                  turn.index(),
                  turn.messageId() != null ? turn.messageId() : "alt");
      Node participant = participant(out, turn);
      add(out, conv, Noema.hasTurn, node);
      add(out, node, RDF.type.asNode(), Noema.Turn);
      add(out, node, Noema.inConversation, conv);
      add(
          out,
          node,
          Noema.turnIndex,
          NodeFactory.createLiteralDT(Integer.toString(turn.index()), XSDDatatype.XSDinteger));
      add(out, node, Noema.text, literal(turn.text()));
      add(out, node, Noema.messageId, literal(turn.messageId()));
      add(out, node, Noema.timestamp, time(turn.time()));
      add(out, node, Noema.speakerName, literal(turn.speaker()));
      add(out, node, Noema.modelName, literal(turn.model()));
      add(out, node, Noema.spokenBy, participant);
      if (turn.alternativeOf() == null) {
        add(out, node, Noema.nextTurn, activeByIndex.get(turn.index() + 1));
      } else {
        add(out, node, Noema.alternativeOf, activeByMessageId.get(turn.alternativeOf()));
      }
      int n = 0;
      for (Attachment attachment : turn.attachments()) {
        Node a = NodeFactory.createURI(node.getURI() + "/attachment/" + n++);
        add(out, node, Noema.hasAttachment, a);
        add(out, a, RDF.type.asNode(), Noema.Attachment);
        add(out, a, RDFS.label.asNode(), literal(attachment.name()));
        add(out, a, Noema.mediaType, literal(attachment.mediaType()));
        add(out, a, Noema.content, literal(attachment.content()));
      }
    }
    return out;
  }

  /** The human user, as every conversation's user turns name them. */
  private static Node humanParticipant(List<Triple> out) {
    Node user = Iris.participant("user", null);
    add(out, user, RDF.type.asNode(), Noema.HumanParticipant);
    add(out, user, Noema.participantRole, literal("user"));
    add(out, user, RDFS.label.asNode(), literal("User"));
    return user;
  }

  private static Node participant(List<Triple> out, Turn turn) {
    String role = turn.role().name().toLowerCase(Locale.ROOT);
    String name = turn.participantName();
    Node participant = Iris.participant(role, name);
    Node type =
        switch (turn.role()) {
          case USER -> Noema.HumanParticipant;
          case ASSISTANT -> Noema.AIAssistant;
          case SYSTEM, TOOL -> Noema.SystemParticipant;
        };
    add(out, participant, RDF.type.asNode(), type);
    add(out, participant, Noema.participantRole, literal(role));
    add(out, participant, RDFS.label.asNode(), literal(turn.role() == Role.USER ? "User" : name));
    add(out, participant, Noema.modelName, literal(turn.model()));
    return participant;
  }

  /**
   * SHA-256 over everything the dialogue graph is built from, plus {@code pipeline} (the extractors
   * and ontology version that will process it), so that a change to either is seen as a change.
   */
  public static String contentHash(Conversation conversation, String pipeline) {
    MessageDigest digest = DigestUtils.getSha256Digest();
    update(digest, pipeline);
    update(digest, conversation.id());
    update(digest, conversation.title());
    update(digest, conversation.provider());
    update(digest, conversation.format());
    update(digest, conversation.source());
    update(digest, String.valueOf(conversation.created()));
    update(digest, String.valueOf(conversation.updated()));
    // Dialogues in no project hash as they did before documents had kinds.
    if (conversation.kind() != Conversation.Kind.DIALOGUE || conversation.project() != null) {
      update(digest, conversation.kind() + "|" + conversation.project());
    }
    for (TextRepair r : conversation.repairs()) {
      update(digest, r.field() + r.layers());
    }
    for (Turn t : conversation.turns()) {
      update(
          digest,
          t.index()
              + "|"
              + t.messageId()
              + "|"
              + t.role()
              + "|"
              + t.speaker()
              + "|"
              + t.model()
              + "|"
              + t.time()
              + "|"
              + t.alternativeOf());
      update(digest, t.text());
      for (Attachment a : t.attachments()) {
        update(digest, a.name() + "|" + a.mediaType() + "|" + a.content());
      }
    }
    return Hex.encodeHexString(digest.digest());
  }

  private static void update(MessageDigest digest, String value) {
    byte[] bytes = (value == null ? "\u0000" : value).getBytes(StandardCharsets.UTF_8);
    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    digest.update((byte) ':');
    digest.update(bytes);
  }

  private static void add(List<Triple> out, Node s, Node p, Node o) {
    if (o != null) {
      out.add(Triple.create(s, p, o));
    }
  }

  private static Node literal(String value) {
    return value == null ? null : NodeFactory.createLiteralString(value);
  }

  private static Node time(Instant instant) {
    return instant == null
        ? null
        : NodeFactory.createLiteralDT(instant.toString(), XSDDatatype.XSDdateTime);
  }
}
