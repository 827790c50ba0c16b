package dev.noema.neo4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a Cypher query returned, as plain Java values ready to render as a table, CSV, TSV or
 * JSON.
 *
 * <p>Values are {@code null}, {@code Boolean}, {@code Long}, {@code Double}, {@code String}, {@code
 * java.time} values, {@code List} and {@code Map}; a node becomes a map of its properties plus
 * {@code _labels}, a relationship a map of its properties plus {@code _type}, a path the list of
 * its nodes and relationships.
 *
 * @param columns column names, in the order of the RETURN clause
 * @param rows one list per row, each in column order, in the order the server returned them
 */
public record CypherResult(List<String> columns, List<List<Object>> rows) {
  public CypherResult {
    columns = List.copyOf(columns);
    // Rows may hold nulls, which List.copyOf rejects.
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copy);
  }

  /**
   * A cell as Jackson writes it without extra modules: temporal, spatial and other driver values
   * become their ISO text, inside lists and maps too.
   */
  public static Object jsonValue(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean) {
      return value;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(jsonValue(v)));
      return copy;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), jsonValue(v)));
      return copy;
    }
    return value.toString();
  }
}
