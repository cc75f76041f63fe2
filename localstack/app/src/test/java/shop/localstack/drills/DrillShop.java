package shop.localstack.drills;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import shop.events.Subscription;
import shop.events.Topology;
import shop.localstack.CloudPorts;
import shop.localstack.app.LocalShop;

/**
 * One local shop for every drill in the test JVM (starting one takes most of half a minute), with
 * the shop's topology and names but short visibility timeouts, so that failed and crashed messages
 * come back in seconds, and a short Stripe timeout. Drills resolve it as a {@link LocalShop}
 * parameter; JUnit closes it after the last test.
 */
public final class DrillShop implements ParameterResolver {
  /**
   * Seconds a received message stays hidden, per consumer: a twelfth of the shop's, at least 5 s,
   * so that a batch still outlasts its slowest run (payments: ten Stripe calls); {@code
   * -Ddrills.visibility} sets every queue's for the long drills.
   */
  static int visibilitySeconds(String consumer) {
    Integer all = Integer.getInteger("drills.visibility");
    if (all != null) {
      return all;
    }
    return Math.max(
        5, Topology.shop().subscription(consumer).orElseThrow().visibilityTimeoutSeconds() / 12);
  }

  /** The Stripe client's read timeout in the drills (the default is 10 s). */
  static final Duration STRIPE_TIMEOUT = Duration.ofSeconds(2);

  /** How long a refund stays PENDING before the sweep settles it (the default is 5 minutes). */
  static final Duration REFUND_SWEEP_GRACE = Duration.ofSeconds(10);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalShop.class;
  }

  @Override
  public LocalShop resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(DrillShop.class))
        .computeIfAbsent(Running.class, type -> new Running(start()), Running.class)
        .shop();
  }

  private static LocalShop start() {
    Topology shop = Topology.shop();
    Topology fast =
        new Topology(
            shop.busName(),
            shop.archiveName(),
            shop.failuresTable(),
            shop.idempotencyTable(),
            shop.subscriptions().stream()
                .map(
                    s ->
                        new Subscription(
                            s.consumer(),
                            s.service(),
                            s.events(),
                            s.handler(),
                            s.maxReceiveCount(),
                            s.batchSize(),
                            s.maxConcurrency(),
                            visibilitySeconds(s.consumer())))
                .toList());
    return LocalShop.start(
        CloudPorts.ephemeral(),
        0,
        fast,
        Map.of(
            "STRIPE_TIMEOUT",
            STRIPE_TIMEOUT.toString(),
            "REFUND_SWEEP_GRACE",
            REFUND_SWEEP_GRACE.toString()));
  }

  private record Running(LocalShop shop) implements AutoCloseable {
    @Override
    public void close() {
      shop.close();
    }
  }
}
