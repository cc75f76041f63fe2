package shop.localstack.drills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generates requests that no route may accept, from the routes of every service's openapi.yaml:
 * bodies that are not JSON, JSON of the wrong shape, required fields missing, a known field of a
 * type that cannot be coerced, strange content types, path parameters that name nothing, and query
 * parameters out of range; with no token, a garbage token, a customer's or the admin's.
 */
final class MalformedRequests {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** One route of an openapi.yaml: method, path template, its request body schema if any. */
  record Route(String method, String path, JsonNode bodySchema, JsonNode document) {
    String key() {
      return method + " " + path;
    }
  }

  /** A request to send. */
  record Request(
      Route route, String path, String body, String contentType, String auth, String kind) {}

  /** Every route of every service on the classpath. */
  static List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    try {
      for (URL url :
          Collections.list(MalformedRequests.class.getClassLoader().getResources("openapi.yaml"))) {
        try (InputStream in = url.openStream()) {
          JsonNode doc = YAML.readTree(in);
          for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
              paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
              JsonNode operation = path.getValue().get(method);
              if (operation != null) {
                JsonNode schema =
                    operation
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema");
                routes.add(
                    new Route(
                        method.toUpperCase(java.util.Locale.ROOT),
                        path.getKey(),
                        schema.isMissingNode() ? null : resolve(doc, schema),
                        doc));
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return routes;
  }

  static Arbitrary<Request> requests(List<Route> routes, List<String> tokens) {
    Arbitrary<String> auth = Arbitraries.of(tokens);
    return Arbitraries.of(routes)
        .flatMap(
            route ->
                Combinators.combine(malformation(route), pathValues(), auth, contentTypes())
                    .as(
                        (m, pathValue, token, contentType) ->
                            new Request(
                                route,
                                path(route, pathValue) + m.query(),
                                m.body(),
                                m.kind().equals("content-type") ? contentType : "application/json",
                                token,
                                m.kind())));
  }

  private record Malformation(String kind, String body, String query) {}

  private static Arbitrary<Malformation> malformation(Route route) {
    List<Arbitrary<Malformation>> kinds = new ArrayList<>();
    // A route with a body always gets a broken one: an absent body may be a valid default.
    String noBody = route.bodySchema() != null ? "{" : null;
    kinds.add(queries().map(q -> new Malformation("query", noBody, q)));
    kinds.add(garbage().map(g -> new Malformation("not-json", g, "")));
    if (route.bodySchema() != null) {
      kinds.add(wrongShape().map(b -> new Malformation("wrong-shape", b, "")));
      kinds.add(garbage().map(g -> new Malformation("content-type", g, "")));
      JsonNode properties = route.bodySchema().path("properties");
      if (route.bodySchema().path("required").size() > 0) {
        kinds.add(Arbitraries.just(new Malformation("missing-required", "{}", "")));
      }
      if (properties.size() > 0) {
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        kinds.add(
            Arbitraries.of(names)
                .map(
                    name -> {
                      ObjectNode body = NODES.objectNode();
                      body.set(name, wrongType(resolve(route.document(), properties.get(name))));
                      return new Malformation("wrong-type:" + name, body.toString(), "");
                    }));
      }
    } else if (route.method().equals("GET")) {
      kinds.add(queries().map(q -> new Malformation("query", null, q)));
    }
    return Arbitraries.oneOf(kinds);
  }

  /** A JSON value no field of {@code schema}'s type accepts (no scalar coercion is on). */
  private static JsonNode wrongType(JsonNode schema) {
    String type = schema.path("type").asText("object");
    return switch (type) {
      case "string" -> NODES.objectNode().put("not", "a string");
      case "integer", "number" -> NODES.textNode("not a number");
      case "boolean" -> NODES.arrayNode().add(true);
      case "array" -> NODES.objectNode().put("not", "an array");
      default -> NODES.arrayNode().add("not an object");
    };
  }

  private static Arbitrary<String> garbage() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(64).filter(s -> !isJson(s)),
        Arbitraries.of("{", "{\"a\":", "[1,2", "\"unterminated", "{\"x\":1}}", "\u0000", "nul"));
  }

  private static Arbitrary<String> wrongShape() {
    return Arbitraries.of("[]", "[{}]", "\"text\"", "42", "true", "null", "-1.5e308");
  }

  private static Arbitrary<String> queries() {
    Arbitrary<String> name = Arbitraries.of("limit", "cursor", "status", "since", "q", "minPrice");
    Arbitrary<String> value =
        Arbitraries.oneOf(
            Arbitraries.of("-1", "0", "abc", "1e99", "99999999999999999999", "%00", "", "null"),
            Arbitraries.strings().ofMaxLength(40));
    return Combinators.combine(name, value)
        .as((n, v) -> "?" + n + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
  }

  private static Arbitrary<String> pathValues() {
    return Arbitraries.oneOf(
        Arbitraries.of("0", "-1", "..", "null", "%00", "a%2Fb", "x".repeat(300)),
        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40));
  }

  private static Arbitrary<String> contentTypes() {
    return Arbitraries.of(
        "text/plain",
        "application/xml",
        "multipart/form-data",
        "application/x-www-form-urlencoded");
  }

  private static String path(Route route, String value) {
    String encoded = value.contains("%") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8);
    return route.path().replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(encoded));
  }

  private static boolean isJson(String text) {
    try {
      new ObjectMapper().readTree(text);
      return !text.isBlank();
    } catch (IOException e) {
      return false;
    }
  }

  private static JsonNode resolve(JsonNode document, JsonNode schema) {
    JsonNode ref = schema.get("$ref");
    if (ref == null) {
      return schema;
    }
    JsonNode target = document.at(ref.asText().substring(1));
    return target.isMissingNode() ? NODES.objectNode() : resolve(document, target);
  }
}
