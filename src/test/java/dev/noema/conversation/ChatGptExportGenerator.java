package dev.noema.conversation;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a synthetic ChatGPT export ({@code conversations.json}) of a chosen size, streaming with
 * Jackson's {@link JsonGenerator} so that any size fits in little memory. Deterministic: the same
 * settings write the same bytes.
 *
 * <p>Each conversation is a tree like a real export's: a root without a message, a hidden system
 * message, then alternating user and assistant messages on the active branch ({@code current_node}
 * is its last message). With {@code branchProbability} an assistant message gets a regenerated
 * sibling (a leaf beside it); with {@code multimodalProbability} a user message is {@code
 * multimodal_text} with an image asset pointer before its text. Timestamps jitter, so they are not
 * monotonic along the branch. Not thread-safe.
 */
public final class ChatGptExportGenerator {
  private static final String[] WORDS = {
    "meaning", "model", "graph", "loop", "feedback", "concept", "inverse", "theory", "network",
        "signal", "memory",
    "language", "structure", "neuron", "cause", "effect", "prompt", "answer", "question",
        "topology", "the", "of",
    "and", "a", "is", "that", "in", "we", "it", "not"
  };

  /**
   * What to generate.
   *
   * @param conversations how many conversations
   * @param turnsPerConversation active-branch messages per conversation (user and assistant
   *     alternating, user first)
   * @param wordsPerTurn words in each message's text
   * @param branchProbability chance that an assistant message has a regenerated alternative
   * @param multimodalProbability chance that a user message carries an image part
   * @param seed the random seed
   */
  public record Settings(
      int conversations,
      int turnsPerConversation,
      int wordsPerTurn,
      double branchProbability,
      double multimodalProbability,
      long seed) {}

  /**
   * What was generated, for checking a reader's counts.
   *
   * @param activeTurns visible active-branch messages over all conversations
   * @param alternatives regenerated alternatives over all conversations
   * @param imageParts image asset pointers over all conversations
   * @param bytes the file size
   */
  public record Totals(
      long conversations, long activeTurns, long alternatives, long imageParts, long bytes) {}

  private final Settings settings;
  private final Random random;

  public ChatGptExportGenerator(Settings settings) {
    if (settings.conversations() < 0
        || settings.turnsPerConversation() < 1
        || settings.wordsPerTurn() < 1) {
      throw new IllegalArgumentException(
          "need conversations >= 0, turns >= 1, words >= 1: " + settings);
    }
    this.settings = settings;
    this.random = new Random(settings.seed());
  }

  /** Writes the export to {@code file}, replacing it. */
  public Totals writeTo(Path file) throws IOException {
    long active = 0;
    long alternatives = 0;
    long images = 0;
    try (JsonGenerator json =
        new JsonFactory().createGenerator(Files.newOutputStream(file), JsonEncoding.UTF8)) {
      json.writeStartArray();
      for (int c = 0; c < settings.conversations(); c++) {
        long[] counts = conversation(json, c);
        active += settings.turnsPerConversation();
        alternatives += counts[0];
        images += counts[1];
      }
      json.writeEndArray();
    }
    return new Totals(settings.conversations(), active, alternatives, images, Files.size(file));
  }

