package dev.noema.conversation.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.noema.conversation.Turn;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A conversation stored as a tree of messages with parent links (ChatGPT, DeepSeek, Open WebUI):
 * finds the active branch and the alternative branches beside it, and numbers their turns. Not
 * thread-safe; one per conversation.
 */
final class MessageTree {
  /**
   * One node as the export stores it.
   *
   * @param parent the parent's id, or null for a root
   * @param children the children's ids in the export's order (oldest alternative first)
   */
  record Node(String id, String parent, List<String> children) {
    Node {
      children = children == null ? List.of() : List.copyOf(children);
    }
  }

  private final Map<String, Node> nodes;

  /**
   * @param nodes the nodes in the export's order
   */
  MessageTree(List<Node> nodes) {
    Map<String, Node> byId = new LinkedHashMap<>();
    for (Node node : nodes) {
      byId.put(node.id(), node);
    }
    this.nodes = byId;
  }

  /**
   * The turns of a conversation stored as a {@code mapping} of node id to {@code {id, parent,
   * children, message}} (ChatGPT, DeepSeek), in the order of {@link #turns}: the active branch ends
   * at {@code current_node} when the conversation records one, else it follows the newest child
   * from the root.
   *
   * @param turnsOf the turns a node yields from its id and its {@code message} object (null when
   *     the node has none)
   * @throws UnreadableConversation when there is no {@code mapping} object, {@code current_node} is
   *     not a node, or the links form a cycle
   */
  static List<Turn> mappingTurns(
      JsonNode conversation, boolean allBranches, BiFunction<String, JsonNode, List<Turn>> turnsOf)
      throws UnreadableConversation {
    JsonNode mapping = conversation.get("mapping");
    if (mapping == null || !mapping.isObject()) {
      throw new UnreadableConversation("no \"mapping\" of messages");
    }
    List<Node> nodes = new ArrayList<>();
    Map<String, JsonNode> messages = new HashMap<>();
    for (Map.Entry<String, JsonNode> entry : mapping.properties()) {
      JsonNode node = entry.getValue();
      String id = ExportValues.text(node, "id", entry.getKey());
      List<String> children = new ArrayList<>();
      node.path("children").forEach(child -> children.add(child.asText()));
      nodes.add(new Node(id, ExportValues.text(node, "parent"), children));
      if (node.path("message").isObject()) {
        messages.put(id, node.get("message"));
      }
    }
    MessageTree tree = new MessageTree(nodes);
    String current = ExportValues.text(conversation, "current_node");
    List<String> active =
        current == null ? tree.lastChildPath() : tree.pathTo(current, "current_node");
    return tree.turns(active, allBranches, id -> turnsOf.apply(id, messages.get(id)));
  }

  boolean contains(String id) {
    return nodes.containsKey(id);
  }

  /**
   * The active branch ending at {@code leaf}, root first: walks the parent links up and reverses
   * them. A parent id that is not in the tree ends the walk (that node is taken as the root).
   *
   * @throws UnreadableConversation when {@code leaf} is not a node or the parent links form a cycle
   */
  List<String> pathTo(String leaf, String leafField) throws UnreadableConversation {
    if (!nodes.containsKey(leaf)) {
      throw new UnreadableConversation(
          leafField + " \"" + leaf + "\" is not a message of the conversation");
    }
    List<String> path = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String id = leaf; id != null && nodes.containsKey(id); id = nodes.get(id).parent()) {
      if (!seen.add(id)) {
        throw new UnreadableConversation(
            "the parent links form a cycle through message \"" + id + "\"");
      }
      path.add(id);
    }
    Collections.reverse(path);
    return path;
  }

  /**
   * The branch a viewer lands on without a recorded current message: from the first root, always
   * the last (newest) child. Empty when the tree has no root.
   *
   * @throws UnreadableConversation when the child links form a cycle
   */
  List<String> lastChildPath() throws UnreadableConversation {
    String root = null;
    for (Node node : nodes.values()) {
      if (node.parent() == null || !nodes.containsKey(node.parent())) {
        root = node.id();
        break;
      }
    }
    List<String> path = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String id = root; id != null; id = lastKnownChild(nodes.get(id))) {
      if (!seen.add(id)) {
        throw new UnreadableConversation(
            "the child links form a cycle through message \"" + id + "\"");
      }
      path.add(id);
    }
    return path;
  }

  private String lastKnownChild(Node node) {
    List<String> children = node.children();
    for (int i = children.size() - 1; i >= 0; i--) {
      if (nodes.containsKey(children.get(i))) {
        return children.get(i);
      }
    }
    return null;
  }

  /**
   * The turns of the active branch in order, then (when {@code allBranches}) those of every
   * alternative branch: branches are visited along the active path, their subtrees depth-first in
   * the export's child order. Active turns are numbered from 0; an alternative turn takes the index
   * and the {@link Turn#alternativeOf()} of the first active turn at or after the point where its
   * branch leaves the active path (alternatives with no such turn are dropped).
   *
   * @param turnsOf the turns a node yields, index 0 and not yet linked; empty for a skipped node
   */
  List<Turn> turns(
      List<String> activePath, boolean allBranches, Function<String, List<Turn>> turnsOf) {
    List<Turn> turns = new ArrayList<>();
    // For each position on the active path, the first active turn at or after it: what an
    // alternative stands beside.
    Turn[] besideAt = new Turn[activePath.size()];
    List<Integer> pending = new ArrayList<>();
    for (int i = 0; i < activePath.size(); i++) {
      pending.add(i);
      for (Turn turn : turnsOf.apply(activePath.get(i))) {
        Turn numbered = renumber(turn, turns.size(), null);
        turns.add(numbered);
        for (int position : pending) {
          besideAt[position] = numbered;
        }
        pending.clear();
      }
    }
    if (!allBranches) {
      return turns;
    }
    Set<String> visited = new HashSet<>(activePath);
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < activePath.size(); i++) {
      positions.put(activePath.get(i), i);
    }
    for (int i = 0; i + 1 < activePath.size(); i++) {
      Turn beside = besideAt[i + 1];
      if (beside == null) {
        continue;
      }
      for (String child : nodes.get(activePath.get(i)).children()) {
        if (positions.containsKey(child)) {
          continue;
        }
        for (String id : subtree(child, visited)) {
          for (Turn turn : turnsOf.apply(id)) {
            turns.add(renumber(turn, beside.index(), beside.messageId()));
          }
        }
      }
    }
    return turns;
  }

  /**
   * The subtree under {@code top} in depth-first pre-order, skipping nodes already visited (so
   * cycles end).
   */
  private List<String> subtree(String top, Set<String> visited) {
    List<String> order = new ArrayList<>();
    Deque<String> stack = new ArrayDeque<>();
    stack.push(top);
    while (!stack.isEmpty()) {
      String id = stack.pop();
      Node node = nodes.get(id);
      if (node == null || !visited.add(id)) {
        continue;
      }
      order.add(id);
      List<String> children = node.children();
      for (int c = children.size() - 1; c >= 0; c--) {
        stack.push(children.get(c));
      }
    }
    return order;
  }

  private static Turn renumber(Turn turn, int index, String alternativeOf) {
    return new Turn(
        index,
        turn.messageId(),
        turn.role(),
        turn.speaker(),
        turn.model(),
        turn.time(),
        turn.text(),
        turn.attachments(),
        alternativeOf);
  }
}
