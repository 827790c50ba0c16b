package dev.noema.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

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

  /** The most of a refused request's body read and dropped so that its answer arrives. */
  private static final long DRAIN_LIMIT = 4L << 20;

  /**
   * Answers a request refused before its body was read (a missing token, an upload over the limit)
   * with one error line. The rest of its body is read and dropped first, up to {@link #DRAIN_LIMIT}
   * bytes: answering with the body unread lets the connection close while the client still sends
   * it, and the client then loses the answer itself ("header parser received no bytes" under load).
   * A longer body is left unread, and the answer says the connection closes.
   */
  static void refuse(
      HttpServletRequest request, HttpServletResponse response, int status, String message)
      throws IOException {
    if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
      boolean drained = true;
      try {
        InputStream body = request.getInputStream();
        byte[] buffer = new byte[8192];
        long read = 0;
        for (int n; drained && (n = body.read(buffer)) >= 0; ) {
          read += n;
          drained = read <= DRAIN_LIMIT;
        }
      } catch (IOException | IllegalStateException e) {
        drained = false;
      }
      if (!drained) {
        response.setHeader("Connection", "close");
      }
    }
    error(response, status, message);
  }

  /** An error as {@code {"error": "one line"}}. */
  static void error(HttpServletResponse response, int status, String message) throws IOException {
    write(response, status, new Wire.ErrorView(message));
  }
}
