package dev.noema.conversation.format;

import static dev.noema.conversation.format.CollectingSink.fixture;
import static dev.noema.conversation.format.CollectingSink.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.noema.conversation.Conversation;
import dev.noema.conversation.ConversationFormat;
import dev.noema.conversation.LogSource;
import dev.noema.conversation.ReadOptions;
import dev.noema.conversation.Role;
import dev.noema.conversation.Turn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One conversation saved on its own (what the web apps' conversation endpoints return and what
 * per-conversation exporters save), and lists of such objects: read with their turns in order, ids
 * and times.
 */
class SingleConversationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "chatgpt-single-conversation.json, chatgpt-json",
    "claude-single-conversation.json, claude-json",
    "deepseek-single-conversation.json, deepseek-json",
    "open-webui-single-chat.json, open-webui-json"
  })
  void a_single_conversation_object_is_identified_by_its_keys(String fixture, String format)
      throws IOException {
    assertEquals(format, identify(LogSource.of(fixture(fixture))).format().name());
  }

  @Test
  void a_single_chatgpt_conversation_walks_its_current_branch() {
    Conversation c =
        one(new ChatGptExportFormat(), fixture("chatgpt-single-conversation.json"), defaults());

    assertEquals("68ef1a2b-0c4d-8001-9a7e-3f0c2a1b9d10", c.id());
    assertEquals("Ocean tides", c.title());
    assertEquals(Instant.ofEpochSecond(1760502000, 250_000_000), c.created());
    assertEquals(List.of("u1", "a1b", "u2", "a2"), ids(c));
    assertEquals(
        List.of(Role.USER, Role.ASSISTANT, Role.USER, Role.ASSISTANT),
        c.turns().stream().map(Turn::role).toList());
    assertEquals(Instant.ofEpochSecond(1760502020), c.turns().get(1).time());
    assertEquals("gpt-5", c.turns().get(1).model());
  }

  @Test
  void a_single_claude_conversation_with_branches_reads_the_branch_of_its_current_leaf() {
    Conversation c =
        one(new ClaudeExportFormat(), fixture("claude-single-conversation.json"), defaults());

    assertEquals("5c1f7a3e-2b64-4f1d-9e0a-7d3c2b1a0f99", c.id());
    assertEquals("Naming a cat", c.title());
    assertEquals(List.of("m1", "m2b", "m3", "m4"), ids(c));
    assertEquals(
        List.of(
            "Suggest a name for a grey cat.",
            "Ash, or Pebble.",
            "Pebble it is. Why Pebble?",
            "Small, round and grey."),
        c.turns().stream().map(Turn::text).toList());
    assertEquals(Instant.parse("2025-09-12T08:03:00Z"), c.turns().get(3).time());
  }

  @Test
  void the_abandoned_claude_branch_is_an_alternative_when_all_branches_are_asked_for() {
    Conversation c =
        one(
            new ClaudeExportFormat(),
            fixture("claude-single-conversation.json"),
            new ReadOptions(true, false, false, false, false, false));

    Turn alternative = c.turns().get(c.turns().size() - 1);
    assertEquals("m2", alternative.messageId());
    assertEquals("m2b", alternative.alternativeOf());
    assertEquals(1, alternative.index());
  }

  @Test
  void a_single_deepseek_conversation_reads_request_and_response() {
    Conversation c =
        one(new DeepSeekExportFormat(), fixture("deepseek-single-conversation.json"), defaults());

    assertEquals("ds-single-7", c.id());
    assertEquals(List.of("1", "2"), ids(c));
    assertEquals("About 70 °C.", c.turns().get(1).text());
    assertEquals("deepseek-reasoner", c.turns().get(1).model());
    assertEquals(Instant.parse("2025-03-03T01:00:20Z"), c.turns().get(1).time());
  }

  @Test
  void a_bare_open_webui_chat_is_read_as_a_chat_not_as_json_lines() throws IOException {
    Path minified = dir.resolve("chat.json");
    Files.writeString(
        minified, JSON.readTree(fixture("open-webui-single-chat.json").toFile()).toString());

    for (Path file : List.of(fixture("open-webui-single-chat.json"), minified)) {
      assertEquals("open-webui-json", identify(LogSource.of(file)).format().name());
      Conversation c = one(new OpenWebUiFormat(), file, defaults());
      assertEquals("9b2f4c1e-owui-bare", c.id());
      assertEquals("Sourdough starter", c.title());
      assertEquals(List.of("q1", "r1", "q2", "r2"), ids(c));
      assertEquals(Instant.ofEpochSecond(1736000000), c.created());
      assertEquals(Instant.ofEpochSecond(1736000110), c.turns().get(3).time());
    }
  }

  @Test
  void open_webui_reads_one_wrapped_chat_and_a_list_of_bare_chats() throws IOException {
    JsonNode export = JSON.readTree(fixture("open-webui-export.json").toFile());
    JsonNode bare = JSON.readTree(fixture("open-webui-single-chat.json").toFile());
    Path wrapped = Files.writeString(dir.resolve("wrapped.json"), export.get(0).toString());
    Path list = Files.writeString(dir.resolve("list.json"), "[" + bare + "," + bare + "]");

    Conversation one = one(new OpenWebUiFormat(), wrapped, defaults());
    assertEquals(export.get(0).get("id").asText(), one.id());
    assertEquals(
        List.of("9b2f4c1e-owui-bare", "9b2f4c1e-owui-bare"),
        read(new OpenWebUiFormat(), list, defaults()).accepted.stream()
            .map(Conversation::id)
            .toList());
    assertEquals("open-webui-json", identify(LogSource.of(list)).format().name());
  }

  @Test
  void a_list_of_single_chatgpt_conversations_is_an_export() throws IOException {
    String single = Files.readString(fixture("chatgpt-single-conversation.json"));
    Path list = Files.writeString(dir.resolve("saved.json"), "[" + single + "," + single + "]");

    assertEquals("chatgpt-json", identify(LogSource.of(list)).format().name());
    assertEquals(2, read(new ChatGptExportFormat(), list, defaults()).accepted.size());
  }

  @Test
  void a_single_conversation_that_cannot_be_read_is_one_problem_naming_it() throws IOException {
    Path broken =
        Files.writeString(
            dir.resolve("one.json"),
            "{\"title\": \"x\", \"current_node\": \"nope\", \"conversation_id\": \"c9\","
                + " \"mapping\": {\"a\": {\"id\": \"a\", \"message\": {\"author\": {\"role\":"
                + " \"user\"}, \"content\": {\"content_type\": \"text\", \"parts\": [\"hi\"]}},"
                + " \"parent\": null, \"children\": []}}}");

    CollectingSink sink = read(new ChatGptExportFormat(), broken, defaults());

    assertEquals(List.of(), sink.accepted);
    assertEquals(1, sink.rejected.size());
    assertEquals("conversation 1 of 1 (id c9)", sink.rejected.get(0).location());
    assertEquals(
        "current_node \"nope\" is not a message of the conversation",
        sink.rejected.get(0).reason());
  }

  private static Identification.Readable identify(LogSource source) throws IOException {
    return assertInstanceOf(
        Identification.Readable.class,
        ConversationFormats.standard().identify(source, null, defaults()));
  }

  private static Conversation one(ConversationFormat format, Path file, ReadOptions options) {
    CollectingSink sink = read(format, file, options);
    assertEquals(List.of(), sink.rejected);
    assertEquals(1, sink.accepted.size());
    return sink.accepted.get(0);
  }

  private static List<String> ids(Conversation c) {
    return c.turns().stream().map(Turn::messageId).toList();
  }

  private static ReadOptions defaults() {
    return ReadOptions.defaults();
  }
}
