package dev.noema.server;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One route of the API, everything said once: the method, a path template whose {@code {name}}
 * segments are path parameters, what a caller needs to be let through ({@link AccessFilter} asks
 * the table), and what the route takes and answers, as types the OpenAPI document is generated from
 * ({@link OpenApi}) and the answer is serialised from (Jackson).
 *
 * @param params the query and path parameters
 * @param body the request body, or null when the route takes none
 * @param status the status of a successful answer
 * @param response the type of the answer's JSON (a record, a collection of them, or one of several
 *     for a route whose answer depends on a parameter), or null when the route answers none
 * @param errors the error statuses the route answers with {@code {"error": "one line"}}
 * @param handler computes the answer, or null for a route served by another servlet (documented
 *     only)
 */
record ApiRoute(
    String method,
    String template,
    AccessPolicy.Need need,
    String summary,
    List<Param> params,
    Body body,
    int status,
    List<Type> response,
    List<Integer> errors,
    Handler handler) {

  ApiRoute {
    params = List.copyOf(params);
    response = List.copyOf(response);
    errors = List.copyOf(errors);
  }

  /** Answers one call: the returned value is written as JSON with the route's status. */
  @FunctionalInterface
  interface Handler {
    Object handle(ApiServlet.Call call) throws IOException, ServletException;
  }

  /**
   * A parameter.
   *
   * @param in "query" or "path"
   */
  record Param(String name, String in, boolean required, String description) {
    static Param query(String name, boolean required, String description) {
      return new Param(name, "query", required, description);
    }

    static Param path(String name, String description) {
      return new Param(name, "path", true, description);
    }
  }

  /**
   * A request body: per media type, the type of what is sent (a record for JSON, {@code String} for
   * text, {@code byte[]} for a file).
   */
  record Body(boolean required, Map<String, Type> content) {
    Body {
      content = new LinkedHashMap<>(content);
    }

    static Body json(Type type) {
      return new Body(true, Map.of("application/json", type));
    }
  }

  /** A route with a JSON answer of {@code response}, status 200, for a reader. */
  static Builder get(String template, String summary) {
    return new Builder("GET", template, summary);
  }

  static Builder post(String template, String summary) {
    return new Builder("POST", template, summary);
  }

  /**
   * The path parameters of {@code path} when it matches the template segment by segment ({@code
   * {name}} matches any one segment, URL-decoded), in template order; empty when it does not match.
   */
  Optional<List<String>> match(String path) {
    String[] wanted = template.split("/", -1);
    String[] given = path.split("/", -1);
    if (wanted.length != given.length) {
      return Optional.empty();
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < wanted.length; i++) {
      if (wanted[i].startsWith("{") && wanted[i].endsWith("}")) {
        if (given[i].isEmpty()) {
          return Optional.empty();
        }
        values.add(URLDecoder.decode(given[i], StandardCharsets.UTF_8));
      } else if (!wanted[i].equals(given[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(values);
  }

  /** Collects a route's declaration; {@link #handle} ends it. */
  static final class Builder {
    private final String method;
    private final String template;
    private final String summary;
    private AccessPolicy.Need need = AccessPolicy.Need.READ;
    private final List<Param> params = new ArrayList<>();
    private Body body;
    private int status = 200;
    private final List<Type> response = new ArrayList<>();
    private final List<Integer> errors = new ArrayList<>();

    private Builder(String method, String template, String summary) {
      this.method = method;
      this.template = template;
      this.summary = summary;
    }

    Builder need(AccessPolicy.Need value) {
      this.need = value;
      return this;
    }

    Builder param(Param value) {
      params.add(value);
      return this;
    }

    Builder body(Body value) {
      this.body = value;
      return this;
    }

    Builder status(int value) {
      this.status = value;
      return this;
    }

    /** The answer's type; several for a route that answers one of them. */
    Builder answers(Type... types) {
      response.addAll(List.of(types));
      return this;
    }

    Builder errors(Integer... statuses) {
      errors.addAll(List.of(statuses));
      return this;
    }

    ApiRoute handle(Handler handler) {
      return new ApiRoute(
          method, template, need, summary, params, body, status, response, errors, handler);
    }
  }
}
