package dev.noema.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.noema.llm.LlmProvider;
import dev.noema.llm.OutputMode;
import dev.noema.llm.ProviderStub;
import dev.noema.llm.ProviderStub.Reply;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * OpenAI and OpenAI-compatible servers: strict {@code json_schema} structured output, and the
 * fallback to JSON mode for a server that refuses it.
 */
class OpenAiProviderTest extends ProviderContract {
  @Override
  LlmProvider provider() {
    return LlmProvider.OPENAI;
  }

  @Override
  ProviderStub.Protocol protocol() {
    return ProviderStub.Protocol.OPENAI;
  }

  @Override
  String chatPath() {
    return "/v1/chat/completions";
  }

  @Override
  void assertStructuredOutput(JsonNode request, JsonNode schema) {
    JsonNode format = request.path("response_format");
    assertEquals("json_schema", format.path("type").asText());
    assertEquals(ExtractionSchema.NAME, format.path("json_schema").path("name").asText());
    assertTrue(format.path("json_schema").path("strict").asBoolean());
    assertEquals(schema, format.path("json_schema").path("schema"));
    assertEveryPropertyRequired(schema);
    assertSchemaNotInInstructions(request);
  }

  /** Strict structured output's rule, checked on the schema itself as well as by the stub. */
  private static void assertEveryPropertyRequired(JsonNode schema) {
    if (schema.has("properties")) {
      for (Iterator<String> names = schema.path("properties").fieldNames(); names.hasNext(); ) {
        String name = names.next();
        assertTrue(
            schema.path("required").toString().contains("\"" + name + "\""), name + " required");
        assertEveryPropertyRequired(schema.path("properties").path(name));
      }
      assertEquals(false, schema.path("additionalProperties").asBoolean(true));
    }
    if (schema.has("items")) {
      assertEveryPropertyRequired(schema.path("items"));
    }
  }

  @Override
  Map.Entry<String, String> refusedRequest() {
    // The schema Noema sent before: 'aliases' in properties but not in required.
    return Map.entry(
        """
        {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}],
         "response_format": {"type": "json_schema", "json_schema": {"name": "x", "strict": true,
           "schema": {"type": "object", "additionalProperties": false, "required": ["label"],
             "properties": {"label": {"type": "string"}, "aliases": {"type": "array",
               "items": {"type": "string"}}}}}}}""",
        "Missing [aliases]");
  }

  @Test
  void a_server_that_refuses_json_schema_is_asked_in_json_mode_and_the_summary_says_so_once()
      throws IOException {
    try (ProviderStub stub =
        stub()
            .script(
                Reply.error(
                    400, "Unrecognized request argument supplied: response_format.json_schema"),
                Reply.ok(LlmExtractorTest.VALID))) {
      LlmExtractor llm = extractor(stub);

      FactValidator.Result result = validate(llm.extract(LlmExtractorTest.DIALOGUE));

      assertEquals(1, result.summary().keptRelations());
      assertEquals(2, stub.requests().size());
      JsonNode second = stub.requests().get(1).json();
      assertEquals("json_object", second.path("response_format").path("type").asText());
      assertTrue(system(second).contains("must follow this JSON schema"));
      assertEquals(OutputMode.JSON_MODE, llm.calls().mode());
      assertEquals(
          "the server refused json_schema (Unrecognized request argument supplied:"
              + " response_format.json_schema): asked in json_mode instead, the schema in the"
              + " instructions",
          llm.calls().usage().fallback());
      assertEquals(List.of(), stub.rejected());
    }
  }
}
