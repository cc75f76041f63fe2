package shop.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.platform.http.ApiRoute;
import shop.user.UserModule;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The HTTP API's {@code $default} stage: the whole API's throttle, tighter throttles on the sign-in
 * routes, and the access log. It is a stack of its own, deployed after every service stack, because
 * API Gateway refuses a stage whose route settings name a route that does not exist yet, and the
 * routes are created by the service stacks.
 */
final class ApiStageStack extends Stack {
  /** The routes a stranger can hammer to guess passwords, lock accounts or send mail. */
  static final String SIGN_IN_PREFIX = "/auth/";

  ApiStageStack(
      Construct scope,
      StackProps props,
      SharedStack shared,
      DeploymentConfig config,
      List<? extends Stack> routeStacks) {
    super(scope, "shop-api-stage", props);
    routeStacks.forEach(this::addDependency);
    LogGroup accessLogs =
        LogGroup.Builder.create(this, "ApiAccessLogs")
            .retention(config.logRetention())
            .removalPolicy(RemovalPolicy.DESTROY)
            .build();
    HttpStage stage =
        HttpStage.Builder.create(this, "DefaultStage")
            .httpApi(shared.api())
            .stageName("$default")
            .autoDeploy(true)
            .throttle(
                ThrottleSettings.builder()
                    .rateLimit(config.apiRateLimit())
                    .burstLimit(config.apiBurstLimit())
                    .build())
            .accessLogSettings(accessLogSettings(new LogGroupLogDestination(accessLogs)))
            .build();
    // The L2 stage has no per-route settings; CloudFormation's RouteSettings is keyed by route key.
    ((CfnStage) stage.getNode().getDefaultChild()).setRouteSettings(signInThrottles(config));
  }

  /**
   * One throttle per sign-in route of the user service's contract: API Gateway's throttle counts
   * every caller together, so it caps what a flood costs; the user service's limiter per source
   * address keeps one caller from using up the whole allowance.
   */
  static Map<String, Object> signInThrottles(DeploymentConfig config) {
    Map<String, Object> settings = new LinkedHashMap<>();
    for (ApiRoute route : ServiceContract.routes(UserModule.class)) {
      if (route.path().startsWith(SIGN_IN_PREFIX)) {
        settings.put(
            route.routeKey(),
            Map.of(
                "ThrottlingRateLimit", config.authRateLimit(),
                "ThrottlingBurstLimit", config.authBurstLimit()));
      }
    }
    if (settings.isEmpty()) {
      throw new IllegalStateException("user's openapi.yaml has no " + SIGN_IN_PREFIX + " route");
    }
    return settings;
  }

  private static IAccessLogSettings accessLogSettings(IAccessLogDestination destination) {
    return new IAccessLogSettings() {
      @Override
      public IAccessLogDestination getDestination() {
        return destination;
      }

      @Override
      public AccessLogFormat getFormat() {
        return AccessLogFormat.custom(
            "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
                + "\"requestTime\":\"$context.requestTime\",\"routeKey\":\"$context.routeKey\","
                + "\"status\":\"$context.status\",\"latency\":\"$context.responseLatency\","
                + "\"integrationError\":\"$context.integrationErrorMessage\","
                + "\"authorizerError\":\"$context.authorizer.error\"}");
      }
    };
  }
}
