package shop.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Node;

/**
 * The settings a deployment may change without touching code, read from CDK context ({@code cdk
 * deploy -c shop:memory:user=2048}, or {@code context} in cdk.json); each has a default here.
 *
 * @param memoryMb function memory per service, in MB
 * @param logRetention how long function and access logs are kept (a RetentionDays name)
 * @param apiRateLimit steady requests per second on the API's default stage
 * @param apiBurstLimit burst requests on the API's default stage
 * @param jwtAudience the {@code aud} of access tokens (the user service issues it, every service
 *     and the API's JWT authorizer check it)
 * @param latencyAlarmMs a function's p99 duration above which its alarm fires
 * @param corsOrigins origins allowed to PUT product images with a presigned URL
 * @param mongoDatabase the product service's MongoDB database name
 * @param emailFrom the sender address of customer emails (verified in SES)
 */
public record DeploymentConfig(
    Map<String, Integer> memoryMb,
    RetentionDays logRetention,
    int apiRateLimit,
    int apiBurstLimit,
    String jwtAudience,
    int latencyAlarmMs,
    List<String> corsOrigins,
    String mongoDatabase,
    String emailFrom) {

  static final List<String> SERVICES =
      List.of("product", "user", "transaction", "notification", "ops");
  private static final int DEFAULT_MEMORY_MB = 1024;

  public DeploymentConfig {
    memoryMb = Map.copyOf(memoryMb);
    corsOrigins = List.copyOf(corsOrigins);
  }

  /** The defaults, overridden by context values under {@code shop:<name>}. */
  public static DeploymentConfig from(Node node) {
    Map<String, Integer> memory =
        SERVICES.stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    s -> s, s -> integer(node, "shop:memory:" + s, DEFAULT_MEMORY_MB)));
    return new DeploymentConfig(
        memory,
        RetentionDays.valueOf(text(node, "shop:logRetention", "ONE_MONTH")),
        integer(node, "shop:apiRateLimit", 100),
        integer(node, "shop:apiBurstLimit", 200),
        text(node, "shop:jwtAudience", "shop"),
        integer(node, "shop:latencyAlarmMs", 3000),
        List.of(text(node, "shop:corsOrigins", "*").split(",")),
        text(node, "shop:mongoDatabase", "shop"),
        text(node, "shop:emailFrom", "orders@example.com"));
  }

  /** The memory of {@code service}'s functions. */
  public int memory(String service) {
    return memoryMb.getOrDefault(service, DEFAULT_MEMORY_MB);
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
