package shop.infra;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import shop.events.EventType;
import shop.events.Subscription;
import shop.events.Topology;
import shop.platform.config.SecretReferences;
import shop.platform.http.ApiRoute;
import shop.platform.postgres.DatabaseRoles;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpIamAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.HttpAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpAuthorizerAttributes;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.HttpRouteKey;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.amazon.awscdk.services.events.CfnEventBusPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.scheduler.Schedule;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.targets.LambdaInvoke;
import software.amazon.awscdk.services.scheduler.targets.ScheduleTargetBaseProps;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.triggers.InvocationType;
import software.amazon.awscdk.triggers.Trigger;
import software.constructs.Construct;

/**
 * What every service stack does the same way: functions from the service's jar, routes from its
 * openapi.yaml, consumers from the topology, schedules, publishing rights limited to its own
 * source, and database migrations as a deployment step.
 */
abstract class ServiceStack extends Stack {
  protected final String service;
  protected final SharedStack shared;
  protected final DeploymentConfig config;
  private final Code code;
  private final IHttpRouteAuthorizer jwt;
  private final List<ShopFunction> functions = new ArrayList<>();
  private final List<EventConsumer> consumers = new ArrayList<>();
  private final Map<String, ISecret> secretSettings = new HashMap<>();

  ServiceStack(
      Construct scope, String service, StackProps props, SharedStack shared, LambdaJars jars) {
    super(scope, "shop-" + service, props);
    this.service = service;
    this.shared = shared;
    this.config = shared.config();
    this.code = jars.code(service);
    this.jwt =
        HttpAuthorizer.fromHttpAuthorizerAttributes(
            this,
            "JwtAuthorizer",
            HttpAuthorizerAttributes.builder()
                .authorizerId(shared.jwtAuthorizer().getAuthorizerId())
                .authorizerType("JWT")
                .build());
  }

  /** A function of this service: {@code shop-<service>-<role>}. */
  protected ShopFunction function(
      String role,
      String handlerClass,
      Duration timeout,
      Map<String, String> environment,
      ShopFunction.Network network) {
    String name = "shop-" + service + "-" + role;
    ShopFunction function =
        new ShopFunction(
            this,
            role,
            new ShopFunction.Props(
                name,
                handlerClass,
                code,
                config.memory(service, name),
                timeout,
                environment,
                network,
                config,
                shared.alarms()));
    functions.add(function);
    environment.values().stream()
        .map(secretSettings::get)
        .filter(java.util.Objects::nonNull)
        .distinct()
        .forEach(secret -> secret.grantRead(function));
    return function;
  }

  /**
   * A setting that the function reads from Secrets Manager when it starts ({@code
   * SecretReferences}): the reference goes into the environment, the value never does, and every
   * function given the setting may read that secret.
   */
  protected String secretSetting(ISecret secret, String field) {
    String reference = SecretReferences.reference(secret.getSecretArn(), field);
    secretSettings.put(reference, secret);
    return reference;
  }

  /**
   * The {@code DATABASE_*} settings of this service's functions: its database through the proxy, as
   * its runtime role (rows of its own tables only).
   */
  protected Map<String, String> runtimeDatabase(DataStack data) {
    return database(data, DatabaseRoles.runtimeRole(service), data.runtimeCredentials(service));
  }

  /** The {@code DATABASE_*} settings of this service's migration: as the database's owner. */
  protected Map<String, String> migrationDatabase(DataStack data) {
    return database(data, DatabaseRoles.migrationRole(service), data.migrationCredentials(service));
  }

  private Map<String, String> database(DataStack data, String role, ISecret login) {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", data.jdbcUrl(service));
    env.put("DATABASE_USER", role);
    env.put("DATABASE_PASSWORD", secretSetting(login, "password"));
    return env;
  }

