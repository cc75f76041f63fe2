package shop.localstack.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.localstack.app.LocalShop;

/**
 * Drill 1, bus outage: EventBridge answers 503 for a while in the middle of a run of checkouts.
 * Checkout keeps answering 201 (the events wait in the outbox); after the outage every OrderCreated
 * reaches its consumers, and no effect (stock, charge, email) happens twice.
 */
@ExtendWith(DrillShop.class)
class BusOutageDrillIT {
  private static final int CHECKOUTS = Drill.size("drills.outage.checkouts", 24);
  private static final Duration OUTAGE =
      Drill.duration("drills.outage.duration", Duration.ofSeconds(4));

  @Test
  void everyOrderCreatedArrivesAfterTheOutageAndNothingHappensTwice(LocalShop shop)
      throws Exception {
    ShopClient api = new ShopClient(shop);
    Sandbox sandbox = new Sandbox(shop, api);
    try (Stores stores = new Stores(shop)) {
      Checkouts checkouts = new Checkouts(api, sandbox, stores, "outage");
      int quarter = Math.max(1, CHECKOUTS / 4);
      List<String> orders = new ArrayList<>(checkouts.place(quarter, 8));

      long down = System.nanoTime();
      shop.cloud().eventBridge().pause();
      try {
        orders.addAll(checkouts.place(CHECKOUTS - 2 * quarter, 8));
        long left = OUTAGE.toNanos() - (System.nanoTime() - down);
        if (left > 0) {
          Thread.sleep(Duration.ofNanos(left));
        }
      } finally {
        shop.cloud().eventBridge().resume();
      }
      Duration outage = Duration.ofNanos(System.nanoTime() - down);
      orders.addAll(checkouts.place(quarter, 8));

      long recovering = System.nanoTime();
      checkouts.awaitAllPaid(orders, Duration.ofSeconds(60).plus(outage.multipliedBy(3)));
      Duration recovery = Duration.ofNanos(System.nanoTime() - recovering);
      Checkouts.Effects effects = checkouts.effects(orders);
      long retried = stores.orderCreatedRetried(checkouts.customer().userId());
      Drill.report(
          "bus-outage",
          "bus down %d s during %d checkouts (all answered 201); %d OrderCreated sent again after"
              + " failing; all PAID %d s after the bus came back; %s",
          outage.toSeconds(),
          orders.size(),
          retried,
          recovery.toSeconds(),
          effects);
      assertThat(orders).hasSize(CHECKOUTS).doesNotHaveDuplicates();
      assertThat(retried).as("OrderCreated that waited out the outage").isPositive();
      effects.assertExactlyOnce();
    }
  }
}
