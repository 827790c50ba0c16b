package dev.noema.server;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves {@code /openapi.json}: the document {@link OpenApi} generated from the route table at
 * start. GET only; thread-safe (the document is immutable once built).
 */
final class OpenApiServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient JsonNode document;

  OpenApiServlet(JsonNode document) {
    this.document = document;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Json.write(response, 200, document);
  }
}
