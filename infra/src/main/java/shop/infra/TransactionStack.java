package shop.infra;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import shop.platform.http.ApiRoute;
import shop.product.ProductModule;
import shop.transaction.TransactionModule;
import shop.transaction.api.ExpireOrdersHandler;
import shop.transaction.api.MigrateHandler;
import shop.transaction.api.OrdersApi;
import shop.transaction.api.OutboxOperationsHandler;
import shop.transaction.api.OutboxSweepHandler;
import shop.transaction.api.SettleRefundsHandler;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.constructs.Construct;

/**
 * Orders, checkout and payments: PostgreSQL through the proxy, Stripe, and the one synchronous call
 * of the shop, checkout's SigV4-signed price check on product's IAM routes.
 */
final class TransactionStack extends ServiceStack {
  private final ShopFunction api;

  TransactionStack(
      Construct scope, StackProps props, SharedStack shared, DataStack data, LambdaJars jars) {
    super(scope, "transaction", props, shared, jars);
    Map<String, String> env = new HashMap<>(tokenEnvironment());
    env.putAll(runtimeDatabase(data));
    env.put("PRODUCT_API_URL", shared.issuer());
    // The API (webhooks, refunds) and the payments consumer (captures) call Stripe; the
    // sweeps and the erasures consumer do not, and get no key.
    Map<String, String> stripe = new HashMap<>(env);
    stripe.put("STRIPE_API_KEY", secretSetting(shared.stripeTransaction(), "apiKey"));
    stripe.put("STRIPE_WEBHOOK_SECRET", secretSetting(shared.stripeTransaction(), "webhookSecret"));
    ShopFunction.Network network =
        new ShopFunction.Network(data.vpc(), data.functionsSecurityGroup());

    // Only the API checks the carriers' webhook signatures.
    Map<String, String> apiEnv = new HashMap<>(stripe);
    apiEnv.put("CARRIER_WEBHOOK_SECRET", secretSetting(shared.carrier(), "webhookSecret"));
    api = function("api", OrdersApi.class.getName(), Duration.seconds(20), apiEnv, network);
    serveRoutes(TransactionModule.class, api);
    allowInternalCalls(api);

    consumeEvents(s -> s.consumer().equals("payments") ? stripe : env, network);
    ShopFunction sweep =
        function(
            "outbox-sweep", OutboxSweepHandler.class.getName(), Duration.seconds(50), env, network);
    schedule("outbox-sweep", sweep, ScheduleExpression.rate(Duration.minutes(1)));
    // Operators list and retry parked events through it (./shop ops outbox): ops may invoke it,
    // nothing else, and it needs no route.
    function(
        "outbox-ops", OutboxOperationsHandler.class.getName(), Duration.seconds(30), env, network);
    ShopFunction expire =
        function(
            "expire-orders",
            ExpireOrdersHandler.class.getName(),
            Duration.minutes(2),
            env,
            network);
    schedule("expire-orders", expire, ScheduleExpression.rate(Duration.minutes(5)));
    // Refunds left PENDING (their function died, or Stripe was down): looked up, else asked for.
    ShopFunction settleRefunds =
        function(
            "settle-refunds",
            SettleRefundsHandler.class.getName(),
            Duration.minutes(2),
            stripe,
            network);
    schedule("settle-refunds", settleRefunds, ScheduleExpression.rate(Duration.minutes(5)));

    migrateOnDeploy(MigrateHandler.class, data, network);
    allowPublishingOwnEvents();
  }

  /**
   * Checkout calls product's IAM-authorized routes (the price check); this role, and no other, may
   * invoke exactly those routes.
   */
  private void allowInternalCalls(ShopFunction caller) {
    List<String> arns =
        ServiceContract.routes(ProductModule.class).stream()
            .filter(r -> r.auth() == ApiRoute.Auth.IAM)
            .map(
                r ->
                    shared
                        .api()
                        .arnForExecuteApi(
                            r.method().toUpperCase(Locale.ROOT),
                            r.path().replaceAll("\\{[^}]+}", "*"),
                            "$default"))
            .toList();
    if (arns.isEmpty()) {
      throw new IllegalStateException("product's openapi.yaml has no IAM route to call");
    }
    caller.addToRolePolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("execute-api:Invoke"))
            .resources(arns)
            .build());
  }

  ShopFunction api() {
    return api;
  }
}
