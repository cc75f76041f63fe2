package shop.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import shop.events.EventEnvelope;
import shop.platform.testing.FakeEventBridge;

/**
 * What operators rely on from every outbox store, checked the same way for each: parked entries are
 * listed with what an operator needs and go back in line one by one or all at once.
 */
final class ParkedEntriesCheck {
  private ParkedEntriesCheck() {}

  /**
   * @param events three committed events, the second an OrderCreated
   * @param backoffElapses makes pending entries due now
   * @param unknownId an id that names no entry of the store
   */
  static void parkedEntriesGoBackInLine(
      OutboxStore store,
      OutboxRelay relay,
      RelayPolicy policy,
      FakeEventBridge eventBridge,
      List<EventEnvelope<?>> events,
      Runnable backoffElapses,
      String unknownId) {
    eventBridge.failRequests(500);
    for (int attempt = 0; attempt < policy.maxAttempts(); attempt++) {
      relay.relayPending(100);
      backoffElapses.run();
    }
    List<String> ids = events.stream().map(EventEnvelope::id).toList();

    List<ParkedEntry> parked = store.parked(10);
    assertThat(parked).extracting(ParkedEntry::id).containsExactlyInAnyOrderElementsOf(ids);
    ParkedEntry order =
        parked.stream().filter(p -> p.id().equals(ids.get(1))).findFirst().orElseThrow();
    assertThat(order.eventType()).isEqualTo("shop.order.created.v1");
    assertThat(order.subject()).isEqualTo(events.get(1).subject());
    assertThat(order.attempts()).isEqualTo(policy.maxAttempts());
    assertThat(order.lastError()).contains("500");
    assertThat(store.parked(2)).hasSize(2);

    eventBridge.recover();
    assertThat(store.retry(ids.get(1))).isTrue();
    assertThat(store.retry(ids.get(1))).isFalse();
    assertThat(store.retry(unknownId)).isFalse();
    assertThat(relay.relayPending(100)).isEqualTo(new RelaySummary(1, 0, 0));
    assertThat(store.retryAllParked()).isEqualTo(2);
    assertThat(relay.relayPending(100)).isEqualTo(new RelaySummary(2, 0, 0));
    assertThat(store.parked(10)).isEmpty();
    assertThat(eventBridge.acceptedIds()).containsExactlyInAnyOrderElementsOf(ids);
  }
}
