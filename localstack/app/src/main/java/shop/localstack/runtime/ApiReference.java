package shop.localstack.runtime;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import shop.platform.http.ApiReferenceSite;

/**
 * Serves the API reference ({@link ApiReferenceSite}) at {@code /docs}: the page at {@code /docs/},
 * each service's contract at {@code /docs/<service>.yaml}, Swagger UI's files under {@code
 * /docs/swagger-ui/}.
 */
public final class ApiReference {
  /** Where the local HTTP API serves it. */
  public static final String PATH = "/docs";

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "yaml", "application/yaml; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8");

  private final Map<String, byte[]> files;

  private ApiReference(Map<String, byte[]> files) {
    this.files = files;
  }

  /** The reference over {@code contracts}: each service's name and its openapi.yaml. */
  public static ApiReference of(Map<String, URL> contracts) {
    Map<String, byte[]> texts = new LinkedHashMap<>();
    contracts.forEach((service, url) -> texts.put(service, read(url)));
    return new ApiReference(ApiReferenceSite.of(texts).files());
  }

  /** Answers {@code GET /docs...}. */
  public void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.sendResponseHeaders(405, -1);
      } else if (path.equals(PATH)) {
        // The page's addresses are relative to the folder it is in.
        exchange.getResponseHeaders().set("Location", PATH + "/");
        exchange.sendResponseHeaders(308, -1);
      } else if (!path.startsWith(PATH + "/")) {
        exchange.sendResponseHeaders(404, -1);
      } else {
        String name = path.substring(PATH.length() + 1);
        byte[] file = files.get(name.isEmpty() ? "index.html" : name);
        if (file == null) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        String extension = name.isEmpty() ? "html" : name.substring(name.lastIndexOf('.') + 1);
        exchange
            .getResponseHeaders()
            .set(
                "Content-Type",
                TYPES.getOrDefault(extension.toLowerCase(Locale.ROOT), "application/octet-stream"));
        exchange.sendResponseHeaders(200, file.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(file);
        }
      }
    }
  }

  private static byte[] read(URL url) {
    try (InputStream in = url.openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
