package shop.localstack.runtime;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.LinkedHashMap;
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

  private final StaticSite site;

  private ApiReference(Map<String, byte[]> files) {
    this.site = new StaticSite(PATH, files);
  }

  /** The reference over {@code contracts}: each service's name and its openapi.yaml. */
  public static ApiReference of(Map<String, URL> contracts) {
    Map<String, byte[]> texts = new LinkedHashMap<>();
    contracts.forEach((service, url) -> texts.put(service, read(url)));
    return new ApiReference(ApiReferenceSite.of(texts).files());
  }

  /** Answers {@code GET /docs...}. */
  public void serve(HttpExchange exchange) throws IOException {
    site.serve(exchange);
  }

  private static byte[] read(URL url) {
    try (InputStream in = url.openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
