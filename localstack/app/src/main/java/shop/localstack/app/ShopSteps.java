package shop.localstack.app;

import static shop.localstack.app.ServiceRoutes.function;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.events.Topology;
import shop.localstack.BootPlan;
import shop.localstack.BootPlan.Step;
import shop.localstack.Endpoints;
import shop.localstack.LocalCloud;
import shop.localstack.Service;
import shop.localstack.app.seeds.DemoAdmin;
import shop.localstack.app.seeds.DemoCatalog;
import shop.localstack.runtime.LocalHttpApi;
import shop.localstack.runtime.LocalLambda;
import shop.localstack.runtime.LocalSigner;
import shop.localstack.runtime.Schedules;
import shop.localstack.runtime.StaticSite;
import shop.notification.NotificationModule;
import shop.notification.api.NotificationApi;
import shop.notification.api.NotificationEventsHandler;
import shop.ops.OpsModule;
import shop.ops.api.OpsApi;
import shop.ops.api.TrailEventsHandler;
import shop.ops.console.ConsoleSite;
import shop.product.ProductModule;
import shop.product.api.InventoryEventsHandler;
import shop.product.api.OutboxOperationsHandler;
import shop.product.api.ProductApi;
import shop.transaction.TransactionModule;
import shop.transaction.api.ErasureEventsHandler;
import shop.transaction.api.ExpireOrdersHandler;
import shop.transaction.api.OrdersApi;
import shop.transaction.api.OutboxSweepHandler;
import shop.transaction.api.PaymentEventsHandler;
import shop.transaction.api.SettleRefundsHandler;
import shop.user.UserModule;
import shop.user.api.CartEventsHandler;
import shop.user.api.UserApi;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The whole shop on one machine, as steps of a {@link BootPlan} with what each needs: the
 * emulators, their bootstrap, every service's module, the local HTTP API, the SQS pollers, the
 * schedules and the seeds. Each step starts as soon as what it needs is done; the shop is ready
 * when every step is.
 */
final class ShopSteps {
  private static final Logger LOG = LoggerFactory.getLogger(ShopSteps.class);
  private static final Duration OUTBOX_SWEEP = Duration.ofSeconds(5);

  /** Often, so that a refund left pending settles soon after its grace; the cloud's is 5 min. */
  private static final Duration REFUND_SWEEP = Duration.ofSeconds(15);

  private final Endpoints endpoints;
  private final Topology topology;
  private final ServiceEnvironments environments;
  private final SqsPollers pollers;
  private final RunningPieces running;
  private final int apiPort;
  private final BooleanSupplier ready;
  private Step<String> stripeWebhook;

  ShopSteps(
      Endpoints endpoints,
      Topology topology,
      ServiceEnvironments environments,
      SqsPollers pollers,
      RunningPieces running,
      int apiPort,
      BooleanSupplier ready) {
    this.endpoints = endpoints;
    this.topology = topology;
    this.environments = environments;
    this.pollers = pollers;
    this.running = running;
    this.apiPort = apiPort;
    this.ready = ready;
  }

