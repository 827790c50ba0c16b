package dev.noema.server;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Type;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI 3 document of the API, generated from the route table ({@link ApiRoute}) and the
 * types its routes read and answer: nothing about a route or a schema is written twice. A type's
 * schema is what Jackson writes for it, found by Jackson's own introspection: a record is an object
 * of its properties (a named schema under {@code components}), a collection an array, a map an
 * object of values, a number, text, flag or time what JSON makes of it. Immutable; the document is
 * built on construction.
 */
final class OpenApi {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ObjectMapper mapper;
  private final Map<String, ObjectNode> schemas = new TreeMap<>();
  private final ObjectNode document;

  /**
   * @param routes the API's routes, and the routes other servlets serve (documented only)
   * @param mapper the mapper the API writes its answers with
   */
  OpenApi(String description, List<ApiRoute> routes, ObjectMapper mapper) {
    this.mapper = mapper;
    ObjectNode doc = JSON.objectNode();
    doc.put("openapi", "3.0.3");
    ObjectNode info = doc.putObject("info");
    info.put("title", "Noema");
    info.put("version", "0.1.0");
    info.put("description", description);
    ObjectNode paths = JSON.objectNode();
    for (ApiRoute route : routes) {
      ObjectNode path =
          paths.has(route.template())
              ? (ObjectNode) paths.get(route.template())
              : paths.putObject(route.template());
      path.set(route.method().toLowerCase(Locale.ROOT), operation(route));
    }
    ObjectNode components = doc.putObject("components");
    ObjectNode bearer = components.putObject("securitySchemes").putObject("bearer");
    bearer.put("type", "http");
    bearer.put("scheme", "bearer");
    ObjectNode named = components.putObject("schemas");
    schemas.forEach(named::set);
    doc.set("paths", paths);
    this.document = doc;
  }

  JsonNode document() {
    return document;
  }

  private ObjectNode operation(ApiRoute route) {
    ObjectNode op = JSON.objectNode();
    op.put("summary", route.summary());
    if (route.need() == AccessPolicy.Need.API_WRITE
        || route.need() == AccessPolicy.Need.SPARQL_WRITE) {
      op.putArray("security").addObject().putArray("bearer");
    }
    if (!route.params().isEmpty()) {
      ArrayNode params = op.putArray("parameters");
      for (ApiRoute.Param p : route.params()) {
        ObjectNode param = params.addObject();
        param.put("name", p.name());
        param.put("in", p.in());
        param.put("required", p.required());
        param.putObject("schema").put("type", "string");
        param.put("description", p.description());
      }
    }
    if (route.body() != null) {
      ObjectNode body = op.putObject("requestBody");
      body.put("required", route.body().required());
      ObjectNode content = body.putObject("content");
      route
          .body()
          .content()
          .forEach((media, type) -> content.putObject(media).set("schema", schema(type)));
    }
    ObjectNode responses = op.putObject("responses");
    ObjectNode ok = responses.putObject(Integer.toString(route.status()));
    ok.put("description", route.status() == 202 ? "Accepted" : "OK");
    if (!route.response().isEmpty()) {
      ObjectNode schema;
      if (route.response().size() == 1) {
        schema = schema(route.response().get(0));
      } else {
        schema = JSON.objectNode();
        ArrayNode oneOf = schema.putArray("oneOf");
        route.response().forEach(t -> oneOf.add(schema(t)));
      }
      ok.putObject("content").putObject("application/json").set("schema", schema);
    }
    for (int status : route.errors()) {
      ObjectNode error = responses.putObject(Integer.toString(status));
      error.put("description", "Error: one line");
      error
          .putObject("content")
          .putObject("application/json")
          .set("schema", schema(Wire.ErrorView.class));
    }
    return op;
  }

  /** The schema of what Jackson writes (or reads) for {@code type}. */
  private ObjectNode schema(Type type) {
    return schema(mapper.constructType(type));
  }

  private ObjectNode schema(JavaType type) {
    ObjectNode schema = JSON.objectNode();
    Class<?> raw = type.getRawClass();
    if (type.isCollectionLikeType() || type.isArrayType() && raw != byte[].class) {
      schema.put("type", "array");
      schema.set("items", schema(type.getContentType()));
    } else if (type.isMapLikeType()) {
      schema.put("type", "object");
      JavaType values = type.getContentType();
      schema.set(
          "additionalProperties",
          values.getRawClass() == Object.class ? JSON.objectNode() : schema(values));
    } else if (raw == byte[].class) {
      schema.put("type", "string");
      schema.put("format", "binary");
    } else if (raw == String.class || raw == char.class || raw == Character.class) {
      schema.put("type", "string");
    } else if (raw == boolean.class || raw == Boolean.class) {
      schema.put("type", "boolean");
    } else if (raw == int.class
        || raw == Integer.class
        || raw == long.class
        || raw == Long.class
        || raw == short.class
        || raw == Short.class) {
      schema.put("type", "integer");
    } else if (raw.isPrimitive() || Number.class.isAssignableFrom(raw)) {
      schema.put("type", "number");
    } else if (Temporal.class.isAssignableFrom(raw)) {
      schema.put("type", "string");
      schema.put("format", "date-time");
    } else if (raw.isEnum()) {
      schema.put("type", "string");
      ArrayNode values = schema.putArray("enum");
      for (Object constant : raw.getEnumConstants()) {
        values.add(((Enum<?>) constant).name());
      }
    } else if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
      return schema;
    } else {
      String name = name(raw);
      if (!schemas.containsKey(name)) {
        ObjectNode object = JSON.objectNode();
        schemas.put(name, object);
        object.put("type", "object");
        ObjectNode properties = object.putObject("properties");
        BeanDescription bean = mapper.getSerializationConfig().introspect(type);
        for (BeanPropertyDefinition p : bean.findProperties()) {
          if (p.couldSerialize()) {
            properties.set(p.getName(), schema(p.getPrimaryType()));
          }
        }
      }
      schema.put("$ref", "#/components/schemas/" + name);
    }
    return schema;
  }

  /** A record's schema name: its simple name, with its enclosing class's for a nested one. */
  private static String name(Class<?> raw) {
    Class<?> outer = raw.getEnclosingClass();
    return outer == null || outer == Wire.class
        ? raw.getSimpleName()
        : outer.getSimpleName() + "." + raw.getSimpleName();
  }
}
