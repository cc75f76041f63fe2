package shop.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Each function's memory as the CDK app deploys it by default: infra's {@code
 * function-memory.properties}, which {@code DeploymentConfig} reads too, so the benchmarks price
 * what is deployed without depending on the CDK app. Context overrides at deploy time are not seen.
 */
final class DeployedMemory {
  /** The file, from the repository's root (where {@code ./shop bench} runs). */
  static final Path FILE =
      Path.of("infra", "src", "main", "resources", "shop", "infra", "function-memory.properties");

  private final Properties sizes;

  private DeployedMemory(Properties sizes) {
    this.sizes = sizes;
    mb("default");
  }

  static DeployedMemory read(Path file) {
    Properties sizes = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      sizes.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DeployedMemory(sizes);
  }

  /** The memory of {@code function} ({@code shop-<service>-<role>}), else the default. */
  int mb(String function) {
    String value = sizes.getProperty(function, sizes.getProperty("default"));
    if (value == null) {
      throw new IllegalArgumentException("the deployed sizes have no default");
    }
    return Integer.parseInt(value.trim());
  }

  /** Every size in the file, the default among them. */
  java.util.Map<String, Integer> all() {
    java.util.Map<String, Integer> all = new java.util.TreeMap<>();
    sizes.stringPropertyNames().forEach(name -> all.put(name, mb(name)));
    return all;
  }
}
