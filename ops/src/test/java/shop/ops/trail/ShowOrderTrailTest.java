package shop.ops.trail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import shop.ops.audit.AuditEntry;
import shop.ops.audit.AuditLog;
import shop.ops.trail.ConsumerFailures.ConsumerFailure;
import shop.ops.trail.SentNotifications.SentNotification;
import shop.platform.domain.InvalidFieldException;

class ShowOrderTrailTest {
  private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");
  private static final String ORDER = "order-1";
  private static final String CREATED = "shop.order.created.v1";
  private static final String CAPTURED = "shop.payment.captured.v1";

  private final InMemoryTrails trails = new InMemoryTrails();
  private final Map<String, ConsumerFailure> failures = new HashMap<>();
  private final List<AuditEntry> audit = new ArrayList<>();
  private final List<SentNotification> sent = new ArrayList<>();
  private final ShowOrderTrail showOrderTrail =
      new ShowOrderTrail(
          trails,
          type ->
              type.equals(CREATED)
                  ? List.of(new Subscriber("inventory", 5), new Subscriber("notifications", 5))
                  : List.of(new Subscriber("notifications", 5)),
          (consumer, eventId) -> Optional.ofNullable(failures.get(consumer + "/" + eventId)),
          new AuditLog() {
            @Override
            public void record(AuditEntry entry) {
              audit.add(entry);
            }

            @Override
            public List<AuditEntry> latest(int limit) {
              return audit.reversed();
            }
          },
          orderId -> orderId.equals(ORDER) ? sent : List.of());

  @Test
  void listsEachEventWithEveryConsumersOutcomeInTimeOrder() {
    keep("e-1", CREATED, T0, null);
    keep("e-2", CAPTURED, T0.plusSeconds(2), 4200L);

    List<TrailEntry> trail = show(ORDER);

    assertThat(trail)
        .extracting(TrailEntry::kind, TrailEntry::type, TrailEntry::consumer)
        .containsExactly(
            tuple("event", CREATED, null),
            tuple("consumer", "handled", "inventory"),
            tuple("consumer", "handled", "notifications"),
            tuple("event", CAPTURED, null),
            tuple("payment", "payment.captured", null),
            tuple("consumer", "handled", "notifications"));
    assertThat(trail.get(4).detail()).isEqualTo("4200 EUR");
  }

  @Test
  void aFailureAtTheLastReceiveIsDeadLetteredAndItsReplayFollows() {
    keep("e-1", CREATED, T0, null);
    failures.put("notifications/e-1", new ConsumerFailure(T0.plusSeconds(30), 5, "Boom: 503"));
    failures.put("inventory/e-1", new ConsumerFailure(T0.plusSeconds(1), 1, "Timeout"));
    audit.add(replay("notifications", "ids=e-1", T0.plusSeconds(60), 1));
    audit.add(replay("notifications", "ids=other", T0.plusSeconds(70), 1));
    audit.add(replay("inventory", "everything", T0.minusSeconds(10), 3));

    List<TrailEntry> trail = show(ORDER);

    assertThat(trail)
        .extracting(TrailEntry::type, TrailEntry::consumer, TrailEntry::detail)
        .containsExactly(
            tuple(CREATED, null, "shop.transaction"),
            tuple("failed", "inventory", "Timeout (attempt 1)"),
            tuple("dead-lettered", "notifications", "Boom: 503 (attempt 5)"),
            tuple("replayed", "notifications", "by ada (ids=e-1)"));
  }

  @Test
  void
      aFailureLandsAtItsOwnTimeAfterTheEventsOfThatInstantAndOnlyAReplayThatMovedSomethingFollows() {
    keep("e-1", CREATED, T0, null);
    keep("e-2", CAPTURED, T0.plusSeconds(30), 4200L);
    failures.put("inventory/e-1", new ConsumerFailure(T0.plusSeconds(30), 1, "Timeout"));
    audit.add(replay("inventory", "everything", T0.plusSeconds(40), 0));
    audit.add(
        new AuditEntry(
            T0.plusSeconds(50), "ada", "dlq.discard", "inventory", "everything", 1, "ok"));

    assertThat(show(ORDER))
        .extracting(TrailEntry::type, TrailEntry::consumer)
        .containsExactly(
            tuple(CREATED, null),
            tuple("handled", "notifications"),
            tuple(CAPTURED, null),
            tuple("payment.captured", null),
            tuple("failed", "inventory"),
            tuple("handled", "notifications"));
  }

