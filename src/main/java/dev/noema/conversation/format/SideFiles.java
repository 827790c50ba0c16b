package dev.noema.conversation.format;

import dev.noema.conversation.format.ConversationFormats.KnownFile;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The files that exports carry beside their conversations, recognised by content so that an
 * unpacked export folder imports without a failure for each: passed over quietly when they hold no
 * dialogue, refused with a hint when they hold dialogue in a shape Noema does not read.
 */
final class SideFiles {
  private static final Pattern EMPTY_JSON_LIST = Pattern.compile("\\A\\s*\\[\\s*]\\s*\\z");
  private static final Pattern HTML_START =
      Pattern.compile("\\A\\s*(?:<!DOCTYPE html|<html)", Pattern.CASE_INSENSITIVE);

  private SideFiles() {}

  static List<KnownFile> standard() {
    return List.of(
        passedOver(
            head -> EMPTY_JSON_LIST.matcher(head).matches(),
            "an empty JSON list (an export's file with nothing in it)"),
        passedOver(
            json(j -> j.has("email") && (j.has("chatgpt_plus_user") || j.has("phone_number"))),
            "ChatGPT user.json: account details, no conversations"),
        passedOver(
            json(j -> j.has("conversation_id") && j.has("rating")),
            "ChatGPT message_feedback.json: thumbs up and down, no conversations"),
        passedOver(
            json(j -> j.has("conversation_id") && j.has("is_anonymous")),
            "ChatGPT shared_conversations.json: links to shared conversations, no text"),
        passedOver(
            json(j -> j.has("email_address") && (j.has("full_name") || j.has("uuid"))),
            "Claude users.json: account details, no conversations"),
        passedOver(
            head ->
                HTML_START.matcher(head).lookingAt()
                    && (head.contains("jsonData") || head.contains("ChatGPT Data Export")),
            "ChatGPT chat.html: a viewer of the conversations that conversations.json holds"),
        refused(
            head ->
                HTML_START.matcher(head).lookingAt()
                    && head.contains("mdl-typography")
                    && (head.contains("Gemini Apps") || head.contains("Bard")),
            "Google Takeout My Activity as HTML: ask Takeout for JSON (My Activity, formats: JSON)"
                + " and import My Activity.json"),
        refused(
            head -> head.stripLeading().startsWith("<img src=\"https://r2cdn.perplexity.ai/"),
            "a Perplexity thread exported as Markdown: it does not mark where a question ends and"
                + " its answer begins, so its turns cannot be told apart"));
  }

  private static Predicate<String> json(Predicate<JsonHead> test) {
    return head -> {
      JsonHead json = JsonHead.of(head);
      return json.shape() != JsonHead.Shape.NONE && test.test(json);
    };
  }

  private static KnownFile passedOver(Predicate<String> recognises, String what) {
    return new KnownFile(recognises, new Identification.PassedOver(what));
  }

  private static KnownFile refused(Predicate<String> recognises, String reason) {
    return new KnownFile(recognises, new Identification.Unreadable(reason));
  }
}
