package dev.noema.conversation.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.noema.conversation.Attachment;
import dev.noema.conversation.Conversation;
import dev.noema.conversation.ConversationFormat;
import dev.noema.conversation.ConversationSink;
import dev.noema.conversation.LogSource;
import dev.noema.conversation.ReadOptions;
import dev.noema.conversation.Role;
import dev.noema.conversation.Turn;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Google Gemini's activity from Google Takeout (My Activity, Gemini Apps, as JSON): {@code My
 * Activity.json}, a list of {@code {header, title, time, products, safeHtmlItem: [{html}],
 * subtitles, imageFile}}, newest first. Takeout keeps no conversations: each entry is one prompt
 * ({@code title}, after "Prompted ") and the answer to it ({@code safeHtmlItem}, HTML).
 *
 * <p>So each prompt with an answer becomes one conversation of two turns, with id {@code gemini-}
 * and the entry's time (stable across exports), the prompt's first line as title, and the entry's
 * time on both turns; the answer's HTML is read back to Markdown ({@link HtmlText}). When an answer
 * was regenerated the entry holds several: the last is taken as the answer shown, the others are
 * alternatives ({@link ReadOptions#allBranches()}). Files the prompt attached ({@code imageFile},
 * {@code attachedFiles}, "Attached" subtitles) become attachments of the prompt. Entries that are
 * no exchange (feedback, a chosen draft, a canvas created without an answer) are left out. Streams:
 * one entry in memory at a time.
 */
public final class GeminiActivityFormat implements ConversationFormat {
  private static final String PROMPTED = "Prompted ";
  private static final Pattern GEMINI_HEADER = Pattern.compile("\"(?:Gemini Apps|Bard)\"");
  private static final int TITLE_LENGTH = 80;

  private final JsonExportReader reader = new JsonExportReader();

  @Override
  public String name() {
    return "gemini-activity-json";
  }

  @Override
  public String description() {
    return "Google Gemini activity from Takeout (My Activity.json, Gemini Apps): each prompt and"
        + " its answer as a conversation of two turns; recognised by \"header\", \"title\" and"
        + " \"time\" entries of Gemini Apps (or Bard).";
  }

  @Override
  public String example() {
    return """
        [{"header": "Gemini Apps",
          "title": "Prompted What is a haiku?",
          "time": "2026-02-02T07:24:02.806Z",
          "products": ["Gemini Apps"],
          "activityControls": ["Gemini Apps Activity"],
          "safeHtmlItem": [{"html": "<p>A <strong>haiku</strong> is a poem of three lines.</p>"}]}]
        """;
  }

  @Override
  public boolean recognises(String head) {
    JsonHead json = JsonHead.of(head);
    return json.shape() == JsonHead.Shape.ARRAY
        && json.has("header")
        && json.has("title")
        && json.has("time")
        && GEMINI_HEADER.matcher(head).find();
  }

  @Override
  public void read(LogSource source, ReadOptions options, ConversationSink sink)
      throws IOException {
    reader.read(source, json -> convert(json, source, options), sink);
  }

  private List<Conversation> convert(JsonNode entry, LogSource source, ReadOptions options)
      throws UnreadableConversation {
    String title = ExportValues.text(entry, "title");
    String timeText = ExportValues.text(entry, "time");
    if (title == null || timeText == null) {
      throw new UnreadableConversation("an activity entry without \"title\" or \"time\"");
    }
    List<String> answers = new ArrayList<>();
    for (JsonNode item : entry.path("safeHtmlItem")) {
      String text = HtmlText.toText(ExportValues.text(item, "html"));
      if (!text.isBlank()) {
        answers.add(text);
      }
    }
    if (answers.isEmpty()) {
      return List.of();
    }
    // Takeout in another language writes another verb; the title is then the prompt as it is.
    String prompt =
        title.startsWith(PROMPTED) ? title.substring(PROMPTED.length()).strip() : title.strip();
    Instant time = ExportValues.iso(entry, "time");
    String id = "gemini-" + timeText;
    List<Turn> turns = new ArrayList<>();
    turns.add(
        new Turn(
            0, id + "#prompt", Role.USER, "User", null, time, prompt, attachments(entry), null));
    String shown = answers.get(answers.size() - 1);
    String answerId = id + "#answer-" + (answers.size() - 1);
    turns.add(new Turn(1, answerId, Role.ASSISTANT, "Gemini", null, time, shown, List.of(), null));
    if (options.allBranches()) {
      for (int i = 0; i < answers.size() - 1; i++) {
        turns.add(
            new Turn(
                1,
                id + "#answer-" + i,
                Role.ASSISTANT,
                "Gemini",
                null,
                time,
                answers.get(i),
                List.of(),
                answerId));
      }
    }
    return List.of(
        new Conversation(
            id, titleOf(prompt), "gemini", name(), source.name(), time, time, turns, List.of()));
  }

  private static String titleOf(String prompt) {
    String line = prompt.lines().findFirst().orElse("").strip();
    return line.length() <= TITLE_LENGTH ? line : line.substring(0, TITLE_LENGTH - 1) + "…";
  }

  private static List<Attachment> attachments(JsonNode entry) {
    List<Attachment> attachments = new ArrayList<>();
    String image = ExportValues.text(entry, "imageFile");
    if (image != null) {
      attachments.add(new Attachment(image, null, null));
    }
    for (JsonNode file : entry.path("attachedFiles")) {
      String name = file.isTextual() ? file.asText() : ExportValues.text(file, "name");
      if (name != null && attachments.stream().noneMatch(a -> a.name().equals(name))) {
        attachments.add(new Attachment(name, null, null));
      }
    }
    return attachments;
  }
}
