package dev.noema.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.noema.neo4j.CypherResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Renders a {@link CypherResult} in the formats {@code noema query} offers for SPARQL: an aligned
 * table, CSV and TSV with a header row, or JSON as an array of objects (one per row, keys in column
 * order). Stateless.
 *
 * <p>Cells: null is empty (JSON null), strings and numbers as they are, dates and times in
 * ISO-8601, lists and maps (nodes, relationships, paths) as JSON.
 */
final class CypherOutput {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private CypherOutput() {}

  static String render(CypherResult result, OutputFormat format) {
    return switch (format) {
      case table -> table(result);
      case csv -> delimited(result, CSVFormat.RFC4180);
      case tsv -> delimited(result, CSVFormat.TDF.builder().setRecordSeparator("\n").get());
      case json -> json(result);
    };
  }

  private static String table(CypherResult result) {
    int[] widths = new int[result.columns().size()];
    List<List<String>> cells = new ArrayList<>();
    for (List<Object> row : result.rows()) {
      cells.add(row.stream().map(v -> cell(v).replaceAll("\\s+", " ")).toList());
    }
    for (int c = 0; c < widths.length; c++) {
      widths[c] = result.columns().get(c).length();
      for (List<String> row : cells) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, result.columns(), widths);
    out.append('|');
    for (int width : widths) {
      out.append("-".repeat(width + 2)).append('|');
    }
    out.append('\n');
    cells.forEach(row -> line(out, row, widths));
    out.append("(")
        .append(result.rows().size())
        .append(result.rows().size() == 1 ? " row)\n" : " rows)\n");
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    out.append('|');
    for (int c = 0; c < widths.length; c++) {
      out.append(' ')
          .append(cells.get(c))
          .append(" ".repeat(widths[c] - cells.get(c).length()))
          .append(" |");
    }
    out.append('\n');
  }

  private static String delimited(CypherResult result, CSVFormat format) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      printer.printRecord(result.columns());
      for (List<Object> row : result.rows()) {
        printer.printRecord(row.stream().map(CypherOutput::cell).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String json(CypherResult result) {
    List<Map<String, Object>> objects = new ArrayList<>();
    for (List<Object> row : result.rows()) {
      Map<String, Object> object = new LinkedHashMap<>();
      for (int c = 0; c < result.columns().size(); c++) {
        object.put(result.columns().get(c), CypherResult.jsonValue(row.get(c)));
      }
      objects.add(object);
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(objects) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One cell as text. */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof List<?> || value instanceof Map<?, ?>) {
      try {
        return JSON.writeValueAsString(CypherResult.jsonValue(value));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (value instanceof TemporalAccessor) {
      return value.toString();
    }
    return String.valueOf(value);
  }
}
