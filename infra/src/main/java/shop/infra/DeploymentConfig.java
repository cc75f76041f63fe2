package shop.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Node;

/**
 * The settings a deployment may change without touching code, read from CDK context ({@code cdk
 * deploy -c shop:memory:user=2048}, or {@code context} in cdk.json); each has a default here.
 *
 * <p>A function's memory: {@code shop:memory:<function name>} (e.g. {@code
 * shop:memory:shop-transaction-api}), else {@code shop:memory:<service>}, else the size {@code
 * ./shop bench memory} chose for it from measurements ({@code function-memory.properties} beside
 * this class, which the cost benchmark prices with too), else that file's {@code default}.
 *
 * @param memoryMb function memory per service, in MB, as the context sets it
 * @param logRetention how long function and access logs are kept (a RetentionDays name)
 * @param apiRateLimit steady requests per second on the API's default stage
 * @param apiBurstLimit burst requests on the API's default stage
 * @param authRateLimit steady requests per second on each {@code /auth/*} route, all callers
 *     together (sign-in, registration, refresh, reset: {@link ApiStageStack})
 * @param authBurstLimit burst requests on each {@code /auth/*} route
 * @param jwtAudience the {@code aud} of access tokens (the user service issues it, every service
 *     and the API's JWT authorizer check it)
 * @param latencyAlarmMs a function's p99 duration above which its alarm fires
 * @param corsOrigins origins allowed to PUT product images with a presigned URL: required, each an
 *     explicit {@code https://} origin (no {@code *})
 * @param mongoDatabase the product service's MongoDB database name
 * @param emailFrom the sender address of customer emails (verified in SES)
 * @param archiveRetentionDays how long the bus archive keeps events for replays (they carry
 *     customers' personal data: no longer than replays need)
 * @param appBaseUrl the storefront pages that account emails link to ({@code /verify-email}, {@code
 *     /reset-password}); by default the first CORS origin, the storefront's
 * @param functionMemoryMb function memory per function name, in MB, as the context sets it
 */
public record DeploymentConfig(
    Map<String, Integer> memoryMb,
    RetentionDays logRetention,
    int apiRateLimit,
    int apiBurstLimit,
    int authRateLimit,
    int authBurstLimit,
    String jwtAudience,
    int latencyAlarmMs,
    List<String> corsOrigins,
    String mongoDatabase,
    String emailFrom,
    int archiveRetentionDays,
    String appBaseUrl,
    Map<String, Integer> functionMemoryMb) {

  static final List<String> SERVICES =
      List.of("product", "user", "transaction", "notification", "ops");
  private static final String MEMORY = "shop:memory:";
  private static final Map<String, Integer> MEASURED_MEMORY_MB = measuredMemory();
  static final String CORS_ORIGINS = "shop:corsOrigins";

  public DeploymentConfig {
    memoryMb = Map.copyOf(memoryMb);
    functionMemoryMb = Map.copyOf(functionMemoryMb);
    corsOrigins = List.copyOf(corsOrigins);
    if (corsOrigins.isEmpty()) {
      throw new IllegalArgumentException(
          "Set the context value "
              + CORS_ORIGINS
              + " to the storefront's origins, comma-separated (e.g. CDK_CONTEXT_JSON='{\""
              + CORS_ORIGINS
              + "\":\"https://shop.example.com\"}' ./shop synth): no origin is allowed by"
              + " default");
    }
    for (String origin : corsOrigins) {
      if (!origin.matches("^https?://[^/*\\s]+$")) {
        throw new IllegalArgumentException(
            CORS_ORIGINS
                + " must list explicit origins such as https://shop.example.com (no *, no path),"
                + " not '"
                + origin
                + "'");
      }
    }
    if (archiveRetentionDays < 1) {
      throw new IllegalArgumentException(
          "shop:archiveRetentionDays must be at least 1, not " + archiveRetentionDays);
    }
  }

  /** The defaults, overridden by context values under {@code shop:<name>}. */
  public static DeploymentConfig from(Node node) {
    Map<String, Integer> memory = new java.util.HashMap<>();
    Map<String, Integer> functionMemory = new java.util.HashMap<>();
    for (String key : contextKeys(node)) {
      if (!key.startsWith(MEMORY)) {
        continue;
      }
      String name = key.substring(MEMORY.length());
      if (SERVICES.contains(name)) {
        memory.put(name, integer(node, key, 0));
      } else if (SERVICES.stream().anyMatch(s -> name.startsWith("shop-" + s + "-"))) {
        functionMemory.put(name, integer(node, key, 0));
      } else {
        throw new IllegalArgumentException(
            key
                + " names no service ("
                + String.join(", ", SERVICES)
                + ") and no function (shop-<service>-<role>)");
      }
    }
    List<String> origins = origins(text(node, CORS_ORIGINS, ""));
    return new DeploymentConfig(
        memory,
        RetentionDays.valueOf(text(node, "shop:logRetention", "ONE_MONTH")),
        integer(node, "shop:apiRateLimit", 100),
        integer(node, "shop:apiBurstLimit", 200),
        integer(node, "shop:authRateLimit", 20),
        integer(node, "shop:authBurstLimit", 40),
        text(node, "shop:jwtAudience", "shop"),
        integer(node, "shop:latencyAlarmMs", 3000),
        origins,
        text(node, "shop:mongoDatabase", "shop"),
        text(node, "shop:emailFrom", "orders@example.com"),
        integer(node, "shop:archiveRetentionDays", 90),
        text(node, "shop:appBaseUrl", origins.isEmpty() ? "" : origins.get(0)),
        functionMemory);
  }

  /** The memory of {@code service}'s function {@code function} ({@code shop-<service>-<role>}). */
  public int memory(String service, String function) {
    Integer set = functionMemoryMb.getOrDefault(function, memoryMb.get(service));
    if (set != null) {
      return set;
    }
    return MEASURED_MEMORY_MB.getOrDefault(function, MEASURED_MEMORY_MB.get("default"));
  }

  /** The sizes {@code ./shop bench memory} chose, with the default for the rest. */
  static Map<String, Integer> measuredMemory() {
    java.util.Properties sizes = new java.util.Properties();
    try (var in = DeploymentConfig.class.getResourceAsStream("function-memory.properties")) {
      if (in == null) {
        throw new IllegalStateException("function-memory.properties is missing beside the config");
      }
      sizes.load(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Map<String, Integer> measured = new java.util.HashMap<>();
    sizes
        .stringPropertyNames()
        .forEach(name -> measured.put(name, Integer.parseInt(sizes.getProperty(name).trim())));
    if (!measured.containsKey("default")) {
      throw new IllegalStateException("function-memory.properties has no default");
    }
    return Map.copyOf(measured);
  }

  @SuppressWarnings("unchecked")
  private static java.util.Set<String> contextKeys(Node node) {
    Object all = node.getAllContext();
    return all instanceof Map<?, ?> map ? ((Map<String, Object>) map).keySet() : java.util.Set.of();
  }

  private static List<String> origins(String value) {
    return java.util.Arrays.stream(value.split(","))
        .map(String::trim)
        .filter(origin -> !origin.isEmpty())
        .toList();
  }

  private static int integer(Node node, String key, int fallback) {
    Object value = node.tryGetContext(key);
    return value == null ? fallback : Integer.parseInt(value.toString());
  }

  private static String text(Node node, String key, String fallback) {
    Object value = node.tryGetContext(key);
    return value == null ? fallback : value.toString();
  }
}
