package shop.ops.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import shop.ops.audit.AuditEntry;
import shop.ops.audit.AuditLog;
import shop.platform.domain.NotFoundException;

/**
 * Puts parked events back in their outbox's line, where the relay's next sweep sends them (within a
 * minute), and records each action in the audit log as a replay is recorded.
 */
public final class RetryParkedEvents {
  private final ListParkedEvents list;
  private final Outboxes outboxes;
  private final AuditLog audit;
  private final Clock clock;

  public RetryParkedEvents(ListParkedEvents list, Outboxes outboxes, AuditLog audit, Clock clock) {
    this.list = list;
    this.outboxes = outboxes;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Retries the parked event {@code id}, in whichever service's outbox holds it; returns that
   * service.
   */
  public String retry(String id, String actor) {
    ParkedEvent event =
        list.list(Optional.empty(), ListParkedEvents.MAX_PER_SERVICE).stream()
            .filter(e -> e.id().equals(id))
            .findFirst()
            .orElseThrow(() -> NotFoundException.of("parked event " + id));
    boolean retried = outboxes.retry(event.service(), id);
    audit.record(
        new AuditEntry(
            Instant.now(clock),
            actor,
            "outbox.retry",
            event.service(),
            "event " + id + " (" + event.eventType() + " " + event.subject() + ")",
            retried ? 1 : 0,
            retried ? "ok" : "partial: no longer parked"));
    return event.service();
  }

  /** Retries every parked event of {@code service}, or of every publisher; returns how many. */
  public long retryAll(Optional<String> service, String actor) {
    long total = 0;
    for (String publisher : list.services(service)) {
      long retried = outboxes.retryAll(publisher);
      total += retried;
      audit.record(
          new AuditEntry(
              Instant.now(clock),
              actor,
              "outbox.retry",
              publisher,
              "every parked event",
              retried,
              "ok"));
    }
    return total;
  }
}
