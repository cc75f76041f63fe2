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
      assertThat(traces.values())
          .as("every event of the order in the trace of the checkout call")
          .allSatisfy(header -> assertThat(Traces.root(header)).isEqualTo(root));
    }
  }
}