  /** The access token settings every verifying service reads ({@code JwtVerifier.fromConfig}). */
  protected Map<String, String> tokenEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("JWT_ISSUER", shared.issuer());
    env.put("JWT_AUDIENCE", config.jwtAudience());
    env.put("JWKS_URL", shared.jwksUrl());
    return env;
  }

  /** Routes every operation of the openapi.yaml beside {@code anchor} to {@code function}. */
  protected Map<ApiRoute, HttpRoute> serveRoutes(Class<?> anchor, ShopFunction function) {
    HttpLambdaIntegration integration =
        new HttpLambdaIntegration(service + "-api", function.alias());
    Map<ApiRoute, HttpRoute> routes = new java.util.LinkedHashMap<>();
    for (ApiRoute route : ServiceContract.routes(anchor)) {
      HttpRoute httpRoute =
          HttpRoute.Builder.create(this, "Route " + route.routeKey())
              .httpApi(shared.api())
              .routeKey(
                  HttpRouteKey.with(
                      route.path(), HttpMethod.valueOf(route.method().toUpperCase(Locale.ROOT))))
              .integration(integration)
              .authorizer(authorizer(route.auth()))
              .build();
      if (route.auth() == ApiRoute.Auth.NONE) {
        NagFindings.onResource(
            httpRoute,
            "AwsSolutions-APIG4",
            "Public by the service's openapi.yaml (security: []): sign-up, login, the catalogue,"
                + " the JWKS, or a webhook that checks its own signature");
      }
      routes.put(route, httpRoute);
    }
    return routes;
  }

  private IHttpRouteAuthorizer authorizer(ApiRoute.Auth auth) {
    return switch (auth) {
      case NONE -> new HttpNoneAuthorizer();
      case JWT -> jwt;
      case IAM -> new HttpIamAuthorizer();
    };
  }

  /**
   * One function per subscription of this service in the topology, each consuming its own queue.
   *
   * <p>The function times out at a sixth of the queue's visibility timeout, as Lambda advises for
   * SQS event sources, so a retried batch never overlaps a running one.
   */
  protected List<ShopFunction> consumeEvents(
      Map<String, String> environment, ShopFunction.Network network) {
    return consumeEvents(subscription -> environment, network);
  }

  /** As above, with each subscription's function given its own settings (least privilege). */
  protected List<ShopFunction> consumeEvents(
      java.util.function.Function<Subscription, Map<String, String>> environment,
      ShopFunction.Network network) {
    List<ShopFunction> handlers = new ArrayList<>();
    for (Subscription subscription : Topology.shop().subscriptions()) {
      if (!subscription.service().equals(service)) {
        continue;
      }
      ShopFunction handler =
          function(
              subscription.consumer() + "-events",
              subscription.handler(),
              Duration.seconds(subscription.visibilityTimeoutSeconds() / 6),
              environment.apply(subscription),
              network);
      shared.failures().grantReadWriteData(handler);
      consumers.add(new EventConsumer(this, subscription, shared.bus(), handler, shared.alarms()));
      handlers.add(handler);
    }
    return handlers;
  }

  /**
   * Lets the service's functions publish, with its own source only: the IAM condition on {@code
   * events:source} is what makes "only the owner publishes an event" true in the cloud.
   */
  protected void allowPublishingOwnEvents() {
    boolean owns =
        java.util.Arrays.stream(EventType.values()).anyMatch(t -> t.service().equals(service));
    if (!owns) {
      throw new IllegalStateException(service + " owns no event type");
    }
    String source = "shop." + service;
    PolicyStatement publish =
        PolicyStatement.Builder.create()
            .actions(List.of("events:PutEvents"))
            .resources(List.of(shared.bus().getEventBusArn()))
            .conditions(Map.of("StringEquals", Map.of("events:source", source)))
            .build();
    functions.forEach(f -> f.addToRolePolicy(publish));
    denyTheSourceToOtherPrincipals(source);
  }

  /**
   * The bus's side: in the account, an identity policy alone lets a principal put events, so the
   * bus denies {@code source} to every principal but this service's roles (a role with a broad
   * {@code events:*} grant, or another service's compromised function, cannot publish as this one).
   */
  private void denyTheSourceToOtherPrincipals(String source) {
    // Letters and digits: what both IAM's Sid and EventBridge's StatementId accept.
    String sid =
        "Only"
            + Character.toUpperCase(service.charAt(0))
            + service.substring(1)
            + "PublishesItsSource";
    CfnEventBusPolicy.Builder.create(this, "OnlyThisServicePublishesItsSource")
        .eventBusName(shared.bus().getEventBusName())
        .statementId(sid)
        .statement(
            Map.of(
                "Sid",
                sid,
                "Effect",
                "Deny",
                "Principal",
                Map.of("AWS", "*"),
                "Action",
                "events:PutEvents",
                "Resource",
                shared.bus().getEventBusArn(),
                "Condition",
                Map.of(
                    "StringEquals", Map.of("events:source", source),
                    "ArnNotEquals",
                        Map.of(
                            "aws:PrincipalArn",
                            functions.stream()
                                .map(f -> f.function().getRole().getRoleArn())
                                .toList()))))
        .build();
  }

  /** Invokes {@code function} on {@code expression} through EventBridge Scheduler. */
  protected Schedule schedule(String id, ShopFunction function, ScheduleExpression expression) {
    return Schedule.Builder.create(this, "Schedule-" + id)
        .scheduleName("shop-" + service + "-" + id)
        .description(function.function().getFunctionName() + " on a schedule")
        .schedule(expression)
        .target(
            new LambdaInvoke(
                function.alias(),
                ScheduleTargetBaseProps.builder()
                    // The next tick retries: a late run is worth nothing.
                    .retryAttempts(0)
                    .maxEventAge(Duration.minutes(1))
                    .build()))
        .build();
  }

  /**
   * The service's migration function ({@code handler}, a Flyway handler), which needs the database
   * only, as its owner, and may read no other secret; run during the deployment after the database
   * and its roles exist and before the stack is complete, and again whenever its code or config
   * changes.
   */
  protected Trigger migrateOnDeploy(
      Class<?> handler, DataStack data, ShopFunction.Network network) {
    ShopFunction migrate =
        function(
            "migrate", handler.getName(), Duration.minutes(5), migrationDatabase(data), network);
    return runOnDeploy("Migrate", migrate, List.of(data.databaseReady()));
  }

  /**
   * Runs {@code function} once during the deployment, after {@code after} and before the stack is
   * complete; again whenever the function's code or config changes. A failure fails the deployment.
   */
  protected Trigger runOnDeploy(String id, ShopFunction function, List<Construct> after) {
    return Trigger.Builder.create(this, id)
        .handler(function.function())
        .invocationType(InvocationType.REQUEST_RESPONSE)
        .timeout(Duration.minutes(5))
        .executeAfter(after)
        .build();
  }

  List<ShopFunction> functions() {
    return List.copyOf(functions);
  }

  List<EventConsumer> consumers() {
    return List.copyOf(consumers);
  }
}
