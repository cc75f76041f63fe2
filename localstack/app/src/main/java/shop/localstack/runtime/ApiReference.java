package shop.localstack.runtime;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The API reference at {@code /docs}: one page of Swagger UI (from its webjar, so no internet is
 * needed) with one section per service, each over that service's openapi.yaml, which is served
 * beside it as {@code /docs/<service>.yaml}. The page only uses relative addresses, so the cloud's
 * docs site publishes the very same files under any prefix.
 */
public final class ApiReference {
  /** Where the local HTTP API serves it. */
  public static final String PATH = "/docs";

  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final Map<String, String> TYPES =
      Map.of(
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "png", "image/png",
          "html", "text/html; charset=utf-8");

  private final Map<String, byte[]> contracts;
  private final String assets;

  private ApiReference(Map<String, byte[]> contracts) {
    this.contracts = contracts;
    this.assets = WEBJAR + swaggerUiVersion() + "/";
  }

  /** The reference over {@code contracts}: each service's name and its openapi.yaml. */
  public static ApiReference of(Map<String, URL> contracts) {
    Map<String, byte[]> texts = new LinkedHashMap<>();
    contracts.forEach((service, url) -> texts.put(service, read(url)));
    return new ApiReference(texts);
  }

  /** The page: a title, then one Swagger UI per service, each over {@code <service>.yaml}. */
  public String page() {
    String sections =
        contracts.keySet().stream()
            .map(s -> "  <section id=\"%1$s\"><div id=\"ui-%1$s\"></div></section>".formatted(s))
            .collect(Collectors.joining("\n"));
    String bundles =
        contracts.keySet().stream()
            .map(
                s ->
                    "  SwaggerUIBundle({url: '%1$s.yaml', dom_id: '#ui-%1$s', deepLinking: true});"
                        .formatted(s))
            .collect(Collectors.joining("\n"));
    return """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>shop API reference</title>
          <link rel="stylesheet" href="swagger-ui/swagger-ui.css">
        </head>
        <body>
        <h1 style="font-family: sans-serif; margin: 1em 20px 0">shop API reference</h1>
        %s
        <script src="swagger-ui/swagger-ui-bundle.js"></script>
        <script>
        %s
        </script>
        </body>
        </html>
        """
        .formatted(sections, bundles);
  }

  /** Each file of the site by its path under {@link #PATH}: the page, the contracts, the assets. */
  public Map<String, byte[]> files() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("index.html", page().getBytes(StandardCharsets.UTF_8));
    contracts.forEach((service, text) -> files.put(service + ".yaml", text));
    for (String asset : new String[] {"swagger-ui.css", "swagger-ui-bundle.js"}) {
      files.put("swagger-ui/" + asset, asset(asset));
    }
    return files;
  }

  /** Answers {@code GET /docs...}: the page, a contract or an asset of Swagger UI. */
  public void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!exchange.getRequestMethod().equals("GET")) {
        send(exchange, 405, "text/plain", "GET only".getBytes(StandardCharsets.UTF_8));
      } else if (path.equals(PATH)) {
        exchange.getResponseHeaders().set("Location", PATH + "/");
        exchange.sendResponseHeaders(308, -1);
      } else if (path.equals(PATH + "/") || path.equals(PATH + "/index.html")) {
        send(exchange, 200, TYPES.get("html"), page().getBytes(StandardCharsets.UTF_8));
      } else if (path.startsWith(PATH + "/swagger-ui/") && !path.contains("..")) {
        String name = path.substring((PATH + "/swagger-ui/").length());
        byte[] asset = assetOrNull(name);
        if (asset == null) {
          notFound(exchange);
        } else {
          send(
              exchange,
              200,
              TYPES.getOrDefault(extension(name), "application/octet-stream"),
              asset);
        }
      } else if (path.endsWith(".yaml")
          && contracts.containsKey(path.substring(PATH.length() + 1, path.length() - 5))) {
        send(
            exchange,
            200,
            "application/yaml; charset=utf-8",
            contracts.get(path.substring(PATH.length() + 1, path.length() - 5)));
      } else {
        notFound(exchange);
      }
    }
  }

  private byte[] asset(String name) {
    byte[] asset = assetOrNull(name);
    if (asset == null) {
      throw new IllegalStateException("Swagger UI's webjar has no " + name);
    }
    return asset;
  }

  private byte[] assetOrNull(String name) {
    try (InputStream in = ApiReference.class.getClassLoader().getResourceAsStream(assets + name)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String extension(String name) {
    return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
  }

  private static void notFound(HttpExchange exchange) throws IOException {
    send(exchange, 404, "text/plain", "Not Found".getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] read(URL url) {
    try (InputStream in = url.openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The webjar's version, from its Maven metadata: its files live under that version. */
  private static String swaggerUiVersion() {
    try (InputStream in =
        ApiReference.class
            .getClassLoader()
            .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("Swagger UI's webjar is not on the classpath");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
