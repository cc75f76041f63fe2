package shop.localstack.app;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.events.Subscription;
import shop.events.Topology;
import shop.localstack.Bootstrap;
import shop.localstack.CloudPorts;
import shop.localstack.Endpoints;
import shop.localstack.LocalCloud;
import shop.localstack.runtime.LocalHttpApi;
import shop.localstack.runtime.Schedules;
import shop.localstack.runtime.SqsEventSourceMapping;
import shop.notification.NotificationModule;
import shop.notification.NotificationTables;
import shop.notification.adapter.DynamoDbSendLedger;
import shop.notification.api.NotificationApi;
import shop.notification.api.NotificationEventsHandler;
import shop.ops.OpsModule;
import shop.ops.adapter.DynamoDbAuditLog;
import shop.ops.api.OpsApi;
import shop.platform.config.Config;
import shop.product.DemoCatalog;
import shop.product.ProductModule;
import shop.product.api.InventoryEventsHandler;
import shop.product.api.ProductApi;
import shop.transaction.TransactionModule;
import shop.transaction.api.ExpireOrdersHandler;
import shop.transaction.api.MigrateHandler;
import shop.transaction.api.OrdersApi;
import shop.transaction.api.PaymentEventsHandler;
import shop.user.MigrateDatabase;
import shop.user.UserModule;
import shop.user.api.CartEventsHandler;
import shop.user.api.UserApi;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The whole shop on one machine, declared in one place: the emulators and their bootstrap, every
 * service's configuration (what its Lambda gets as environment in the cloud), its Lambda handlers
 * behind the local HTTP API and the SQS event source mappings, the scheduled jobs, and the demo
 * data.
 */
