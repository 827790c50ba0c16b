package dev.noema.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.noema.llm.LlmProvider;
import dev.noema.llm.ProviderStub;
import java.util.Map;

/** Ollama's chat API: {@code format} set to the JSON schema itself. */
class OllamaProviderTest extends ProviderContract {
  @Override
  LlmProvider provider() {
    return LlmProvider.OLLAMA;
  }

  @Override
  ProviderStub.Protocol protocol() {
    return ProviderStub.Protocol.OLLAMA;
  }

  @Override
  String chatPath() {
    return "/api/chat";
  }

  @Override
  void assertStructuredOutput(JsonNode request, JsonNode schema) {
    assertEquals(schema, request.path("format"));
    assertSchemaNotInInstructions(request);
  }

  @Override
  Map.Entry<String, String> refusedRequest() {
    return Map.entry(
        """
        {"model": "llama3.1", "messages": [{"role": "user", "content": "hi"}], "format": 42}""",
        "format must be");
  }
}
