package shop.platform.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Settings read from environment variables (in Lambda) or from a map (tests and the local cloud,
 * where several services share one JVM). A missing required setting fails at cold start with its
 * name.
 */
public final class Config {
  private final Map<String, String> values;

  public Config(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  public static Config fromEnvironment() {
    return new Config(System.getenv());
  }

  /**
   * The value of {@code name}; throws {@link MissingConfigException} naming it when it is absent or
   * blank.
   */
  public String require(String name) {
    return optional(name).orElseThrow(() -> new MissingConfigException(name));
  }

  public Optional<String> optional(String name) {
    return Optional.ofNullable(values.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  public String get(String name, String defaultValue) {
    return optional(name).orElse(defaultValue);
  }

  public int getInt(String name, int defaultValue) {
    return optional(name).map(v -> parseInt(name, v)).orElse(defaultValue);
  }

  /** A duration in ISO-8601 ({@code PT30M}) or plain seconds ({@code 1800}). */
  public Duration getDuration(String name, Duration defaultValue) {
    return optional(name).map(v -> parseDuration(name, v)).orElse(defaultValue);
  }

  /**
   * A copy with {@code overrides} on top: how the local cloud gives each service its own settings.
   */
  public Config with(Map<String, String> overrides) {
    java.util.HashMap<String, String> merged = new java.util.HashMap<>(values);
    merged.putAll(overrides);
    return new Config(merged);
  }

  /** Every setting, for resolvers that rewrite values ({@link SecretReferences}). */
  Map<String, String> asMap() {
    return values;
  }

  private static int parseInt(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new MissingConfigException(name, value, "an integer");
    }
  }

  private static Duration parseDuration(String name, String value) {
    try {
      return value.startsWith("P")
          ? Duration.parse(value)
          : Duration.ofSeconds(Long.parseLong(value));
    } catch (RuntimeException e) {
      throw new MissingConfigException(name, value, "a duration (PT30M or seconds)");
    }
  }
}
