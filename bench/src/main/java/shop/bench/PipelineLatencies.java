package shop.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The checkout pipeline's stages per order: its commit (the order's {@code createdAt}, stamped in
 * the transaction that also writes OrderCreated to the outbox), its 201 at the client, each event
 * reaching the bus ({@link BusTap}) and each email reaching its provider ({@link SandboxJournal}).
 * All are epoch milliseconds of the same machine's clock.
 */
final class PipelineLatencies {
  private static final String ROW = "%-58s %7s %8s %8s %8s%n";

  /** When one order passed each point, where it did. */
  record Order(
      long committed,
      long answered,
      Optional<Long> created,
      Optional<Long> reserved,
      Optional<Long> captured,
      Optional<Long> receivedEmail,
      Optional<Long> confirmedEmail) {}

  /** One stage's latencies in milliseconds over the orders that passed both of its points. */
  record Stage(String name, List<Double> millis, int missing) {
    String row() {
      if (millis.isEmpty()) {
        return String.format(Locale.ROOT, ROW, name, 0, "-", "-", "-");
      }
      return String.format(
          Locale.ROOT,
          ROW,
          name,
          millis.size() + (missing > 0 ? "/" + (millis.size() + missing) : ""),
          ms(Stats.percentile(millis, 50)),
          ms(Stats.percentile(millis, 99)),
          ms(Stats.percentile(millis, 100)));
    }
  }

  private PipelineLatencies() {}

  static List<Stage> stages(Map<String, Order> orders) {
    List<Stage> stages = new ArrayList<>();
    stages.add(
        stage(
            "commit (createdAt) -> 201 at the client",
            orders,
            o -> from(o, Optional.of(o.answered()))));
    stages.add(stage("commit -> OrderCreated on the bus", orders, o -> from(o, o.created())));
    stages.add(
        stage(
            "commit -> InventoryReserved on the bus (stock reserved)",
            orders,
            o -> from(o, o.reserved())));
    stages.add(
        stage(
            "commit -> PaymentCaptured on the bus (payment captured)",
            orders,
            o -> from(o, o.captured())));
    stages.add(
        stage(
            "commit -> confirmation email at the provider",
            orders,
            o -> from(o, o.confirmedEmail())));
    stages.add(
        stage(
            "OrderCreated -> InventoryReserved (inventory hop)",
            orders,
            o -> between(o.created(), o.reserved())));
    stages.add(
        stage(
            "InventoryReserved -> PaymentCaptured (payments hop)",
            orders,
            o -> between(o.reserved(), o.captured())));
    stages.add(
        stage(
            "OrderCreated on the bus -> 'received' email at provider",
            orders,
            o -> between(o.created(), o.receivedEmail())));
    stages.add(
        stage(
            "PaymentCaptured on the bus -> confirmation at provider",
            orders,
            o -> between(o.captured(), o.confirmedEmail())));
    return stages;
  }

  static String table(List<Stage> stages) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, ROW, "stage", "orders", "p50 ms", "p99 ms", "max ms"));
    stages.forEach(s -> out.append(s.row()));
    return out.toString();
  }

  private static Stage stage(
      String name, Map<String, Order> orders, Function<Order, Optional<Long>> latency) {
    List<Double> millis = new ArrayList<>();
    int missing = 0;
    for (Order order : orders.values()) {
      Optional<Long> value = latency.apply(order);
      if (value.isPresent()) {
        millis.add((double) value.get());
      } else {
        missing++;
      }
    }
    return new Stage(name, millis, missing);
  }

  private static Optional<Long> from(Order order, Optional<Long> point) {
    return point.map(at -> at - order.committed());
  }

  private static Optional<Long> between(Optional<Long> from, Optional<Long> to) {
    return from.flatMap(a -> to.map(b -> b - a));
  }

  private static String ms(double millis) {
    return String.format(Locale.ROOT, "%.0f", millis);
  }
}
