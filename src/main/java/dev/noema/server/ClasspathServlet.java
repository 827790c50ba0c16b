package dev.noema.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Serves the web page from the classpath: {@code /} is {@code web/index.html}, {@code /web/...} is
 * {@code web/...} and {@code /webjars/...} the WebJars' {@code META-INF/resources/webjars/...}. GET
 * and HEAD only; paths with {@code ..} or backslashes are refused. Thread-safe (stateless).
 */
final class ClasspathServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "json", "application/json",
          "svg", "image/svg+xml",
          "png", "image/png",
          "map", "application/json");

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.contains("..") || path.contains("\\") || path.contains("//")) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    String resource =
        path.isEmpty() || path.equals("/")
            ? "web/index.html"
            : path.startsWith("/webjars/")
                ? "META-INF/resources" + path
                : path.startsWith("/web/") ? path.substring(1) : "web" + path;
    String extension = resource.substring(resource.lastIndexOf('.') + 1);
    try (InputStream in = ClasspathServlet.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null || !TYPES.containsKey(extension)) {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      response.setContentType(TYPES.get(extension));
      // The page's own files change with the build; the WebJars' never do (their path holds the
      // version).
      response.setHeader(
          "Cache-Control", path.startsWith("/webjars/") ? "max-age=86400" : "no-cache");
      response.setHeader("X-Content-Type-Options", "nosniff");
      if (extension.equals("html")) {
        response.setHeader(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'");
      }
      in.transferTo(response.getOutputStream());
    }
  }
}
