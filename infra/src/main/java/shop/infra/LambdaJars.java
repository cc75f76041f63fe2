package shop.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;
import software.amazon.awscdk.AssetHashType;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.s3.assets.AssetOptions;

/**
 * Where each service's deployable jar is: {@code <module>/target/<module>-lambda.jar}, which {@code
 * mvn package} builds (maven-shade-plugin, configured in the root pom).
 */
public final class LambdaJars {
  private final Function<String, Path> location;

  private LambdaJars(Function<String, Path> location) {
    this.location = location;
  }

  /** The jars under the repository at {@code root}. */
  public static LambdaJars inRepository(Path root) {
    return new LambdaJars(
        module -> root.resolve(module).resolve("target").resolve(module + "-lambda.jar"));
  }

  /**
   * The repository root seen from the working directory: the directory itself, or its parent when
   * run from {@code infra/} (as Maven's tests are).
   */
  public static Path repositoryRoot() {
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("infra")) ? here : here.getParent();
  }

  /** Jars resolved by {@code location} (tests substitute a placeholder for a missing jar). */
  public static LambdaJars at(Function<String, Path> location) {
    return new LambdaJars(location);
  }

  public Path path(String module) {
    return location.apply(module);
  }

  /** The function code of {@code module}; fails naming the build step when the jar is missing. */
  public Code code(String module) {
    Path jar = path(module);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: build it first (./mvnw -pl infra -am package -DskipTests)");
    }
    // The hash is computed here rather than by the CDK's asset staging (in Node, through jsii),
    // which takes several times as long on jars of this size.
    return Code.fromAsset(
        jar.toString(),
        AssetOptions.builder().assetHashType(AssetHashType.CUSTOM).assetHash(sha256(jar)).build());
  }

  private static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
