package dev.noema.store;

import dev.noema.conversation.Attachment;
import dev.noema.conversation.Conversation;
import dev.noema.conversation.Role;
import dev.noema.conversation.TextRepair;
import dev.noema.conversation.Turn;
import dev.noema.ontology.Iris;
import dev.noema.ontology.Noema;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The inverse of {@link DialogueGraph#triples}: a conversation read back from its dialogue graph,
 * so that extraction can be re-run on what the store holds. {@code
 * DialogueGraph.triples(DialogueReader.read(DialogueGraph.triples(c)))} gives the same triples.
 * Alternatives come after the active branch, ordered by index and message id. Stateless.
 */
public final class DialogueReader {
  private DialogueReader() {}

  /**
   * Reads the conversation described by {@code triples} (one conversation's dialogue graph).
   *
   * @return empty when the triples describe no {@code noema:Conversation}
   * @throws StoreException naming the conversation when a required value (id, source, format) is
   *     missing
   */
  public static Optional<Conversation> read(Collection<Triple> triples) {
    Map<Node, Map<Node, List<Node>>> bySubject = new HashMap<>();
    Node conversation = null;
    for (Triple t : triples) {
      bySubject
          .computeIfAbsent(t.getSubject(), s -> new HashMap<>())
          .computeIfAbsent(t.getPredicate(), p -> new ArrayList<>())
          .add(t.getObject());
      if (t.getPredicate().equals(RDF.Nodes.type) && t.getObject().equals(Noema.Conversation)) {
        conversation = t.getSubject();
      }
    }
    if (conversation == null) {
      return Optional.empty();
    }
    Subjects s = new Subjects(bySubject);
    String id = s.text(conversation, Noema.conversationId);
    Node source = s.node(conversation, Noema.importedFrom);
    String path = source == null ? null : s.text(source, Noema.path);
    String format = source == null ? null : s.text(source, Noema.sourceFormat);
    if (id == null || path == null || format == null) {
      throw new StoreException(
          "conversation graph of "
              + conversation.getURI()
              + " lacks its id, source path or source format");
    }
    List<TextRepair> repairs = new ArrayList<>();
    for (String line : s.texts(conversation, Noema.repairedEncoding)) {
      int colon = line.indexOf(": ");
      repairs.add(
          colon < 0
              ? new TextRepair(line, List.of())
              : new TextRepair(
                  line.substring(0, colon), Arrays.asList(line.substring(colon + 2).split(" > "))));
    }
    List<Node> turnNodes = new ArrayList<>(s.nodes(conversation, Noema.hasTurn));
    turnNodes.sort(
        Comparator.comparing((Node n) -> s.node(n, Noema.alternativeOf) != null)
            .thenComparingInt(n -> Integer.parseInt(s.text(n, Noema.turnIndex)))
            .thenComparing(n -> String.valueOf(s.text(n, Noema.messageId))));
    List<Turn> turns = new ArrayList<>();
    for (Node n : turnNodes) {
      Node participant = s.node(n, Noema.spokenBy);
      String role = participant == null ? null : s.text(participant, Noema.participantRole);
      Node alternativeOf = s.node(n, Noema.alternativeOf);
      List<Node> attachmentNodes = new ArrayList<>(s.nodes(n, Noema.hasAttachment));
      attachmentNodes.sort(
          Comparator.comparingInt(
              a -> Integer.parseInt(a.getURI().substring(a.getURI().lastIndexOf('/') + 1))));
      List<Attachment> attachments = new ArrayList<>();
      for (Node a : attachmentNodes) {
        attachments.add(
            new Attachment(
                s.text(a, RDFS.Nodes.label), s.text(a, Noema.mediaType), s.text(a, Noema.content)));
      }
      turns.add(
          new Turn(
              Integer.parseInt(s.text(n, Noema.turnIndex)),
              s.text(n, Noema.messageId),
              role == null ? Role.USER : Role.valueOf(role.toUpperCase(Locale.ROOT)),
              s.text(n, Noema.speakerName),
              s.text(n, Noema.modelName),
              s.time(n, Noema.timestamp),
              s.text(n, Noema.text),
              attachments,
              alternativeOf == null ? null : s.text(alternativeOf, Noema.messageId)));
    }
    return Optional.of(
        new Conversation(
            id,
            s.text(conversation, DCTerms.title.asNode()),
            s.text(conversation, Noema.provider),
            format,
            path,
            s.time(conversation, DCTerms.created.asNode()),
            s.time(conversation, DCTerms.modified.asNode()),
            turns,
            repairs,
            kind(bySubject, conversation),
            project(s.node(conversation, Noema.inProject))));
  }

  private static Conversation.Kind kind(Map<Node, Map<Node, List<Node>>> bySubject, Node conv) {
    List<Node> types = bySubject.get(conv).getOrDefault(RDF.Nodes.type, List.of());
    return types.contains(Noema.Memory)
        ? Conversation.Kind.MEMORY
        : types.contains(Noema.Project) ? Conversation.Kind.PROJECT : Conversation.Kind.DIALOGUE;
  }

  /** The conversation id a project resource's IRI holds (its last, percent-encoded segment). */
  private static String project(Node project) {
    return project == null
        ? null
        : URLDecoder.decode(Iris.localName(project.getURI()), StandardCharsets.UTF_8);
  }

  /** Triples grouped by subject and predicate. */
  private record Subjects(Map<Node, Map<Node, List<Node>>> bySubject) {
    List<Node> nodes(Node subject, Node predicate) {
      return bySubject.getOrDefault(subject, Map.of()).getOrDefault(predicate, List.of());
    }

    Node node(Node subject, Node predicate) {
      List<Node> found = nodes(subject, predicate);
      return found.isEmpty() ? null : found.get(0);
    }

    String text(Node subject, Node predicate) {
      Node n = node(subject, predicate);
      return n == null || !n.isLiteral() ? null : n.getLiteralLexicalForm();
    }

    List<String> texts(Node subject, Node predicate) {
      return nodes(subject, predicate).stream()
          .filter(Node::isLiteral)
          .map(Node::getLiteralLexicalForm)
          .sorted()
          .toList();
    }

    Instant time(Node subject, Node predicate) {
      String v = text(subject, predicate);
      return v == null ? null : Instant.parse(v);
    }
  }
}
