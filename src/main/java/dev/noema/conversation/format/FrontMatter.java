package dev.noema.conversation.format;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The YAML front matter of a Markdown note, as the scalar values the readers use (id, title,
 * times). Shared by the Markdown formats, so that they read front matter one way. Thread-safe.
 */
final class FrontMatter {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern SIMPLE_YAML_LINE = Pattern.compile("^([A-Za-z_][\\w-]*):\\s*(.*)$");

  private FrontMatter() {}

  /**
   * The scalar values of a front matter block (the text between its {@code ---} lines), the first
   * element of a list standing for the list, read as YAML; when it is not valid YAML (exporters
   * write titles unquoted, so {@code title: Error: x} occurs), read as {@code key: value} lines.
   */
  static Map<String, String> parse(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    try {
      JsonNode root = YAML.readTree(text);
      if (root != null && root.isObject()) {
        for (Map.Entry<String, JsonNode> e : root.properties()) {
          JsonNode v = e.getValue();
          if (v.isArray() && !v.isEmpty()) {
            v = v.get(0);
          }
          if (v.isValueNode() && !v.isNull()) {
            values.put(e.getKey(), v.asText());
          }
        }
      }
      return values;
    } catch (JacksonException e) {
      values.clear();
      for (String line : text.split("\n")) {
        Matcher m = SIMPLE_YAML_LINE.matcher(line);
        if (m.matches()) {
          values.put(m.group(1), unquote(m.group(2).strip()));
        }
      }
      return values;
    }
  }

  /** The first of {@code keys} with a non-blank value, stripped, or null. */
  static String first(Map<String, String> values, String... keys) {
    for (String key : keys) {
      String value = values.get(key);
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && (value.startsWith("\"") && value.endsWith("\"")
            || value.startsWith("'") && value.endsWith("'"))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }
}
