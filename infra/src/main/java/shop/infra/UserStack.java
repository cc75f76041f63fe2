package shop.infra;

import java.util.HashMap;
import java.util.Map;
import shop.user.UserModule;
import shop.user.api.MigrateHandler;
import shop.user.api.OutboxOperationsHandler;
import shop.user.api.OutboxSweepHandler;
import shop.user.api.SeedAdminHandler;
import shop.user.api.UserApi;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.amazon.awscdk.services.logs.MetricFilterOptions;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.constructs.Construct;

/**
 * Accounts, tokens, carts: PostgreSQL through the proxy; signs access tokens with the keys in
 * Secrets Manager. {@code shop-user-seed-admin} has no trigger: operators invoke it
 * (docs/USERS.md).
 */
final class UserStack extends ServiceStack {
  UserStack(
      Construct scope, StackProps props, SharedStack shared, DataStack data, LambdaJars jars) {
    super(scope, "user", props, shared, jars);
    Map<String, String> env = new HashMap<>(runtimeDatabase(data));
    env.put("JWT_ISSUER", shared.issuer());
    env.put("JWT_AUDIENCE", config.jwtAudience());
    env.put("JWT_SIGNING_SECRET_ID", shared.jwtSigningKeys().getSecretArn());
    // Only the API creates Stripe customers and attaches payment methods: it alone gets the key.
    Map<String, String> stripe = new HashMap<>(env);
    stripe.put("STRIPE_API_KEY", secretSetting(shared.stripeUser(), "apiKey"));
    // Only the functions that enrol or check TOTP (the API, the seed) open sealed TOTP secrets.
    Map<String, String> totp =
        Map.of("TOTP_ENCRYPTION_KEY", secretSetting(shared.totpKey(), "key"));
    stripe.putAll(totp);
    Map<String, String> seed = new HashMap<>(env);
    seed.putAll(totp);
    ShopFunction.Network network =
        new ShopFunction.Network(data.vpc(), data.functionsSecurityGroup());

    ShopFunction api =
        function("api", UserApi.class.getName(), Duration.seconds(15), stripe, network);
    shared.jwtSigningKeys().grantRead(api);
    serveRoutes(UserModule.class, api);
    // The API's security events (LoggedSecurityEvents) as metrics: a reused refresh token is a
    // stolen session; a burst of failed logins is someone guessing passwords.
    securityAlarm(
        api, "REFRESH_TOKEN_REUSED", 1, "a rotated refresh token was presented again: stolen?");
    securityAlarm(api, "LOGIN_FAILED", 100, "a burst of failed logins: password guessing?");

    consumeEvents(env, network);
    ShopFunction sweep =
        function(
            "outbox-sweep", OutboxSweepHandler.class.getName(), Duration.seconds(50), env, network);
    schedule("outbox-sweep", sweep, ScheduleExpression.rate(Duration.minutes(1)));
    // Operators list and retry parked events through it (./shop ops outbox): ops may invoke it,
    // nothing else, and it needs no route.
    function(
        "outbox-ops", OutboxOperationsHandler.class.getName(), Duration.seconds(30), env, network);
    function("seed-admin", SeedAdminHandler.class.getName(), Duration.seconds(30), seed, network);

    migrateOnDeploy(MigrateHandler.class, data, network);
    allowPublishingOwnEvents();
  }

  /**
   * Counts {@code kind}'s security events in {@code function}'s log (metric {@code Shop/Security
   * <kind>}) and alarms when {@code threshold} or more arrive within 5 minutes.
   */
  private void securityAlarm(ShopFunction function, String kind, int threshold, String why) {
    MetricFilter filter =
        function
            .logs()
            .addMetricFilter(
                "Security-" + kind,
                MetricFilterOptions.builder()
                    .filterPattern(FilterPattern.stringValue("$.context.securityEvent", "=", kind))
                    .metricNamespace("Shop/Security")
                    .metricName(kind)
                    .metricValue("1")
                    .defaultValue(0)
                    .build());
    Alarm alarm =
        Alarm.Builder.create(this, "SecurityAlarm-" + kind)
            .alarmName("shop-user-security-" + kind)
            .alarmDescription(why)
            .metric(
                filter.metric(
                    MetricOptions.builder().period(Duration.minutes(5)).statistic("Sum").build()))
            .threshold(threshold)
            .evaluationPeriods(1)
            .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
            .treatMissingData(TreatMissingData.NOT_BREACHING)
            .build();
    alarm.addAlarmAction(new SnsAction(shared.alarms()));
  }
}
