package dev.noema.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The request rules each provider documents, checked the way its service checks them: the reason
 * the real service would refuse a request with 400, or null when it would take it. The same rules
 * as the model-in-the-loop lab ({@code ../shared/tools/llm-lab/stub.py}); a request they accept can
 * still fail elsewhere. Test code only.
 */
final class ProviderRules {
  private static final Set<String> JSON_TYPES =
      Set.of("string", "number", "integer", "boolean", "object", "array", "null");

  private ProviderRules() {}

  /** Why the provider speaking {@code protocol} would refuse {@code body}, or null. */
  static String problem(ProviderStub.Protocol protocol, JsonNode body) {
    return switch (protocol) {
      case OPENAI -> openAi(body);
      case ANTHROPIC -> anthropic(body);
      case OLLAMA -> ollama(body);
    };
  }

  /**
   * OpenAI chat completions: a model and messages; {@code json_schema} output needs a name, and
   * with {@code strict: true} a schema OpenAI's structured outputs accept; {@code json_object}
   * needs the word "json" in the messages.
   */
  static String openAi(JsonNode body) {
    if (body.path("model").asText().isEmpty()) {
      return "you must provide a model parameter";
    }
    if (!body.path("messages").isArray() || body.path("messages").isEmpty()) {
      return "'messages' must be a non-empty array";
    }
    JsonNode format = body.path("response_format");
    if ("json_schema".equals(format.path("type").asText())) {
      JsonNode schema = format.path("json_schema");
      if (schema.path("name").asText().isEmpty()) {
        return "response_format.json_schema.name is required";
      }
      if (schema.path("strict").asBoolean(false)) {
        JsonNode root = schema.path("schema");
        if (!"object".equals(root.path("type").asText()) || root.has("anyOf")) {
          return "Invalid schema for response_format: the root must be an object and not anyOf";
        }
        List<String> problems = new ArrayList<>();
        int[] properties = {0};
        strictProblems(root, "schema", 0, properties, problems);
        if (properties[0] > 5000) {
          problems.add("schema: more than 5000 object properties in total");
        }
        if (!problems.isEmpty()) {
          return "Invalid schema for response_format '"
              + schema.path("name").asText()
              + "': "
              + String.join("; ", problems);
        }
      }
    }
    if ("json_object".equals(format.path("type").asText())
        && !body.path("messages").toString().toLowerCase().contains("json")) {
      return "'messages' must contain the word 'json' in some form, to use 'response_format' of type"
          + " 'json_object'";
    }
    return null;
  }

  /**
   * The reasons strict structured outputs refuse a schema: every object has {@code
   * additionalProperties: false} and lists every property in {@code required}; only JSON types;
   * arrays have items; at most 10 levels deep.
   */
  private static void strictProblems(
      JsonNode schema, String path, int depth, int[] properties, List<String> problems) {
    if (!schema.isObject()) {
      problems.add(path + ": a schema must be an object");
      return;
    }
    if (depth > 10) {
      problems.add(path + ": nested deeper than 10 levels");
    }
    if (schema.has("$ref") || schema.has("anyOf")) {
      int i = 0;
      for (JsonNode sub : schema.path("anyOf")) {
        strictProblems(sub, path + ".anyOf[" + i++ + "]", depth + 1, properties, problems);
      }
      return;
    }
    List<String> types = new ArrayList<>();
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    } else if (type.isTextual()) {
      types.add(type.asText());
    }
    if (types.isEmpty() && !schema.has("enum") && !schema.has("const")) {
      problems.add(path + ": no type");
    }
    for (String t : types) {
      if (!JSON_TYPES.contains(t)) {
        problems.add(path + ": type '" + t + "' is not supported");
      }
    }
    if (types.contains("object")) {
      JsonNode props = schema.path("properties");
      properties[0] += props.size();
      if (!schema.path("additionalProperties").isBoolean()
          || schema.path("additionalProperties").asBoolean()) {
        problems.add(path + ": 'additionalProperties' is required to be supplied and to be false");
      }
      List<String> required = new ArrayList<>();
      schema.path("required").forEach(r -> required.add(r.asText()));
      List<String> missing = new ArrayList<>();
      for (Iterator<String> names = props.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!required.contains(name)) {
          missing.add(name);
        }
      }
      if (!missing.isEmpty()) {
        problems.add(
            path
                + ": 'required' is required to be supplied and to be an array including every key"
                + " in properties. Missing "
                + missing);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> p = it.next();
        strictProblems(
            p.getValue(), path + ".properties." + p.getKey(), depth + 1, properties, problems);
      }
    }
    if (types.contains("array")) {
      if (!schema.has("items")) {
        problems.add(path + ": an array needs 'items'");
      } else {
        strictProblems(schema.get("items"), path + ".items", depth + 1, properties, problems);
      }
    }
  }

  /**
   * Anthropic Messages: model and max_tokens; the first message from the user; only user and
   * assistant roles (the system prompt is top-level); each tool's input schema an object schema; a
   * {@code tool_choice} of type tool names one of the tools.
   */
  static String anthropic(JsonNode body) {
    if (body.path("model").asText().isEmpty()) {
      return "model: Field required";
    }
    if (!body.path("max_tokens").isInt()) {
      return "max_tokens: Field required";
    }
    JsonNode messages = body.path("messages");
    if (!messages.isArray() || messages.isEmpty()) {
      return "messages: at least one message is required";
    }
    if (!"user".equals(messages.get(0).path("role").asText())) {
      return "messages: first message must use the \"user\" role";
    }
    for (JsonNode m : messages) {
      String role = m.path("role").asText();
      if (!role.equals("user") && !role.equals("assistant")) {
        return "messages: Unexpected role '"
            + role
            + "' (the system prompt goes in the top-level 'system')";
      }
    }
    List<String> tools = new ArrayList<>();
    for (JsonNode tool : body.path("tools")) {
      JsonNode schema = tool.path("input_schema");
      if (!schema.isObject() || !"object".equals(schema.path("type").asText())) {
        return "tools: input_schema of '"
            + tool.path("name").asText()
            + "' must be a JSON schema of type object";
      }
      tools.add(tool.path("name").asText());
    }
    JsonNode choice = body.path("tool_choice");
    if ("tool".equals(choice.path("type").asText())
        && !tools.contains(choice.path("name").asText())) {
      return "tool_choice: no tool named '" + choice.path("name").asText() + "' in tools";
    }
    return null;
  }

  /** Ollama chat: a model; {@code format} is "json" or a JSON schema object. */
  static String ollama(JsonNode body) {
    if (body.path("model").asText().isEmpty()) {
      return "model is required";
    }
    JsonNode format = body.get("format");
    if (format != null
        && !format.isNull()
        && !(format.isTextual() && format.asText().equals("json"))
        && !format.isObject()) {
      return "format must be \"json\" or a JSON schema object";
    }
    return null;
  }
}
