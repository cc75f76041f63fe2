package shop.localstack.runtime;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;

/**
 * Static files under one path of the local HTTP API, as CloudFront serves them from a bucket in the
 * cloud: {@code <path>} redirects to {@code <path>/} (the pages' addresses are relative to their
 * folder), {@code <path>/} is index.html, anything not listed is 404.
 */
public final class StaticSite {
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "yaml", "application/yaml; charset=utf-8",
          "json", "application/json",
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8");

  private final String path;
  private final Map<String, byte[]> files;

  /**
   * @param path where it is served, e.g. {@code /console}
   * @param files each file by its path under {@code path}
   */
  public StaticSite(String path, Map<String, byte[]> files) {
    this.path = path;
    this.files = Map.copyOf(files);
  }

  public String path() {
    return path;
  }

  /** Answers {@code GET <path>...}. */
  public void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String requested = exchange.getRequestURI().getPath();
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.sendResponseHeaders(405, -1);
      } else if (requested.equals(path)) {
        exchange.getResponseHeaders().set("Location", path + "/");
        exchange.sendResponseHeaders(308, -1);
      } else if (!requested.startsWith(path + "/")) {
        exchange.sendResponseHeaders(404, -1);
      } else {
        String name = requested.substring(path.length() + 1);
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
}