  void declare(BootPlan plan, LocalCloud.Starting starting) {
    ShopBootstrap bootstrap = new ShopBootstrap(endpoints, topology);
    // The emulators, already starting: each step below waits only for those it uses.
    Step<?> postgres = emulator(plan, starting, Service.POSTGRES);
    Step<?> sqs = emulator(plan, starting, Service.SQS);
    Step<?> eventBridge = emulator(plan, starting, Service.EVENTBRIDGE);
    Step<?> dynamoDb = emulator(plan, starting, Service.DYNAMODB);
    Step<?> s3 = emulator(plan, starting, Service.S3);
    Step<?> mongoDb = emulator(plan, starting, Service.MONGODB);
    Step<?> sandbox = emulator(plan, starting, Service.SANDBOX);

    // Bootstrap: each part as soon as its emulator listens.
    Step<SqsClient> sqsClient = plan.step("SQS client", () -> running.keep(endpoints.sqsClient()));
    // As an operator does at Stripe: the shop's webhook endpoint, whose signing secret goes into
    // transaction's Stripe secret.
    stripeWebhook =
        plan.step(
                "Stripe webhook endpoint",
                () -> StripeWebhooks.register(endpoints.sandboxUrl(), apiUrl()))
            .needs(sandbox);
    Step<?> secrets =
        plan.step(
                "secrets",
                () -> LocalSecrets.putShopSecrets(endpoints.sandboxUrl(), stripeWebhook.value()))
            .needs(sandbox, stripeWebhook);
    Step<Map<String, String>> queues =
        plan.step("bus, rules and queues", () -> bootstrap.busAndQueues(sqsClient.value()))
            .needs(sqs, eventBridge, sqsClient);
    Step<?> tables = plan.step("tables", () -> bootstrap.tables()).needs(dynamoDb);
    Step<?> buckets = plan.step("buckets", () -> bootstrap.buckets()).needs(s3);
    // As in the cloud: the master makes each service's roles, each migration runs as its owner.
    Step<?> databaseRoles = plan.step("database roles", bootstrap::databaseRoles).needs(postgres);
    Step<?> userDb =
        plan.step("user migrations", () -> bootstrap.migrate("user")).needs(databaseRoles);
    Step<?> transactionDb =
        plan.step("transaction migrations", () -> bootstrap.migrate("transaction"))
            .needs(databaseRoles);
    // Each of the five createIndex commands waits at most 10 s: not while the migrations load
    // Flyway, the heaviest part of the start, so that a busy machine does not make them time out.
    Step<?> productIndexes =
        plan.step("product indexes", bootstrap::productIndexes)
            .needs(mongoDb, userDb, transactionDb);
    // What the API and the consumers read and write: they serve once all of it is there.
    Step<?>[] stores = {secrets, queues, tables, userDb, transactionDb, productIndexes};

    // Nothing connects while the modules are built (pools, SDK clients and the Mongo driver connect
    // on first use), so they are built while the emulators start; those that read secrets (their
    // settings are references, as in the cloud) once the sandbox answers for them.
    Step<UserModule> user =
        plan.step("user module", () -> running.keep(new UserModule(environments.config("user"))))
            .needs(secrets);
    Step<ProductModule> product =
        plan.step("product module", () -> new ProductModule(environments.config("product")));
    Step<TransactionModule> transaction =
        plan.step(
                "transaction module",
                () -> TransactionModule.from(environments.config("transaction")))
            .needs(secrets);
    Step<NotificationModule> notification =
        plan.step(
            "notification module",
            () -> new NotificationModule(environments.config("notification")));
    Step<OpsModule> ops = plan.step("ops module", () -> new OpsModule(environments.config("ops")));

    // The API binds its port (and parses every route table) as soon as the modules exist, and
    // answers once the databases and resources are there: requests sent earlier wait.
    Step<LocalHttpApi> api =
        plan.step(
                "local HTTP API routes",
                () ->
                    api(
                            function("user", new UserApi(user.value())),
                            function("product", new ProductApi(product.value())),
                            function("transaction", new OrdersApi(transaction.value())),
                            function("notification", new NotificationApi(notification.value())),
                            function("ops", new OpsApi(ops.value())))
                        .invoking(
                            lambda(
                                Map.of(
                                    "product", new OutboxOperationsHandler(product.value()),
                                    "user", new shop.user.api.OutboxOperationsHandler(user.value()),
                                    "transaction",
                                        new shop.transaction.api.OutboxOperationsHandler(
                                            transaction.value())))))
            .needs(user, product, transaction, notification, ops);
    plan.step("local HTTP API listening", () -> api.value().start())
        .needs(api, buckets)
        .needs(stores);

    // Seeds: the events they publish must find the bus, its rules and their queues.
    plan.step("admin seed", () -> DemoAdmin.seed(user.value())).needs(user, userDb, queues);
    plan.step(
            "catalogue seed",
            () -> LOG.info("seeded {} demo products", DemoCatalog.seed(product.value())))
        .needs(product, productIndexes, queues);

    // Consumers and schedules: once everything they read and write is there.
    Consumer<RequestHandler<SQSEvent, SQSBatchResponse>> poll =
        handler -> pollers.start(sqsClient.value(), queues.value(), handler).forEach(running::keep);
    plan.step("inventory poller", () -> poll.accept(new InventoryEventsHandler(product.value())))
        .needs(sqsClient, product)
        .needs(stores);
    plan.step("payment poller", () -> poll.accept(new PaymentEventsHandler(transaction.value())))
        .needs(sqsClient, transaction)
        .needs(stores);
    plan.step("erasure poller", () -> poll.accept(new ErasureEventsHandler(transaction.value())))
        .needs(sqsClient, transaction)
        .needs(stores);
    plan.step(
            "notification poller",
            () -> poll.accept(new NotificationEventsHandler(notification.value())))
        .needs(sqsClient, notification)
        .needs(stores);
    plan.step("cart poller", () -> poll.accept(new CartEventsHandler(user.value())))
        .needs(sqsClient, user)
        .needs(stores);
    plan.step("trail poller", () -> poll.accept(new TrailEventsHandler(ops.value())))
        .needs(sqsClient, ops)
        .needs(stores);
    plan.step(
            "schedules",
            () -> running.keep(schedules(user.value(), product.value(), transaction.value())))
        .needs(user, product, transaction)
        .needs(stores);
  }

