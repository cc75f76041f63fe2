package shop.platform.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The API reference as static files: one page of Swagger UI with a section per service, each over
 * that service's openapi.yaml beside it, and Swagger UI's own script and stylesheet. The local HTTP
 * API serves them at {@code /docs}; the cloud publishes the very same files behind CloudFront. The
 * page uses relative addresses only, so it works under any prefix, and needs no internet.
 *
 * <p>Swagger UI's files come from its webjar ({@code org.webjars:swagger-ui}), which only the local
 * cloud and the infrastructure put on their classpath: no Lambda carries it.
 */
public final class ApiReferenceSite {
  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final String[] ASSETS = {"swagger-ui.css", "swagger-ui-bundle.js"};

  private final Map<String, byte[]> contracts;

  private ApiReferenceSite(Map<String, byte[]> contracts) {
    this.contracts = contracts;
  }

  /** The site over {@code contracts}: each service's name and its openapi.yaml, in page order. */
  public static ApiReferenceSite of(Map<String, byte[]> contracts) {
    return new ApiReferenceSite(new LinkedHashMap<>(contracts));
  }

  /** Each file by its path in the site: index.html, {@code <service>.yaml}, swagger-ui/... */
  public Map<String, byte[]> files() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("index.html", page().getBytes(StandardCharsets.UTF_8));
    contracts.forEach((service, text) -> files.put(service + ".yaml", text));
    String assets = WEBJAR + swaggerUiVersion() + "/";
    for (String asset : ASSETS) {
      files.put("swagger-ui/" + asset, resource(assets + asset));
    }
    return files;
  }

  /** The page: a title, then one Swagger UI per service, each over {@code <service>.yaml}. */
  public String page() {
    String sections =
        contracts.keySet().stream()
            .map(s -> "<section id=\"%1$s\"><div id=\"ui-%1$s\"></div></section>".formatted(s))
            .collect(Collectors.joining("\n"));
    String bundles =
        contracts.keySet().stream()
            .map(s -> "SwaggerUIBundle({url: '%1$s.yaml', dom_id: '#ui-%1$s'});".formatted(s))
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

  private static byte[] resource(String name) {
    try (InputStream in = ApiReferenceSite.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "no " + name + ": is Swagger UI's webjar on the classpath?");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The webjar's version, from its Maven metadata: its files live under that version. */
  private static String swaggerUiVersion() {
    Properties properties = new Properties();
    try (InputStream in =
        new java.io.ByteArrayInputStream(
            resource("META-INF/maven/org.webjars/swagger-ui/pom.properties"))) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }
}
