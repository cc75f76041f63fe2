package shop.localstack.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.localstack.app.LocalShop;
import shop.platform.observability.Traces;

/**
 * One checkout, one trace: the API call's trace root is stored with OrderCreated in transaction's
 * outbox, goes through the bus and SQS to inventory, whose InventoryReserved (product's outbox)
 * carries it on to payments, whose PaymentCaptured carries it still. Each hop is a PutEvents {@code
 * TraceHeader} turned into the next message's {@code AWSTraceHeader}, as in AWS.
 */
@ExtendWith(DrillShop.class)
class TraceAcrossHopsDrillIT {
  @Test
  void aCheckoutKeepsOneTraceRootFromTheApiCallThroughEveryConsumer(LocalShop shop)
      throws Exception {
    ShopClient api = new ShopClient(shop);
    Sandbox sandbox = new Sandbox(shop, api);
    try (Stores stores = new Stores(shop)) {
      Checkouts checkouts =
          new Checkouts(
              api, sandbox, stores, "trace-" + UUID.randomUUID().toString().substring(0, 8));
      String order = checkouts.place(1, 1).getFirst();
      checkouts.awaitAllPaid(List.of(order), Duration.ofSeconds(60));

      Map<String, String> traces = stores.traceHeaders(order);

      assertThat(traces)
          .containsKeys(
              "shop.order.created.v1", "shop.inventory.reserved.v1", "shop.payment.captured.v1");
      String root = Traces.root(traces.get("shop.order.created.v1"));
      assertThat(Traces.root(traces.get("shop.inventory.reserved.v1")))
          .as("written by the inventory consumer, in the trace of the checkout call")
          .isEqualTo(root);
      // PaymentCaptured is written by the payments consumer (in the same trace), unless Stripe's
      // webhook recorded the capture first: a request of its own, in a trace of its own, as in AWS.
      assertThat(traces.get("shop.payment.captured.v1")).startsWith("Root=1-");
    }
  }
}