  /**
   * @return {alternatives, image parts} of this conversation
   */
  private long[] conversation(JsonGenerator json, int c) throws IOException {
    double start = 1_700_000_000d + c * 3_600d;
    String id = String.format("conv-%08d", c);
    json.writeStartObject();
    json.writeStringField("title", "Conversation " + c + " about " + word() + " " + word());
    json.writeNumberField("create_time", start);
    json.writeNumberField("update_time", start + settings.turnsPerConversation() * 60d);
    json.writeObjectFieldStart("mapping");
    node(json, id + "-root", null, List.of(id + "-sys"));
    json.writeNullField("message");
    json.writeEndObject();
    List<String> firstChildren = List.of(id + "-0");
    node(json, id + "-sys", id + "-root", firstChildren);
    message(json, id + "-sys", "system", start, "You are ChatGPT.", null, true, false);
    json.writeEndObject();
    long alternatives = 0;
    long images = 0;
    String parent = id + "-sys";
    for (int t = 0; t < settings.turnsPerConversation(); t++) {
      String nodeId = id + "-" + t;
      boolean user = t % 2 == 0;
      boolean last = t + 1 == settings.turnsPerConversation();
      List<String> children = new ArrayList<>();
      if (!last) {
        children.add(id + "-" + (t + 1));
      }
      // A regenerated answer sits beside the next assistant message: a child of this user message.
      boolean branch = user && !last && random.nextDouble() < settings.branchProbability();
      if (branch) {
        children.add(0, nodeId + "-alt");
      }
      node(json, nodeId, parent, children);
      boolean image = user && random.nextDouble() < settings.multimodalProbability();
      // Jitter of up to a minute backwards: real exports are not monotonic either.
      double time = start + t * 30d - random.nextInt(60);
      message(
          json,
          nodeId,
          user ? "user" : "assistant",
          time,
          text(),
          user ? null : "gpt-4o",
          false,
          image);
      json.writeEndObject();
      if (branch) {
        node(json, nodeId + "-alt", nodeId, List.of());
        message(json, nodeId + "-alt", "assistant", time + 1, text(), "gpt-4o-mini", false, false);
        json.writeEndObject();
        alternatives++;
      }
      images += image ? 1 : 0;
      parent = nodeId;
    }
    json.writeEndObject();
    json.writeStringField("current_node", parent);
    json.writeStringField("conversation_id", id);
    json.writeStringField("id", id);
    json.writeEndObject();
    return new long[] {alternatives, images};
  }

  /** Opens a mapping node, leaving it open for its message. */
  private static void node(JsonGenerator json, String id, String parent, List<String> children)
      throws IOException {
    json.writeObjectFieldStart(id);
    json.writeStringField("id", id);
    if (parent == null) {
      json.writeNullField("parent");
    } else {
      json.writeStringField("parent", parent);
    }
    json.writeArrayFieldStart("children");
    for (String child : children) {
      json.writeString(child);
    }
    json.writeEndArray();
  }

  private void message(
      JsonGenerator json,
      String id,
      String role,
      double time,
      String text,
      String model,
      boolean hidden,
      boolean image)
      throws IOException {
    json.writeObjectFieldStart("message");
    json.writeStringField("id", id);
    json.writeObjectFieldStart("author");
    json.writeStringField("role", role);
    json.writeNullField("name");
    json.writeEndObject();
    json.writeNumberField("create_time", time);
    json.writeObjectFieldStart("content");
    json.writeStringField("content_type", image ? "multimodal_text" : "text");
    json.writeArrayFieldStart("parts");
    if (image) {
      json.writeStartObject();
      json.writeStringField("content_type", "image_asset_pointer");
      json.writeStringField(
          "asset_pointer", "file-service://file-" + Long.toHexString(random.nextLong()));
      json.writeNumberField("width", 512);
      json.writeNumberField("height", 512);
      json.writeEndObject();
    }
    json.writeString(text);
    json.writeEndArray();
    json.writeEndObject();
    json.writeStringField("status", "finished_successfully");
    json.writeObjectFieldStart("metadata");
    if (model != null) {
      json.writeStringField("model_slug", model);
    }
    if (hidden) {
      json.writeBooleanField("is_visually_hidden_from_conversation", true);
    }
    json.writeEndObject();
    json.writeStringField("recipient", "all");
    json.writeEndObject();
  }

  private String text() {
    StringBuilder text = new StringBuilder();
    for (int w = 0; w < settings.wordsPerTurn(); w++) {
      text.append(w == 0 ? "" : " ").append(word());
    }
    return text.append('.').toString();
  }

  private String word() {
    return WORDS[random.nextInt(WORDS.length)];
  }

  /**
   * {@code ChatGptExportGenerator <file> <conversations> <turns> <words> [branch] [multimodal]
   * [seed]}.
   */
  public static void main(String[] args) throws IOException {
    Settings settings =
        new Settings(
            Integer.parseInt(args[1]),
            Integer.parseInt(args[2]),
            Integer.parseInt(args[3]),
            args.length > 4 ? Double.parseDouble(args[4]) : 0.1,
            args.length > 5 ? Double.parseDouble(args[5]) : 0.05,
            args.length > 6 ? Long.parseLong(args[6]) : 1L);
    System.out.println(new ChatGptExportGenerator(settings).writeTo(Path.of(args[0])));
  }
}
