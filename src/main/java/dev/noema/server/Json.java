package dev.noema.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** JSON responses of the API, written with Jackson. */
final class Json {
  /**
   * Lenient about fields it does not know (a client may send more than a route reads) and strict
   * about numbers: 1.5 is not a whole number.
   */
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

  private Json() {}

  static void write(HttpServletResponse response, int status, Object body) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    MAPPER.writeValue(response.getOutputStream(), body);
  }

  /** An error as {@code {"error": "one line"}}. */
  static void error(HttpServletResponse response, int status, String message) throws IOException {
    write(response, status, new Wire.ErrorView(message));
  }
}
