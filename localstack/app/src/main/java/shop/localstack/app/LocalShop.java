package shop.localstack.app;

import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import shop.events.Topology;
import shop.localstack.BootPlan;
import shop.localstack.CloudPorts;
import shop.localstack.Endpoints;
import shop.localstack.LocalCloud;
import shop.localstack.StartupTimeline;
import shop.localstack.runtime.SqsEventSourceMapping;
import shop.platform.observability.Metrics;
import software.amazon.cloudwatchlogs.emf.sinks.ConsoleSink;

/**
 * The whole shop on one machine: every emulator and every service's functions, started as the
 * {@linkplain ShopSteps steps} that declare them. Each service gets the configuration its Lambda
 * gets as environment in the cloud ({@link ServiceEnvironments}).
 */
public final class LocalShop implements AutoCloseable {
  /**
   * The plan's threads: its steps mostly wait for emulators and I/O, and at most about eight of
   * them are ready at once.
   */
  private static final int BOOT_THREADS = 8;

  private final URI apiUrl;
  private final ServiceEnvironments environments;
  private final StartupTimeline timeline;
  private final SqsPollers pollers;
  private final RunningPieces running = new RunningPieces();
  private final AtomicBoolean ready = new AtomicBoolean();
  private volatile LocalCloud cloud;
  private volatile String stripeWebhookSecret;

  private LocalShop(
      Endpoints endpoints,
      URI apiUrl,
      Topology topology,
      Map<String, String> settings,
      StartupTimeline timeline) {
    this.apiUrl = apiUrl;
    this.environments = new ServiceEnvironments(endpoints, apiUrl, settings);
    this.timeline = timeline;
    this.pollers = new SqsPollers(topology, endpoints);
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
    Endpoints endpoints = starting.endpoints();
    LocalShop shop =
        new LocalShop(
            endpoints, URI.create("http://127.0.0.1:" + port), topology, settings, timeline);
    try {
      BootPlan plan = new BootPlan(timeline, BOOT_THREADS);
      ShopSteps steps =
          new ShopSteps(
              endpoints,
              topology,
              shop.environments,
              shop.pollers,
              shop.running,
              port,
              shop.ready::get);
      steps.declare(plan, starting);
      try {
        plan.run();
      } catch (RuntimeException failed) {
        // An emulator that did not start explains the rest: it is named first, with every cause.
        starting.await();
        throw failed;
      }
      shop.cloud = starting.await();
      if (shop.cloud.eventBridge() != null) {
        // the functions' metrics reach the local CloudWatch, as their logs reach CloudWatch Logs
        Metrics.sendTo(new CloudWatchLogsSink(shop.cloud.eventBridge().cloudWatch()));
      }
      shop.stripeWebhookSecret = steps.stripeWebhookSecret();
      shop.pollers.requireEverySubscriptionPolled();
      shop.ready.set(true);
      return shop;
    } catch (RuntimeException e) {
      shop.close();
      starting.abandon();
      throw e;
    }
  }

  /**
   * The environment of {@code service}'s functions (user, product, transaction, notification or
   * ops) on this local cloud: what a handler started in a JVM of its own needs to reach it, as the
   * cold-start benchmark does.
   */
  public Map<String, String> environment(String service) {
    return environments.of(service);
  }

  public URI apiUrl() {
    return apiUrl;
  }

  /**
   * The signing secret of the shop's webhook endpoint at the sandbox's Stripe: what the transaction
   * service verifies with, and what a developer signs test events with.
   */
  public String stripeWebhookSecret() {
    return stripeWebhookSecret;
  }

  /** What carriers sign their delivery webhooks with locally ({@code POST /webhooks/carrier}). */
  public String carrierWebhookSecret() {
    return LocalSecrets.CARRIER_WEBHOOK_SECRET;
  }

  /** The emulators (once {@link #start} returned). */
  public LocalCloud cloud() {
    return cloud;
  }

  /** The event source mapping feeding {@code consumer}'s handler (drills pause or crash it). */
  public SqsEventSourceMapping eventSourceMapping(String consumer) {
    return pollers.of(consumer);
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
    if (cloud != null && cloud.eventBridge() != null) {
      Metrics.sendTo(new ConsoleSink());
    }
    running.close();
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