  @Test
  void notificationsSentForTheOrderJoinTheTrail() {
    keep("e-1", CREATED, T0, null);
    sent.add(
        new SentNotification(
            T0.plusSeconds(3), "e-1", "EMAIL", "order-confirmation", "SENT", null));
    sent.add(new SentNotification(T0.plusSeconds(4), "e-1", "SMS", "order-sms", "FAILED", "no"));

    List<TrailEntry> trail = show(ORDER);

    assertThat(trail)
        .filteredOn(e -> e.kind().equals("notification"))
        .extracting(TrailEntry::type, TrailEntry::detail)
        .containsExactly(
            tuple("EMAIL order-confirmation", "SENT"), tuple("SMS order-sms", "FAILED: no"));
  }

  @Test
  void anUnknownOrderHasAnEmptyTrail() {
    assertThat(show("nobody")).isEmpty();
  }

  @Test
  void refusesAnIdThatIsNotAnId() {
    assertThatThrownBy(() -> new ShowOrderTrail.Query("a b/../c"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("order id");
    assertThatThrownBy(() -> new ShowOrderTrail.Query(null))
        .isInstanceOf(InvalidFieldException.class);
  }

  @Test
  void recordingTheSameEventTwiceKeepsItOnce() {
    RecordTrailEvent record = new RecordTrailEvent(trails);
    TrailEvent event = event("e-1", CREATED, T0, null);

    record.record(event);
    record.record(event);

    assertThat(trails.eventsOf(ORDER)).containsExactly(event);
  }

  @Test
  void aTrailEventNamesItsOrderEventTypeAndSource() {
    assertThatThrownBy(() -> new TrailEvent(" ", "e", CREATED, "s", T0, null, null, null))
        .hasMessageContaining("orderId");
    assertThatThrownBy(() -> new TrailEvent(ORDER, null, CREATED, "s", T0, null, null, null))
        .hasMessageContaining("eventId");
    assertThatThrownBy(() -> new TrailEvent(ORDER, "e", "", "s", T0, null, null, null))
        .hasMessageContaining("type");
    assertThatThrownBy(() -> new TrailEvent(ORDER, "e", CREATED, null, T0, null, null, null))
        .hasMessageContaining("source");
  }

  private List<TrailEntry> show(String orderId) {
    return showOrderTrail.show(new ShowOrderTrail.Query(orderId));
  }

  private void keep(String id, String type, Instant time, Long amount) {
    trails.keep(event(id, type, time, amount));
  }

  private static TrailEvent event(String id, String type, Instant time, Long amount) {
    return new TrailEvent(
        ORDER, id, type, "shop.transaction", time, amount, amount == null ? null : "EUR", null);
  }

  private static AuditEntry replay(String consumer, String selection, Instant time, long count) {
    return new AuditEntry(time, "ada", "dlq.replay", consumer, selection, count, "ok");
  }

  private static org.assertj.core.groups.Tuple tuple(Object... values) {
    return org.assertj.core.groups.Tuple.tuple(values);
  }

  /** The trail table: one item per (order, time, event id), overwritten by the same event. */
  private static final class InMemoryTrails implements OrderTrails {
    private final Map<String, Map<String, TrailEvent>> byOrder = new HashMap<>();

    @Override
    public void keep(TrailEvent event) {
      byOrder
          .computeIfAbsent(event.orderId(), o -> new java.util.TreeMap<>())
          .put(event.time() + "#" + event.eventId(), event);
    }

    @Override
    public List<TrailEvent> eventsOf(String orderId) {
      return List.copyOf(byOrder.getOrDefault(orderId, Map.of()).values());
    }
  }
}
