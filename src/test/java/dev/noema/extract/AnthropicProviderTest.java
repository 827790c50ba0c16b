package dev.noema.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.noema.llm.LlmProvider;
import dev.noema.llm.ProviderStub;
import java.util.Map;

/** Anthropic Messages: the schema as the input schema of the one tool the model is made to call. */
class AnthropicProviderTest extends ProviderContract {
  @Override
  LlmProvider provider() {
    return LlmProvider.ANTHROPIC;
  }

  @Override
  ProviderStub.Protocol protocol() {
    return ProviderStub.Protocol.ANTHROPIC;
  }

  @Override
  String chatPath() {
    return "/v1/messages";
  }

  @Override
  void assertStructuredOutput(JsonNode request, JsonNode schema) {
    assertEquals(1, request.path("tools").size());
    JsonNode tool = request.path("tools").path(0);
    assertEquals(ExtractionSchema.NAME, tool.path("name").asText());
    assertEquals(schema.path("properties"), tool.path("input_schema").path("properties"));
    assertEquals(schema.path("required"), tool.path("input_schema").path("required"));
    assertEquals("object", tool.path("input_schema").path("type").asText());
    assertEquals("tool", request.path("tool_choice").path("type").asText());
    assertEquals(ExtractionSchema.NAME, request.path("tool_choice").path("name").asText());
    assertFalse(request.has("output_config"), "not the native output format of newer models");
    assertSchemaNotInInstructions(request);
  }

  @Override
  Map.Entry<String, String> refusedRequest() {
    // A tool whose input schema is not an object, and no max_tokens.
    return Map.entry(
        """
        {"model": "claude-3-5-haiku-latest", "max_tokens": 1024,
         "messages": [{"role": "user", "content": "hi"}],
         "tools": [{"name": "noema_extraction", "input_schema": {"type": "array"}}]}""",
        "must be a JSON schema of type object");
  }
}
