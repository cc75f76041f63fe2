package shop.localstack.app;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.localstack.runtime.ApiReference;
import shop.localstack.runtime.LocalHttpApi;
import shop.platform.http.ApiRoute;
import shop.platform.http.OpenApiRoutes;

/**
 * The routes of one service: the openapi.yaml of the jar (or classes folder) its handler comes
 * from. Every service keeps its contract at the same resource name, so in one JVM the handler's own
 * code source says which is which.
 */
final class ServiceRoutes {
  private ServiceRoutes() {}

  /** {@code handler} behind the local HTTP API as the function {@code name}, serving its routes. */
  static LocalHttpApi.Function function(
      String name, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
    return new LocalHttpApi.Function(name, of(handler.getClass()), handler);
  }

  static List<ApiRoute> of(Class<?> handler) {
    try (InputStream in = contract(handler).openStream()) {
      return OpenApiRoutes.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The API reference over the contracts of {@code functions}, each under its function's name. */
  static ApiReference reference(List<LocalHttpApi.Function> functions) {
    Map<String, URL> contracts = new LinkedHashMap<>();
    functions.forEach(f -> contracts.put(f.name(), contract(f.handler().getClass())));
    return ApiReference.of(contracts);
  }

  /** The openapi.yaml of the jar (or classes folder) {@code handler} comes from. */
  static URL contract(Class<?> handler) {
    try {
      Path home = Path.of(handler.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (URL url : Collections.list(handler.getClassLoader().getResources("openapi.yaml"))) {
        if (belongsTo(url, home)) {
          return url;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalStateException("no openapi.yaml next to " + handler.getName());
  }

  private static boolean belongsTo(URL resource, Path home) throws URISyntaxException {
    if (resource.getProtocol().equals("jar")) {
      String file = resource.getPath().substring(0, resource.getPath().indexOf("!/"));
      return Path.of(java.net.URI.create(file)).equals(home);
    }
    return Path.of(resource.toURI()).getParent().equals(home);
  }
}