public final class LocalShop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalShop.class);

  /** The demo admin that {@code ./shop up} seeds (local only; in the cloud see docs/USERS.md). */
  public static final String ADMIN_EMAIL = "admin@example.com";

  public static final String ADMIN_PASSWORD = "local-admin-password-1";
  public static final String JWT_AUDIENCE = "shop-api";
  public static final String SIGNING_SECRET_ID = "shop/jwt-signing-keys";
  public static final String STRIPE_WEBHOOK_SECRET = "whsec_local_sandbox";

  /**
   * The database pool of each PostgreSQL service here. In the cloud a Lambda instance serves one
   * request at a time, so the services' small default pools (user 2, transaction 5) are plenty;
   * here one module serves every concurrent request and consumer, and a small pool made them queue
   * for a connection: 134 ms of the 160 ms a {@code GET /users/me} took at 32 clients with 2.
   */
  static final int DB_POOL_SIZE = 16;

  private final LocalCloud cloud;
  private final URI apiUrl;
  private final Topology topology;
  private final Map<String, String> settings;
  private final Map<String, SqsEventSourceMapping> mappings = new HashMap<>();
  private final List<AutoCloseable> running = new ArrayList<>();
  private final AtomicBoolean ready = new AtomicBoolean();

  private LocalShop(LocalCloud cloud, URI apiUrl, Topology topology, Map<String, String> settings) {
    this.cloud = cloud;
    this.apiUrl = apiUrl;
    this.topology = topology;
    this.settings = Map.copyOf(settings);
  }

  /**
   * Starts the emulators on {@code ports} and every service behind the API on {@code apiPort} (0:
   * any).
   */
  public static LocalShop start(CloudPorts ports, int apiPort) {
    return start(ports, apiPort, Topology.shop());
  }

  /**
   * As {@link #start(CloudPorts, int)}, with the queues built from {@code topology}: tests pass the
   * shop's topology with short visibility timeouts so that failing messages reach their DLQ in
   * seconds. Names must stay the shop's.
   */
  public static LocalShop start(CloudPorts ports, int apiPort, Topology topology) {
    return start(ports, apiPort, topology, Map.of());
  }

  /**
   * As {@link #start(CloudPorts, int, Topology)}, with {@code settings} added to every service's
   * configuration (reliability drills shorten timeouts and backoffs, e.g. {@code STRIPE_TIMEOUT}).
   */
  public static LocalShop start(
      CloudPorts ports, int apiPort, Topology topology, Map<String, String> settings) {
    int port = apiPort == 0 ? freePort() : apiPort;
    LocalCloud cloud = LocalCloud.start(ports);
    LocalShop shop =
        new LocalShop(cloud, URI.create("http://127.0.0.1:" + port), topology, settings);
    try {
      shop.boot(port);
      return shop;
    } catch (RuntimeException e) {
      shop.close();
      throw e;
    }
  }

  private void boot(int port) {
    Endpoints endpoints = cloud.endpoints();
    CompletableFuture<Void> resources =
        CompletableFuture.runAsync(
            () -> {
              new Bootstrap(endpoints, topology).run();
              try (DynamoDbClient dynamo = endpoints.dynamoDbClient()) {
                DynamoDbSendLedger.createTable(
                    dynamo, NotificationTables.deliveries(NotificationTables.DEFAULT_NAME));
                Bootstrap.table(dynamo, DynamoDbAuditLog.TABLE, false);
              }
            });
    CompletableFuture<Void> secrets =
        CompletableFuture.runAsync(
            () -> LocalSecrets.putSigningKeys(endpoints.sandboxUrl(), SIGNING_SECRET_ID));
    CompletableFuture<Void> userDb =
        CompletableFuture.runAsync(() -> MigrateDatabase.migrate(userConfig()));
    CompletableFuture<Void> transactionDb =
        CompletableFuture.runAsync(() -> new MigrateHandler(transactionConfig()).run());
    CompletableFuture.allOf(resources, secrets, userDb, transactionDb).join();

    UserModule user = new UserModule(userConfig());
    ProductModule product = new ProductModule(productConfig());
    TransactionModule transaction = TransactionModule.from(transactionConfig());
    NotificationModule notification = new NotificationModule(notificationConfig());
    OpsModule ops = new OpsModule(serviceConfig("ops"));
    running.add(user);

    LocalHttpApi api =
        LocalHttpApi.create(
            port,
            List.of(
                function("user", UserApi.class, new UserApi(user)),
                function("product", ProductApi.class, new ProductApi(product)),
                function("transaction", OrdersApi.class, new OrdersApi(transaction)),
                function("notification", NotificationApi.class, new NotificationApi(notification)),
                function("ops", OpsApi.class, new OpsApi(ops, user.jwtVerifier()))),
            endpoints.accessKeyId(),
            endpoints.secretAccessKey(),
            endpoints.region(),
            ready::get);
    running.add(api.start());

    Map<String, RequestHandler<SQSEvent, SQSBatchResponse>> consumers = new HashMap<>();
    consumers.put(InventoryEventsHandler.class.getName(), new InventoryEventsHandler(product));
    consumers.put(PaymentEventsHandler.class.getName(), new PaymentEventsHandler(transaction));
    consumers.put(
        NotificationEventsHandler.class.getName(), new NotificationEventsHandler(notification));
    consumers.put(CartEventsHandler.class.getName(), new CartEventsHandler(user));
    SqsClient sqs = endpoints.sqsClient();
    running.add(sqs);
    for (Subscription subscription : topology.subscriptions()) {
      RequestHandler<SQSEvent, SQSBatchResponse> handler = consumers.get(subscription.handler());
      if (handler == null) {
        throw new IllegalStateException("no local handler for " + subscription.handler());
      }
      String queueUrl = sqs.getQueueUrl(q -> q.queueName(subscription.queue())).queueUrl();
      SqsEventSourceMapping mapping =
          new SqsEventSourceMapping(
                  subscription.consumer(),
                  sqs,
                  queueUrl,
                  "arn:aws:sqs:"
                      + endpoints.region()
                      + ":"
                      + LocalCloud.ACCOUNT
                      + ":"
                      + subscription.queue(),
                  endpoints.region(),
                  subscription.batchSize(),
                  subscription.maxConcurrency(),
                  handler)
              .start();
      mappings.put(subscription.consumer(), mapping);
      running.add(mapping);
    }

    running.add(
        new Schedules()
            .every(
                Duration.ofSeconds(5),
                "user outbox sweep",
                () -> user.outboxRelay().relayPending(100).block())
            .every(Duration.ofSeconds(5), "product outbox sweep", () -> product.sweep(100))
            .every(
                Duration.ofSeconds(5),
                "transaction outbox sweep",
                () -> new shop.transaction.api.OutboxSweepHandler(transaction).run())
            .every(
                Duration.ofMinutes(1),
                "order expiry",
                () -> new ExpireOrdersHandler(transaction).run()));

    user.seedAdmin().seed(ADMIN_EMAIL, "Local Admin", ADMIN_PASSWORD);
    int seeded = DemoCatalog.seed(product);
    LOG.info("seeded the admin and {} demo products", seeded);
    ready.set(true);
  }

  private static LocalHttpApi.Function function(
      String name,
      Class<?> handlerClass,
      RequestHandler<
              com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent,
              com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse>
          handler) {
    return new LocalHttpApi.Function(name, ServiceRoutes.of(handlerClass), handler);
  }

  /** What every service gets: the cloud's endpoints and credentials, and how to verify tokens. */
  private Map<String, String> common(String service) {
    Map<String, String> config = new HashMap<>(cloud.config(service));
    config.put("JWT_ISSUER", apiUrl.toString());
    config.put("JWT_AUDIENCE", JWT_AUDIENCE);
    config.put("JWKS_URL", apiUrl + "/.well-known/jwks.json");
    config.put("STRIPE_API_KEY", "sk_test_local_sandbox");
    config.putAll(settings);
    return config;
  }

  private Config serviceConfig(String service) {
    return new Config(common(service));
  }

  /**
   * The environment of {@code service}'s functions (user, product, transaction, notification or
   * ops) on this local cloud: what a handler started in a JVM of its own needs to reach it, as the
   * cold-start benchmark does.
   */
  public Map<String, String> environment(String service) {
    return switch (service) {
      case "user" -> userEnvironment();
      case "product" -> productEnvironment();
      case "transaction" -> transactionEnvironment();
      case "notification" -> notificationEnvironment();
      case "ops" -> common("ops");
      default -> throw new IllegalArgumentException("no service " + service);
    };
  }

  Config userConfig() {
    return new Config(userEnvironment());
  }

  private Map<String, String> userEnvironment() {
    Map<String, String> config = common("user");
    config.put("DATABASE_URL", config.get("DB_JDBC_URL"));
    config.put("DATABASE_USER", config.get("DB_USER"));
    config.put("DATABASE_PASSWORD", config.get("DB_PASSWORD"));
    config.put("DATABASE_POOL_SIZE", Integer.toString(DB_POOL_SIZE));
    config.put("JWT_SIGNING_SECRET_ID", SIGNING_SECRET_ID);
    // Secrets Manager is answered by the provider sandbox locally.
    config.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", cloud.endpoints().sandboxUrl().toString());
    return config;
  }

  Config productConfig() {
    return new Config(productEnvironment());
  }

  private Map<String, String> productEnvironment() {
    Map<String, String> config = common("product");
    config.put("MONGODB_DATABASE", "product");
    config.put("PRODUCT_IMAGES_BUCKET", Bootstrap.PRODUCT_IMAGES_BUCKET);
    return config;
  }

  Config transactionConfig() {
    return new Config(transactionEnvironment());
  }

  private Map<String, String> transactionEnvironment() {
    Map<String, String> config = common("transaction");
    config.put("PRODUCT_API_URL", apiUrl.toString());
    config.put("STRIPE_WEBHOOK_SECRET", STRIPE_WEBHOOK_SECRET);
    config.put("DB_POOL_SIZE", Integer.toString(DB_POOL_SIZE));
    return config;
  }

  Config notificationConfig() {
    return new Config(notificationEnvironment());
  }

  private Map<String, String> notificationEnvironment() {
    Map<String, String> config = common("notification");
    String sandbox = cloud.endpoints().sandboxUrl().toString();
    config.put("NOTIFICATIONS_TABLE", NotificationTables.DEFAULT_NAME);
    config.put("EMAIL_PRIMARY", "ses");
    config.put("EMAIL_SECONDARY", "sendgrid");
    config.put("EMAIL_FROM", "shop@example.com");
    config.put("SENDGRID_API_KEY", "SG.local-sandbox");
    config.put("SENDGRID_BASE_URL", sandbox);
    config.put("TWILIO_ACCOUNT_SID", "AC00000000000000000000000000000000");
    config.put("TWILIO_AUTH_TOKEN", "local-sandbox");
    config.put("TWILIO_FROM", "+15005550006");
    config.put("TWILIO_BASE_URL", sandbox);
    return config;
  }

  public URI apiUrl() {
    return apiUrl;
  }

  public LocalCloud cloud() {
    return cloud;
  }

  /** The event source mapping feeding {@code consumer}'s handler (drills pause or crash it). */
  public SqsEventSourceMapping eventSourceMapping(String consumer) {
    SqsEventSourceMapping mapping = mappings.get(consumer);
    if (mapping == null) {
      throw new IllegalArgumentException("no consumer " + consumer);
    }
    return mapping;
  }

  public boolean ready() {
    return ready.get();
  }

  @Override
  public void close() {
    ready.set(false);
    for (AutoCloseable piece : running.reversed()) {
      try {
        piece.close();
      } catch (Exception e) {
        LOG.warn("stopping {} failed", piece.getClass().getSimpleName(), e);
      }
    }
    cloud.close();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
