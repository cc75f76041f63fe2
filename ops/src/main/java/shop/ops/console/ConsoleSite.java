package shop.ops.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator console as static files: one HTML page, its stylesheet and script (no framework, no
 * build step), and {@code config.json} saying where the ops API is. The local HTTP API serves them
 * at {@code /console/} beside the API (an empty API URL: the same origin); the cloud publishes the
 * same files on S3 behind CloudFront with the API Gateway's URL. The page's addresses are relative,
 * so it works under any prefix, and it needs no internet.
 */
public final class ConsoleSite {
  /** Where the local HTTP API serves it. */
  public static final String PATH = "/console";

  /** The files other than config.json, each a classpath resource beside this class. */
  public static final List<String> ASSETS = List.of("index.html", "console.css", "console.js");

  private ConsoleSite() {}

  /** Each file by its path in the site, with a config.json naming {@code apiUrl}. */
  public static Map<String, byte[]> files(String apiUrl) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String asset : ASSETS) {
      files.put(asset, resource(asset));
    }
    files.put("config.json", config(apiUrl).getBytes(StandardCharsets.UTF_8));
    return files;
  }

  /** The console's settings: {@code {"apiUrl": "..."}}, empty for the page's own origin. */
  public static String config(String apiUrl) {
    if (apiUrl.contains("\"") || apiUrl.contains("\\")) {
      throw new IllegalArgumentException("not a URL: " + apiUrl);
    }
    return "{\"apiUrl\":\"" + apiUrl + "\"}";
  }

  private static byte[] resource(String name) {
    try (InputStream in = ConsoleSite.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no console file " + name + " beside ConsoleSite");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
