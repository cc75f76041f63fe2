package shop.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local cloud: every emulator the shop needs, started in parallel in this JVM, no Docker.
 *
 * <ul>
 *   <li>EventBridge: {@link LocalEventBridge} (AWS's rule engine, delivery to SQS, archive, replay)
 *   <li>SQS: ElasticMQ
 *   <li>DynamoDB: DynamoDB Local, in memory
 *   <li>S3: S3Proxy, in memory, checking SigV4 signatures
 *   <li>Stripe, SendGrid, Twilio, SES v2: one WireMock sandbox
 *   <li>MongoDB: mongo-java-server, in memory
 *   <li>PostgreSQL: embedded PostgreSQL 17, one database per service ({@link #POSTGRES_SERVICES})
 * </ul>
 *
 * <p>Ports: {@link CloudPorts#defaults()} (4566–4572, see {@link Service}) for people, {@link
 * CloudPorts#ephemeral()} for tests. {@link #close()} stops everything and removes PostgreSQL's
 * data directory. Run {@link Bootstrap} to create the topology's resources.
 */
public final class LocalCloud implements AutoCloseable {
  public static final String REGION = "us-east-1";
  public static final String ACCOUNT = "000000000000";
  public static final String ACCESS_KEY_ID = "test";
  public static final String SECRET_ACCESS_KEY = "test";
  public static final List<String> POSTGRES_SERVICES = List.of("user", "transaction");

  private static final Logger LOG = LoggerFactory.getLogger(LocalCloud.class);
  private static final String HOST = "127.0.0.1";

  private final List<AutoCloseable> servers;
  private final LocalEventBridge eventBridge;
  private final Endpoints endpoints;
  private final Duration startupTime;
  private boolean closed;

  private LocalCloud(
      List<AutoCloseable> servers,
      LocalEventBridge eventBridge,
      Endpoints endpoints,
      Duration startupTime) {
    this.servers = servers;
    this.eventBridge = eventBridge;
    this.endpoints = endpoints;
    this.startupTime = startupTime;
  }

  /**
   * Starts every emulator on {@code ports}; if one fails, stops those already started and throws.
   *
   * @throws PortInUseException if a fixed port is taken (the message names the setting to change)
   */
  public static LocalCloud start(CloudPorts ports) {
    return starting(ports, new StartupTimeline()).await();
  }

  /**
   * Begins starting every emulator on {@code ports}, in parallel, each timed on {@code timeline};
   * returns at once, so that a caller can begin what needs only some emulators (migrations once
   * PostgreSQL listens, queues once SQS does) while the others are still starting. {@link
   * Starting#await()} gives the cloud once every emulator listens.
   *
   * @throws PortInUseException if a fixed port is taken (the message names the setting to change)
   */
  public static Starting starting(CloudPorts ports, StartupTimeline timeline) {
    long started = System.nanoTime();
    // Before the ports are checked: a killed cloud's PostgreSQL still holds its port.
    PostgresLeftovers.removeOrphans(Path.of(System.getProperty("java.io.tmpdir")));
    Map<Service, Integer> port = ports.resolve();
    Endpoints endpoints = endpoints(port);
    ExecutorService starter =
        Executors.newFixedThreadPool(
            Service.values().length,
            Thread.ofPlatform().name("local-cloud-start-", 0).daemon().factory());
    Map<Service, CompletableFuture<AutoCloseable>> starting = new EnumMap<>(Service.class);
    starting.put(
        Service.POSTGRES,
        async(
            starter,
            timeline,
            Service.POSTGRES,
            () -> EmbeddedPostgresServer.start(port.get(Service.POSTGRES), POSTGRES_SERVICES)));
    starting.put(
        Service.SQS,
        async(
            starter,
            timeline,
            Service.SQS,
            () -> ElasticMqServer.start(HOST, port.get(Service.SQS), REGION, ACCOUNT)));
    starting.put(
        Service.DYNAMODB,
        async(
            starter,
            timeline,
            Service.DYNAMODB,
            () -> DynamoDbLocalServer.start(port.get(Service.DYNAMODB))));
    starting.put(
        Service.S3,
        async(
            starter,
            timeline,
            Service.S3,
            () ->
                S3ProxyServer.start(HOST, port.get(Service.S3), ACCESS_KEY_ID, SECRET_ACCESS_KEY)));
    starting.put(
        Service.SANDBOX,
        async(
            starter,
            timeline,
            Service.SANDBOX,
            () -> ProviderSandbox.start(HOST, port.get(Service.SANDBOX))));
    starting.put(
        Service.MONGODB,
        async(
            starter,
            timeline,
            Service.MONGODB,
            () -> MongoWireServer.start(HOST, port.get(Service.MONGODB))));
    starting.put(
        Service.EVENTBRIDGE,
        async(
            starter,
            timeline,
            Service.EVENTBRIDGE,
            () ->
                LocalEventBridge.start(
                    HOST, port.get(Service.EVENTBRIDGE), REGION, ACCOUNT, endpoints.sqsClient())));
    starter.shutdown();
    return new Starting(starting, endpoints, started);
  }

  /**
   * The emulators while they start: their endpoints are known at once, each emulator's readiness
   * separately.
   */
  public static final class Starting {
    private final Map<Service, CompletableFuture<AutoCloseable>> servers;
    private final Endpoints endpoints;
    private final long startedNanos;
    private final java.util.concurrent.atomic.AtomicLong lastStartedNanos;
    private LocalCloud cloud;

    private Starting(
        Map<Service, CompletableFuture<AutoCloseable>> servers,
        Endpoints endpoints,
        long startedNanos) {
      this.servers = servers;
      this.endpoints = endpoints;
      this.startedNanos = startedNanos;
      this.lastStartedNanos = new java.util.concurrent.atomic.AtomicLong(startedNanos);
      // when the last emulator listened, not when someone asked (await() may come much later)
      servers
          .values()
          .forEach(
              server ->
                  server.whenComplete(
                      (ok, failed) ->
                          lastStartedNanos.accumulateAndGet(System.nanoTime(), Math::max)));
    }

    /**
     * Another cloud at {@code endpoints} (LocalStack and containers, or anything else speaking the
     * same protocols), already running: nothing to start, nothing to stop.
     */
    public static Starting external(Endpoints endpoints) {
      Map<Service, CompletableFuture<AutoCloseable>> none = new EnumMap<>(Service.class);
      for (Service service : Service.values()) {
        none.put(service, CompletableFuture.completedFuture(() -> {}));
      }
      Starting starting = new Starting(none, endpoints, System.nanoTime());
      starting.cloud = new LocalCloud(List.of(), null, endpoints, Duration.ZERO);
      return starting;
    }

    /** Where the emulators listen (or will). */
    public Endpoints endpoints() {
      return endpoints;
    }

    /**
     * Completes when every one of {@code services} listens; completes exceptionally as soon as one
     * of them failed to start.
     */
    public CompletableFuture<Void> started(Service... services) {
      return CompletableFuture.allOf(
          java.util.Arrays.stream(services).map(servers::get).toArray(CompletableFuture[]::new));
    }

    /**
     * Waits for every emulator: the cloud, or, when one failed, stops the others and throws with
     * every cause.
     */
    public synchronized LocalCloud await() {
      if (cloud == null) {
        List<AutoCloseable> started = awaitAll(servers);
        LocalEventBridge eventBridge = (LocalEventBridge) servers.get(Service.EVENTBRIDGE).join();
        Duration startupTime = Duration.ofNanos(lastStartedNanos.get() - startedNanos);
        LOG.info("local cloud started in {} ms", startupTime.toMillis());
        cloud = new LocalCloud(started, eventBridge, endpoints, startupTime);
      }
      return cloud;
    }

    /**
     * Stops whatever started, waiting for those still starting (when starting the shop failed
     * half-way).
     */
    public void abandon() {
      List<AutoCloseable> started = new ArrayList<>();
      for (CompletableFuture<AutoCloseable> server : servers.values()) {
        try {
          started.add(server.join());
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
          // did not start: nothing to stop
        }
      }
      closeAll(started);
    }
  }

  private static CompletableFuture<AutoCloseable> async(
      ExecutorService executor,
      StartupTimeline timeline,
      Service service,
      Callable<? extends AutoCloseable> start) {
    return CompletableFuture.supplyAsync(
        () -> timeline.time(service.displayName() + " emulator", start), executor);
  }

  /** Every started server; when one failed, closes the others and throws with every cause. */
  private static List<AutoCloseable> awaitAll(
      Map<Service, CompletableFuture<AutoCloseable>> starting) {
    List<AutoCloseable> started = new ArrayList<>();
    IllegalStateException failure = null;
    for (Map.Entry<Service, CompletableFuture<AutoCloseable>> entry : starting.entrySet()) {
      try {
        started.add(entry.getValue().join());
      } catch (CompletionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof CompletionException wrapped && wrapped.getCause() != null) {
          cause = wrapped.getCause();
        }
        if (cause instanceof PortInUseException inUse && failure == null) {
          failure = inUse;
        } else if (failure == null) {
          failure =
              new IllegalStateException(
                  "the local " + entry.getKey().displayName() + " did not start: " + cause, cause);
        } else {
          failure.addSuppressed(cause);
        }
      }
    }
    if (failure != null) {
      closeAll(started).forEach(failure::addSuppressed);
      throw failure;
    }
    return started;
  }

  private static Endpoints endpoints(Map<Service, Integer> port) {
    Map<String, Endpoints.PostgresDatabase> databases = new LinkedHashMap<>();
    int postgresPort = port.get(Service.POSTGRES);
    for (String service : POSTGRES_SERVICES) {
      String address = "localhost:" + postgresPort + "/" + service;
      databases.put(
          service,
          new Endpoints.PostgresDatabase(
              "jdbc:postgresql://" + address,
              EmbeddedPostgresServer.ROLE,
              EmbeddedPostgresServer.PASSWORD));
    }
    return new Endpoints(
        REGION,
        ACCOUNT,
        ACCESS_KEY_ID,
        SECRET_ACCESS_KEY,
        url(port, Service.SQS),
        url(port, Service.DYNAMODB),
        url(port, Service.S3),
        url(port, Service.EVENTBRIDGE),
        url(port, Service.SANDBOX),
        "mongodb://" + HOST + ":" + port.get(Service.MONGODB),
        databases);
  }

  private static URI url(Map<Service, Integer> port, Service service) {
    return URI.create("http://" + HOST + ":" + port.get(service));
  }

  public Endpoints endpoints() {
    return endpoints;
  }

  /** The settings every service gets: see {@link Endpoints#config()}. */
  public Map<String, String> config() {
    return endpoints.config();
  }

  /**
   * The settings of {@code service}, its own database included: see {@link
   * Endpoints#config(String)}.
   */
  public Map<String, String> config(String service) {
    return endpoints.config(service);
  }

  /**
   * The EventBridge endpoint, e.g. to {@link LocalEventBridge#pause()} it in a drill; null on an
   * {@linkplain Starting#external external} cloud.
   */
  public LocalEventBridge eventBridge() {
    return eventBridge;
  }

  /**
   * Restarts PostgreSQL on the same port with the same data, down for {@code down}: every open
   * connection is ended, as in a database failover. For reliability drills; blocks until it is up.
   */
  public void restartPostgres(Duration down) {
    EmbeddedPostgresServer postgres =
        servers.stream()
            .filter(EmbeddedPostgresServer.class::isInstance)
            .map(EmbeddedPostgresServer.class::cast)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
    try {
      postgres.restart(down);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while PostgreSQL was restarting", e);
    }
  }

  /** From resolving the ports to the last emulator listening. */
  public Duration startupTime() {
    return startupTime;
  }

  /** Stops every emulator; throws after trying them all if one failed to stop. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<Exception> failures = closeAll(servers);
    if (!failures.isEmpty()) {
      IllegalStateException failure =
          new IllegalStateException("the local cloud did not stop cleanly", failures.get(0));
      failures.stream().skip(1).forEach(failure::addSuppressed);
      throw failure;
    }
  }

  /** Closes in reverse start order, in parallel; returns what failed. */
  private static List<Exception> closeAll(List<AutoCloseable> servers) {
    List<Exception> failures = Collections.synchronizedList(new ArrayList<>());
    List<AutoCloseable> reversed = new ArrayList<>(servers);
    Collections.reverse(reversed);
    CompletableFuture.allOf(
            reversed.stream()
                .map(
                    server ->
                        CompletableFuture.runAsync(
                            () -> {
                              try {
                                server.close();
                              } catch (Exception e) {
                                LOG.warn(
                                    "{} did not stop cleanly",
                                    server.getClass().getSimpleName(),
                                    e);
                                failures.add(e);
                              }
                            }))
                .toArray(CompletableFuture[]::new))
        .join();
    return failures;
  }

  /**
   * Runs the local cloud until Ctrl-C: fixed ports (overridable with {@code SHOP_LOCAL_*_PORT}
   * environment variables or system properties), bootstrapped, its settings printed as {@code
   * export} lines.
   */
  public static void main(String[] args) throws InterruptedException {
    CloudPorts ports =
        CloudPorts.fromSettings(name -> System.getProperty(name, System.getenv(name)));
    LocalCloud cloud = start(ports);
    long bootstrapStarted = System.nanoTime();
    Bootstrap.of(cloud.endpoints()).run();
    Duration bootstrap = Duration.ofNanos(System.nanoTime() - bootstrapStarted);
    System.out.printf(
        "local cloud up in %d ms (bootstrap %d ms)%n",
        cloud.startupTime().toMillis(), bootstrap.toMillis());
    cloud.config().forEach((key, value) -> System.out.println("export " + key + "=" + value));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  cloud.close();
                  stopped.countDown();
                },
                "local-cloud-shutdown"));
    stopped.await();
  }
}
