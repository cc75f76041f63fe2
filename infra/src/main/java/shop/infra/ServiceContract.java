package shop.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import shop.platform.http.ApiRoute;
import shop.platform.http.OpenApiRoutes;

/**
 * A service's route table: the openapi.yaml of the module that holds {@code anchor}. Every service
 * keeps it at the root of its resources, so several of them on one classpath shadow each other;
 * this reads the one beside the anchor class (its jar or classes directory).
 */
final class ServiceContract {
  private static final String RESOURCE = "openapi.yaml";

  private ServiceContract() {}

  static List<ApiRoute> routes(Class<?> anchor) {
    try (InputStream in = new java.io.ByteArrayInputStream(text(anchor))) {
      return OpenApiRoutes.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + RESOURCE + " beside " + anchor.getName(), e);
    }
  }

  /** The openapi.yaml beside {@code anchor}, as it is. */
  static byte[] text(Class<?> anchor) {
    Path origin;
    try {
      origin = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    try {
      if (Files.isDirectory(origin)) {
        return Files.readAllBytes(origin.resolve(RESOURCE));
      }
      try (ZipFile jar = new ZipFile(origin.toFile());
          InputStream in = jar.getInputStream(jar.getEntry(RESOURCE))) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + RESOURCE + " beside " + anchor.getName(), e);
    }
  }
}