  /** The signing secret of the shop's Stripe webhook endpoint (once the plan ran). */
  String stripeWebhookSecret() {
    return stripeWebhook.value();
  }

  private URI apiUrl() {
    return URI.create("http://127.0.0.1:" + apiPort);
  }

  private static Schedules schedules(
      UserModule user, ProductModule product, TransactionModule transaction) {
    return new Schedules()
        .every(OUTBOX_SWEEP, "user outbox sweep", () -> user.sweepOutbox(100))
        .every(OUTBOX_SWEEP, "product outbox sweep", () -> product.sweepOutbox(100))
        .every(
            OUTBOX_SWEEP,
            "transaction outbox sweep",
            () -> new OutboxSweepHandler(transaction).run())
        .every(
            Duration.ofMinutes(1), "order expiry", () -> new ExpireOrdersHandler(transaction).run())
        .every(REFUND_SWEEP, "pending refunds", () -> new SettleRefundsHandler(transaction).run());
  }

  /**
   * The local HTTP API serving {@code functions}, checking SigV4 with the cloud's credentials,
   * which sign as checkout's role.
   */
  private LocalHttpApi api(LocalHttpApi.Function... functions) {
    return running.keep(
        LocalHttpApi.create(
                apiPort,
                List.of(functions),
                // Every local function signs with the local cloud's one key; checkout is the only
                // one
                // that calls an IAM route, so the key stands for its role (PRICE_QUOTE_CALLERS).
                List.of(
                    new LocalSigner(
                        endpoints.accessKeyId(),
                        endpoints.secretAccessKey(),
                        ServiceEnvironments.CHECKOUT_ROLE)),
                endpoints.region(),
                ready)
            .documenting(ServiceRoutes.reference(List.of(functions)))
            // The operator console calls the API on its own origin: an empty API URL.
            .serving(new StaticSite(ConsoleSite.PATH, ConsoleSite.files(""))));
  }

  /**
   * Lambda's Invoke API for the functions operators invoke directly: each service's outbox
   * function, named as in the cloud ({@link Topology#outboxFunction}).
   */
  private LocalLambda lambda(Map<String, RequestStreamHandler> outboxFunctions) {
    Map<String, RequestStreamHandler> functions = new java.util.HashMap<>();
    outboxFunctions.forEach(
        (service, handler) -> functions.put(Topology.outboxFunction(service), handler));
    return LocalLambda.of(
        functions, endpoints.accessKeyId(), endpoints.secretAccessKey(), endpoints.region());
  }

  /** An emulator, started by {@link LocalCloud} (and timed there). */
  private static Step<?> emulator(BootPlan plan, LocalCloud.Starting starting, Service service) {
    return plan.awaiting(service.displayName() + " emulator", starting.started(service));
  }
}
