package shop.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopologyTest {
  private final Topology topology = Topology.shop();

  @Test
  void everyEventTypeHasAConsumer() {
    assertThat(Arrays.stream(EventType.values()).filter(t -> topology.consumersOf(t).isEmpty()))
        .isEmpty();
  }

  @Test
  void orderCreatedReachesInventoryNotificationsCartsAndTheTrail() {
    assertThat(topology.consumersOf(EventType.ORDER_CREATED))
        .extracting(Subscription::consumer)
        .containsExactlyInAnyOrder("inventory", "notifications", "carts", "trail");
  }

  @Test
  void theAccountMailsGoToNotificationsAndTheTrailOnly() {
    for (EventType type :
        List.of(
            EventType.EMAIL_VERIFICATION_REQUESTED,
            EventType.PASSWORD_RESET_REQUESTED,
            EventType.REGISTRATION_ATTEMPTED)) {
      assertThat(topology.consumersOf(type))
          .as(type.eventName())
          .extracting(Subscription::consumer)
          .containsExactlyInAnyOrder("notifications", "trail");
    }
  }

  @Test
  void theTrailTakesEveryEventType() {
    assertThat(topology.subscription("trail").orElseThrow().events())
        .containsExactlyInAnyOrder(EventType.values());
  }

  @Test
  void queueNamesAreUniqueAcrossConsumersAndDeadLetterQueues() {
    List<String> queues =
        topology.subscriptions().stream()
            .flatMap(s -> List.of(s.queue(), s.deadLetterQueue()).stream())
            .toList();

    assertThat(queues).doesNotHaveDuplicates().hasSize(2 * topology.subscriptions().size());
  }

  @Test
  void eventPatternMatchesSourcesAndDetailTypesOfTheSubscribedEvents() throws Exception {
    Subscription payments = topology.subscription("payments").orElseThrow();

    JsonNode pattern = EventJson.mapper().readTree(payments.eventPattern());

    assertThat(values(pattern.get("source"))).containsExactly("shop.product");
    assertThat(values(pattern.get("detail-type")))
        .containsExactlyInAnyOrder("InventoryReserved", "InventoryRejected");
  }

  @Test
  void handlersLiveInTheirServicesApiPackage() {
    for (Subscription s : topology.subscriptions()) {
      assertThat(s.handler()).startsWith("shop." + s.service() + ".api.");
    }
  }

  private static Set<String> values(JsonNode array) {
    Set<String> values = new HashSet<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  @Test
  void thePublishersAreTheServicesThatOwnAnEventType() {
    assertThat(Topology.shop().publishers()).containsExactly("product", "transaction", "user");
    assertThat(Topology.outboxFunction("transaction")).isEqualTo("shop-transaction-outbox-ops");
  }
}
