package dev.noema.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * The one gate in front of every request: classifies it (SPARQL read or write, API read or write,
 * static file), applies the {@link AccessPolicy}, and answers CORS for the one configured origin
 * (none by default, so browsers refuse cross-origin calls). Thread-safe.
 */
final class AccessFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  private final transient AccessPolicy policy;
  private final String corsOrigin;
  private final transient ApiServlet api;

  /**
   * @param api the API, whose route table says what each of its calls needs
   */
  AccessFilter(AccessPolicy policy, String corsOrigin, ApiServlet api) {
    this.policy = policy;
    this.corsOrigin = corsOrigin;
    this.api = api;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String origin = request.getHeader("Origin");
    boolean corsAllowed = corsOrigin != null && corsOrigin.equals(origin);
    if (corsAllowed) {
      response.setHeader("Access-Control-Allow-Origin", origin);
      response.setHeader("Vary", "Origin");
      if ("OPTIONS".equals(request.getMethod())
          && request.getHeader("Access-Control-Request-Method") != null) {
        response.setHeader("Access-Control-Allow-Methods", "GET, POST");
        response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        return;
      }
    }
    String refusal = policy.refusal(request, need(request));
    if (refusal != null) {
      int status =
          AccessPolicy.presentsToken(request)
              ? HttpServletResponse.SC_FORBIDDEN
              : HttpServletResponse.SC_UNAUTHORIZED;
      if (status == HttpServletResponse.SC_UNAUTHORIZED) {
        response.setHeader("WWW-Authenticate", "Bearer");
      }
      Json.refuse(request, response, status, refusal);
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * What the request needs: SPARQL by its operation, the API by its route table, static files
   * nothing.
   */
  AccessPolicy.Need need(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String method = request.getMethod();
    boolean safe = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    if (path.equals(NoemaServer.DATASET_PATH) || path.startsWith(NoemaServer.DATASET_PATH + "/")) {
      return safe || isQueryPost(request) ? AccessPolicy.Need.READ : AccessPolicy.Need.SPARQL_WRITE;
    }
    if (path.startsWith("/api/")) {
      return api.need(path);
    }
    return AccessPolicy.Need.NOTHING;
  }

  private static boolean isQueryPost(HttpServletRequest request) {
    if (!request.getMethod().equals("POST")) {
      return false;
    }
    String type =
        request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
    if (type.startsWith("application/sparql-query")) {
      return true;
    }
    return type.startsWith("application/x-www-form-urlencoded")
        && request.getParameter("update") == null
        && request.getParameter("query") != null;
  }
}
