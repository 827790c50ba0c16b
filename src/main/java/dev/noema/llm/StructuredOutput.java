package dev.noema.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.anthropic.AnthropicChatRequestParameters;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * How a JSON answer is asked for and read back in each {@link OutputMode}, through LangChain4j's
 * request types (what each client then sends was checked by capturing its HTTP bodies):
 *
 * <ul>
 *   <li>{@link OutputMode#JSON_SCHEMA}: a {@code ResponseFormat} holding the schema as a raw JSON
 *       schema. {@code OpenAiChatModel} built with {@code strictJsonSchema(true)} sends it as
 *       {@code response_format: {type: json_schema, json_schema: {name, strict: true, schema}}};
 *       {@code OllamaChatModel} as {@code format: SCHEMA}.
 *   <li>{@link OutputMode#FORCED_TOOL}: one tool named after the schema whose parameters are the
 *       schema's properties, and Anthropic's {@code tool_choice: {type: tool, name}}. {@code
 *       AnthropicChatModel} sends {@code tools: [{name, description, input_schema}]}; the answer is
 *       the input of the tool call. (Anthropic's native structured output, {@code output_config},
 *       serves only its newest models; every Claude model takes a forced tool.)
 *   <li>{@link OutputMode#JSON_MODE}: {@code ResponseFormat.JSON} ({@code response_format:
 *       json_object}; Ollama {@code format: "json"}) and the schema in the instructions.
 *   <li>{@link OutputMode#INSTRUCTIONS}: the schema in the instructions only.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
final class StructuredOutput {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StructuredOutput() {}

  /** The system message: with the schema in the request it is the prompt's own. */
  static String instructions(OutputMode mode, ChatPrompt prompt) {
    if (!mode.schemaInInstructions()) {
      return prompt.system();
    }
    return prompt.system()
        + "\n\nAnswer with one JSON object and nothing else (no prose, no code fence). "
        + "It must follow this JSON schema exactly:\n"
        + prompt.schemaJson();
  }

  /** The request for {@code messages} in {@code mode}. */
  static ChatRequest request(OutputMode mode, ChatPrompt prompt, List<ChatMessage> messages) {
    return switch (mode) {
      case JSON_SCHEMA ->
          ChatRequest.builder()
              .messages(messages)
              .responseFormat(
                  ResponseFormat.builder()
                      .type(ResponseFormatType.JSON)
                      .jsonSchema(
                          JsonSchema.builder()
                              .name(prompt.schemaName())
                              .rootElement(JsonRawSchema.from(prompt.schemaJson()))
                              .build())
                      .build())
              .build();
      case FORCED_TOOL ->
          ChatRequest.builder()
              .messages(messages)
              .parameters(
                  AnthropicChatRequestParameters.builder()
                      .toolSpecifications(tool(prompt))
                      .toolChoice(ToolChoice.REQUIRED)
                      .toolChoiceName(prompt.schemaName())
                      .build())
              .build();
      case JSON_MODE ->
          ChatRequest.builder().messages(messages).responseFormat(ResponseFormat.JSON).build();
      case INSTRUCTIONS -> ChatRequest.builder().messages(messages).build();
    };
  }

  /**
   * The answer's text: the input of the forced tool's call, or else the message text; "" when the
   * reply holds neither.
   */
  static String answer(OutputMode mode, ChatPrompt prompt, ChatResponse response) {
    AiMessage message = response.aiMessage();
    if (message == null) {
      return "";
    }
    if (mode == OutputMode.FORCED_TOOL && message.hasToolExecutionRequests()) {
      for (ToolExecutionRequest call : message.toolExecutionRequests()) {
        if (prompt.schemaName().equals(call.name()) && call.arguments() != null) {
          return call.arguments();
        }
      }
    }
    return message.text() == null ? "" : message.text();
  }

  /** The tool whose input schema is the prompt's schema (an object schema at its root). */
  private static ToolSpecification tool(ChatPrompt prompt) {
    JsonNode root;
    try {
      root = JSON.readTree(prompt.schemaJson());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the schema is not JSON: " + e.getOriginalMessage(), e);
    }
    if (!"object".equals(root.path("type").asText())) {
      throw new IllegalArgumentException("a tool's input schema must be of type object");
    }
    JsonObjectSchema.Builder parameters = JsonObjectSchema.builder();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("properties").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      parameters.addProperty(property.getKey(), JsonRawSchema.from(property.getValue().toString()));
    }
    List<String> required = new ArrayList<>();
    root.path("required").forEach(name -> required.add(name.asText()));
    // additionalProperties at the root is left out: AnthropicChatModel does not send it there (the
    // nested objects, sent as raw schemas, keep theirs).
    parameters.required(required);
    return ToolSpecification.builder()
        .name(prompt.schemaName())
        .description(
            "Give your answer as this tool's input: the JSON object the instructions ask for.")
        .parameters(parameters.build())
        .build();
  }
}
