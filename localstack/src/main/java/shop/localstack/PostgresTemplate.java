package shop.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A freshly initialised PostgreSQL data directory, made once per PostgreSQL build and copied for
 * every server: {@code initdb} is the slowest step of a start (about a second of CPU, against a few
 * milliseconds for the copy), and every start of the local cloud needs the same empty cluster. It
 * lives beside zonky's own unpacked binaries in the temp directory, named by the binaries' version,
 * so that other binaries never start on it.
 */
final class PostgresTemplate {
  private final Path template;

  private PostgresTemplate(Path template) {
    this.template = template;
  }

  /** The template of the binaries on the classpath, in {@code java.io.tmpdir}. */
  static PostgresTemplate ofClasspathBinaries() {
    return in(Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg"));
  }

  /** The template of the binaries on the classpath, under {@code directory}. */
  static PostgresTemplate in(Path directory) {
    return new PostgresTemplate(directory.resolve("shop-template-" + binariesVersion()));
  }

  /**
   * Copies the template into {@code data} (an empty directory), making the template first if there
   * is none yet.
   */
  void copyInto(Path data) throws IOException {
    if (!Files.exists(template.resolve("PG_VERSION"))) {
      make();
    }
    // PostgreSQL starts only on a data directory that is its owner's alone.
    Files.setPosixFilePermissions(data, Files.getPosixFilePermissions(template));
    try (Stream<Path> paths = Files.walk(template)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path target = data.resolve(template.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  /**
   * Lets zonky {@code initdb} a staging directory, starts and stops the server on it once (a clean
   * shutdown leaves no lock or recovery to do), and moves it into place in one step, so that a
   * concurrent start either sees a whole template or none; if another one got there first, ours
   * goes.
   */
  private void make() throws IOException {
    Files.createDirectories(template.getParent());
    Path staging = Files.createTempDirectory(template.getParent(), template.getFileName() + ".");
    try {
      // No port given: zonky takes a free one.
      EmbeddedPostgres.builder()
          .setDataDirectory(staging)
          .setCleanDataDirectory(false)
          .start()
          .close();
      Files.move(staging, template, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileSystemException e) {
      // Another start moved its template in first: as good as ours.
      if (!Files.exists(template.resolve("PG_VERSION"))) {
        throw e;
      }
    } finally {
      EmbeddedPostgresServer.delete(staging);
    }
  }

  private static String binariesVersion() {
    try (InputStream in = PostgresTemplate.class.getResourceAsStream("postgres.properties")) {
      if (in == null) {
        throw new IllegalStateException(
            "shop/localstack/postgres.properties is not on the classpath");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("binaries");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
