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
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.events.Subscription;
import shop.events.Topology;
import shop.localstack.Bootstrap;
import shop.localstack.CloudPorts;
import shop.localstack.Endpoints;
import shop.localstack.LocalCloud;
import shop.localstack.Service;
import shop.localstack.StartupTimeline;
import shop.localstack.runtime.LocalHttpApi;
import shop.localstack.runtime.Schedules;
import shop.localstack.runtime.SqsEventSourceMapping;
import shop.notification.NotificationModule;
import shop.notification.NotificationTables;
import shop.notification.api.NotificationApi;
import shop.notification.api.NotificationEventsHandler;
import shop.ops.OpsModule;
import shop.ops.api.OpsApi;
import shop.platform.config.Config;
import shop.platform.config.SecretReferences;
import shop.product.DemoCatalog;
import shop.product.ProductModule;
import shop.product.api.InventoryEventsHandler;
import shop.product.api.ProductApi;
import shop.transaction.TransactionModule;
import shop.transaction.api.ExpireOrdersHandler;
import shop.transaction.api.OrdersApi;
import shop.transaction.api.PaymentEventsHandler;
import shop.user.UserModule;
import shop.user.adapter.Argon2Passwords;
import shop.user.api.CartEventsHandler;
import shop.user.api.UserApi;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
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

  /**
   * The demo admin's password is printed at every start: hashing it at the production cost (19 MiB,
   * 2 passes, several times slower in a cold JVM than warm) would protect nothing. Every other
   * account gets the production cost.
   */
  private static final int ADMIN_ARGON2_MEMORY_KIB = 1024;

  public static final String JWT_AUDIENCE = "shop-api";
  public static final String SIGNING_SECRET_ID = "shop/jwt-signing-keys";
  public static final String STRIPE_WEBHOOK_SECRET = "whsec_local_sandbox";

  /** The provider secrets, named as in the cloud (infra's SharedStack), answered by the sandbox. */
  static final String STRIPE_SECRET_ID = "shop/stripe";

  static final String SENDGRID_SECRET_ID = "shop/sendgrid";
  static final String TWILIO_SECRET_ID = "shop/twilio";

  /**
   * The database pool of each PostgreSQL service here. In the cloud a Lambda instance serves one
   * request at a time, so the services' small default pools (user 2, transaction 5) are plenty;
   * here one module serves every concurrent request and consumer, and a small pool made them queue
   * for a connection: 134 ms of the 160 ms a {@code GET /users/me} took at 32 clients with 2.
   */
  static final int DB_POOL_SIZE = 16;

  private final Endpoints endpoints;
  private final URI apiUrl;
  private final Topology topology;
  private final Map<String, String> settings;
  private final StartupTimeline timeline;
  private final Map<String, SqsEventSourceMapping> mappings = new HashMap<>();
  private final List<AutoCloseable> running = new ArrayList<>();
  private final AtomicBoolean ready = new AtomicBoolean();
  private volatile LocalCloud cloud;

  private LocalShop(
      Endpoints endpoints,
      URI apiUrl,
      Topology topology,
      Map<String, String> settings,
      StartupTimeline timeline) {
    this.endpoints = endpoints;
    this.apiUrl = apiUrl;
    this.topology = topology;
    this.settings = Map.copyOf(settings);
    this.timeline = timeline;
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
    StartupTimeline timeline = new StartupTimeline();
    return start(LocalCloud.starting(ports, timeline), apiPort, topology, settings, timeline);
  }

  /**
   * The shop's functions on a cloud that is already running at {@code endpoints} (LocalStack and
   * containers): the same bootstrap, migrations, seeds, local HTTP API and pollers, no emulators.
   * The endpoints' sandbox URL must be a provider sandbox ({@link
   * shop.localstack.ProviderSandbox}): it answers Stripe, SendGrid, Twilio and the signing-key
   * secret. The databases must exist ({@link BootstrapMain#createDatabases}).
   */
  public static LocalShop startOn(Endpoints endpoints, int apiPort, Topology topology) {
    return start(
        LocalCloud.Starting.external(endpoints),
        apiPort,
        topology,
        Map.of(),
        new StartupTimeline());
  }

  /**
   * As {@link #start(CloudPorts, int, Topology)}, each phase of the start timed on {@code
   * timeline}.
   */
  public static LocalShop start(
      CloudPorts ports, int apiPort, Topology topology, StartupTimeline timeline) {
    return start(LocalCloud.starting(ports, timeline), apiPort, topology, Map.of(), timeline);
  }

  private static LocalShop start(
      LocalCloud.Starting starting,
      int apiPort,
      Topology topology,
      Map<String, String> settings,
      StartupTimeline timeline) {
    int port = apiPort == 0 ? freePort() : apiPort;
    LocalShop shop =
        new LocalShop(
            starting.endpoints(),
            URI.create("http://127.0.0.1:" + port),
            topology,
            settings,
            timeline);
    ExecutorService boot =
        Executors.newCachedThreadPool(Thread.ofPlatform().name("local-shop-start-", 0).factory());
    try {
      shop.boot(port, starting, boot);
      return shop;
    } catch (RuntimeException e) {
      shop.close();
      starting.abandon();
      throw e;
    } finally {
      boot.shutdown();
    }
  }

  /**
   * Starts everything as soon as what it needs is up, rather than phase after phase: each emulator
   * is waited for only by what uses it (migrations by PostgreSQL, the queues by SQS and
   * EventBridge, ...). The service modules connect lazily, so they are built while the emulators
   * start. The shop is ready when the seeds are in, the pollers poll and every emulator listens.
   */
  private void boot(int port, LocalCloud.Starting starting, ExecutorService boot) {
    ShopBootstrap bootstrap = new ShopBootstrap(endpoints, topology);
    CompletableFuture<SqsClient> sqsClient =
        supply(boot, "SQS client", () -> keep(endpoints.sqsClient()));

    CompletableFuture<Void> secrets =
        after(starting.started(Service.SANDBOX), boot, "secrets", this::putSecrets);
    CompletableFuture<Map<String, String>> queues =
        after(
            starting.started(Service.SQS, Service.EVENTBRIDGE),
            boot,
            "bus, rules and queues",
            () -> {
              try (EventBridgeClient events = endpoints.eventBridgeClient()) {
                return bootstrap.busAndQueues(events, sqsClient.join());
              }
            });
    CompletableFuture<Void> tables =
        after(
            starting.started(Service.DYNAMODB),
            boot,
            "tables",
            () -> {
              try (DynamoDbClient dynamo = endpoints.dynamoDbClient()) {
                bootstrap.tables(dynamo);
              }
            });
    CompletableFuture<Void> buckets =
        after(
            starting.started(Service.S3),
            boot,
            "buckets",
            () -> {
              try (S3Client s3 = endpoints.s3Client()) {
                bootstrap.buckets(s3);
              }
            });
    CompletableFuture<Void> userDb =
        after(
            starting.started(Service.POSTGRES),
            boot,
            "user migrations",
            () -> bootstrap.migrate("user"));
    CompletableFuture<Void> transactionDb =
        after(
            starting.started(Service.POSTGRES),
            boot,
            "transaction migrations",
            () -> bootstrap.migrate("transaction"));

    // Nothing connects while the modules are built (pools, SDK clients and the Mongo driver connect
    // on first use), so they are built while the emulators start; those that read secrets (their
    // settings are references, as in the cloud) once the sandbox answers for them.
    CompletableFuture<UserModule> user =
        after(secrets, boot, "user module", () -> new UserModule(userConfig()));
    CompletableFuture<ProductModule> product =
        supply(boot, "product module", () -> new ProductModule(productConfig()));
    // Each of the five createIndex commands waits at most 10 s: not while the migrations load
    // Flyway, the heaviest part of the start, so that a busy machine does not make them time out.
    CompletableFuture<Void> productIndexes =
        afterAll(
            boot,
            "product indexes",
            bootstrap::productIndexes,
            starting.started(Service.MONGODB),
            userDb,
            transactionDb);
    CompletableFuture<TransactionModule> transaction =
        after(
            secrets, boot, "transaction module", () -> TransactionModule.from(transactionConfig()));
    CompletableFuture<NotificationModule> notification =
        supply(boot, "notification module", () -> new NotificationModule(notificationConfig()));
    CompletableFuture<OpsModule> ops =
        supply(boot, "ops module", () -> new OpsModule(serviceConfig("ops")));
    user.thenAccept(this::keep);

    // The API binds its port (and parses every route table) as soon as the modules exist, and
    // answers once the databases and resources are there: requests sent earlier wait.
    CompletableFuture<LocalHttpApi> api =
        CompletableFuture.allOf(user, product, transaction, notification, ops)
            .thenApplyAsync(
                ignored ->
                    timed(
                        "local HTTP API routes",
                        () ->
                            keep(
                                api(
                                    port,
                                    user.join(),
                                    product.join(),
                                    transaction.join(),
                                    notification.join(),
                                    ops.join()))),
                boot);
    CompletableFuture<Void> serving =
        afterAll(
            boot,
            "local HTTP API listening",
            () -> api.join().start(),
            api,
            secrets,
            queues,
            tables,
            buckets,
            userDb,
            transactionDb,
            productIndexes);

    // Events published by the seeds must find the bus, its rules and their queues.
    CompletableFuture<Void> adminSeed =
        afterAll(
            boot,
            "admin seed",
            () ->
                user.join()
                    .seedAdmin(new Argon2Passwords(ADMIN_ARGON2_MEMORY_KIB, 1))
                    .seed(ADMIN_EMAIL, "Local Admin", ADMIN_PASSWORD),
            user,
            userDb,
            queues);
    CompletableFuture<Void> catalogSeed =
        afterAll(
            boot,
            "catalogue seed",
            () -> LOG.info("seeded {} demo products", DemoCatalog.seed(product.join())),
            product,
            productIndexes,
            queues);
    CompletableFuture<Void> consumers =
        afterAll(
            boot,
            "SQS pollers and schedules",
            () ->
                startConsumers(
                    sqsClient.join(),
                    queues.join(),
                    user.join(),
                    product.join(),
                    transaction.join(),
                    notification.join()),
            sqsClient,
            secrets,
            user,
            product,
            transaction,
            notification,
            queues,
            tables,
            userDb,
            transactionDb,
            productIndexes);

    join(
        starting,
        secrets,
        queues,
        tables,
        buckets,
        userDb,
        transactionDb,
        productIndexes,
        serving,
        adminSeed,
        catalogSeed,
        consumers);
    cloud = starting.await();
    ready.set(true);
  }

  /**
   * Waits for every step. When one failed: an emulator that did not start is named first (with
   * every cause, by {@link LocalCloud.Starting#await()}), else the first failed phase.
   */
  private static void join(LocalCloud.Starting starting, CompletableFuture<?>... steps) {
    try {
      CompletableFuture.allOf(steps).join();
    } catch (CompletionException e) {
      starting.await();
      Throwable cause = e;
      while (cause instanceof CompletionException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("the local shop did not start: " + cause, cause);
    }
  }

  private <T> CompletableFuture<T> supply(ExecutorService boot, String phase, Callable<T> work) {
    return CompletableFuture.supplyAsync(() -> timed(phase, work), boot);
  }

  private <T> CompletableFuture<T> after(
      CompletableFuture<Void> emulators, ExecutorService boot, String phase, Callable<T> work) {
    return emulators.thenApplyAsync(ignored -> timed(phase, work), boot);
  }

  private CompletableFuture<Void> after(
      CompletableFuture<Void> emulators, ExecutorService boot, String phase, Runnable work) {
    return emulators.thenRunAsync(() -> timed(phase, work), boot);
  }

  private CompletableFuture<Void> afterAll(
      ExecutorService boot, String phase, Runnable work, CompletableFuture<?>... needs) {
    return CompletableFuture.allOf(needs).thenRunAsync(() -> timed(phase, work), boot);
  }

  /** Runs a phase on the timeline; a failure names the phase. */
  private <T> T timed(String phase, Callable<T> work) {
    try {
      return timeline.time(phase, work);
    } catch (RuntimeException e) {
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException(phase + " failed: " + cause.getMessage(), cause);
    }
  }

  private void timed(String phase, Runnable work) {
    timed(
        phase,
        () -> {
          work.run();
          return null;
        });
  }

  private synchronized <T extends AutoCloseable> T keep(T piece) {
    running.add(piece);
    return piece;
  }

  private LocalHttpApi api(
      int port,
      UserModule user,
      ProductModule product,
      TransactionModule transaction,
      NotificationModule notification,
      OpsModule ops) {
    return LocalHttpApi.create(
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
  }

  private void startConsumers(
      SqsClient sqs,
      Map<String, String> queueUrls,
      UserModule user,
      ProductModule product,
      TransactionModule transaction,
      NotificationModule notification) {
    Map<String, RequestHandler<SQSEvent, SQSBatchResponse>> consumers = new HashMap<>();
    consumers.put(InventoryEventsHandler.class.getName(), new InventoryEventsHandler(product));
    consumers.put(PaymentEventsHandler.class.getName(), new PaymentEventsHandler(transaction));
    consumers.put(
        NotificationEventsHandler.class.getName(), new NotificationEventsHandler(notification));
    consumers.put(CartEventsHandler.class.getName(), new CartEventsHandler(user));
    for (Subscription subscription : topology.subscriptions()) {
      RequestHandler<SQSEvent, SQSBatchResponse> handler = consumers.get(subscription.handler());
      if (handler == null) {
        throw new IllegalStateException("no local handler for " + subscription.handler());
      }
      SqsEventSourceMapping mapping =
          new SqsEventSourceMapping(
                  subscription.consumer(),
                  sqs,
                  queueUrls.get(subscription.queue()),
                  "arn:aws:sqs:"
                      + endpoints.region()
                      + ":"
                      + endpoints.accountId()
                      + ":"
                      + subscription.queue(),
                  endpoints.region(),
                  subscription.batchSize(),
                  subscription.maxConcurrency(),
                  handler)
              .start();
      mappings.put(subscription.consumer(), mapping);
      keep(mapping);
    }

    keep(
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

  /**
   * The signing keys (a key pair made now) and the providers' credentials (the sandbox's), as
   * Secrets Manager secrets.
   */
  private void putSecrets() {
    URI sandbox = endpoints.sandboxUrl();
    LocalSecrets.putSigningKeys(sandbox, SIGNING_SECRET_ID);
    LocalSecrets.put(
        sandbox,
        STRIPE_SECRET_ID,
        Map.of("apiKey", "sk_test_local_sandbox", "webhookSecret", STRIPE_WEBHOOK_SECRET));
    LocalSecrets.put(sandbox, SENDGRID_SECRET_ID, Map.of("apiKey", "SG.local-sandbox"));
    LocalSecrets.put(
        sandbox,
        TWILIO_SECRET_ID,
        Map.of(
            "accountSid", "AC00000000000000000000000000000000",
            "authToken", "local-sandbox",
            "from", "+15005550006"));
  }

  /** What every service gets: the cloud's endpoints and credentials, and how to verify tokens. */
  private Map<String, String> common(String service) {
    Map<String, String> config = new HashMap<>(endpoints.config(service));
    config.put("JWT_ISSUER", apiUrl.toString());
    config.put("JWT_AUDIENCE", JWT_AUDIENCE);
    config.put("JWKS_URL", apiUrl + "/.well-known/jwks.json");
    // Secrets Manager is answered by the provider sandbox locally.
    config.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", endpoints.sandboxUrl().toString());
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
    config.put("STRIPE_API_KEY", SecretReferences.reference(STRIPE_SECRET_ID, "apiKey"));
    return config;
  }

  Config productConfig() {
    return new Config(productEnvironment());
  }

  private Map<String, String> productEnvironment() {
    Map<String, String> config = common("product");
    config.put("MONGODB_DATABASE", ShopBootstrap.PRODUCT_DATABASE);
    config.put("PRODUCT_IMAGES_BUCKET", Bootstrap.PRODUCT_IMAGES_BUCKET);
    return config;
  }

  Config transactionConfig() {
    return new Config(transactionEnvironment());
  }

  private Map<String, String> transactionEnvironment() {
    Map<String, String> config = common("transaction");
    config.put("PRODUCT_API_URL", apiUrl.toString());
    config.put("STRIPE_API_KEY", SecretReferences.reference(STRIPE_SECRET_ID, "apiKey"));
    config.put(
        "STRIPE_WEBHOOK_SECRET", SecretReferences.reference(STRIPE_SECRET_ID, "webhookSecret"));
    config.put("DB_POOL_SIZE", Integer.toString(DB_POOL_SIZE));
    return config;
  }

  Config notificationConfig() {
    return new Config(notificationEnvironment());
  }

  private Map<String, String> notificationEnvironment() {
    Map<String, String> config = common("notification");
    String sandbox = endpoints.sandboxUrl().toString();
    config.put("NOTIFICATIONS_TABLE", NotificationTables.DEFAULT_NAME);
    config.put("EMAIL_PRIMARY", "ses");
    config.put("EMAIL_SECONDARY", "sendgrid");
    config.put("EMAIL_FROM", "shop@example.com");
    config.put("SENDGRID_API_KEY", SecretReferences.reference(SENDGRID_SECRET_ID, "apiKey"));
    config.put("SENDGRID_BASE_URL", sandbox);
    config.put("TWILIO_ACCOUNT_SID", SecretReferences.reference(TWILIO_SECRET_ID, "accountSid"));
    config.put("TWILIO_AUTH_TOKEN", SecretReferences.reference(TWILIO_SECRET_ID, "authToken"));
    config.put("TWILIO_FROM", SecretReferences.reference(TWILIO_SECRET_ID, "from"));
    config.put("TWILIO_BASE_URL", sandbox);
    return config;
  }

  public URI apiUrl() {
    return apiUrl;
  }

  /** The emulators (once {@link #start} returned). */
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

  /** Where each phase of the start went. */
  public StartupTimeline timeline() {
    return timeline;
  }

  public boolean ready() {
    return ready.get();
  }

  @Override
  public void close() {
    ready.set(false);
    List<AutoCloseable> pieces;
    synchronized (this) {
      pieces = new ArrayList<>(running).reversed();
    }
    for (AutoCloseable piece : pieces) {
      try {
        piece.close();
      } catch (Exception e) {
        LOG.warn("stopping {} failed", piece.getClass().getSimpleName(), e);
      }
    }
    if (cloud != null) {
      cloud.close();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
