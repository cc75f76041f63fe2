package shop.ops.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import shop.ops.audit.AuditEntry;
import shop.ops.audit.AuditLog;
import shop.platform.domain.NotFoundException;

class RetryParkedEventsTest {
  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

  private final InMemoryOutboxes outboxes = new InMemoryOutboxes();
  private final List<AuditEntry> audit = new ArrayList<>();
  private final ListParkedEvents list =
      new ListParkedEvents(List.of("product", "transaction", "user"), outboxes);
  private final RetryParkedEvents retry =
      new RetryParkedEvents(list, outboxes, new Recorded(audit), Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void listsEveryServicesParkedEventsOldestFirst() {
    outboxes.park(event("transaction", "t-2", 3));
    outboxes.park(event("product", "p-1", 1));
    outboxes.park(event("user", "u-1", 2));

    assertThat(list.list(Optional.empty(), 50))
        .extracting(ParkedEvent::id)
        .containsExactly("p-1", "u-1", "t-2");
    assertThat(list.list(Optional.of("user"), 50))
        .extracting(ParkedEvent::id)
        .containsExactly("u-1");
    assertThat(list.list(Optional.empty(), 2)).hasSize(2);
  }

  @Test
  void anUnknownServiceIsRefusedNamingTheField() {
    assertThatThrownBy(() -> list.list(Optional.of("notification"), 10))
        .isInstanceOf(UnknownServiceException.class)
        .hasMessageContaining("product, transaction, user");
  }

  @Test
  void retriesAnEventInTheServiceThatHoldsItAndAuditsIt() {
    outboxes.park(event("transaction", "t-1", 1));
    outboxes.park(event("product", "p-1", 2));

    assertThat(retry.retry("t-1", "ada")).isEqualTo("transaction");

    assertThat(outboxes.parked.get("transaction")).isEmpty();
    assertThat(outboxes.parked.get("product")).hasSize(1);
    assertThat(audit).extracting(AuditEntry::result).containsExactly("intent", "ok");
    AuditEntry entry = audit.getLast();
    assertThat(entry.actor()).isEqualTo("ada");
    assertThat(entry.action()).isEqualTo("outbox.retry");
    assertThat(entry.target()).isEqualTo("transaction");
    assertThat(entry.selection()).contains("t-1").contains("shop.order.created.v1");
    assertThat(entry.count()).isEqualTo(1);
    assertThat(entry.result()).isEqualTo("ok");
    assertThat(entry.time()).isEqualTo(NOW);
  }

  @Test
  void retriesTheNamedEventNotTheOldestParked() {
    outboxes.park(event("transaction", "t-1", 1));
    outboxes.park(event("product", "p-1", 2));

    assertThat(retry.retry("p-1", "ada")).isEqualTo("product");

    assertThat(outboxes.parked.get("transaction")).hasSize(1);
    assertThat(outboxes.parked.get("product")).isEmpty();
  }

  @Test
  void anEventParkedNowhereIsNotFoundAndNothingIsAudited() {
    assertThatThrownBy(() -> retry.retry("nope", "ada"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("parked event nope not found");
    assertThat(audit).isEmpty();
  }

  @Test
  void retriesEverythingOfOneServiceOrOfAll() {
    outboxes.park(event("transaction", "t-1", 1));
    outboxes.park(event("transaction", "t-2", 2));
    outboxes.park(event("user", "u-1", 3));

    assertThat(retry.retryAll(Optional.of("transaction"), "ada")).isEqualTo(2);
    assertThat(audit).extracting(AuditEntry::target).containsExactly("transaction", "transaction");
    assertThat(audit).extracting(AuditEntry::result).containsExactly("intent", "ok");
    assertThat(retry.retryAll(Optional.empty(), "ada")).isEqualTo(1);
    assertThat(audit).hasSize(8);
    assertThat(audit.get(7).target()).isEqualTo("user");
    assertThat(audit.get(7).count()).isEqualTo(1);
  }

  private static ParkedEvent event(String service, String id, int minutesAgo) {
    return new ParkedEvent(
        service,
        id,
        "shop.order.created.v1",
        "order-" + id,
        12,
        "InternalException: down",
        NOW.minusSeconds(60L * (10 - minutesAgo)));
  }

  private static final class InMemoryOutboxes implements Outboxes {
    final Map<String, List<ParkedEvent>> parked = new LinkedHashMap<>();

    void park(ParkedEvent event) {
      parked.computeIfAbsent(event.service(), s -> new ArrayList<>()).add(event);
    }

    @Override
    public List<ParkedEvent> parked(String service, int limit) {
      return parked.getOrDefault(service, List.of()).stream().limit(limit).toList();
    }

    @Override
    public boolean retry(String service, String id) {
      return parked.getOrDefault(service, new ArrayList<>()).removeIf(e -> e.id().equals(id));
    }

    @Override
    public long retryAll(String service) {
      List<ParkedEvent> events = parked.getOrDefault(service, new ArrayList<>());
      int count = events.size();
      events.clear();
      return count;
    }
  }

  private record Recorded(List<AuditEntry> entries) implements AuditLog {
    @Override
    public void record(AuditEntry entry) {
      entries.add(entry);
    }

    @Override
    public List<AuditEntry> latest(int limit) {
      return entries.reversed().stream().limit(limit).toList();
    }
  }
}
