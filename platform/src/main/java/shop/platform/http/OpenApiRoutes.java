package shop.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the route table from a service's openapi.yaml: its paths are the routes, and each
 * operation's {@code security} (or the document's default) says how it is authorized: {@code []}
 * public, {@code bearerAuth} a JWT, {@code sigv4} AWS IAM. The CDK app, the local HTTP API and the
 * route contract tests all read it, so no route is written twice.
 */
public final class OpenApiRoutes {
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private OpenApiRoutes() {}

  /** The routes of the openapi.yaml at classpath {@code resource}. */
  public static List<ApiRoute> fromClasspath(String resource) {
    try (InputStream in = OpenApiRoutes.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no " + resource + " on the classpath");
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<ApiRoute> parse(InputStream yaml) throws IOException {
    JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    ApiRoute.Auth defaultAuth = auth(doc.path("security"), ApiRoute.Auth.NONE);
    List<ApiRoute> routes = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
      while (operations.hasNext()) {
        Map.Entry<String, JsonNode> operation = operations.next();
        if (!METHODS.contains(operation.getKey())) {
          continue;
        }
        JsonNode op = operation.getValue();
        routes.add(
            new ApiRoute(
                operation.getKey().toUpperCase(Locale.ROOT),
                path.getKey(),
                auth(op.path("security"), defaultAuth),
                op.path("operationId").asText(null)));
      }
    }
    return List.copyOf(routes);
  }

  private static ApiRoute.Auth auth(JsonNode security, ApiRoute.Auth fallback) {
    if (security.isMissingNode()) {
      return fallback;
    }
    for (JsonNode requirement : security) {
      if (requirement.has("sigv4")) {
        return ApiRoute.Auth.IAM;
      }
      if (requirement.has("bearerAuth")) {
        return ApiRoute.Auth.JWT;
      }
    }
    return ApiRoute.Auth.NONE;
  }
}
