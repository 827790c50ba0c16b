package dev.noema.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Renders a result record as pretty-printed JSON with Jackson: the record's components, nested
 * records as objects, absent measures as null. Thread-safe.
 */
public final class JsonRenderer implements TopologyRenderer {
  private final ObjectMapper mapper =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  @Override
  public String render(TopologyResult result) {
    try {
      return mapper.writeValueAsString(result) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot write " + result.getClass().getSimpleName() + " as JSON", e);
    }
  }
}
