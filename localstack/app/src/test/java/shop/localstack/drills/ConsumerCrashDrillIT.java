package shop.localstack.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.localstack.app.LocalShop;
import shop.localstack.runtime.SqsEventSourceMapping;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Drill 2, consumer crash mid-batch: each consumer of the checkout (inventory, payments,
 * notifications) gets a full batch and dies after handling part of it, so that the whole batch,
 * handled messages included, comes back after the visibility timeout. Every order is still reserved
 * once, charged once and told once.
 */
@ExtendWith(DrillShop.class)
class ConsumerCrashDrillIT {
  private static final int ORDERS = Drill.size("drills.crash.orders", 12);
  private static final int CRASH_AFTER = 4;
  private static final List<String> CONSUMERS = List.of("inventory", "payments", "notifications");

  @Test
  void aBatchRedeliveredAfterACrashHasEveryEffectOnce(LocalShop shop) throws Exception {
    ShopClient api = new ShopClient(shop);
    Sandbox sandbox = new Sandbox(shop, api);
    try (Stores stores = new Stores(shop);
        SqsClient sqs = shop.cloud().endpoints().sqsClient()) {
      Checkouts checkouts = new Checkouts(api, sandbox, stores, "crash");
      // Returns once no poller is in the middle of a receive.
      CONSUMERS.forEach(c -> shop.eventSourceMapping(c).pause());
      List<String> orders;
      try {
        orders = checkouts.place(ORDERS, 8);
        crashThenResume(shop, sqs, "inventory", ORDERS);
        crashThenResume(shop, sqs, "payments", ORDERS);
        checkouts.awaitAllPaid(orders, Duration.ofSeconds(90));
        // OrderCreated and PaymentCaptured of every order.
        crashThenResume(shop, sqs, "notifications", 2 * ORDERS);
      } finally {
        CONSUMERS.forEach(c -> shop.eventSourceMapping(c).resume());
      }
      Checkouts.Effects effects = checkouts.effects(orders);
      Drill.report(
          "consumer-crash",
          "inventory, payments and notifications each crashed after %d messages of a full batch"
              + " (nothing deleted, the batch redelivered); %s",
          CRASH_AFTER,
          effects);
      CONSUMERS.forEach(c -> assertThat(shop.eventSourceMapping(c).crashed()).as(c).isTrue());
      effects.assertExactlyOnce();
    }
  }

  /** Waits for {@code messages} in the paused consumer's queue, arms the crash and resumes. */
  private static void crashThenResume(
      LocalShop shop, SqsClient sqs, String consumer, int messages) {
    String queue = sqs.getQueueUrl(q -> q.queueName("shop-" + consumer)).queueUrl();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> Queues.visible(sqs, queue) >= messages);
    SqsEventSourceMapping mapping = shop.eventSourceMapping(consumer);
    mapping.crashNextBatchAfter(CRASH_AFTER);
    mapping.resume();
  }
}
