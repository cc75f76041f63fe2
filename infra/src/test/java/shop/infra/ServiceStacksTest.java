package shop.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.events.Subscription;
import shop.events.Topology;
import shop.notification.NotificationModule;
import shop.ops.OpsModule;
import shop.platform.http.ApiRoute;
import shop.product.ProductModule;
import shop.transaction.TransactionModule;
import shop.user.UserModule;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ServiceStacksTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SynthesizedShop shop = SynthesizedShop.get();

  private Map<ServiceStack, Class<?>> services() {
    return Map.of(
        shop.stacks.product(), ProductModule.class,
        shop.stacks.user(), UserModule.class,
        shop.stacks.transaction(), TransactionModule.class,
        shop.stacks.notification(), NotificationModule.class,
        shop.stacks.ops(), OpsModule.class);
  }

  private Template template(String service) {
    return services().keySet().stream()
        .filter(s -> s.service.equals(service))
        .map(shop::template)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void noSecretValueIsInAnyFunctionsConfigurationOnlyReferencesItMayRead() throws Exception {
    for (ServiceStack stack : services().keySet()) {
      Map<String, Map<String, Object>> functions =
          shop.template(stack).findResources("AWS::Lambda::Function", Map.of());
      String environments = JSON.writeValueAsString(functions);
      assertThat(environments).doesNotContain("resolve:secretsmanager");
    }
    // Each reference names a field of a secret, and the functions given it may read that secret.
    Template transaction = template("transaction");
    transaction.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of(
            "FunctionName",
            "shop-transaction-api",
            "Environment",
            Map.of(
                "Variables",
                Match.objectLike(
                    Map.of(
                        "STRIPE_API_KEY",
                        Map.of(
                            "Fn::Join",
                            List.of(
                                "", List.of("secretsmanager:", Match.anyValue(), "#apiKey"))))))));
    transaction.hasResourceProperties(
        "AWS::IAM::Policy",
        Map.of(
            "PolicyDocument",
            Map.of(
                "Statement",
                Match.arrayWith(
                    List.of(
                        Match.objectLike(
                            Map.of(
                                "Action",
                                List.of(
                                    "secretsmanager:GetSecretValue",
                                    "secretsmanager:DescribeSecret"))))))));
  }

  @Test
  void eachFunctionHasItsOwnMemoryTheMeasuredSizeByDefault() {
    DeploymentConfig config = shop.stacks.shared().config();
    for (ServiceStack stack : services().keySet()) {
      Template template = shop.template(stack);
      for (ShopFunction function : stack.functions()) {
        template.hasResourceProperties(
            "AWS::Lambda::Function",
            Map.of(
                "FunctionName",
                function.name(),
                "MemorySize",
                config.memory(stack.service, function.name())));
      }
    }
    // the memory model's choices, not one size for all of a service's functions
    Map<String, Integer> measured = DeploymentConfig.measuredMemory();
    assertThat(config.memory("transaction", "shop-transaction-payments-events"))
        .isEqualTo(measured.get("shop-transaction-payments-events"))
        .isNotEqualTo(config.memory("transaction", "shop-transaction-api"));
  }

  @Test
  void everyFunctionIsJava21OnArmWithSnapStartTracingAndAnAlias() {
    for (ServiceStack stack : services().keySet()) {
      Template template = shop.template(stack);
      int functions = stack.functions().size();
      assertThat(functions).isPositive();
      template.resourcePropertiesCountIs(
          "AWS::Lambda::Function",
          Map.of(
              "Runtime", "java21",
              "Architectures", List.of("arm64"),
              "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
              "TracingConfig", Map.of("Mode", "Active"),
              "LoggingConfig", Match.objectLike(Map.of())),
          functions);
      template.resourcePropertiesCountIs(
          "AWS::Lambda::Alias", Map.of("Name", ShopFunction.ALIAS), functions);
      template.resourcePropertiesCountIs(
          "AWS::Logs::LogGroup", Map.of("RetentionInDays", 30), functions);
      template.resourcePropertiesCountIs(
          "AWS::CloudWatch::Alarm", Map.of("MetricName", "Errors", "Threshold", 1), functions);
      template.resourcePropertiesCountIs(
          "AWS::CloudWatch::Alarm",
          Map.of("MetricName", "Duration", "ExtendedStatistic", "p99"),
          functions);
    }
  }

  @Test
  void everyOpenApiRouteIsOnTheApiWithItsAuthorization() {
    services()
        .forEach(
            (stack, anchor) -> {
              List<ApiRoute> routes = ServiceContract.routes(anchor);
              assertThat(routes).isNotEmpty();
              Template template = shop.template(stack);
              template.resourceCountIs("AWS::ApiGatewayV2::Route", routes.size());
              for (ApiRoute route : routes) {
                template.hasResourceProperties(
                    "AWS::ApiGatewayV2::Route",
                    Map.of(
                        "RouteKey",
                        route.routeKey(),
                        "AuthorizationType",
                        switch (route.auth()) {
                          case NONE -> "NONE";
                          case JWT -> "JWT";
                          case IAM -> "AWS_IAM";
                        }));
              }
            });
  }

  @Test
  void everySubscriptionHasRuleQueueDeadLetterQueueAndBatchConsumer() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (Subscription subscription : Topology.shop().subscriptions()) {
      Template template = template(subscription.service());
      template.hasResourceProperties(
          "AWS::Events::Rule",
          Map.of(
              "Name", subscription.rule(),
              "EventPattern", json.readValue(subscription.eventPattern(), Map.class),
              "Targets",
                  List.of(
                      Match.objectLike(
                          Map.of(
                              "DeadLetterConfig", Match.objectLike(Map.of()),
                              "RetryPolicy", Match.objectLike(Map.of()))))));
      template.hasResourceProperties(
          "AWS::SQS::Queue",
          Map.of(
              "QueueName", subscription.queue(),
              "VisibilityTimeout", subscription.visibilityTimeoutSeconds(),
              "SqsManagedSseEnabled", true,
              "RedrivePolicy",
                  Match.objectLike(Map.of("maxReceiveCount", subscription.maxReceiveCount()))));
      for (String dlq :
          List.of(subscription.deadLetterQueue(), subscription.undeliverableQueue())) {
        template.hasResourceProperties(
            "AWS::SQS::Queue", Map.of("QueueName", dlq, "SqsManagedSseEnabled", true));
        template.hasResourceProperties(
            "AWS::CloudWatch::Alarm",
            Map.of(
                "AlarmName",
                dlq + "-not-empty",
                "MetricName",
                "ApproximateNumberOfMessagesVisible",
                "Threshold",
                1,
                "ComparisonOperator",
                "GreaterThanOrEqualToThreshold"));
      }
      template.hasResourceProperties(
          "AWS::Lambda::EventSourceMapping",
          Map.of(
              "BatchSize", subscription.batchSize(),
              "ScalingConfig", Map.of("MaximumConcurrency", subscription.maxConcurrency()),
              "FunctionResponseTypes", List.of("ReportBatchItemFailures")));
      // Through the alias: SnapStart applies to published versions only.
      assertThat(template.findResources("AWS::Lambda::EventSourceMapping").keySet())
          .allMatch(id -> id.contains("Alias"));
      template.hasResourceProperties(
          "AWS::Lambda::Function", Map.of("Handler", subscription.handler() + "::handleRequest"));
    }
  }

  @Test
  void publishersMayPutEventsWithTheirOwnSourceOnly() {
    for (String service : List.of("product", "user", "transaction")) {
      template(service)
          .hasResourceProperties(
              "AWS::IAM::Policy",
              Map.of(
                  "PolicyDocument",
                  Map.of(
                      "Statement",
                      Match.arrayWith(
                          List.of(
                              Match.objectLike(
                                  Map.of(
                                      "Action",
                                      "events:PutEvents",
                                      "Condition",
                                      Map.of(
                                          "StringEquals",
                                          Map.of("events:source", "shop." + service)))))))));
    }
    for (ServiceStack stack : services().keySet()) {
      String json = shop.template(stack).toJSON().toString();
      assertThat(json.split("events:PutEvents", -1).length - 1)
          .as(stack.service)
          .isEqualTo(json.split("events:source", -1).length - 1);
    }
  }

  @Test
  void onlyCheckoutMayCallTheInternalRoutes() {
    for (ServiceStack stack : services().keySet()) {
      long grants =
          shop.template(stack).toJSON().toString().split("execute-api:Invoke", -1).length - 1;
      assertThat(grants).as(stack.service).isEqualTo(stack.service.equals("transaction") ? 1 : 0);
    }
    Map<String, Object> invoke =
        Map.of("Effect", "Allow", "Action", "execute-api:Invoke", "Resource", Match.anyValue());
    Map<String, Object> document =
        Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(invoke))));
    template("transaction")
        .hasResourceProperties(
            "AWS::IAM::Policy",
            Map.of(
                "Roles",
                List.of(Map.of("Ref", Match.stringLikeRegexp("apiFunctionServiceRole.*"))),
                "PolicyDocument",
                document));
  }

  @Test
  void everyPublisherHasAnOutboxFunctionThatOnlyOpsMayInvoke() throws Exception {
    for (String service : Topology.shop().publishers()) {
      template(service)
          .hasResourceProperties(
              "AWS::Lambda::Function",
              Map.of(
                  "FunctionName",
                  Topology.outboxFunction(service),
                  "Handler",
                  "shop." + service + ".api.OutboxOperationsHandler::handleRequest"));
    }
    String opsPolicies =
        JSON.writeValueAsString(template("ops").findResources("AWS::IAM::Policy", Map.of()));
    assertThat(opsPolicies).contains("lambda:InvokeFunction");
    for (String service : Topology.shop().publishers()) {
      assertThat(opsPolicies).contains(":function:shop-" + service + "-outbox-ops:live");
    }
    assertThat(opsPolicies).doesNotContain("function:*");
    for (String service : List.of("product", "user", "transaction", "notification")) {
      assertThat(
              JSON.writeValueAsString(
                  template(service).findResources("AWS::IAM::Policy", Map.of())))
          .as("shop-%s's policies: nothing there may invoke an outbox function", service)
          .doesNotContain("outboxopsAlias", "outbox-ops");
    }
  }

  @Test
  void opsMayReadTheMetricsBackAndNothingElseOfCloudWatch() throws Exception {
    template("ops")
        .hasResourceProperties(
            "AWS::IAM::Policy",
            Map.of(
                "PolicyDocument",
                Map.of(
                    "Statement",
                    Match.arrayWith(
                        List.of(
                            Match.objectLike(
                                Map.of(
                                    "Action",
                                    List.of("cloudwatch:GetMetricData", "cloudwatch:ListMetrics"),
                                    "Resource",
                                    "*")))))));
    assertThat(JSON.writeValueAsString(template("ops").findResources("AWS::IAM::Policy", Map.of())))
        .doesNotContain("cloudwatch:*", "cloudwatch:Put");
  }

  @Test
  void opsMayAskEveryQueueItsDeadLetterListingShowsTheUndeliverableOnesToo() throws Exception {
    String policies =
        JSON.writeValueAsString(template("ops").findResources("AWS::IAM::Policy", Map.of()));
    for (Subscription subscription : Topology.shop().subscriptions()) {
      for (String queue :
          List.of(
              subscription.queue(),
              subscription.deadLetterQueue(),
              subscription.undeliverableQueue())) {
        assertThat(policies).as("an ARN of " + queue).contains(":" + queue + "\"");
      }
    }
  }

  @Test
  void schedulesRunTheSweepsTheExpiryAndTheRefundSettling() {
    template("product").resourceCountIs("AWS::Scheduler::Schedule", 1);
    template("user").resourceCountIs("AWS::Scheduler::Schedule", 1);
    template("transaction").resourceCountIs("AWS::Scheduler::Schedule", 3);
    for (String sweep : List.of("expire-orders", "settle-refunds")) {
      template("transaction")
          .hasResourceProperties(
              "AWS::Scheduler::Schedule",
              Map.of("Name", "shop-transaction-" + sweep, "ScheduleExpression", "rate(5 minutes)"));
    }
  }

  @Test
  void everyPostgresServiceReadsTheSameDatabaseSettings() throws Exception {
    for (String service : DataStack.DATABASE_SERVICES) {
      Template template = template(service);
      template.hasResourceProperties(
          "AWS::Lambda::Function",
          Map.of(
              "FunctionName",
              "shop-" + service + "-api",
              "Environment",
              Map.of(
                  "Variables",
                  Match.objectLike(
                      Map.of(
                          "DATABASE_URL", Match.anyValue(),
                          "DATABASE_USER", Match.anyValue(),
                          "DATABASE_PASSWORD", Match.anyValue())))));
      String environments =
          JSON.writeValueAsString(template.findResources("AWS::Lambda::Function", Map.of()));
      assertThat(environments)
          .as("shop-%s's functions' settings", service)
          .doesNotContain("\"DB_", "r2dbc:");
    }
  }

  @Test
  void onlyTheFunctionsThatCallStripeMayReadTheirServicesStripeSecret() {
    Map<String, String> user = SecretReads.byFunction(template("user"));
    Map<String, String> transaction = SecretReads.byFunction(template("transaction"));
    assertThat(user)
        .containsKeys("shop-user-api", "shop-user-carts-events", "shop-user-seed-admin");
    user.forEach(
        (function, reads) -> {
          assertThat(reads).as(function).doesNotContain("StripeTransaction");
          if (function.equals("shop-user-api")) {
            assertThat(reads).as(function).contains("StripeUser");
          } else {
            assertThat(reads).as(function).doesNotContain("Stripe");
          }
        });
    List<String> callers =
        List.of(
            "shop-transaction-api",
            "shop-transaction-payments-events",
            "shop-transaction-settle-refunds");
    assertThat(transaction).containsKeys(callers.toArray(String[]::new));
    transaction.forEach(
        (function, reads) -> {
          assertThat(reads).as(function).doesNotContain("StripeUser");
          if (callers.contains(function)) {
            assertThat(reads).as(function).contains("StripeTransaction");
          } else {
            assertThat(reads).as(function).doesNotContain("Stripe");
          }
        });
    for (String service : List.of("product", "notification", "ops")) {
      assertThat(SecretReads.byFunction(template(service)).values())
          .as(service)
          .noneMatch(reads -> reads.contains("Stripe"));
    }
  }

  @Test
  void onlyTransactionsApiMayReadTheCarrierWebhookSecret() {
    for (ServiceStack stack : services().keySet()) {
      SecretReads.byFunction(shop.template(stack))
          .forEach(
              (function, reads) -> {
                if (function.equals("shop-transaction-api")) {
                  assertThat(reads).as(function).contains("Carrier");
                } else {
                  assertThat(reads).as(function).doesNotContain("Carrier");
                }
              });
    }
  }

  @Test
  void onlyTheFunctionsThatEnrolOrCheckTotpMayReadItsKey() {
    List<String> readers = List.of("shop-user-api", "shop-user-seed-admin");
    SecretReads.byFunction(template("user"))
        .forEach(
            (function, reads) -> {
              if (readers.contains(function)) {
                assertThat(reads).as(function).contains("TotpKey");
              } else {
                assertThat(reads).as(function).doesNotContain("TotpKey");
              }
            });
    for (String service : List.of("product", "transaction", "notification", "ops")) {
      assertThat(SecretReads.byFunction(template(service)).values())
          .as(service)
          .noneMatch(reads -> reads.contains("TotpKey"));
    }
  }

  @Test
  void noServiceFunctionMayReadTheDatabaseMasterSecret() {
    for (ServiceStack stack : services().keySet()) {
      SecretReads.byFunction(shop.template(stack))
          .forEach(
              (function, reads) -> assertThat(reads).as(function).doesNotContain("AuroraSecret"));
    }
    // In the data stack, the roles step is the one function that may.
    assertThat(SecretReads.byFunction(shop.template(shop.stacks.data())))
        .containsOnlyKeys("shop-data-database-roles")
        .allSatisfy((function, reads) -> assertThat(reads).contains("AuroraSecretAttachment"));
  }

  @Test
  void functionsLogInAsTheRuntimeRoleAndOnlyTheMigrationAsTheOwner() {
    for (String service : DataStack.DATABASE_SERVICES) {
      Template template = template(service);
      Map<String, String> reads = SecretReads.byFunction(template);
      for (String function : reads.keySet()) {
        boolean migration = function.equals("shop-" + service + "-migrate");
        String role = migration ? service + "_migration" : service + "_runtime";
        template.hasResourceProperties(
            "AWS::Lambda::Function",
            Map.of(
                "FunctionName",
                function,
                "Environment",
                Map.of("Variables", Match.objectLike(Map.of("DATABASE_USER", role)))));
        assertThat(reads.get(function))
            .as(function)
            .contains("Credentials" + service + (migration ? "migration" : "runtime"))
            .doesNotContain("Credentials" + service + (migration ? "runtime" : "migration"));
      }
    }
  }

  @Test
  void aReusedRefreshTokenOrABurstOfFailedLoginsRaisesAnAlarm() {
    Template user = template("user");
    for (String kind : List.of("REFRESH_TOKEN_REUSED", "LOGIN_FAILED")) {
      user.hasResourceProperties(
          "AWS::Logs::MetricFilter",
          Map.of(
              "FilterPattern",
              "{ $.context.securityEvent = \"" + kind + "\" }",
              "MetricTransformations",
              List.of(
                  Match.objectLike(
                      Map.of("MetricNamespace", "Shop/Security", "MetricName", kind)))));
      user.hasResourceProperties(
          "AWS::CloudWatch::Alarm",
          Map.of(
              "AlarmName",
              "shop-user-security-" + kind,
              "Namespace",
              "Shop/Security",
              "MetricName",
              kind,
              "AlarmActions",
              Match.anyValue()));
    }
  }

  @Test
  void accountEmailsLinkToTheStorefront() {
    template("notification")
        .hasResourceProperties(
            "AWS::Lambda::Function",
            Map.of(
                "FunctionName",
                "shop-notification-notifications-events",
                "Environment",
                Map.of(
                    "Variables",
                    Match.objectLike(Map.of("APP_BASE_URL", SynthesizedShop.STOREFRONT)))));
  }

  @Test
  void databaseTlsVerifiesTheProxysCertificateWithTheJvmsTrustStore() throws Exception {
    for (String service : DataStack.DATABASE_SERVICES) {
      assertThat(
              JSON.writeValueAsString(
                  template(service).findResources("AWS::Lambda::Function", Map.of())))
          .contains(
              ":5432/shop_"
                  + service
                  + "?sslmode=verify-full&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory")
          .doesNotContain("sslmode=require");
    }
  }

  @Test
  void productsApiMayPutAndReadImagesButNeverDeleteThem() throws Exception {
    String policies =
        JSON.writeValueAsString(template("product").findResources("AWS::IAM::Policy", Map.of()));
    assertThat(policies)
        .contains("s3:PutObject", "s3:GetObject*")
        .doesNotContain("s3:Delete", "s3:*\"");
  }

  @Test
  @SuppressWarnings("unchecked")
  void productAdmitsOnlyCheckoutsRoleToThePriceQuotes() throws Exception {
    Map<String, Map<String, Object>> functions =
        template("product").findResources("AWS::Lambda::Function", Map.of());
    int withCallers = 0;
    for (Map<String, Object> function : functions.values()) {
      Map<String, Object> properties = (Map<String, Object>) function.get("Properties");
      Object environment = properties.get("Environment");
      String variables = JSON.writeValueAsString(environment);
      if (variables.contains("PRICE_QUOTE_CALLERS")) {
        withCallers++;
        assertThat(properties.get("FunctionName")).isEqualTo("shop-product-api");
        Object callers =
            ((Map<String, Object>) ((Map<String, Object>) environment).get("Variables"))
                .get("PRICE_QUOTE_CALLERS");
        // The transaction API function's role, exported by its stack.
        assertThat(JSON.writeValueAsString(callers))
            .contains("Fn::ImportValue", "shop-transaction:", "apiFunctionServiceRole")
            .doesNotContain("outbox", "payments", "expire");
      }
    }
    assertThat(withCallers).isEqualTo(1);
  }

  @Test
  void theBusDeniesEachServicesSourceToEveryPrincipalButThatServicesRoles() throws Exception {
    for (String service : Topology.shop().publishers()) {
      ServiceStack stack =
          services().keySet().stream().filter(s -> s.service.equals(service)).findFirst().get();
      Map<String, Map<String, Object>> policies =
          shop.template(stack).findResources("AWS::Events::EventBusPolicy", Map.of());
      assertThat(policies).as(service).hasSize(1);
      String statement = JSON.writeValueAsString(policies.values().iterator().next());
      assertThat(statement)
          .as(service)
          .contains(
              "\"Effect\":\"Deny\"",
              "\"Principal\":{\"AWS\":\"*\"}",
              "\"events:source\":\"shop." + service + "\"",
              "aws:PrincipalArn")
          .containsPattern("\"StatementId\":\"[A-Za-z0-9]{1,64}\"");
      // Every function of the service may publish: each role is excepted, no other.
      assertThat(statement.split("ServiceRole", -1).length - 1)
          .as(service)
          .isEqualTo(stack.functions().size());
    }
  }

  @Test
  void productsFunctionsRunInThePrivateSubnetsBehindTheNat() {
    ServiceStack product =
        services().keySet().stream().filter(s -> s.service.equals("product")).findFirst().get();
    template("product")
        .resourcePropertiesCountIs(
            "AWS::Lambda::Function",
            Map.of("VpcConfig", Match.objectLike(Map.of("SubnetIds", Match.anyValue()))),
            product.functions().size());
    template("product")
        .hasResourceProperties(
            "AWS::EC2::SecurityGroup",
            Map.of(
                "SecurityGroupEgress",
                List.of(Match.objectLike(Map.of("CidrIp", "0.0.0.0/0"))),
                "SecurityGroupIngress",
                Match.absent()));
  }

  @Test
  void migrationsAndProductIndexesRunDuringTheDeployment() {
    for (String service : DataStack.DATABASE_SERVICES) {
      template(service).resourceCountIs("Custom::Trigger", 1);
    }
    // The migrations get the database's settings and no other secret.
    for (String service : DataStack.DATABASE_SERVICES) {
      Map<String, Map<String, Object>> migrate =
          template(service)
              .findResources(
                  "AWS::Lambda::Function",
                  Map.of("Properties", Map.of("FunctionName", "shop-" + service + "-migrate")));
      assertThat(migrate).hasSize(1);
      @SuppressWarnings("unchecked")
      Map<String, Object> variables =
          (Map<String, Object>)
              ((Map<String, Object>)
                      ((Map<String, Object>) migrate.values().iterator().next().get("Properties"))
                          .get("Environment"))
                  .get("Variables");
      assertThat(variables.keySet())
          .as("shop-%s-migrate's environment", service)
          .doesNotContain("STRIPE_API_KEY", "STRIPE_WEBHOOK_SECRET", "JWT_SIGNING_SECRET_ID")
          .contains("DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD");
    }
    template("product").resourceCountIs("Custom::Trigger", 1);
    template("product")
        .hasResourceProperties(
            "AWS::Lambda::Function",
            Map.of("Handler", "shop.product.api.EnsureIndexesHandler::handleRequest"));
  }
}
